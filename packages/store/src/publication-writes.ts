/**
 * @module publication-writes
 * Saving publications: every row in one transaction, the switch of the current publication last, and the
 * lists generation incremented in the same transaction, so a reader sees either the old lists or the whole
 * new set, never half of it. A list load saves every changed source of a folder in one such transaction,
 * with its audit rows (`writeListLoad`).
 */
import { countBySchema, EmbargoError, type ListPublication } from '@embargo/core';
import type { Insertable, Kysely } from 'kysely';
import { appendAuditRows } from './audit-trail.js';
import type { AuditEvent } from './records.js';
import type { StoreTables } from './tables.js';
import type { InWriteTransaction } from './write-transaction.js';

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
    const id = await writePublicationRows(trx, pub, loadedAt);
    await bumpListsGeneration(trx, loadedAt);
    return id;
  });
}

/** An earlier publication stored as history: kept, never in force, marked with the companion files it lacks. */
export interface HistoryPublication {
  publication: ListPublication;
  /** File names (`alt.csv`); empty when the publication is whole. */
  missingFiles: string[];
}

/** What one list load stores: the publications to put in force together, and the audit rows that say so. */
export interface ListLoad {
  publications: ListPublication[];
  /** Earlier publications to keep beside them, never in force (any number per source). */
  history?: HistoryPublication[];
  loadedAt: Date;
  /**
   * The audit rows of the load, given the ids the publications were saved under (`historyIds` for
   * `history`, in its order) and the new generation.
   */
  audit: (saved: { ids: number[]; historyIds: number[]; generation: number }) => AuditEvent[];
  /**
   * The publication in force per source when the load was checked (null: none). If another load changed
   * any of them since, the checks (older? shrunk?) were made against the wrong lists: STORE_CONFLICT.
   */
  expectInForce?: Record<string, number | null>;
}

/**
 * Saves every publication of a load, switches them all into force, increments the lists generation and
 * appends the audit rows, in one write transaction: a failure (or a kill) anywhere leaves the previous set
 * in force and nothing of this one. A load with no publications (every file unchanged) only appends its
 * audit rows and leaves the generation as it is.
 */
export async function writeListLoad(
  write: InWriteTransaction,
  load: ListLoad,
): Promise<{ ids: number[]; historyIds: number[]; generation: number }> {
  const loadedAt = checkedLoadedAt(load.loadedAt);
  const history = load.history ?? [];
  for (const { publication, missingFiles } of history) {
    checkUniqueEntityIds(publication);
    checkedMissingFiles(missingFiles);
  }
  const sources = new Set<string>();
  for (const pub of load.publications) {
    checkUniqueEntityIds(pub);
    if (sources.has(pub.source))
      throw new EmbargoError('INVALID_INPUT', `A list load holds two publications of ${pub.source}; only one can be put in force.`, {
        source: pub.source,
      });
    sources.add(pub.source);
  }
  return write(async (conn, statements) => {
    if (load.expectInForce) await checkInForce(conn, load.expectInForce);
    // History first, so that within one load the ids run from the oldest publication to the one in force.
    const historyIds: number[] = [];
    for (const { publication, missingFiles } of history)
      historyIds.push(await writePublicationRows(conn, publication, loadedAt, { inForce: false, missingFiles }));
    const ids: number[] = [];
    for (const pub of load.publications) ids.push(await writePublicationRows(conn, pub, loadedAt));
    // History changes nothing screenings run against: only a publication put in force moves the generation.
    const generation = ids.length > 0 ? await bumpListsGeneration(conn, loadedAt) : await readListsGeneration(conn);
    await appendAuditRows(conn, statements, load.audit({ ids, historyIds, generation }), load.loadedAt);
    return { ids, historyIds, generation };
  });
}

async function checkInForce(conn: Kysely<StoreTables>, expected: Record<string, number | null>): Promise<void> {
  const rows = await conn.selectFrom('current_publications').select(['source', 'publication_id']).execute();
  const now = new Map(rows.map((r) => [r.source, Number(r.publication_id)]));
  for (const [source, id] of Object.entries(expected)) {
    if ((now.get(source) ?? null) !== id)
      throw new EmbargoError(
        'STORE_CONFLICT',
        `Another load changed the ${source} publication in force (now ${now.get(source) ?? 'none'}, checked against ${id ?? 'none'}) while this one was being checked; nothing was stored, load again.`,
        { source },
      );
  }
}

/** The lists generation: incremented by every change of the publications in force. */
export async function readListsGeneration(db: Kysely<StoreTables>): Promise<number> {
  const row = await db.selectFrom('lists_generation').select('generation').where('id', '=', 1).executeTakeFirst();
  if (!row) throw new EmbargoError('STORE_CONFLICT', 'The lists_generation row is missing; the database was edited by hand.');
  return Number(row.generation);
}

async function bumpListsGeneration(conn: Kysely<StoreTables>, at: string): Promise<number> {
  const generation = (await readListsGeneration(conn)) + 1;
  await conn.updateTable('lists_generation').set({ generation, changed_at: at }).where('id', '=', 1).execute();
  return generation;
}

/** The rows of one publication, made current for its source unless it is history; the caller holds the transaction. */
async function writePublicationRows(
  trx: Kysely<StoreTables>,
  pub: ListPublication,
  loadedAt: string,
  as: { inForce: boolean; missingFiles: string[] } = { inForce: true, missingFiles: [] },
): Promise<number> {
  const { id } = await trx
    .insertInto('publications')
    .values({
      source: pub.source,
      published: pub.published,
      loaded_at: loadedAt,
      records: pub.entities.length,
      schemata: JSON.stringify(countBySchema(pub.entities)),
      issues: pub.issues.length,
      missing_files: JSON.stringify(as.missingFiles),
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
  if (!as.inForce) return id;
  await trx
    .insertInto('current_publications')
    .values({ source: pub.source, publication_id: id })
    .onConflict((oc) => oc.column('source').doUpdateSet({ publication_id: id }))
    .execute();
  return id;
}

async function insertRows<T extends keyof StoreTables>(
  trx: Kysely<StoreTables>,
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

/** Plain file names, as `missingFiles` of the lists package gives them: anything else is a caller's bug. */
function checkedMissingFiles(files: unknown): void {
  if (!Array.isArray(files) || files.some((f) => typeof f !== 'string' || !f.trim()))
    throw new EmbargoError('INVALID_INPUT', `missingFiles must be a list of file names, not ${JSON.stringify(files)}`, {
      field: 'missingFiles',
    });
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
