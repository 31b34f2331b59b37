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
import {
  diffEntitiesInSteps,
  diffFacets,
  diffRows,
  filterDiffRows,
  namesOfRecords,
  type DiffFilter,
  type DiffRow,
  type Entity,
  type ListDiff,
  type SchemaName,
} from '@embargo/core';
import { fieldsOfMissingFiles } from '@embargo/lists';
import type { Store, StoredPublication } from '@embargo/store';
import { ConcurrencyLimit } from './concurrency-limit.js';

/**
 * Set when either publication lacks companion files (history such as the SDN of 2018, sdn.csv alone): the
 * fields those files hold are not compared, and the records differing only there are counted here.
 */
export interface IncomparableFields {
  publications: { id: number; published: string | null; missingFiles: string[] }[];
  fields: string[];
  /** Records that differ only in those fields, not counted as changed. */
  records: number;
}

export interface ListDiffAnswer {
  added: string[];
  removed: string[];
  changed: ListDiff['changed'];
  bySource: ListDiff['bySource'];
  byProgram: ListDiff['bySource'][string]['byProgram'];
  captions: Record<string, string>;
  /** Every record of the comparison as a row, sorted by name (see core `diffRows`). */
  rows: DiffRow[];
  /** What the rows can be filtered by. */
  facets: { programmes: string[]; countries: string[]; schemata: SchemaName[] };
  incomparable: IncomparableFields | null;
  /** Every name of each record in the rows, for the text filter. */
  namesOf: (id: string) => readonly string[];
}

/**
 * The answer narrowed to the rows that pass `filter`: the id lists and captions follow the rows; the
 * counts by source and programme stay those of the whole comparison (they are what the filters pick from).
 */
export function filterListDiff(answer: ListDiffAnswer, filter: DiffFilter): ListDiffAnswer {
  if (Object.values(filter).every((v) => v === undefined)) return answer;
  const rows = filterDiffRows(answer.rows, filter, answer.namesOf);
  const kept = new Set(rows.map((r) => r.id));
  return {
    ...answer,
    rows,
    added: answer.added.filter((id) => kept.has(id)),
    removed: answer.removed.filter((id) => kept.has(id)),
    changed: answer.changed.filter((c) => kept.has(c.id)),
    captions: Object.fromEntries(Object.entries(answer.captions).filter(([id]) => kept.has(id))),
  };
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
    const lacking = [older, newer].filter((p) => p.missingFiles.length > 0);
    const incomparableFields = fieldsOfMissingFiles(lacking.flatMap((p) => p.missingFiles));
    const diff = await diffEntitiesInSteps(before, after, nextTurn, this.options.step, lacking.length > 0 ? { incomparableFields } : {});
    const ids = new Set([...diff.added, ...diff.removed, ...diff.changed.map((c) => c.id)]);
    // Captions of every id in the answer, so a client can show names without fetching each record.
    const captions: Record<string, string> = {};
    for (const e of [...before, ...after]) if (ids.has(e.id)) captions[e.id] = e.caption;
    const rows = diffRows(diff, before, after);
    const allNames = namesOfRecords(
      before.filter((e) => ids.has(e.id)),
      after.filter((e) => ids.has(e.id)),
    );
    return {
      rows,
      facets: diffFacets(rows),
      namesOf: allNames,
      incomparable:
        lacking.length === 0
          ? null
          : {
              publications: lacking.map((p) => ({ id: p.id, published: p.published, missingFiles: p.missingFiles })),
              fields: incomparableFields,
              records: diff.incomparable ?? 0,
            },
      added: diff.added,
      removed: diff.removed,
      changed: diff.changed,
      bySource: diff.bySource,
      byProgram: diff.bySource[older.source]?.byProgram ?? {},
      captions,
    };
  }
}
