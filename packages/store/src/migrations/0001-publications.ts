/**
 * @module migrations/0001-publications
 * List publications: the publication row, its files, its entities (one row each, the entity as JSON),
 * its relationships, and which publication is current per source.
 *
 * JSON is stored as `text` in both databases: the store reads entities whole (the screening index is
 * built in memory), never queries inside them, and PostgreSQL `jsonb` made saving 15,000 entities about
 * 40% slower for nothing. A later migration can add a `jsonb` copy if queries into properties are needed.
 */
import type { Kysely } from 'kysely';
import type { ColumnTypes } from '../dialect.js';

// Migrations are frozen once released: they take `Kysely<any>` rather than today's table types,
// which will keep changing as later migrations alter the tables.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function up(db: Kysely<any>, columns: ColumnTypes): Promise<void> {
  await db.schema
    .createTable('publications')
    .addColumn('id', columns.autoId.type, columns.autoId.modify)
    .addColumn('source', 'text', (c) => c.notNull())
    .addColumn('published', 'text')
    .addColumn('loaded_at', 'text', (c) => c.notNull())
    .addColumn('records', 'integer', (c) => c.notNull())
    .addColumn('schemata', 'text', (c) => c.notNull())
    .addColumn('issues', 'integer', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('publication_files')
    .addColumn('publication_id', 'integer', (c) => c.notNull().references('publications.id').onDelete('cascade'))
    .addColumn('position', 'integer', (c) => c.notNull())
    .addColumn('path', 'text', (c) => c.notNull())
    .addColumn('sha256', 'text', (c) => c.notNull())
    .addColumn('bytes', 'integer', (c) => c.notNull())
    .addColumn('format', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('publication_files_pk', ['publication_id', 'position'])
    .execute();

  // The primary key serves "all entities of a publication, in list order"; the unique index serves
  // "where is entity X" across publications and guarantees an id appears once per publication.
  await db.schema
    .createTable('entities')
    .addColumn('publication_id', 'integer', (c) => c.notNull().references('publications.id').onDelete('cascade'))
    .addColumn('position', 'integer', (c) => c.notNull())
    .addColumn('entity_id', 'text', (c) => c.notNull())
    .addColumn('schema', 'text', (c) => c.notNull())
    .addColumn('caption', 'text', (c) => c.notNull())
    .addColumn('data', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('entities_pk', ['publication_id', 'position'])
    .execute();
  await db.schema.createIndex('entities_entity_id').on('entities').columns(['entity_id', 'publication_id']).unique().execute();

  await db.schema
    .createTable('relationships')
    .addColumn('publication_id', 'integer', (c) => c.notNull().references('publications.id').onDelete('cascade'))
    .addColumn('position', 'integer', (c) => c.notNull())
    .addColumn('from_id', 'text', (c) => c.notNull())
    .addColumn('to_id', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('source_text', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('relationships_pk', ['publication_id', 'position'])
    .execute();

  await db.schema
    .createTable('current_publications')
    .addColumn('source', 'text', (c) => c.primaryKey())
    .addColumn('publication_id', 'integer', (c) => c.notNull().references('publications.id'))
    .execute();
}
