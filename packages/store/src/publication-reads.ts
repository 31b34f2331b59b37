/**
 * @module publication-reads
 * Reading publications, their entities and relationships back into the core's types.
 */
import { EmbargoError, type Entity, type ListSource, type PublicationFile, type Relationship, type RelationshipKind } from '@embargo/core';
import type { Kysely } from 'kysely';
import type { FirstSeen, StoredPublication } from './store.js';
import type { StoreTables } from './tables.js';

type Db = Kysely<StoreTables>;

/** Publications with their current flag, newest load first; narrowed by the caller's `where`. */
function publicationQuery(db: Db) {
  return db
    .selectFrom('publications as p')
    .leftJoin('current_publications as c', 'c.publication_id', 'p.id')
    .select([
      'p.id',
      'p.source',
      'p.published',
      'p.loaded_at',
      'p.records',
      'p.schemata',
      'p.issues',
      'p.missing_files',
      'c.source as current_source',
    ])
    .orderBy('p.loaded_at', 'desc')
    .orderBy('p.id', 'desc');
}

type PublicationRow = Awaited<ReturnType<ReturnType<typeof publicationQuery>['executeTakeFirstOrThrow']>>;

async function withFiles(db: Db, rows: PublicationRow[]): Promise<StoredPublication[]> {
  if (rows.length === 0) return [];
  const fileRows = await db
    .selectFrom('publication_files')
    .select(['publication_id', 'path', 'sha256', 'bytes', 'format'])
    .where(
      'publication_id',
      'in',
      rows.map((r) => r.id),
    )
    .orderBy('publication_id')
    .orderBy('position')
    .execute();
  const files = new Map<number, PublicationFile[]>();
  for (const { publication_id, ...file } of fileRows) {
    const list = files.get(publication_id) ?? [];
    list.push(file);
    files.set(publication_id, list);
  }
  return rows.map((r) => ({
    id: r.id,
    source: r.source as ListSource,
    published: r.published,
    loadedAt: r.loaded_at,
    files: files.get(r.id) ?? [],
    records: r.records,
    schemata: JSON.parse(r.schemata) as StoredPublication['schemata'],
    issues: r.issues,
    current: r.current_source !== null,
    missingFiles: JSON.parse(r.missing_files) as string[],
  }));
}

export async function listPublications(db: Db): Promise<StoredPublication[]> {
  return withFiles(db, await publicationQuery(db).execute());
}

export async function currentPublications(db: Db): Promise<StoredPublication[]> {
  const rows = await publicationQuery(db).where('c.source', 'is not', null).execute();
  const publications = await withFiles(db, rows);
  return publications.sort((a, b) => a.source.localeCompare(b.source));
}

export async function getPublication(db: Db, id: number): Promise<StoredPublication | undefined> {
  const [publication] = await withFiles(db, await publicationQuery(db).where('p.id', '=', id).execute());
  return publication;
}

export async function publicationsContaining(db: Db, entityId: string): Promise<StoredPublication[]> {
  const containing = db.selectFrom('entities').select('publication_id').where('entity_id', '=', entityId);
  return withFiles(db, await publicationQuery(db).where('p.id', 'in', containing).execute());
}

/** Ids per query: well under SQLite's 32,766 bound parameters and PostgreSQL's 65,535. */
const IDS_PER_QUERY = 1000;

export async function firstSeen(db: Db, entityIds: readonly string[]): Promise<Map<string, FirstSeen>> {
  const ids = [...new Set(entityIds)];
  const first = new Map<string, FirstSeen & { loadedAt: string }>();
  for (let start = 0; start < ids.length; start += IDS_PER_QUERY) {
    const rows = await db
      .selectFrom('entities as e')
      .innerJoin('publications as p', 'p.id', 'e.publication_id')
      .select(['e.entity_id', 'p.id', 'p.source', 'p.published', 'p.loaded_at'])
      .where('e.entity_id', 'in', ids.slice(start, start + IDS_PER_QUERY))
      .execute();
    for (const r of rows) {
      const seen = { publicationId: r.id, source: r.source as ListSource, published: r.published, loadedAt: r.loaded_at };
      const known = first.get(r.entity_id);
      if (!known || earlier(seen, known)) first.set(r.entity_id, seen);
    }
  }
  return new Map([...first].map(([id, { loadedAt: _, ...seen }]) => [id, seen]));
}

/** By published date (an undated publication after every dated one), then by load, then by id. */
function earlier(a: FirstSeen & { loadedAt: string }, b: FirstSeen & { loadedAt: string }): boolean {
  if (a.published !== b.published) return b.published === null || (a.published !== null && a.published < b.published);
  if (a.loadedAt !== b.loadedAt) return a.loadedAt < b.loadedAt;
  return a.publicationId < b.publicationId;
}

export async function loadEntities(db: Db, publicationId: number, page?: { from: number; count: number }): Promise<Entity[]> {
  await requirePublication(db, publicationId);
  let query = db.selectFrom('entities').select('data').where('publication_id', '=', publicationId);
  if (page) query = query.where('position', '>=', page.from).where('position', '<', page.from + page.count);
  const rows = await query.orderBy('position').execute();
  return rows.map((r) => JSON.parse(r.data) as Entity);
}

export async function loadRelationships(db: Db, publicationId: number): Promise<Relationship[]> {
  await requirePublication(db, publicationId);
  const rows = await db
    .selectFrom('relationships')
    .select(['from_id', 'to_id', 'kind', 'source_text'])
    .where('publication_id', '=', publicationId)
    .orderBy('position')
    .execute();
  return rows.map((r) => ({ from: r.from_id, to: r.to_id, kind: r.kind as RelationshipKind, sourceText: r.source_text }));
}

/**
 * The entity from the current publications. OFAC's SDN and consolidated lists share one number space, so an
 * id is in at most one current publication; should two ever list it, the later-saved one answers.
 */
export async function getEntity(db: Db, entityId: string): Promise<{ entity: Entity; publicationId: number } | undefined> {
  const row = await db
    .selectFrom('entities as e')
    .innerJoin('current_publications as c', 'c.publication_id', 'e.publication_id')
    .select(['e.data', 'e.publication_id'])
    .where('e.entity_id', '=', entityId)
    .orderBy('e.publication_id', 'desc')
    .limit(1)
    .executeTakeFirst();
  return row && { entity: JSON.parse(row.data) as Entity, publicationId: row.publication_id };
}

/** An empty list would not tell "no such publication" from "a publication with nothing in it". */
async function requirePublication(db: Db, id: number): Promise<void> {
  const row = await db.selectFrom('publications').select('id').where('id', '=', id).executeTakeFirst();
  if (!row) throw new EmbargoError('NOT_FOUND', `There is no stored publication with id ${id}.`, { publicationId: id });
}
