/**
 * @module list-checks
 * What the server knows of its checks of the publishers (issue 18, point 6): per source, the last check,
 * its outcome (unchanged, loaded, refused, unreachable, failed) and reason, and the last successful one.
 * Every check is an audit row (`list.check`, subject the source), so after a restart the status is read
 * back from the trail; between restarts it is kept here. `/healthz` and the dashboard show it, with each
 * list's age: a list not successfully checked for longer than the configured maximum is overdue.
 */
import type { ListSource } from '@embargo/core';
import { OFFICIAL_FILES } from '@embargo/lists';
import type { AuditEvent, AuditRow, Store, StoredPublication } from '@embargo/store';
import type { AppDeps } from './deps.js';
import type { LoadSummary } from './list-loading.js';

export const LIST_CHECK_OUTCOMES = ['unchanged', 'loaded', 'refused', 'unreachable', 'failed'] as const;
/**
 * - unchanged: the publisher's files are those in force (or another server loaded them first);
 * - loaded: a new publication went into force;
 * - refused: the publisher answered, but the files failed a check (cut short, not parsing, incomplete,
 *   older, shrunk): the publication in force stays;
 * - unreachable: no answer (no connection, an HTTP error status);
 * - failed: Embargo's own side failed (the database, the disk).
 */
export type ListCheckOutcome = (typeof LIST_CHECK_OUTCOMES)[number];

/** One check of one publisher. */
export interface ListCheck {
  source: string;
  /** ISO-8601 UTC. */
  at: string;
  outcome: ListCheckOutcome;
  /** Why it was refused or failed, as the error said it; absent when it succeeded. */
  reason?: string;
  /** The error code behind `reason` (LIST_SHRANK, LIST_DOWNLOAD…). */
  code?: string;
  /** The publication put in force, when `loaded`. */
  publication?: number;
}

/** A source's state, as /healthz and the dashboard show it. */
export interface ListCheckStatus {
  source: string;
  lastCheckedAt: string | null;
  /** The last check that was unchanged or loaded, or else the load of the publication in force (a load is a check). */
  lastSuccessAt: string | null;
  outcome: ListCheckOutcome | null;
  reason: string | null;
  /** The last check failed, or the last success is older than the maximum age. */
  attention: boolean;
  /** Why `attention`, in words an admin can act on; null when none is needed. */
  attentionReason: string | null;
}

const SUCCESS: ReadonlySet<ListCheckOutcome> = new Set(['unchanged', 'loaded']);

/** How far back the trail is read after a restart: a few weeks of checks every few hours of every source. */
const CHECKS_READ_BACK = 2000;

function checkAuditEvent(check: ListCheck, actor: string): AuditEvent {
  const { source, at: _at, ...details } = check;
  return { kind: 'list.check', actor, subject: source, details };
}

/** The check of `source` that went through: a new publication put in force, or the files were those in force. */
export function succeededCheck(source: string, summary: Pick<LoadSummary, 'saved'>, at: Date): ListCheck {
  const saved = summary.saved.find((p) => p.source === source);
  return saved
    ? { source, at: at.toISOString(), outcome: 'loaded', publication: saved.id }
    : { source, at: at.toISOString(), outcome: 'unchanged' };
}

/** Keeps a check in the server's status (when it keeps one) and writes its audit row. */
export async function recordCheck(deps: Pick<AppDeps, 'store' | 'listChecks'>, check: ListCheck, actor: string): Promise<void> {
  deps.listChecks?.record(check);
  await deps.store.appendAudit(checkAuditEvent(check, actor), new Date(check.at));
}

function fromAuditRow(row: AuditRow): ListCheck | undefined {
  const outcome = row.details.outcome as ListCheckOutcome;
  if (!LIST_CHECK_OUTCOMES.includes(outcome)) return undefined;
  return {
    source: row.subject,
    at: row.at,
    outcome,
    ...(typeof row.details.reason === 'string' ? { reason: row.details.reason } : {}),
    ...(typeof row.details.code === 'string' ? { code: row.details.code } : {}),
  };
}

export class ListChecks {
  private readonly last = new Map<string, ListCheck>();
  private readonly lastSuccess = new Map<string, ListCheck>();

