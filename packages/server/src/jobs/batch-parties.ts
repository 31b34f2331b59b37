/**
 * @module jobs/batch-parties
 * The parties of a batch upload, read and checked before a job is created: JSON (`{ parties: [...] }`),
 * CSV with a header row (the columns `embargo screen --input` reads, see `partyColumn`), or JSON lines
 * (one party object per line). Each party is checked against the same schema as `POST /v1/screen`; the
 * first bad one is refused with its row and field (`body/parties/41/birthDate`, `csv/line 43/birthDate`,
 * `jsonl/line 7/name`), so the caller can fix the file.
 */
import { parse } from 'csv-parse/sync';
import { EmbargoError, partyColumn, readPartyRow } from '@embargo/core';
import { Compile } from 'typebox/compile';
import { invalid } from '../http-errors.js';
import { formatReason, MAX_LIST_ITEMS } from '../request-checks.js';
import { Party, type PartyBody } from '../schemas.js';

/** The most parties one job takes (the figure); a JSON body over it is refused before parsing (request-checks.ts). */
export const MAX_BATCH_PARTIES = MAX_LIST_ITEMS;

/** Thrown for a batch over `MAX_BATCH_PARTIES`; the route answers 413 like a body over the byte limit. */
export class BatchTooLarge extends Error {
  constructor(readonly parties: number) {
    super(`A batch holds at most ${MAX_BATCH_PARTIES.toLocaleString('en')} parties; this one has ${parties.toLocaleString('en')}.`);
    this.name = 'BatchTooLarge';
  }
}

const checkParty = Compile(Party);

/** Where a party came from: `at` prefixes the field (`body/parties/41`, `csv/line 43`); `line` is the file's line. */
interface Located {
  party: unknown;
  at: string;
  line?: number;
}

/** How a file's author names a line: "CSV line 43", "JSON lines line 7". */
const FILE_KINDS = { csv: 'CSV', jsonl: 'JSON lines' } as const;

/**
 * What is wrong with a party given at `at` (`csv/line 4`), as the field (`csv/line 4/birthDate`) and a
 * reason in words; undefined for a valid party.
 */
export function partyProblem(party: unknown, at: string): { field: string; reason: string } | undefined {
  return checkParty.Check(party) ? undefined : firstProblem(party, at);
}

/** The most useful of TypeBox's errors for one value, as a field path and a reason. */
function firstProblem(value: unknown, at: string): { field: string; reason: string } {
  const errors = [...checkParty.Errors(value)];
  // `additionalProperties: false` reports "schema is false" first, and a union one "must be equal to
  // constant" per member; the errors after them say what is wrong in words a caller understands.
  const error = errors.find((e) => e.keyword !== 'boolean' && e.keyword !== 'const') ?? errors[0];
  if (!error) return { field: at, reason: 'is not a valid party' };
  const params = error.params as { requiredProperties?: string[]; additionalProperties?: string[] };
  if (error.keyword === 'required' && params.requiredProperties?.length)
    return { field: `${at}${error.instancePath}/${params.requiredProperties[0]}`, reason: 'is required' };
  if (error.keyword === 'additionalProperties' && params.additionalProperties?.length)
    return { field: `${at}${error.instancePath}/${params.additionalProperties[0]}`, reason: 'is not a party field' };
  // A name or birth date of the right type but not one (Embargo's formats): the core says why.
  if (error.keyword === 'format') {
    const why = formatReason(String((error.params as { format?: string }).format), valueAt(value, error.instancePath));
    if (why) return { field: `${at}${error.instancePath}`, reason: why };
  }
  return { field: `${at}${error.instancePath}`, reason: error.message };
}

/** The value at a JSON pointer (`/identifiers/0/value`) inside a party. */
function valueAt(value: unknown, pointer: string): unknown {
  let here = value;
  for (const step of pointer.split('/').slice(1))
    here = (here as Record<string, unknown> | undefined)?.[step.replace(/~1/g, '/').replace(/~0/g, '~')];
  return here;
}

/**
 * The records of a CSV text, counted on the text (line breaks outside quotes, on lines that hold
 * something), so that a file of millions of rows is refused before it is parsed into objects.
 */
export function countCsvRecords(text: string): number {
  let records = 0;
  let quoted = false;
  let lineHasContent = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 0x22) quoted = !quoted; // an escaped quote ("") toggles twice
    if (quoted) continue;
    if (c === 0x0a) {
      if (lineHasContent) records++;
      lineHasContent = false;
    } else if (c > 0x20) lineHasContent = true;
  }
  return records + (lineHasContent ? 1 : 0);
}

