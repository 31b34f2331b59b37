/**
 * @module migrations/0004-list-generations
 * The lists generation: one number that every change of the publications in force increments, in the
 * same transaction as the change. A running server polls it to see, within seconds and without a restart,
 * that another process (`embargo lists load`, another server) put a new set of lists in force.
 */
import type { Kysely } from 'kysely';
import type { ColumnTypes } from '../dialect.js';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function up(db: Kysely<any>, _columns: ColumnTypes): Promise<void> {
  await db.schema
    .createTable('lists_generation')
    .addColumn('id', 'integer', (c) => c.primaryKey())
    .addColumn('generation', 'integer', (c) => c.notNull())
    .addColumn('changed_at', 'text')
    .execute();
  // Which generation each screening was answered from, beside the publications it names.
  await db.schema.alterTable('screenings').addColumn('lists_generation', 'integer').execute();
  // A database that already has lists in force starts at generation 1, an empty one at 0.
  const current = await db.selectFrom('current_publications').select('source').limit(1).execute();
  await db
    .insertInto('lists_generation')
    .values({ id: 1, generation: current.length > 0 ? 1 : 0, changed_at: null })
    .execute();
}
