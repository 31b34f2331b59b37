/**
 * @module lists/diff
 * What changed between two publications of a list: records added, removed and changed (with the
 * fields that changed), counted per source and per sanctions programme.
 *
 * @example
 * const diff = diffEntities(december.entities, january.entities);
 * diff.added;                        // ['ofac:47100', 'ofac:47101']
 * diff.changed[0];                   // { id: 'ofac:22603', fields: ['alias', 'program'] }
 * diff.bySource['ofac-sdn'].byProgram['DPRK3'];  // { added: 2, removed: 0, changed: 1 }
 */
import { values, type Entity, type Statement } from '../model/entity.js';
import type { PropertyName } from '../model/schema.js';

export interface ChangeCounts {
  added: number;
  removed: number;
  changed: number;
}

export interface SourceChanges extends ChangeCounts {
  byProgram: Record<string, ChangeCounts>;
}

export interface ListDiff {
  /** Ids only in the newer publication, sorted. */
  added: string[];
  /** Ids only in the older publication, sorted. */
  removed: string[];
  /** Ids in both whose content differs, sorted by id; `fields` are the differing properties plus `schema`, `caption`, `source`, sorted. */
  changed: { id: string; fields: string[] }[];
  /** Counts per source (`ofac-sdn`, …); only sources with at least one change appear. */
  bySource: Record<string, SourceChanges>;
  /**
   * With `incomparableFields`: the records that differ only in those fields, which are not counted as
   * changed (one side lacks the files that hold them). Absent without the option.
   */
  incomparable?: number;
}

export interface DiffOptions {
  /**
   * Fields one of the two publications cannot hold (an OFAC CSV publication without alt.csv has no
   * aliases): left out of `changed`, and the records differing only in them counted in `incomparable`.
   */
  incomparableFields?: readonly string[];
}

/** The programme group of records that carry no `program` statement. */
export const NO_PROGRAM = '(none)';

/**
 * Compare two publications record by record (matched by `id`). The order of statements within a
 * property does not matter: lists reorder aliases and addresses between publications without meaning
 * anything by it. Ids are unique within a publication by the parser contract; should one repeat,
 * its last occurrence is compared.
 */
export function diffEntities(older: readonly Entity[], newer: readonly Entity[], options: DiffOptions = {}): ListDiff {
  const steps = diffSteps(older, newer, Number.POSITIVE_INFINITY, options);
  for (let step = steps.next(); ; step = steps.next()) if (step.done) return step.value;
}

/**
 * `diffEntities` in steps, for a server that must keep answering while it compares two large publications
 * (two OFAC SDN publications take about a second): `pause` is awaited after every `step` records, so the
 * caller can give the event loop back (the server passes `setImmediate`). The result is the same.
 * @example const diff = await diffEntitiesInSteps(older, newer, () => new Promise((r) => setImmediate(r)));
 */
export async function diffEntitiesInSteps(
  older: readonly Entity[],
  newer: readonly Entity[],
  pause: () => Promise<void>,
  step = 500,
  options: DiffOptions = {},
): Promise<ListDiff> {
  const steps = diffSteps(older, newer, step, options);
  for (let next = steps.next(); ; next = steps.next()) {
    if (next.done) return next.value;
    await pause();
  }
}

/** The comparison itself, yielding after every `step` records. */
function* diffSteps(older: readonly Entity[], newer: readonly Entity[], step: number, options: DiffOptions): Generator<void, ListDiff> {
  const olderById = new Map(older.map((e) => [e.id, e] as const));
  const newerById = new Map(newer.map((e) => [e.id, e] as const));
  const diff: ListDiff = { added: [], removed: [], changed: [], bySource: {} };
  const incomparable = new Set(options.incomparableFields ?? []);
  if (options.incomparableFields) diff.incomparable = 0;
  let done = 0;

  for (const [id, entity] of newerById) {
    if (++done % step === 0) yield;
    if (!olderById.has(id)) {
      diff.added.push(id);
      count(diff, entity.source, values(entity, 'program'), 'added');
    }
  }
  for (const [id, entity] of olderById) {
    if (++done % step === 0) yield;
    const now = newerById.get(id);
    if (!now) {
      diff.removed.push(id);
      count(diff, entity.source, values(entity, 'program'), 'removed');
      continue;
    }
    const differing = changedFields(entity, now);
    const fields = differing.filter((f) => !incomparable.has(f));
    if (fields.length === 0) {
      if (differing.length > 0) diff.incomparable! += 1;
      continue;
    }
    diff.changed.push({ id, fields });
    // A changed record is news to everyone who follows either its old or its new programme.
    const programs = new Set([...values(entity, 'program'), ...values(now, 'program')]);
    count(diff, now.source, programs, 'changed');
  }

  diff.added.sort(compareIds);
  diff.removed.sort(compareIds);
  diff.changed.sort((a, b) => compareIds(a.id, b.id));
  return diff;
}

