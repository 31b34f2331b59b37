/**
 * @module migrations/0006-persons-and-signatures
 * Four eyes counts people, and the audit trail is anchored by a key the database does not hold:
 * - `api_keys.person`: the person a key belongs to. Keys made before this migration belong to their
 *   name (two keys named alike are one person, the careful reading).
 * - `decisions.person`: who decided, as a person. Earlier decisions get the user of a web session
 *   (`user:ann` → `ann`) or the person of the key that made them.
 * - `audit_events.signature`: HMAC-SHA256 of the row's hash with the audit key (see `audit-key.ts`).
 *   Rows written before this migration stay unsigned; the store signs every row from then on, starting
 *   with an `audit.signing` row that says how many came before (see `audit-trail.ts`).
 * - `audit_head.signature`: HMAC-SHA256 of the head's seq and hash, so the head cannot be moved back.
 */
import { sql, type Kysely } from 'kysely';
import type { ColumnTypes } from '../dialect.js';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function up(db: Kysely<any>, _columns: ColumnTypes): Promise<void> {
  await db.schema
    .alterTable('api_keys')
    .addColumn('person', 'text', (c) => c.notNull().defaultTo(''))
    .execute();
  await sql`update api_keys set person = name`.execute(db);

  await db.schema
    .alterTable('decisions')
    .addColumn('person', 'text', (c) => c.notNull().defaultTo(''))
    .execute();
  await sql`update decisions set person = substr(actor, 6) where actor like 'user:%'`.execute(db);
  await sql`update decisions set person = coalesce((select k.person from api_keys k where k.id = decisions.actor), actor) where person = ''`.execute(
    db,
  );

  await db.schema.alterTable('audit_events').addColumn('signature', 'text').execute();
  await db.schema.alterTable('audit_head').addColumn('signature', 'text').execute();
}
