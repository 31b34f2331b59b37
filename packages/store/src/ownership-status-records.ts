/**
 * @module ownership-status-records
 * The ownership statuses in force per tenant: which entities an evaluation found blocked or possibly
 * blocked under which regime, with the aggregate and the proof. An evaluation (full or incremental)
 * hands over only what changed; the store applies it in one write transaction with one
 * `ownership.statuses` audit row, so every change of what is in force is in the audit trail.
 *
 * Each tenant has an evaluation generation: the number of the last evaluation applied. An evaluation
 * reads the statuses and the generation, computes its changes, and applies them with a greater number;
 * a second evaluation computed from the same statuses then finds the generation moved and is refused
 * (`STORE_CONFLICT`) instead of applying a diff against statuses no longer in force.
 *
 * @example
 * const generation = (await store.ownershipGeneration('bank-a')) + 1;
 * await store.replaceOwnershipStatuses('bank-a', { upsert: [status], remove: [{ nodeId: 'csv:acme', regime: 'uk' }] }, generation);
 * await store.listOwnershipStatuses('bank-a', { regime: 'ofac', status: 'blocked', limit: 50 });
 */
import { EmbargoError } from '@embargo/core';
import type { Kysely } from 'kysely';
import { appendAuditRows } from './audit-trail.js';
import { checkTenant } from './ownership-graph-check.js';
import { jsonText, type StoreTables } from './tables.js';
import type { InWriteTransaction } from './write-transaction.js';

type Db = Kysely<StoreTables>;
type StatusRow = StoreTables['ownership_statuses'];

export type OwnershipStatusKind = 'blocked' | 'possibly_blocked';

/**
 * A derived status as an evaluation states it (and `embargo ownership check --json` prints it): entity
 * `id` (a graph node) is `status` under `regime` because its owners' aggregate lies in `aggregate`
 * (percent, the ends of a range when shares are known only as ranges), as `proof` shows.
 */
export interface OwnershipStatus {
  id: string;
  name: string;
  /** The regime's key (`ofac`, `eu`, `uk`): regimes are data, so the store takes any non-empty key. */
  regime: string;
  status: OwnershipStatusKind;
  aggregate: { min: number; max: number };
  /** The designated persons, paths, shares, sources and arithmetic, as the core writes them; stored as JSON. */
  proof: unknown;
}

/** A status in force, with when and by which evaluation it was derived. */
export interface StoredOwnershipStatus extends OwnershipStatus {
  /** ISO-8601 UTC. */
  derivedAt: string;
  generation: number;
}

/** What an evaluation changes: statuses new or changed, and (entity, regime) pairs no longer blocked. */
export interface OwnershipStatusChanges {
  upsert: OwnershipStatus[];
  remove: { nodeId: string; regime: string }[];
}

/** What was applied, as the `ownership.statuses` audit row records it; `blocked`, `possiblyBlocked`: in force after. */
export interface OwnershipStatusesReplaced {
  generation: number;
  upserted: number;
  removed: number;
  blocked: number;
  possiblyBlocked: number;
}

export interface OwnershipStatusFilter {
  regime?: string;
  status?: OwnershipStatusKind;
  limit?: number;
  offset?: number;
}

const STATUS_KINDS: readonly OwnershipStatusKind[] = ['blocked', 'possibly_blocked'];

/** Statuses per INSERT: ten columns, so 10,000 parameters (under SQLite's 32,766 and PostgreSQL's 65,535). */
const STATUSES_PER_INSERT = 1000;

/** Node ids per DELETE of removed statuses (one regime at a time). */
const REMOVALS_PER_DELETE = 1000;

/** Statuses listed at most per call. */
const MAX_LIST = 10_000;

const statusKey = (nodeId: string, regime: string) => `${nodeId}\u0000${regime}`;

function statusRow(tenant: string, s: OwnershipStatus, derivedAt: string, generation: number): StatusRow {
  return {
    tenant,
    node_id: s.id,
    regime: s.regime,
    name: s.name,
    status: s.status,
    aggregate_min: s.aggregate.min,
    aggregate_max: s.aggregate.max,
    proof: jsonText(s.proof),
    derived_at: derivedAt,
    generation,
  };
}

function toStatus(r: StatusRow): StoredOwnershipStatus {
  return {
    id: r.node_id,
    name: r.name,
    regime: r.regime,
    status: r.status as OwnershipStatusKind,
    aggregate: { min: Number(r.aggregate_min), max: Number(r.aggregate_max) },
    proof: JSON.parse(r.proof),
    derivedAt: r.derived_at,
    generation: Number(r.generation),
  };
}

