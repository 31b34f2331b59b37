/**
 * @module ownership-graph-records
 * A tenant's ownership files (BODS, FollowTheMoney, CSV) as parsed into the core's graph: saved whole in
 * one transaction with an `ownership.load` audit row, listed, deleted (`ownership.delete`), and read back
 * as one graph of all the tenant's files, page by page. A file is never edited after it is saved, which
 * is what lets the graph be read in pages without holding a transaction open (see `ownershipGraphPages`).
 *
 * @example
 * const { stored, file } = await store.saveOwnershipFile('bank-a', meta, { nodes, edges });
 * // stored false: this tenant loaded a file with that sha256 before; `file` is that one.
 * const graph = await store.loadOwnershipGraph('bank-a'); // { nodes, edges } of every file, in load order
 */
import { EmbargoError, type GraphEdge, type GraphNode, type OwnershipStatements } from '@embargo/core';
import { sql, type Kysely } from 'kysely';
import { appendAuditRows } from './audit-trail.js';
import { checkOwnershipFile, checkTenant, type OwnershipFileMeta } from './ownership-graph-check.js';
import type { StoreTables } from './tables.js';
import type { StoreDialect } from './dialect.js';
import type { InWriteTransaction, WriteConnection } from './write-transaction.js';

export type { OwnershipFileMeta } from './ownership-graph-check.js';

type Db = Kysely<StoreTables>;
type FileRow = StoreTables['ownership_files'];

/** An ownership file as stored: what was loaded, by whom, when, and how much of the graph it holds. */
export interface OwnershipFileRecord {
  id: number;
  tenant: string;
  fileName: string;
  format: string;
  sha256: string;
  /** ISO-8601 UTC. */
  loadedAt: string;
  loadedBy: string | null;
  nodes: number;
  edges: number;
}

/** `stored` false: the tenant had loaded a file with this sha256 before, and `file` is that one. */
export interface OwnershipFileSaved {
  stored: boolean;
  file: OwnershipFileRecord;
}

/**
 * Rows per INSERT: eight columns for an edge, so 8,000 parameters, under SQLite's 32,766 and PostgreSQL's
 * 65,535. Tuned with bench/ownership-store.mjs on 2,000,000 edges (2026-12): 250 and 4,000 rows were
 * no faster on SQLite (within the ±10% the runs vary by); most of the time is the database's own.
 */
const ROWS_PER_INSERT = 1000;

/**
 * Rows from which a file is a bulk load, after which the database's statistics are refreshed (see
 * `StoreDialect.refreshStatistics`): PostgreSQL's autovacuum analyses a table once a tenth of it changed,
 * but not before a minute or so, and a first large load must not be planned as an empty table meanwhile.
 */
const BULK_LOAD_ROWS = 10_000;

/** Rows per SELECT when reading a graph back: pages of a bounded size, whatever the file's. */
export const GRAPH_PAGE_ROWS = 10_000;

function toFile(r: Omit<FileRow, 'id'> & { id: number }): OwnershipFileRecord {
  return {
    id: Number(r.id),
    tenant: r.tenant,
    fileName: r.file_name,
    format: r.format,
    sha256: r.sha256,
    loadedAt: r.loaded_at,
    loadedBy: r.loaded_by,
    nodes: Number(r.nodes),
    edges: Number(r.edges),
  };
}

/**
 * Saves a tenant's ownership file and its graph in ONE write transaction, with an `ownership.load` audit
 * row (ids and figures only) at `meta.loadedAt`; on any failure nothing of it is stored. When the tenant
 * already has a file with this sha256 it stores nothing, appends nothing, and answers that file with
 * `stored: false`: the same bytes make the same graph. Nodes and edges keep their order in the file.
 * `INVALID_INPUT` (nothing written) for a file `checkOwnershipFile` refuses.
 */
