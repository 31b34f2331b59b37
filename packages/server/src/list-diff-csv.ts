/**
 * @module list-diff-csv
 * A list comparison as CSV (`GET /v1/lists/diff.csv`): a header row, then one record a line, quoted as
 * RFC 4180 says (a field with a comma, quote or line break in double quotes, quotes doubled), lines ended
 * with CRLF. A cell that a spreadsheet would run as a formula (starting = + - @) is prefixed with an
 * apostrophe: list names are data, and an export must not run anything when opened.
 */
import type { DiffRow } from '@embargo/core';
import type { FirstSeen, StoredPublication } from '@embargo/store';

export const DIFF_CSV_HEADER = [
  'change',
  'id',
  'name',
  'schema',
  'programmes',
  'countries',
  'changed_fields',
  'first_seen_publication',
  'first_seen_published',
] as const;

export interface FirstSeenRef {
  publicationId: number;
  published: string | null;
}

export function firstSeenOf(seen: FirstSeen | undefined): FirstSeenRef | null {
  return seen ? { publicationId: seen.publicationId, published: seen.published } : null;
}

/** One CSV field, quoted when it must be. */
export function csvField(value: string): string {
  const safe = /^[=+\-@]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

/** The rows as a CSV document; several values in one cell (programmes, countries) are joined with "; ". */
export function diffCsv(rows: readonly DiffRow[], firstSeen: (id: string) => FirstSeenRef | null): string {
  const lines = [DIFF_CSV_HEADER.join(',')];
  for (const r of rows) {
    const seen = firstSeen(r.id);
    lines.push(
      [
        r.change,
        r.id,
        r.name,
        r.schema,
        r.programmes.join('; '),
        r.countries.join('; '),
        (r.fields ?? []).join('; '),
        seen ? String(seen.publicationId) : '',
        seen?.published ?? '',
      ]
        .map(csvField)
        .join(','),
    );
  }
  return `${lines.join('\r\n')}\r\n`;
}

/** `ofac-sdn_2015-01-17_to_2018-01-26.csv`: the list and the two dates, nothing a header could choke on. */
export function csvFileName(from: StoredPublication, to: StoredPublication): string {
  const label = (p: StoredPublication) => p.published ?? `publication-${p.id}`;
  return `${from.source}_${label(from)}_to_${label(to)}.csv`.replace(/[^A-Za-z0-9._-]/g, '_');
}
