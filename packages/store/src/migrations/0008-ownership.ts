/**
 * @module migrations/0008-ownership
 * The ownership and control graph a tenant loads from its own files (issue 15), and the statuses derived
 * from it that are in force. Everything here belongs to a tenant: one bank's registers and the entities
 * they make blocked are not another's.
 *
 * - `ownership_files`: one row per file loaded, unique by (tenant, sha256), so loading a file again
 *   stores nothing new.
 * - `ownership_nodes`, `ownership_edges`: the file's graph, one row per node or edge with the whole
 *   `GraphNode` / `GraphEdge` as JSON (text, as entities are: read whole, never queried inside; see 0001)
 *   and copies of the columns that are queried. The primary key (file, position) serves reading a file's
 *   graph in order, page by page. Nodes have no index by id: nothing looks one up in the database yet
 *   (the evaluation reads the whole graph), and one written in file order cost ~10 s per 1,000,000 nodes
 *   with random ids (BODS statement ids) on SQLite; the store checks an id is once per file before saving.
 * - `ownership_edge_ends`: the index of edges by (tenant, from) and by (tenant, to), as a table of its
 *   own: one row per end of each edge (`side` 'from' or 'to'), keyed (tenant, node, side, file, position).
 *   Two ordinary indexes on `ownership_edges` would be written in the order of the file, i.e. at random
 *   places in their trees, and that is what made saving 2,000,000 edges take over a minute on SQLite
 *   (better-sqlite3 alone, measured 2026-12: 45–60 s for the edges with both indexes, 5–6 s without).
 *   The store fills this table from the file's edges sorted by node (one INSERT … SELECT … ORDER BY per
 *   side), so each tree is written front to back (about 8 s for the 4,000,000 ends).
 * - No foreign keys from the graph's rows to their file: PostgreSQL checks one per row inserted (+30% on
 *   a million edges, measured), and the store deletes a file's rows in the transaction that deletes it.
 * - `ownership_statuses`: the derived statuses in force, one per (tenant, node, regime), with the
 *   aggregate, the proof (JSON), when and by which evaluation it was derived.
 * - `ownership_evaluations`: per tenant, the generation of the last evaluation whose statuses were
 *   stored, so two evaluations computed from the same statuses cannot both be applied.
 */
import { sql, type Kysely } from 'kysely';
import type { ColumnTypes } from '../dialect.js';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function up(db: Kysely<any>, columns: ColumnTypes): Promise<void> {
  await db.schema
    .createTable('ownership_files')
    .addColumn('id', columns.autoId.type, columns.autoId.modify)
    .addColumn('tenant', 'text', (c) => c.notNull())
    .addColumn('file_name', 'text', (c) => c.notNull())
    .addColumn('format', 'text', (c) => c.notNull())
    .addColumn('sha256', 'text', (c) => c.notNull())
    .addColumn('loaded_at', 'text', (c) => c.notNull())
    .addColumn('loaded_by', 'text')
    .addColumn('nodes', 'integer', (c) => c.notNull())
    .addColumn('edges', 'integer', (c) => c.notNull())
    .addUniqueConstraint('ownership_files_tenant_sha256', ['tenant', 'sha256'])
    .execute();

  await db.schema
    .createTable('ownership_nodes')
    .addColumn('file_id', 'integer', (c) => c.notNull())
    .addColumn('position', 'integer', (c) => c.notNull())
    .addColumn('tenant', 'text', (c) => c.notNull())
    .addColumn('node_id', 'text', (c) => c.notNull())
    .addColumn('data', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('ownership_nodes_pk', ['file_id', 'position'])
    .execute();

  await db.schema
    .createTable('ownership_edges')
    .addColumn('file_id', 'integer', (c) => c.notNull())
    .addColumn('position', 'integer', (c) => c.notNull())
    .addColumn('tenant', 'text', (c) => c.notNull())
    .addColumn('edge_id', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('from_id', 'text', (c) => c.notNull())
    .addColumn('to_id', 'text', (c) => c.notNull())
    .addColumn('data', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('ownership_edges_pk', ['file_id', 'position'])
    .execute();
  await columns
    .keyOnlyTable(
      db.schema
        .createTable('ownership_edge_ends')
        .addColumn('tenant', 'text', (c) => c.notNull())
        .addColumn('node_id', 'text', (c) => c.notNull())
        .addColumn('side', 'text', (c) => c.notNull())
        .addColumn('file_id', 'integer', (c) => c.notNull())
        .addColumn('position', 'integer', (c) => c.notNull())
        .addPrimaryKeyConstraint('ownership_edge_ends_pk', ['tenant', 'node_id', 'side', 'file_id', 'position'])
        .addCheckConstraint('ownership_edge_ends_side', sql`side in ('from', 'to')`),
    )
    .execute();

  // Aggregates are percentages with fractions (33.333…): `double precision` in both databases (PostgreSQL's
  // `real` would keep only six digits). The primary key serves a tenant's statuses in id order and one
  // entity's statuses per regime.
  await db.schema
    .createTable('ownership_statuses')
    .addColumn('tenant', 'text', (c) => c.notNull())
    .addColumn('node_id', 'text', (c) => c.notNull())
    .addColumn('regime', 'text', (c) => c.notNull())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('aggregate_min', 'double precision', (c) => c.notNull())
    .addColumn('aggregate_max', 'double precision', (c) => c.notNull())
    .addColumn('proof', 'text', (c) => c.notNull())
    .addColumn('derived_at', 'text', (c) => c.notNull())
    .addColumn('generation', 'integer', (c) => c.notNull())
    .addPrimaryKeyConstraint('ownership_statuses_pk', ['tenant', 'node_id', 'regime'])
    .addCheckConstraint('ownership_statuses_status', sql`status in ('blocked', 'possibly_blocked')`)
    .execute();

  await db.schema
    .createTable('ownership_evaluations')
    .addColumn('tenant', 'text', (c) => c.primaryKey())
    .addColumn('generation', 'integer', (c) => c.notNull())
    .addColumn('evaluated_at', 'text', (c) => c.notNull())
    .execute();
}
