/**
 * @module migrations/0009-publication-history
 * Publications kept as history (issue 16 point 5): an earlier publication found beside the newest in a data
 * folder is stored, never put in force, and may lack companion files its format has (the 2015 and 2018 SDN
 * copies hold sdn.csv alone). `missing_files` names them (JSON array of file names, `[]` for a whole
 * publication), so a comparison can say which fields are not comparable instead of counting every alias
 * as a change. ("First seen in" is served by 0001's index on entities (entity_id, publication_id).)
 */
import type { Kysely } from 'kysely';
import type { ColumnTypes } from '../dialect.js';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function up(db: Kysely<any>, _columns: ColumnTypes): Promise<void> {
  await db.schema
    .alterTable('publications')
    .addColumn('missing_files', 'text', (c) => c.notNull().defaultTo('[]'))
    .execute();
}
