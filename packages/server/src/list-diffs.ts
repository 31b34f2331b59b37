/**
 * @module list-diffs
 * What changed between two publications (`GET /v1/lists/diff`), computed without stalling screening.
 * Comparing two OFAC SDN publications reads ~28,000 records and compares them (about 0.5 s + 0.9 s of
 * work); done in one go on the event loop, four such requests at once held `/v1/screen` for 1.3 s. So:
 * - publications never change once saved, so the answer for a pair is cached (and a request for a pair
 *   already being compared waits for that comparison instead of starting another);
 * - at most `concurrent` comparisons run at once, the others wait their turn;
 * - records are read in pages and compared in steps, giving the event loop back between them.
 */
import { diffEntitiesInSteps, type Entity, type ListDiff } from '@embargo/core';
import type { Store, StoredPublication } from '@embargo/store';
import { ConcurrencyLimit } from './concurrency-limit.js';

export interface ListDiffAnswer {
  added: string[];
  removed: string[];
  changed: ListDiff['changed'];
  bySource: ListDiff['bySource'];
  byProgram: ListDiff['bySource'][string]['byProgram'];
  captions: Record<string, string>;
}

export interface ListDiffOptions {
  /** Pairs whose answer is kept (least recently asked dropped first). */
  maxCached: number;
  /** Comparisons running at once. */
  concurrent: number;
  /** Records read per query, and compared per step, between turns of the event loop. */
  step: number;
}

/** One comparison at a time: a second would only share the same core and slow both. */
export const DEFAULT_LIST_DIFF_OPTIONS: ListDiffOptions = { maxCached: 16, concurrent: 1, step: 1000 };

const nextTurn = () => new Promise<void>((resolve) => setImmediate(resolve));

export class ListDiffs {
  private readonly answers = new Map<string, Promise<ListDiffAnswer>>();
  private readonly comparisons: ConcurrencyLimit;

  constructor(
    private readonly store: Pick<Store, 'loadEntities'>,
    private readonly options: ListDiffOptions = DEFAULT_LIST_DIFF_OPTIONS,
  ) {
    this.comparisons = new ConcurrencyLimit(options.concurrent);
  }

  /** What changed from `older` to `newer` (two publications of one source). */
  diff(older: StoredPublication, newer: StoredPublication): Promise<ListDiffAnswer> {
    const key = `${older.id}:${newer.id}`;
    const known = this.answers.get(key);
    if (known) {
      // Asked again: the most recently used moves to the end.
      this.answers.delete(key);
      this.answers.set(key, known);
      return known;
    }
    const answer = this.comparisons.run(() => this.compute(older, newer));
    this.answers.set(key, answer);
    // A failed comparison (the database away) is not remembered: the next request tries again.
    answer.catch(() => this.answers.get(key) === answer && this.answers.delete(key));
    while (this.answers.size > this.options.maxCached) this.answers.delete(this.answers.keys().next().value!);
    return answer;
  }

  private async readInSteps(publication: StoredPublication): Promise<Entity[]> {
    const out: Entity[] = [];
    for (let from = 0; from < publication.records; from += this.options.step) {
      out.push(...(await this.store.loadEntities(publication.id, { from, count: this.options.step })));
      await nextTurn();
    }
    return out;
  }

  private async compute(older: StoredPublication, newer: StoredPublication): Promise<ListDiffAnswer> {
    const [before, after] = [await this.readInSteps(older), await this.readInSteps(newer)];
    const diff = await diffEntitiesInSteps(before, after, nextTurn, this.options.step);
    const ids = new Set([...diff.added, ...diff.removed, ...diff.changed.map((c) => c.id)]);
    // Captions of every id in the answer, so a client can show names without fetching each record.
    const captions: Record<string, string> = {};
    for (const e of [...before, ...after]) if (ids.has(e.id)) captions[e.id] = e.caption;
    return {
      added: diff.added,
      removed: diff.removed,
      changed: diff.changed,
      bySource: diff.bySource,
      byProgram: diff.bySource[older.source]?.byProgram ?? {},
      captions,
    };
  }
}