  /**
   * @param maxAgeMs a list whose last successful check (or load) is older is overdue (EMBARGO_LIST_MAX_AGE).
   * @param everyMs how often the server checks (EMBARGO_UPDATE_EVERY); 0 when it does not.
   */
  constructor(
    readonly maxAgeMs: number,
    readonly everyMs: number,
  ) {}

  /** The status as the audit trail has it: the newest checks of each source, oldest applied first. */
  static async fromAuditTrail(store: Store, maxAgeMs: number, everyMs: number): Promise<ListChecks> {
    const checks = new ListChecks(maxAgeMs, everyMs);
    const rows = await store.listAudit({ kind: 'list.check', newestFirst: true, limit: CHECKS_READ_BACK });
    for (const row of rows.reverse()) {
      const check = fromAuditRow(row);
      if (check) checks.record(check);
    }
    return checks;
  }

  record(check: ListCheck): void {
    this.last.set(check.source, check);
    if (SUCCESS.has(check.outcome)) this.lastSuccess.set(check.source, check);
  }

  /** When the last check of any source was made (null: none yet), for when the next is due. */
  lastCheckedAt(): string | null {
    const times = [...this.last.values()].map((c) => c.at).sort();
    return times.at(-1) ?? null;
  }

  /**
   * Per source (those checked, those of the publishers, those in force), its last check and whether it
   * needs attention at `now`.
   */
  status(now: Date, sources: readonly string[], inForce: readonly StoredPublication[]): ListCheckStatus[] {
    const loaded = new Map<string, string>(inForce.map((p) => [p.source, p.loadedAt]));
    const all = [...new Set([...sources, ...loaded.keys(), ...this.last.keys()])].sort();
    return all.map((source) => {
      const last = this.last.get(source);
      const success =
        [this.lastSuccess.get(source)?.at, loaded.get(source)]
          .filter((t): t is string => !!t)
          .sort()
          .at(-1) ?? null;
      return {
        source,
        lastCheckedAt: last?.at ?? null,
        lastSuccessAt: success,
        outcome: last?.outcome ?? null,
        reason: last?.reason ?? null,
        ...this.attention(now, last, success),
      };
    });
  }

  private attention(
    now: Date,
    last: ListCheck | undefined,
    success: string | null,
  ): Pick<ListCheckStatus, 'attention' | 'attentionReason'> {
    // The times are beside the reason (lastCheckedAt, lastSuccessAt), for each reader to show in its own way.
    if (last && !SUCCESS.has(last.outcome)) return { attention: true, attentionReason: last.reason ?? `The check was ${last.outcome}.` };
    if (success && now.getTime() - Date.parse(success) > this.maxAgeMs)
      return {
        attention: true,
        attentionReason: `Not successfully checked for longer than ${describeDuration(this.maxAgeMs)} (EMBARGO_LIST_MAX_AGE).`,
      };
    return { attention: false, attentionReason: null };
  }
}

/** The publishers to check: every source OFFICIAL_FILES lists, in its order (read each time: sources get added). */
export function publisherSources(): ListSource[] {
  return [...new Set(OFFICIAL_FILES.map((f) => f.source))];
}

/**
 * Each publisher's and each list in force's status now, from the server's checks (or, when it keeps none,
 * from the loads of the lists in force alone).
 */
export async function listCheckStatus(deps: Pick<AppDeps, 'store' | 'clock' | 'config' | 'listChecks'>): Promise<ListCheckStatus[]> {
  const checks = deps.listChecks ?? new ListChecks(deps.config.listMaxAgeMs, deps.config.listUpdateEveryMs);
  return checks.status(deps.clock(), publisherSources(), await deps.store.currentPublications());
}

/** A duration in the words the variables take it: "6 hours", "90 minutes", "30 seconds". */
export function describeDuration(ms: number): string {
  const units: [number, string][] = [
    [86_400_000, 'day'],
    [3_600_000, 'hour'],
    [60_000, 'minute'],
    [1000, 'second'],
  ];
  for (const [size, name] of units) if (ms >= size && ms % size === 0) return `${ms / size} ${name}${ms === size ? '' : 's'}`;
  return `${ms} ms`;
}