export async function saveOwnershipFile(
  write: InWriteTransaction,
  { db, refreshStatistics }: { db: Db; refreshStatistics: StoreDialect['refreshStatistics'] },
  tenant: string,
  meta: OwnershipFileMeta,
  statements: OwnershipStatements,
): Promise<OwnershipFileSaved> {
  // A file loaded before is answered before the graph is checked (seconds for millions of edges): the
  // same bytes were checked when they were stored. The write below looks again, under the lock.
  checkTenant(tenant);
  const known = typeof meta?.sha256 === 'string' ? await fileWithSha256(db, tenant, meta.sha256) : undefined;
  if (known) return { stored: false, file: known };
  checkOwnershipFile(tenant, meta, statements);
  const { nodes, edges } = statements;
  return write(async (conn, reused) => {
    // Under the writer lock (see write-transaction.ts), so of two loads of one file only the first stores it.
    const earlier = await fileWithSha256(conn, tenant, meta.sha256);
    if (earlier) return { stored: false, file: earlier };
    const row = {
      tenant,
      file_name: meta.fileName,
      format: meta.format,
      sha256: meta.sha256,
      loaded_at: meta.loadedAt.toISOString(),
      loaded_by: meta.loadedBy,
      nodes: nodes.length,
      edges: edges.length,
    };
    const { id } = await conn.insertInto('ownership_files').values(row).returning('id').executeTakeFirstOrThrow();
    const fileId = Number(id);
    await insertInChunks(nodes, (chunk, from) =>
      reused.insert(
        'ownership_nodes',
        chunk.map((node, k) => ({ file_id: fileId, position: from + k, tenant, node_id: node.id, data: JSON.stringify(node) })),
      ),
    );
    await insertInChunks(edges, (chunk, from) =>
      reused.insert(
        'ownership_edges',
        chunk.map((edge, k) => ({
          file_id: fileId,
          position: from + k,
          tenant,
          edge_id: edge.id,
          kind: edge.kind,
          from_id: edge.from,
          to_id: edge.to,
          // The whole edge, so fields the core adds later round-trip without a migration.
          data: JSON.stringify(edge),
        })),
      ),
    );
    await indexEdgeEnds(conn, fileId);
    if (nodes.length + edges.length >= BULK_LOAD_ROWS) {
      for (const statement of refreshStatistics(['ownership_nodes', 'ownership_edges', 'ownership_edge_ends'])) {
        await sql.raw(statement).execute(conn);
      }
    }
    const file = toFile({ id: fileId, ...row });
    await appendAuditRows(
      conn,
      reused,
      [
        {
          kind: 'ownership.load',
          actor: meta.loadedBy,
          subject: String(fileId),
          // Ids and figures only: the parties' names stay in the graph's rows.
          details: { tenant, format: meta.format, sha256: meta.sha256, nodes: nodes.length, edges: edges.length },
        },
      ],
      meta.loadedAt,
    );
    return { stored: true, file };
  });
}

async function fileWithSha256(db: Db, tenant: string, sha256: string): Promise<OwnershipFileRecord | undefined> {
  const row = await db
    .selectFrom('ownership_files')
    .selectAll()
    .where('tenant', '=', tenant)
    .where('sha256', '=', sha256)
    .executeTakeFirst();
  return row && toFile(row);
}

/**
 * Indexes a file's edges by each end (see migration 0008): the database sorts them by node, so the
 * index's tree is written front to back instead of at a random place per edge.
 */
async function indexEdgeEnds(conn: WriteConnection, fileId: number): Promise<void> {
  for (const [side, column] of [
    ['from', 'from_id'],
    ['to', 'to_id'],
  ] as const) {
    await conn
      .insertInto('ownership_edge_ends')
      .columns(['tenant', 'node_id', 'side', 'file_id', 'position'])
      .expression((eb) =>
        eb
          .selectFrom('ownership_edges')
          // A literal, not a parameter: PostgreSQL cannot tell a parameter's type in a select list.
          .select(['tenant', `${column} as node_id`, sql.lit(side).as('side'), 'file_id', 'position'])
          .where('file_id', '=', fileId)
          .orderBy(column)
          .orderBy('position'),
      )
      .execute();
  }
}