/** Whether a diff records no change at all. */
export function isEmptyDiff(diff: ListDiff): boolean {
  return diff.added.length === 0 && diff.removed.length === 0 && diff.changed.length === 0;
}

/** Fields that differ between two versions of one record, sorted. */
export function changedFields(older: Entity, newer: Entity): string[] {
  const fields: string[] = [];
  if (older.schema !== newer.schema) fields.push('schema');
  if (older.caption !== newer.caption) fields.push('caption');
  // OFAC's SDN and consolidated lists share `ofac:` ids, so a record can move from one to the other.
  if (older.source !== newer.source) fields.push('source');
  const properties = new Set([...Object.keys(older.properties), ...Object.keys(newer.properties)]) as Set<PropertyName>;
  for (const property of properties) {
    if (!sameStatements(older.properties[property], newer.properties[property])) fields.push(property);
  }
  return fields.sort(compareIds);
}

/**
 * Whether two properties hold the same multiset of statements; an absent property and an empty one
 * are the same. Most records are unchanged and in the same order, so that is checked first and the
 * order-free comparison of canonical JSON only runs when it fails.
 */
function sameStatements(a: readonly Statement[] = [], b: readonly Statement[] = []): boolean {
  if (a.length !== b.length) return false;
  if (a.every((statement, i) => sameStatement(statement, b[i]))) return true;
  const sortedA = a.map(canonicalJson).sort(compareIds);
  const sortedB = b.map(canonicalJson).sort(compareIds);
  return sortedA.every((json, i) => json === sortedB[i]);
}

function sameStatement(a: Statement, b: Statement): boolean {
  const keys = new Set([...Object.keys(a), ...Object.keys(b)]) as Set<keyof Statement>;
  for (const key of keys) {
    const [x, y] = [a[key], b[key]];
    if (x === y) continue;
    if (typeof x !== 'object' || typeof y !== 'object' || canonicalJson(x) !== canonicalJson(y)) return false;
  }
  return true;
}

/**
 * The record's content as one string, equal for two versions exactly when `changedFields` finds no
 * difference: statement order within a property and empty properties do not count.
 * @example recordContentKey(a) === recordContentKey(b) // ⇔ changedFields(a, b).length === 0
 */
export function recordContentKey(entity: Entity): string {
  const properties = Object.entries(entity.properties)
    .filter(([, statements]) => statements && statements.length > 0)
    .sort(([a], [b]) => compareIds(a, b))
    .map(([property, statements]) => `${JSON.stringify(property)}:[${statements!.map(canonicalJson).sort(compareIds).join(',')}]`);
  return `${canonicalJson([entity.id, entity.schema, entity.caption, entity.source])}{${properties.join(',')}}`;
}

/** JSON with object keys sorted at every depth, so `{a, b}` and `{b, a}` print alike; arrays keep their order. */
export function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map((v) => (v === undefined ? 'null' : canonicalJson(v))).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => compareIds(a, b));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
  }
  return JSON.stringify(value) ?? 'null';
}

/** The record's programmes, or the no-programme group; each counted once. */
export function programsOf(entity: Entity): Set<string> {
  const programs = new Set(values(entity, 'program'));
  return programs.size > 0 ? programs : new Set([NO_PROGRAM]);
}

/** Count one record under its source and under each of its programmes (each once; none → `(none)`). */
function count(diff: ListDiff, source: string, programs: Iterable<string>, kind: keyof ChangeCounts): void {
  const bySource = (diff.bySource[source] ??= { added: 0, removed: 0, changed: 0, byProgram: {} });
  bySource[kind] += 1;
  const groups = new Set(programs);
  if (groups.size === 0) groups.add(NO_PROGRAM);
  for (const program of groups) (bySource.byProgram[program] ??= { added: 0, removed: 0, changed: 0 })[kind] += 1;
}

/** Code-unit order, independent of the runtime's locale. */
function compareIds(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