/** Refuses, before anything is written, changes that could not be applied as the evaluation meant them. */
function checkChanges(changes: OwnershipStatusChanges, generation: number): void {
  const refuse = (message: string, context: Record<string, unknown>) => new EmbargoError('INVALID_INPUT', message, context);
  if (!Number.isSafeInteger(generation) || generation < 1) {
    throw refuse(`An evaluation generation is a whole number from 1; got ${String(generation)}.`, { field: 'generation' });
  }
  if (!Array.isArray(changes?.upsert) || !Array.isArray(changes?.remove)) {
    throw refuse('Status changes hold a list to upsert and a list to remove.', { field: 'changes' });
  }
  const upserted = new Set<string>();
  changes.upsert.forEach((s, k) => {
    const where = `Status ${k} (${String(s?.id)}, ${String(s?.regime)})`;
    const field = (name: string) => ({ field: `upsert[${k}].${name}` });
    if (typeof s?.id !== 'string' || s.id === '') throw refuse(`Status ${k} names no entity.`, field('id'));
    if (typeof s.regime !== 'string' || s.regime === '') throw refuse(`${where} names no regime.`, field('regime'));
    if (typeof s.name !== 'string') throw refuse(`${where} has no name.`, field('name'));
    if (!STATUS_KINDS.includes(s.status)) {
      throw refuse(`${where}: status must be blocked or possibly_blocked, not ${JSON.stringify(s.status)}.`, field('status'));
    }
    const { min, max } = s.aggregate ?? {};
    // JSON and the columns would keep a NaN as null or refuse it deep in the insert.
    if (!Number.isFinite(min) || !Number.isFinite(max) || min > max) {
      throw refuse(
        `${where}: the aggregate must be two finite numbers, min ≤ max; got ${JSON.stringify(s.aggregate)}.`,
        field('aggregate'),
      );
    }
    const key = statusKey(s.id, s.regime);
    if (upserted.has(key)) throw refuse(`${where} is given twice; an evaluation states one status per entity and regime.`, field('id'));
    upserted.add(key);
  });
  changes.remove.forEach((r, k) => {
    if (typeof r?.nodeId !== 'string' || r.nodeId === '' || typeof r.regime !== 'string' || r.regime === '') {
      throw refuse(`Removal ${k} must name an entity and a regime.`, { field: `remove[${k}]` });
    }
    if (upserted.has(statusKey(r.nodeId, r.regime))) {
      throw refuse(`Removal ${k} (${r.nodeId}, ${r.regime}) is also upserted; the changes contradict each other.`, {
        field: `remove[${k}]`,
      });
    }
  });
}

/**
 * Applies an evaluation's changes to a tenant's statuses in force, in ONE write transaction: removes the
 * pairs in `remove` (a pair not in force is no change), inserts or replaces those in `upsert` (derived
 * `meta.at`, default now, by evaluation `generation`), records `generation` as the tenant's, and appends
 * one `ownership.statuses` audit row (subject the tenant; figures only) saying what changed and what is
 * now in force. An evaluation that changed nothing is recorded too: it says the statuses were checked.
 *
 * `STORE_CONFLICT` (nothing written) unless `generation` is greater than the tenant's last
 * (`ownershipGeneration`); `INVALID_INPUT` (nothing written) for changes `checkChanges` refuses.
 */