/** Builds each chunk's rows only when it is written, so 2,000,000 edges are never all rows at once. */
async function insertInChunks<T>(items: readonly T[], insert: (chunk: readonly T[], from: number) => Promise<void>): Promise<void> {
  for (let from = 0; from < items.length; from += ROWS_PER_INSERT) await insert(items.slice(from, from + ROWS_PER_INSERT), from);
}

/** The tenants that have loaded ownership files, in name order: those whose statuses a list load can change. */
export async function ownershipTenants(db: Db): Promise<string[]> {
  const rows = await db.selectFrom('ownership_files').select('tenant').distinct().orderBy('tenant').execute();
  return rows.map((r) => r.tenant);
}

/** A tenant's ownership files, newest load first. */
export async function listOwnershipFiles(db: Db, tenant: string): Promise<OwnershipFileRecord[]> {
  checkTenant(tenant);
  const rows = await db
    .selectFrom('ownership_files')
    .selectAll()
    .where('tenant', '=', tenant)
    .orderBy('loaded_at', 'desc')
    .orderBy('id', 'desc')
    .execute();
  return rows.map(toFile);
}

/**
 * Deletes one of the tenant's files and its nodes and edges, with an `ownership.delete` audit row, in one
 * write transaction. `NOT_FOUND` when the tenant has no file with that id (another tenant's included).
 * The statuses in force are not touched: they were derived from a graph that had this file, and stay
 * until the next evaluation replaces them (`replaceOwnershipStatuses`).
 */
export async function deleteOwnershipFile(
  write: InWriteTransaction,
  tenant: string,
  fileId: number,
  meta: { actor?: string | null; at?: Date } = {},
): Promise<void> {
  checkTenant(tenant);
  const at = meta.at ?? new Date();
  await write(async (conn, reused) => {
    const file = await conn
      .selectFrom('ownership_files')
      .selectAll()
      .where('id', '=', fileId)
      .where('tenant', '=', tenant)
      .executeTakeFirst();
    if (!file) {
      throw new EmbargoError('NOT_FOUND', `Tenant ${tenant} has no ownership file with id ${fileId}.`, { tenant, fileId });
    }
    await deleteFileRows(conn, tenant, fileId);
    await appendAuditRows(
      conn,
      reused,
      [
        {
          kind: 'ownership.delete',
          actor: meta.actor ?? null,
          subject: String(fileId),
          details: { tenant, format: file.format, sha256: file.sha256, nodes: Number(file.nodes), edges: Number(file.edges) },
        },
      ],
      at,
    );
  });
}

async function deleteFileRows(conn: WriteConnection, tenant: string, fileId: number): Promise<void> {
  // By tenant first, the key's first column: a scan of this tenant's ends, not every tenant's.
  await conn.deleteFrom('ownership_edge_ends').where('tenant', '=', tenant).where('file_id', '=', fileId).execute();
  await conn.deleteFrom('ownership_edges').where('file_id', '=', fileId).execute();
  await conn.deleteFrom('ownership_nodes').where('file_id', '=', fileId).execute();
  await conn.deleteFrom('ownership_files').where('id', '=', fileId).execute();
}

/**
 * The tenant's graph, every file's nodes and edges, in pages of at most `pageRows` nodes or edges: first
 * the nodes of every file, then the edges, each file in load order and each in its file's order. A
 * caller that builds its own compact graph never holds more than a page of `GraphEdge` objects.
 *
 * The files are those saved when the read began; each is read by position ranges of its primary key, one
 * SELECT per page, with no transaction held open (which on SQLite would hold the store's one connection
 * for the whole read). Files are never edited, so the pages add up to the graph as it was when the read
 * began, unless a file is deleted meanwhile: then its pages come back short and the read fails with
 * `STORE_CONFLICT` rather than hand over a graph that never existed. A node id may come once per file
 * that states it (a party named in two registers); merging them is the caller's.
 */
