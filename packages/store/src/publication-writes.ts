/**
 * @module publication-writes
 * Saving a publication: every row in one transaction, the switch of the current publication last,
 * so a reader sees either the old publication or the whole new one, never half of it.
 */
import { countBySchema, EmbargoError, type ListPublication } from '@embargo/core';
import type { Insertable, Kysely, Transaction } from 'kysely';
import type { StoreTables } from './tables.js';

/**
 * Rows per INSERT statement. SQLite binds at most 32,766 parameters per statement and PostgreSQL 65,535;
 * at six columns 1,000 rows stay well under both. Tuned with bench/save-publication.mjs on 15,000 entities
 * (2025-11): 100-row batches took ~1.6× as long on SQLite, 5,000-row batches were no faster on either.
 */
const ROWS_PER_INSERT = 1000;

/** Write the publication and make it current; returns its id. Nothing is stored if any step fails. */
export async function writePublication(db: Kysely<StoreTables>, pub: ListPublication, meta: { loadedAt: Date }): Promise<number> {
  const loadedAt = checkedLoadedAt(meta.loadedAt);
  checkUniqueEntityIds(pub);
  return db.transaction().execute(async (trx) => {
    const { id } = await trx
      .insertInto('publications')
      .values({
        source: pub.source,
        published: pub.published,
        loaded_at: loadedAt,
        records: pub.entities.length,
        schemata: JSON.stringify(countBySchema(pub.entities)),
        issues: pub.issues.length,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await insertRows(
      trx,
      'publication_files',
      pub.files.map((f, position) => ({ publication_id: id, position, path: f.path, sha256: f.sha256, bytes: f.bytes, format: f.format })),
    );
    await insertRows(
      trx,
      'entities',
      pub.entities.map((e, position) => ({
        publication_id: id,
        position,
        entity_id: e.id,
        schema: e.schema,
        caption: e.caption,
        // The whole entity, so fields added to the model later round-trip without a migration.
        data: JSON.stringify(e),
      })),
    );
    await insertRows(
      trx,
      'relationships',
      pub.relationships.map((r, position) => ({
        publication_id: id,
        position,
        from_id: r.from,
        to_id: r.to,
        kind: r.kind,
        source_text: r.sourceText,
      })),
    );
    await trx
      .insertInto('current_publications')
      .values({ source: pub.source, publication_id: id })
      .onConflict((oc) => oc.column('source').doUpdateSet({ publication_id: id }))
      .execute();
    return id;
  });
}

async function insertRows<T extends keyof StoreTables>(
  trx: Transaction<StoreTables>,
  table: T,
  rows: Insertable<StoreTables[T]>[],
): Promise<void> {
  for (let start = 0; start < rows.length; start += ROWS_PER_INSERT) {
    // kysely cannot relate a generic table name to its row type; the signature above checks the rows.
    const batch = rows.slice(start, start + ROWS_PER_INSERT) as never;
    await trx.insertInto(table).values(batch).execute();
  }
}

function checkedLoadedAt(loadedAt: Date): string {
  if (!(loadedAt instanceof Date) || Number.isNaN(loadedAt.getTime())) {
    throw new EmbargoError('INVALID_INPUT', `loadedAt is not a valid date: ${String(loadedAt)}`);
  }
  return loadedAt.toISOString();
}

/** The database would refuse a repeated id too, but only after writing up to it and with a driver message. */
function checkUniqueEntityIds(pub: ListPublication): void {
  const seen = new Set<string>();
  for (const entity of pub.entities) {
    if (seen.has(entity.id)) {
      throw new EmbargoError(
        'INVALID_INPUT',
        `The ${pub.source} publication lists entity ${entity.id} more than once; nothing was stored.`,
        { source: pub.source, entityId: entity.id },
      );
    }
    seen.add(entity.id);
  }
}
