/**
 * @module dashboard-reads
 * What the analyst's landing page counts (issue 16, point 1): alerts waiting by status, with the age of
 * the oldest open one and how many of them the person moved there, and the newest batch jobs. Counted in
 * the database, so the figures stay exact however long the queue is (`listAlerts` pages at 1,000).
 * @example await alertQueueSummary(db, 'bank-a', 'alice') // { open: { all: 12, mine: 0 }, … }
 */
import type { Kysely } from 'kysely';
import type { AlertStatus, JobRecord } from './records.js';
import type { StoreTables } from './tables.js';
import { toJob } from './job-records.js';

type Db = Kysely<StoreTables>;

/** The statuses that still need someone: the dashboard's three counts. */
export const WAITING_STATUSES = ['open', 'escalated', 'pending_approval'] as const satisfies readonly AlertStatus[];
export type WaitingStatus = (typeof WAITING_STATUSES)[number];

export interface AlertQueueSummary {
  /**
   * `mine`: alerts whose latest decision was made by this person (they escalated it, or they proposed
   * the false positive now awaiting a second analyst). An open alert has no decision yet, so it is no
   * one's until alerts can be assigned (issue 16, point 4): its `mine` is always 0.
   */
  counts: Record<WaitingStatus, { all: number; mine: number }>;
  /** When the oldest open alert was opened; null when none is open. */
  oldestOpenAt: string | null;
}

/** `tenant` null: every tenant's alerts (an analyst without a tenant). */
export async function alertQueueSummary(db: Db, tenant: string | null, person: string): Promise<AlertQueueSummary> {
  let all = db
    .selectFrom('alerts')
    .select(['status', (eb) => eb.fn.countAll<number | string>().as('n'), (eb) => eb.fn.min('created_at').as('oldest')])
    .where('status', 'in', [...WAITING_STATUSES])
    .groupBy('status');
  if (tenant !== null) all = all.where('tenant', '=', tenant);

  // The latest decision's person (decisions order by time, then id, as `decisionsFor` reads them).
  let mine = db
    .selectFrom('alerts as a')
    .select(['a.status', (eb) => eb.fn.countAll<number | string>().as('n')])
    .where('a.status', 'in', ['escalated', 'pending_approval'])
    .where((eb) =>
      eb(
        eb
          .selectFrom('decisions as d')
          .select('d.person')
          .whereRef('d.alert_id', '=', 'a.id')
          .orderBy('d.decided_at', 'desc')
          .orderBy('d.id', 'desc')
          .limit(1),
        '=',
        person,
      ),
    )
    .groupBy('a.status');
  if (tenant !== null) mine = mine.where('a.tenant', '=', tenant);

  const [allRows, mineRows] = await Promise.all([all.execute(), mine.execute()]);
  const counts = Object.fromEntries(WAITING_STATUSES.map((s) => [s, { all: 0, mine: 0 }])) as AlertQueueSummary['counts'];
  let oldestOpenAt: string | null = null;
  for (const r of allRows) {
    counts[r.status as WaitingStatus].all = Number(r.n);
    if (r.status === 'open') oldestOpenAt = (r.oldest as string | null) ?? null;
  }
  for (const r of mineRows) counts[r.status as WaitingStatus].mine = Number(r.n);
  return { counts, oldestOpenAt };
}

/** The newest batch jobs first, at most `limit`; `tenant` null: every tenant's. */
export async function recentJobs(db: Db, tenant: string | null, limit: number): Promise<JobRecord[]> {
  let query = db.selectFrom('jobs').selectAll().orderBy('created_at', 'desc').orderBy('id', 'desc').limit(limit);
  if (tenant !== null) query = query.where('tenant', '=', tenant);
  return (await query.execute()).map(toJob);
}
