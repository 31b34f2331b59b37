/**
 * @module monitoring/customers-csv
 * Customers to register from a CSV file (`POST /v1/customers` with `Content-Type: text/csv`): a header row
 * and one customer per line, in the columns a batch CSV has (see core's `partyColumn`: customer/id/key,
 * name, type, dob, country, passport, national id), the customer column being required here. The whole
 * file is checked before anything is registered, and every bad line is reported (up to
 * `MAX_PROBLEMS_REPORTED`), each with its line and field, so the file can be fixed in one go.
 */
import { EmbargoError, readPartyRow } from '@embargo/core';
import { countCsvRecords, partyProblem, readCsvRecords } from '../jobs/batch-parties.js';
import type { PartyBody } from '../schemas.js';

/** One bad line of the file: its number (the header is line 1) and column, and why. */
export interface CsvLineProblem {
  line: number;
  field: string;
  message: string;
}

/** Problems listed in one refusal; the message says how many there were in all. */
export const MAX_PROBLEMS_REPORTED = 100;

export type CustomerFromFile = PartyBody & { customerKey: string };

/**
 * The customers of a CSV text, or `INVALID_INPUT` listing its bad lines (`context.problems`), the first
 * one also as `field` and `line`. `maxCustomers` refuses a longer file before it is parsed.
 * @example customersFromCsv('customer,name,dob\nk-1,Jang Sung Nam,1970-07-14\n', 100_000)
 * // [{ name: 'Jang Sung Nam', birthDate: '1970-07-14', customerKey: 'k-1' }]
 */
export function customersFromCsv(text: string, maxCustomers: number): CustomerFromFile[] {
  const records = countCsvRecords(text) - 1;
  if (records > maxCustomers)
    throw new EmbargoError(
      'INVALID_INPUT',
      `A request registers at most ${maxCustomers.toLocaleString('en')} customers; this file has ${records.toLocaleString('en')}.`,
      { field: 'csv' },
    );
  const rows = readCsvRecords(text);
  if (rows.length === 0)
    throw new EmbargoError('INVALID_INPUT', 'The CSV holds no customers: a header row, then one customer per line.', { field: 'csv' });
  const problems: CsvLineProblem[] = [];
  const customers: CustomerFromFile[] = [];
  const firstLineOfKey = new Map<string, number>();
  for (const { record, line } of rows) {
    const read = readPartyRow(record);
    if (!read.ok) {
      problems.push({ line, field: read.column === 'key' ? 'customerKey' : read.column, message: read.reason });
      continue;
    }
    if (read.key === undefined) {
      problems.push({ line, field: 'customerKey', message: 'no customer key (the CSV needs a "customer" column, filled on every line)' });
      continue;
    }
    const customer = { ...read.query, customerKey: read.key };
    const problem = partyProblem(customer, '');
    if (problem) {
      problems.push({ line, field: problem.field.replace(/^\//, '') || 'the row', message: problem.reason });
      continue;
    }
    const first = firstLineOfKey.get(read.key);
    if (first !== undefined) {
      problems.push({ line, field: 'customerKey', message: `repeats the customer key "${read.key}" of line ${first}` });
      continue;
    }
    firstLineOfKey.set(read.key, line);
    customers.push(customer as CustomerFromFile);
  }
  if (problems.length > 0) {
    const [first] = problems;
    const more = problems.length > 1 ? ` (and ${problems.length - 1} more bad line${problems.length > 2 ? 's' : ''})` : '';
    throw new EmbargoError('INVALID_INPUT', `CSV line ${first.line}, ${first.field}: ${first.message}${more}; nothing was registered.`, {
      field: `csv/line ${first.line}/${first.field}`,
      line: first.line,
      problems: problems.slice(0, MAX_PROBLEMS_REPORTED),
    });
  }
  return customers;
}
