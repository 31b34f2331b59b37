/**
 * @module list-update-schedule
 * `embargo serve` checking every publisher on a schedule (issue 18, point 6; EMBARGO_UPDATE_EVERY): each
 * source of OFFICIAL_FILES in turn is downloaded and loaded through the same path as an admin's
 * `POST /v1/lists/update {"download": true}` (verified, then the completeness, older and shrink checks, then
 * delta re-screening). Each check's outcome is audited (`list.check`) and kept in the server's ListChecks
 * for /healthz and the dashboard; a refused or failed one is logged as a warning, and the publication in
 * force stays in force. One check runs at a time: the next is set (setTimeout) only when one has finished,
 * so a slow publisher never piles checks up.
 */
import { EmbargoError, type ListSource } from '@embargo/core';
import { DOWNLOAD_UNREACHABLE } from '@embargo/lists';
import type { AppDeps } from './deps.js';
import {
  recordCheck,
  succeededCheck,
  describeDuration,
  publisherSources,
  type ListCheck,
  type ListCheckOutcome,
  type ListChecks,
} from './list-checks.js';
import { updateFromPublishers } from './publisher-updates.js';

/** The actor of the audit rows the schedule writes. */
export const SCHEDULE_ACTOR = 'schedule';

/**
 * A download that takes longer is aborted and the check reported: a publisher that stops sending mid-file
 * must not stop the schedule. The largest files (OFAC's advanced XML, ~100 MB) take minutes on a slow
 * line, not a quarter of an hour.
 */
const DOWNLOAD_TIMEOUT_MS = 15 * 60_000;

/** The timer the schedule waits with: the real one, or a test's. */
export interface ScheduleTimer {
  set(run: () => void, ms: number): unknown;
  clear(handle: unknown): void;
}

const REAL_TIMER: ScheduleTimer = {
  set: (run, ms) => setTimeout(run, ms).unref(),
  clear: (handle) => clearTimeout(handle as NodeJS.Timeout),
};

export interface ScheduleOptions {
  /** How long from the end of one round of checks to the start of the next (EMBARGO_UPDATE_EVERY), > 0. */
  everyMs: number;
  /** Where warnings go (a refused, unreachable or failed check). */
  warn: (message: string) => void;
  timer?: ScheduleTimer;
  /** Injected for tests (default: the global fetch at the time of the check). */
  fetch?: typeof globalThis.fetch;
}

/** What a failed check was, from its error: see ListCheckOutcome. */
function outcomeOf(error: unknown): ListCheckOutcome {
  if (!(error instanceof EmbargoError)) return 'failed';
  if (error.code === 'LIST_DOWNLOAD') return error.context.failure === DOWNLOAD_UNREACHABLE ? 'unreachable' : 'refused';
  if (error.code.startsWith('LIST_') || error.code === 'INVALID_INPUT') return 'refused';
  return 'failed';
}

export class ListUpdateSchedule {
  private handle: unknown;
  private running: Promise<unknown> | undefined;
  private stopped = false;
  private readonly aborter = new AbortController();
  private readonly timer: ScheduleTimer;

  constructor(
    private readonly deps: AppDeps,
    private readonly checks: ListChecks,
    private readonly options: ScheduleOptions,
  ) {
    if (!(options.everyMs > 0)) throw new EmbargoError('INVALID_INPUT', `The update interval must be positive, not ${options.everyMs} ms.`);
    this.timer = options.timer ?? REAL_TIMER;
  }

  /**
   * Sets the first round: one interval after the last check the trail records (at once if that is past),
   * or one interval from now when none is recorded (a fresh server has just loaded its lists).
   */
  start(): void {
    const last = this.checks.lastCheckedAt();
    const now = this.deps.clock().getTime();
    const due = last ? Date.parse(last) + this.options.everyMs : now + this.options.everyMs;
    this.schedule(Math.max(0, due - now));
  }

  /** When the next round starts, for the start-up message. */
  describe(): string {
    return `every ${describeDuration(this.options.everyMs)}`;
  }

  /** No further round; a check under way is aborted and awaited (it records nothing). */
  async stop(): Promise<void> {
    this.stopped = true;
    this.timer.clear(this.handle);
    this.aborter.abort(new Error('the server is stopping'));
    await this.running?.catch(() => undefined);
  }

  private schedule(ms: number): void {
    if (this.stopped) return;
    this.handle = this.timer.set(() => {
      this.running = this.checkAll().finally(() => this.schedule(this.options.everyMs));
    }, ms);
  }

  /** One round: every publisher in turn. Never throws: each outcome is recorded. */
  async checkAll(): Promise<ListCheck[]> {
    const done: ListCheck[] = [];
    for (const source of publisherSources()) {
      if (this.stopped) break;
      const check = await this.checkSource(source);
      if (check) done.push(check);
    }
    return done;
  }

  /** Checks one publisher and records the outcome (undefined: the server stopped meanwhile). */
  async checkSource(source: ListSource): Promise<ListCheck | undefined> {
    let check: ListCheck;
    try {
      const summary = await updateFromPublishers(this.deps, SCHEDULE_ACTOR, {
        sources: [source],
        fetch: this.abortableFetch(),
        auditUnchanged: false,
      });
      check = succeededCheck(source, summary, this.deps.clock());
    } catch (error) {
      if (this.stopped) return undefined;
      const code = error instanceof EmbargoError ? error.code : undefined;
      const reason = (error as Error).message;
      check = { source, at: this.deps.clock().toISOString(), outcome: outcomeOf(error), reason, ...(code ? { code } : {}) };
      this.options.warn(`Checking ${source} for an update: ${check.outcome}: ${reason} The publication in force stays in force.`);
    }
    try {
      await recordCheck({ ...this.deps, listChecks: this.checks }, check, SCHEDULE_ACTOR);
    } catch (error) {
      this.options.warn(`The check of ${source} could not be written to the audit trail: ${(error as Error).message}`);
    }
    return check;
  }

  /** The fetch of one check: aborted when the server stops or the check takes too long. */
  private abortableFetch(): typeof globalThis.fetch {
    const fetchFn = this.options.fetch ?? globalThis.fetch;
    const signal = AbortSignal.any([this.aborter.signal, AbortSignal.timeout(DOWNLOAD_TIMEOUT_MS)]);
    return (input, init) => fetchFn(input, { ...init, signal });
  }
}