export async function* ownershipGraphPages(
  db: Db,
  tenant: string,
  pageRows: number = GRAPH_PAGE_ROWS,
): AsyncGenerator<OwnershipStatements> {
  checkTenant(tenant);
  if (!Number.isSafeInteger(pageRows) || pageRows < 1) {
    throw new EmbargoError('INVALID_INPUT', `A page of the graph holds at least one row; got ${pageRows}.`, { field: 'pageRows' });
  }
  const files = await db
    .selectFrom('ownership_files')
    .select(['id', 'nodes', 'edges'])
    .where('tenant', '=', tenant)
    .orderBy('id')
    .execute();
  for (const file of files) {
    for (let from = 0; from < Number(file.nodes); from += pageRows) {
      const count = Math.min(pageRows, Number(file.nodes) - from);
      const rows = await pageOf(db, 'ownership_nodes', tenant, Number(file.id), from, count);
      yield { nodes: rows.map((r) => JSON.parse(r.data) as GraphNode), edges: [] };
    }
  }
  for (const file of files) {
    for (let from = 0; from < Number(file.edges); from += pageRows) {
      const count = Math.min(pageRows, Number(file.edges) - from);
      const rows = await pageOf(db, 'ownership_edges', tenant, Number(file.id), from, count);
      yield { nodes: [], edges: rows.map((r) => JSON.parse(r.data) as GraphEdge) };
    }
  }
}

async function pageOf(
  db: Db,
  table: 'ownership_nodes' | 'ownership_edges',
  tenant: string,
  fileId: number,
  from: number,
  count: number,
): Promise<{ data: string }[]> {
  const rows = await db
    .selectFrom(table)
    .select('data')
    .where('file_id', '=', fileId)
    .where('tenant', '=', tenant)
    .where('position', '>=', from)
    .where('position', '<', from + count)
    .orderBy('position')
    .execute();
  if (rows.length !== count) {
    throw new EmbargoError(
      'STORE_CONFLICT',
      `Ownership file ${fileId} of tenant ${tenant} was deleted while its graph was being read; read the graph again.`,
      { tenant, fileId },
    );
  }
  return rows;
}

/**
 * The tenant's whole graph in memory (every page of `ownershipGraphPages`): all files' nodes, then all
 * their edges, in load order.
 */
export async function loadOwnershipGraph(db: Db, tenant: string): Promise<OwnershipStatements> {
  const graph: OwnershipStatements = { nodes: [], edges: [] };
  for await (const page of ownershipGraphPages(db, tenant)) {
    for (const node of page.nodes) graph.nodes.push(node);
    for (const edge of page.edges) graph.edges.push(edge);
  }
  return graph;
}

/** Node ids per look-up of their edges: under both databases' parameter limits with room to spare. */
const NODES_PER_SELECT = 500;

/**
 * The tenant's edges with one of `nodeIds` at their `side` end: `from` for what they hold, own, control
 * or direct, `to` for who holds them. In load and file order, each edge once.
 * @example await store.ownershipEdgesOf('bank-a', ['ofac:9647'], 'from') // the edges from ofac:9647
 */
export async function ownershipEdgesOf(db: Db, tenant: string, nodeIds: readonly string[], side: 'from' | 'to'): Promise<GraphEdge[]> {
  checkTenant(tenant);
  if (side !== 'from' && side !== 'to') {
    throw new EmbargoError('INVALID_INPUT', `An edge's end is "from" or "to", not ${JSON.stringify(side)}.`, { field: 'side' });
  }
  const unique = [...new Set(nodeIds)];
  const found: { file_id: number; position: number; data: string }[] = [];
  for (let start = 0; start < unique.length; start += NODES_PER_SELECT) {
    const rows = await db
      .selectFrom('ownership_edge_ends as x')
      .innerJoin('ownership_edges as e', (join) => join.onRef('e.file_id', '=', 'x.file_id').onRef('e.position', '=', 'x.position'))
      .select(['e.file_id', 'e.position', 'e.data'])
      .where('x.tenant', '=', tenant)
      .where('x.node_id', 'in', unique.slice(start, start + NODES_PER_SELECT))
      .where('x.side', '=', side)
      .execute();
    found.push(...rows);
  }
  found.sort((a, b) => Number(a.file_id) - Number(b.file_id) || Number(a.position) - Number(b.position));
  return found.map((r) => JSON.parse(r.data) as GraphEdge);
}