export async function replaceOwnershipStatuses(
  write: InWriteTransaction,
  tenant: string,
  changes: OwnershipStatusChanges,
  generation: number,
  meta: { actor?: string | null; at?: Date } = {},
): Promise<OwnershipStatusesReplaced> {
  checkTenant(tenant);
  checkChanges(changes, generation);
  const at = meta.at ?? new Date();
  if (Number.isNaN(at.getTime()))
    throw new EmbargoError('INVALID_INPUT', 'The time of the status changes is not a valid date.', { field: 'at' });
  const derivedAt = at.toISOString();
  return write(async (conn, statements) => {
    const last = await readGeneration(conn, tenant);
    if (generation <= last) {
      throw new EmbargoError(
        'STORE_CONFLICT',
        `The ownership statuses of tenant ${tenant} are those of evaluation ${last}; evaluation ${generation} was computed from older ones. Evaluate again.`,
        { tenant, generation, inForce: last },
      );
    }
    let removed = 0;
    const byRegime = new Map<string, string[]>();
    for (const { nodeId, regime } of changes.remove) byRegime.set(regime, [...(byRegime.get(regime) ?? []), nodeId]);
    for (const [regime, nodeIds] of byRegime) {
      for (let start = 0; start < nodeIds.length; start += REMOVALS_PER_DELETE) {
        const chunk = nodeIds.slice(start, start + REMOVALS_PER_DELETE);
        const result = await conn
          .deleteFrom('ownership_statuses')
          .where('tenant', '=', tenant)
          .where('regime', '=', regime)
          .where('node_id', 'in', chunk)
          .executeTakeFirst();
        removed += Number(result.numDeletedRows);
      }
    }
    for (let start = 0; start < changes.upsert.length; start += STATUSES_PER_INSERT) {
      const rows = changes.upsert.slice(start, start + STATUSES_PER_INSERT).map((s) => statusRow(tenant, s, derivedAt, generation));
      const columns = Object.keys(rows[0]) as (keyof StatusRow)[];
      await statements.run(
        `upsert ownership_statuses × ${rows.length}`,
        rows.flatMap((row) => columns.map((column) => row[column])),
        () =>
          conn
            .insertInto('ownership_statuses')
            .values(rows)
            .onConflict((oc) =>
              oc.columns(['tenant', 'node_id', 'regime']).doUpdateSet((eb) => ({
                name: eb.ref('excluded.name'),
                status: eb.ref('excluded.status'),
                aggregate_min: eb.ref('excluded.aggregate_min'),
                aggregate_max: eb.ref('excluded.aggregate_max'),
                proof: eb.ref('excluded.proof'),
                derived_at: eb.ref('excluded.derived_at'),
                generation: eb.ref('excluded.generation'),
              })),
            ),
      );
    }
    await conn
      .insertInto('ownership_evaluations')
      .values({ tenant, generation, evaluated_at: derivedAt })
      .onConflict((oc) => oc.column('tenant').doUpdateSet({ generation, evaluated_at: derivedAt }))
      .execute();
    const counts = await conn
      .selectFrom('ownership_statuses')
      .select((eb) => ['status', eb.fn.countAll().as('n')])
      .where('tenant', '=', tenant)
      .groupBy('status')
      .execute();
    // PostgreSQL answers count(*) as a bigint, which pg gives as text.
    const inForce = (status: OwnershipStatusKind) => Number(counts.find((c) => c.status === status)?.n ?? 0);
    const replaced: OwnershipStatusesReplaced = {
      generation,
      upserted: changes.upsert.length,
      removed,
      blocked: inForce('blocked'),
      possiblyBlocked: inForce('possibly_blocked'),
    };
    await appendAuditRows(
      conn,
      statements,
      [{ kind: 'ownership.statuses', actor: meta.actor ?? null, subject: tenant, details: { ...replaced } }],
      at,
    );
    return replaced;
  });
}

async function readGeneration(db: Db, tenant: string): Promise<number> {
  const row = await db.selectFrom('ownership_evaluations').select('generation').where('tenant', '=', tenant).executeTakeFirst();
  return row ? Number(row.generation) : 0;
}

/** The generation of the last evaluation applied to the tenant's statuses; 0 before the first. */
export async function ownershipGeneration(db: Db, tenant: string): Promise<number> {
  return readGeneration(db, checkTenant(tenant));
}

/** A tenant's statuses in force, by entity id then regime; `limit` defaults to 100 (at most 10,000). */
export async function listOwnershipStatuses(db: Db, tenant: string, filter: OwnershipStatusFilter = {}): Promise<StoredOwnershipStatus[]> {
  checkTenant(tenant);
  let query = db.selectFrom('ownership_statuses').selectAll().where('tenant', '=', tenant);
  if (filter.regime !== undefined) query = query.where('regime', '=', filter.regime);
  if (filter.status !== undefined) query = query.where('status', '=', filter.status);
  const rows = await query
    .orderBy('node_id')
    .orderBy('regime')
    .limit(Math.min(filter.limit ?? 100, MAX_LIST))
    .offset(filter.offset ?? 0)
    .execute();
  return rows.map(toStatus);
}

/** One entity's statuses in force, one per regime under which it is (possibly) blocked, by regime. */
export async function getOwnershipStatuses(db: Db, tenant: string, nodeId: string): Promise<StoredOwnershipStatus[]> {
  checkTenant(tenant);
  const rows = await db
    .selectFrom('ownership_statuses')
    .selectAll()
    .where('tenant', '=', tenant)
    .where('node_id', '=', nodeId)
    .orderBy('regime')
    .execute();
  return rows.map(toStatus);
}