function checked(items: readonly Located[]): PartyBody[] {
  if (items.length === 0) throw invalid('The batch holds no parties.', 'body/parties');
  if (items.length > MAX_BATCH_PARTIES) throw new BatchTooLarge(items.length);
  for (const { party, at, line } of items) {
    const problem = partyProblem(party, at);
    if (problem) {
      const { field, reason } = problem;
      // A file's author thinks in lines and columns: "CSV line 43: birthDate must match pattern …".
      const kind = FILE_KINDS[at.split('/')[0] as keyof typeof FILE_KINDS];
      const message =
        line === undefined ? `${field} ${reason}` : `${kind} line ${line}: ${field.slice(at.length + 1) || 'the row'} ${reason}`;
      throw invalid(message, field);
    }
  }
  return items.map((i) => i.party as PartyBody);
}

/** The parties of a JSON upload, checked. */
export function partiesFromJson(parties: readonly unknown[]): PartyBody[] {
  return checked(parties.map((party, i) => ({ party, at: `body/parties/${i}` })));
}

/** A CSV record with its line (the header is line 1, as a spreadsheet counts), its columns named by `partyColumn`. */
export interface CsvRecord {
  record: Record<string, string>;
  line: number;
}

/**
 * The records of a CSV with a header row, the columns Embargo reads named as `partyColumn` names them
 * (others keep their header). `INVALID_INPUT` naming the line when the text is not CSV.
 */
export function readCsvRecords(text: string): CsvRecord[] {
  try {
    const rows: { record: Record<string, string>; info: { lines: number } }[] = parse(text, {
      columns: (headers: string[]) => headers.map((h) => partyColumn(h) ?? h),
      info: true,
      bom: true,
      skip_empty_lines: true,
      trim: true,
    });
    return rows.map(({ record, info }) => ({ record, line: info.lines }));
  } catch (error) {
    // csv-parse names the line: "Invalid Record Length: columns length is 3, got 2 on line 4".
    throw new EmbargoError('INVALID_INPUT', `The CSV cannot be read: ${(error as Error).message}`, { field: 'csv' }, { cause: error });
  }
}

/**
 * The parties of a CSV upload, checked. Line numbers count the header as line 1, as a spreadsheet does.
 * @example partiesFromCsv('customer,name,dob\nk-1,Jang Sung Nam,1970-07-14\n')
 * // [{ name: 'Jang Sung Nam', birthDate: '1970-07-14', customerKey: 'k-1' }]
 */
export function partiesFromCsv(text: string): PartyBody[] {
  // The header is one record; refuse before parsing when the rest are too many.
  const records = countCsvRecords(text) - 1;
  if (records > MAX_BATCH_PARTIES) throw new BatchTooLarge(records);
  const items = readCsvRecords(text).map(({ record, line }): Located => {
    const at = `csv/line ${line}`;
    const read = readPartyRow(record);
    if (!read.ok) throw invalid(`CSV line ${line}: ${read.reason}`, `${at}/${read.column}`);
    const party: Record<string, unknown> = { ...read.query };
    if (read.key !== undefined) party.customerKey = read.key;
    return { party, at, line };
  });
  return checked(items);
}

/**
 * The parties of a JSON lines upload (one party object per line, as `POST /v1/screen` takes it; blank
 * lines skipped), checked. A line that is not JSON, or not an object, is refused with its number.
 * @example partiesFromJsonLines('{"name":"Jang Sung Nam","birthDate":"1970-07-14"}\n')
 */
export function partiesFromJsonLines(text: string): PartyBody[] {
  const lines = text.split('\n');
  const filled = lines.reduce((n, l) => n + (l.trim() ? 1 : 0), 0);
  if (filled > MAX_BATCH_PARTIES) throw new BatchTooLarge(filled);
  const items: Located[] = [];
  lines.forEach((text, i) => {
    const line = i + 1;
    if (!text.trim()) return;
    const at = `jsonl/line ${line}`;
    let party: unknown;
    try {
      party = JSON.parse(text);
    } catch (error) {
      throw invalid(`JSON lines line ${line}: not JSON (${(error as Error).message})`, at);
    }
    if (typeof party !== 'object' || party === null || Array.isArray(party))
      throw invalid(`JSON lines line ${line}: a party is a JSON object such as {"name": "…"}`, at);
    items.push({ party, at, line });
  });
  return checked(items);
}
