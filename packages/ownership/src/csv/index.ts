/**
 * @module csv
 * The plain ownership CSV: a header row naming the columns `owner,owned,share[,share_max][,kind][,source][,date]`,
 * then one tie per row. Read strictly: a number that is not a percentage, a share over 100, a maximum
 * below the share, an unknown kind, a share on a tie that is not ownership, or a row whose column count
 * differs from the header's, is a problem naming the file, line and column.
 *
 * A party cell is one of:
 * - a listed record's id (`ofac:22606`): the tie is to that record, whose node comes from the lists;
 * - the user's own id, written `prefix:value` without spaces (`crm:C-1001`, `csv:acme`): a node of that id;
 * - a name (`Velmur Trading Pte Ltd`): a node `csv:<name in lower case>`, so that the same name on two
 *   rows, or in two files, is one party, named as first written.
 *
 * A row states a direct holding; an indirect one is the chain of rows that makes it.
 *
 * @example
 * // owner,owned,share,share_max,kind,source,date
 * // ofac:22606,Velmur Trading Pte Ltd,25,50,ownership,ACRA extract,2024-01-31
 * parseOwnershipCsv('owners.csv', text).edges[0]
 * // { id: 'csv:owners.csv#2', kind: 'ownership', from: 'ofac:22606', to: 'csv:velmur trading pte ltd',
 * //   share: { min: 25, max: 50, minInclusive: true, maxInclusive: true }, directness: 'direct',
 * //   source: { kind: 'file', file: 'owners.csv', row: 2, text: 'ACRA extract' }, date: '2024-01-31' }
 */
import type { GraphEdge, GraphNode, ShareRange } from '@embargo/core';
import { ProblemList } from '../errors.js';
import type { OwnershipParseOptions, ParsedOwnershipFile } from '../parsed-file.js';
import { datePrefixProblem } from '../dates.js';
import { parsePercent } from '../percent.js';
import { isListedId } from '../listed-ids.js';
import { readCsv, type CsvRow } from './read-csv.js';

const COLUMNS = ['owner', 'owned', 'share', 'share_max', 'kind', 'source', 'date'] as const;
type Column = (typeof COLUMNS)[number];
const REQUIRED: readonly Column[] = ['owner', 'owned', 'share'];

export const CSV_KINDS = ['ownership', 'control', 'directorship', 'family', 'associate'] as const;
type CsvKind = (typeof CSV_KINDS)[number];

/** A user's own id: a lower-case prefix, a colon and no spaces. */
const USER_ID = /^[a-z][a-z0-9_-]*:\S+$/;

/** Whether a first line is the header of an ownership CSV (it names the owner and owned columns). */
export function isOwnershipCsvHeader(firstLine: string): boolean {
  const names = firstLine
    .replace(/^\uFEFF/, '')
    .split(',')
    .map((c) => c.trim().replace(/^"|"$/g, '').toLowerCase());
  return names.includes('owner') && names.includes('owned');
}

/** An ownership CSV's text as graph nodes and edges; throws `OwnershipParseError` naming every problem. */
export function parseOwnershipCsv(file: string, text: string, _options: OwnershipParseOptions = {}): ParsedOwnershipFile {
  const problems = new ProblemList();
  const [header, ...rows] = readCsv(text, problems);
  const columns = header ? readHeader(header, problems) : undefined;
  if (!header) problems.add({ line: 1 }, 'the file is empty: it needs a header row (owner,owned,share…)');
  else if (rows.length === 0 && problems.count === 0) problems.add({ line: header.line + 1 }, 'the file has a header and no rows');
  const parties = new CsvParties();
  const edges: GraphEdge[] = [];
  if (columns)
    for (const row of rows) {
      const edge = readRow(file, row, columns, header!.cells.length, parties, problems);
      if (edge) edges.push(edge);
    }
  problems.throwIfAny(file);
  return { file, format: 'csv', nodes: [...parties.nodes.values()], edges, leftOut: [] };
}

/** Each named column's position; undefined after reporting an unknown, repeated or missing column. */
function readHeader(header: CsvRow, problems: ProblemList): Map<Column, number> | undefined {
  const columns = new Map<Column, number>();
  const before = problems.count;
  header.cells.forEach((raw, i) => {
    const name = raw.trim().toLowerCase();
    const place = { line: header.line, column: i + 1 };
    if (!(COLUMNS as readonly string[]).includes(name))
      problems.add(place, `"${raw}" is not a column of the ownership CSV (${COLUMNS.join(', ')})`);
    else if (columns.has(name as Column)) problems.add(place, `column "${name}" is named twice`);
    else columns.set(name as Column, i);
  });
  for (const name of REQUIRED) if (!columns.has(name)) problems.add({ line: header.line }, `the header has no "${name}" column`);
  return problems.count > before ? undefined : columns;
}

