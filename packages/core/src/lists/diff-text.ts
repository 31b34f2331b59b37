/**
 * @module lists/diff-text
 * A plain-text report of a `ListDiff` for the CLI: counts per source and programme, then the first
 * records of each group with their captions and changed fields.
 *
 * @example
 * formatDiffText(diff, { entitiesById: entitiesById(older, newer), maxIdsPerGroup: 5 });
 * // 2 added, 1 removed, 1 changed
 * //
 * // ofac-sdn: 2 added, 1 removed, 1 changed
 * //   DPRK3: 1 added, 0 removed, 1 changed
 * //     + ofac:47100  KIM, Chol
 * //     ~ ofac:22603  JANG, Sung Nam  [alias, program]
 */
import type { Entity } from '../model/entity.js';
import { isEmptyDiff, NO_PROGRAM, programsOf, type ChangeCounts, type ListDiff } from './diff.js';

export interface DiffTextOptions {
  /** Records by id, for captions and grouping of the listed ids (see `entitiesById`). Without it only counts and bare ids are shown. */
  entitiesById?: ReadonlyMap<string, Entity>;
  /** How many ids to list per group before "… and N more". Default 10. */
  maxIdsPerGroup?: number;
}

const DEFAULT_MAX_IDS_PER_GROUP = 10;
const MARK = { added: '+', removed: '-', changed: '~' } as const;
type ChangeKind = keyof typeof MARK;
interface Line {
  kind: ChangeKind;
  id: string;
  caption?: string;
  fields?: string[];
}

/** Both publications' records by id, the newer version winning, for `formatDiffText`. */
export function entitiesById(older: readonly Entity[], newer: readonly Entity[]): Map<string, Entity> {
  const byId = new Map<string, Entity>();
  for (const e of older) byId.set(e.id, e);
  for (const e of newer) byId.set(e.id, e);
  return byId;
}

/**
 * Render a diff as text. Listed ids are grouped by the source and programmes of the record found in
 * `entitiesById` (for a changed record, its newer version); the counts are the diff's own.
 */
export function formatDiffText(diff: ListDiff, options: DiffTextOptions = {}): string {
  if (isEmptyDiff(diff)) return 'No changes.\n';
  const max = options.maxIdsPerGroup ?? DEFAULT_MAX_IDS_PER_GROUP;
  const byId = options.entitiesById;
  const out: string[] = [countsText({ added: diff.added.length, removed: diff.removed.length, changed: diff.changed.length })];
  const grouped = byId ? groupLines(diff, byId) : new Map<string, Line[]>();

  for (const source of sortedKeys(diff.bySource)) {
    const changes = diff.bySource[source];
    out.push('', `${source}: ${countsText(changes)}`);
    for (const program of sortedKeys(changes.byProgram)) {
      out.push(`  ${program}: ${countsText(changes.byProgram[program])}`);
      out.push(...listLines(grouped.get(groupKey(source, program)) ?? [], max, '    '));
    }
  }

  if (byId) {
    const unknown = grouped.get(UNKNOWN_GROUP);
    if (unknown) out.push('', 'Records not in entitiesById:', ...listLines(unknown, max, '  '));
  } else {
    const lines = allLines(diff);
    for (const kind of ['added', 'removed', 'changed'] as const) {
      const ofKind = lines.filter((l) => l.kind === kind);
      if (ofKind.length > 0) out.push('', `${capitalise(kind)}:`, ...listLines(ofKind, max, '  '));
    }
  }
  return out.join('\n') + '\n';
}

function countsText(c: ChangeCounts): string {
  return `${c.added} added, ${c.removed} removed, ${c.changed} changed`;
}

function allLines(diff: ListDiff): Line[] {
  return [
    ...diff.added.map((id): Line => ({ kind: 'added', id })),
    ...diff.removed.map((id): Line => ({ kind: 'removed', id })),
    ...diff.changed.map(({ id, fields }): Line => ({ kind: 'changed', id, fields })),
  ];
}

const UNKNOWN_GROUP = '\u0000unknown';
const groupKey = (source: string, program: string) => `${source}\u0000${program}`;

/** Each line under every (source, programme) group its record belongs to, in diff order. */
function groupLines(diff: ListDiff, byId: ReadonlyMap<string, Entity>): Map<string, Line[]> {
  const groups = new Map<string, Line[]>();
  const add = (key: string, line: Line) => {
    const list = groups.get(key);
    if (list) list.push(line);
    else groups.set(key, [line]);
  };
  for (const line of allLines(diff)) {
    const entity = byId.get(line.id);
    if (!entity) {
      add(UNKNOWN_GROUP, line);
      continue;
    }
    const withCaption = { ...line, caption: entity.caption };
    for (const program of programsOf(entity)) add(groupKey(entity.source, program), withCaption);
  }
  return groups;
}

function listLines(lines: readonly Line[], max: number, indent: string): string[] {
  const shown = lines.slice(0, max).map((l) => {
    let text = `${indent}${MARK[l.kind]} ${l.id}`;
    if (l.caption) text += `  ${l.caption}`;
    if (l.fields) text += `  [${l.fields.join(', ')}]`;
    return text;
  });
  if (lines.length > max) shown.push(`${indent}… and ${lines.length - max} more`);
  return shown;
}

/** Keys in code-unit order, with the no-programme group last. */
function sortedKeys(record: Record<string, unknown>): string[] {
  return Object.keys(record).sort((a, b) => (a === NO_PROGRAM ? 1 : b === NO_PROGRAM ? -1 : a < b ? -1 : a > b ? 1 : 0));
}

function capitalise(word: string): string {
  return word.charAt(0).toUpperCase() + word.slice(1);
}