function readRow(
  file: string,
  row: CsvRow,
  columns: Map<Column, number>,
  width: number,
  parties: CsvParties,
  problems: ProblemList,
): GraphEdge | undefined {
  if (row.cells.length !== width) {
    problems.add({ line: row.line }, `has ${row.cells.length} columns; the header has ${width}`);
    return undefined;
  }
  const before = problems.count;
  const cell = (name: Column) => (columns.has(name) ? row.cells[columns.get(name)!].trim() : '');
  const fail = (name: Column, reason: string) => problems.add({ line: row.line, column: columns.get(name)! + 1, field: name }, reason);
  const source = { kind: 'file' as const, file, row: row.line };

  const ends = (['owner', 'owned'] as const).map((name) => {
    const value = cell(name);
    if (value === '') return fail(name, `is empty; name the ${name === 'owner' ? 'holder' : 'held'} party or give its id`);
    return parties.id(value, source);
  });
  if (ends[0] !== undefined && ends[0] === ends[1]) fail('owned', 'is the owner itself');

  const kindText = cell('kind').toLowerCase();
  const kind: CsvKind | undefined =
    kindText === '' ? 'ownership' : (CSV_KINDS as readonly string[]).includes(kindText) ? (kindText as CsvKind) : undefined;
  if (!kind) fail('kind', `"${cell('kind')}" is not one of ${CSV_KINDS.join(', ')}`);

  const share = readShare(cell('share'), cell('share_max'), kind, fail);
  const date = cell('date');
  const dateProblem = date === '' ? undefined : datePrefixProblem(date);
  if (dateProblem) fail('date', dateProblem);
  if (problems.count > before || !kind || share === null) return undefined;

  const text = cell('source');
  const edge = {
    id: `csv:${file}#${row.line}`,
    from: ends[0]!,
    to: ends[1]!,
    source: { ...source, ...(text ? { text } : {}) },
    ...(date ? { date } : {}),
  };
  switch (kind) {
    case 'ownership':
      return { ...edge, kind, ...(share ? { share } : {}), directness: 'direct' };
    case 'control':
      return { ...edge, kind, basis: 'other' };
    case 'directorship':
    case 'family':
      return { ...edge, kind };
    case 'associate':
      return { ...edge, kind, label: 'associate' };
  }
}

/**
 * The share of an ownership row: none, exact (`share`), or a range from `share` to `share_max`, both
 * inclusive. null after reporting a bad number, a range that runs backwards, or a share on a tie that is
 * not ownership.
 */
function readShare(
  shareText: string,
  maxText: string,
  kind: CsvKind | undefined,
  fail: (name: Column, reason: string) => void,
): ShareRange | undefined | null {
  if (kind !== undefined && kind !== 'ownership') {
    if (shareText !== '') fail('share', `must be empty for a ${kind} tie: only ownership has a share`);
    if (maxText !== '') fail('share_max', `must be empty for a ${kind} tie: only ownership has a share`);
    return shareText === '' && maxText === '' ? undefined : null;
  }
  if (shareText === '') {
    if (maxText === '') return undefined;
    fail('share_max', 'needs a share: a range runs from share to share_max');
    return null;
  }
  const min = parsePercent(shareText);
  const max = maxText === '' ? min : parsePercent(maxText);
  if ('problem' in min) fail('share', min.problem);
  if ('problem' in max && maxText !== '') fail('share_max', max.problem);
  if ('problem' in min || 'problem' in max) return null;
  if (min.percent > max.percent) {
    fail('share_max', `${max.percent} is less than the share ${min.percent}`);
    return null;
  }
  return { min: min.percent, max: max.percent, minInclusive: true, maxInclusive: true };
}

/** The parties a file names: a node for each one the lists do not hold, and each cell's node id. */
class CsvParties {
  readonly nodes = new Map<string, GraphNode>();
  /** Cell text → node id: a name repeats on many rows, and is folded once. */
  private readonly idOf = new Map<string, string>();

  /** The node id a party cell names, adding a node the first time a party is named. */
  id(value: string, source: GraphNode['source']): string {
    if (isListedId(value)) return value;
    const known = this.idOf.get(value);
    if (known) return known;
    const userId = USER_ID.test(value);
    const id = userId ? value : `csv:${value.normalize('NFC').replace(/\s+/g, ' ').toLowerCase()}`;
    if (!this.nodes.has(id))
      this.nodes.set(id, { id, name: userId ? value.slice(value.indexOf(':') + 1) : value.replace(/\s+/g, ' '), source });
    this.idOf.set(value, id);
    return id;
  }
}
