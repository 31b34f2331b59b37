/**
 * @module transactions-csv/checks
 * The rules of a transactions file, field by field, on text: the header's columns, RFC 4180 quoting, and
 * each field's form (a date YYYY-MM-DD that exists, an ISO 3166 country code, a plain decimal amount, an
 * ISO 4217 currency with a reference rate, an HS code of 2 to 10 digits), each broken rule a problem
 * naming its line, column and field. The reader (`read-transactions-csv`) runs a faster path on bytes for
 * the common row and hands every other row here, so the problems are written in one place.
 */
import { COUNTRY_NAMES, EmbargoError, valueInReferenceCurrency, type CurrencyRates, type Transaction } from '@embargo/core';

export const TRANSACTION_COLUMNS = [
  'date',
  'payer',
  'payer_country',
  'payee',
  'payee_country',
  'amount',
  'currency',
  'hs',
  'vessel',
] as const;
export type TransactionColumn = (typeof TRANSACTION_COLUMNS)[number];

export interface TransactionsProblem {
  line: number;
  column?: number;
  field?: TransactionColumn;
  reason: string;
}

/** The most problems one error lists. */
export const MAX_TRANSACTION_PROBLEMS = 100;

/** A transactions file that could not be read; nothing from it was loaded. */
export class TransactionsParseError extends EmbargoError {
  readonly problems: readonly TransactionsProblem[];
  readonly problemCount: number;

  constructor(file: string, problems: readonly TransactionsProblem[], problemCount = problems.length) {
    const first = problems[0];
    const more = problemCount > 1 ? ` (and ${problemCount - 1} more problem${problemCount > 2 ? 's' : ''})` : '';
    super('TRANSACTIONS_PARSE', `${file}: ${describeProblem(first)}${more}`, { file, line: first.line, field: first.field, problems });
    this.name = 'TransactionsParseError';
    this.problems = problems;
    this.problemCount = problemCount;
  }
}

/** "line 4, column 6 (amount): …" */
export function describeProblem(p: TransactionsProblem): string {
  const column = p.column !== undefined ? `, column ${p.column}${p.field ? ` (${p.field})` : ''}` : '';
  return `line ${p.line}${column}: ${p.reason}`;
}

export interface ReadTransactionsOptions {
  /** Rates to the reference currency (default: `USD_REFERENCE_RATES`). */
  rates?: CurrencyRates;
}

const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
/** Plain decimal: no sign, no thousands separators, no exponent, at most 4 decimals (currencies have 0 to 3). */
const AMOUNT = /^(0|[1-9]\d{0,14})(\.\d{1,4})?$/;
export const CURRENCY = /^[A-Z]{3}$/;
export const HS = /^\d{2,10}$/;

export function dateProblem(value: string): string | undefined {
  const m = DATE.exec(value);
  if (!m) return `"${value}" is not a date written YYYY-MM-DD`;
  const [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])];
  if (month < 1 || month > 12) return `month ${m[2]} does not exist`;
  const days = new Date(Date.UTC(year, month, 0)).getUTCDate();
  if (day < 1 || day > days) return `day ${m[3]} does not exist in ${m[1]}-${m[2]}`;
  return undefined;
}

export function countryProblem(value: string): string | undefined {
  if (value === '') return 'is empty: write the ISO 3166 two-letter code (GB, CN, KP)';
  if (!Object.hasOwn(COUNTRY_NAMES, value)) return `"${value}" is not an ISO 3166 two-letter country code in capitals (GB, CN, KP)`;
  return undefined;
}

/** Splits one line into fields; quoted fields as RFC 4180 writes them. */
export function splitLine(text: string, line: number, problems: (p: TransactionsProblem) => void): string[] | undefined {
  if (!text.includes('"')) return text.split(',');
  const fields: string[] = [];
  let i = 0;
  for (;;) {
    if (text.charCodeAt(i) === 34) {
      let value = '';
      let from = i + 1;
      for (;;) {
        const close = text.indexOf('"', from);
        if (close < 0) {
          problems({ line, column: fields.length + 1, reason: 'a quoted field is never closed (a field may not span lines)' });
          return undefined;
        }
        value += text.slice(from, close);
        if (text.charCodeAt(close + 1) === 34) {
          value += '"';
          from = close + 2;
        } else {
          i = close + 1;
          break;
        }
      }
      if (i < text.length && text.charCodeAt(i) !== 44) {
        problems({ line, column: fields.length + 1, reason: 'text after the closing quote of a quoted field' });
        return undefined;
      }
      fields.push(value);
    } else {
      const comma = text.indexOf(',', i);
      const end = comma < 0 ? text.length : comma;
      const value = text.slice(i, end);
      if (value.includes('"')) {
        problems({
          line,
          column: fields.length + 1,
          reason: 'a quote inside an unquoted field (quote the whole field and double the quote: "a ""b""")',
        });
        return undefined;
      }
      fields.push(value);
      i = end;
    }
    if (i >= text.length) return fields;
    i++; // the comma
  }
}

/** Where each column is in the file, from its header; problems for a header that is not the nine columns. */
export function columnOrder(header: string[] | undefined, add: (p: TransactionsProblem) => void): number[] | undefined {
  const expected = TRANSACTION_COLUMNS.join(',');
  if (!header) return undefined;
  const names = header.map((h) => h.trim().toLowerCase());
  const order: number[] = [];
  for (const column of TRANSACTION_COLUMNS) {
    const at = names.indexOf(column);
    if (at < 0) {
      add({ line: 1, reason: `the header has no column "${column}" (expected ${expected})` });
      return undefined;
    }
    order.push(at);
  }
  const extra = names.find((n) => !(TRANSACTION_COLUMNS as readonly string[]).includes(n));
  if (extra !== undefined || names.length !== TRANSACTION_COLUMNS.length) {
    add({
      line: 1,
      reason: `the header has a column "${extra ?? names.find((n, i) => names.indexOf(n) !== i)}" that is not one of ${expected}`,
    });
    return undefined;
  }
  return order;
}

function fieldAt(order: number[], column: number): TransactionColumn | undefined {
  const at = order.indexOf(column - 1);
  return at < 0 ? undefined : TRANSACTION_COLUMNS[at];
}

/**
 * Dates, countries, currencies and HS codes already found good: a million rows repeat a few hundred of
 * each, and checking a date (a pattern and a calendar) for every row was a third of the reading time.
 */
export interface KnownGood {
  dates: Set<string>;
  countries: Set<string>;
  hs: Set<string>;
}

/** One row's fields checked and typed, or undefined after adding its problems. */
function transactionOf(
  fields: string[],
  order: number[],
  line: number,
  rates: CurrencyRates,
  known: KnownGood,
  add: (p: TransactionsProblem) => void,
): { transaction: Transaction; value: number } | undefined {
  let ok = true;
  const problem = (i: number, reason: string | undefined) => {
    if (reason === undefined) return;
    ok = false;
    add({ line, column: order[i] + 1, field: TRANSACTION_COLUMNS[i], reason });
  };
  const date = fields[order[0]];
  const payer = fields[order[1]];
  const payerCountry = fields[order[2]];
  const payee = fields[order[3]];
  const payeeCountry = fields[order[4]];
  const amountText = fields[order[5]];
  const currency = fields[order[6]];
  const hs = fields[order[7]];
  const vessel = fields[order[8]];
  if (!known.dates.has(date)) {
    const dateWrong = dateProblem(date);
    if (dateWrong) problem(0, dateWrong);
    else known.dates.add(date);
  }
  problem(1, payer.trim() === '' ? 'is empty: every transaction names its payer' : undefined);
  if (!known.countries.has(payerCountry)) problem(2, countryProblem(payerCountry));
  problem(3, payee.trim() === '' ? 'is empty: every transaction names its payee' : undefined);
  if (!known.countries.has(payeeCountry)) problem(4, countryProblem(payeeCountry));
  const amount = Number(amountText);
  problem(
    5,
    !AMOUNT.test(amountText)
      ? `"${amountText}" is not an amount written as digits with an optional decimal point (1250 or 1250.50; no thousands separators)`
      : amount <= 0
        ? 'must be more than 0'
        : undefined,
  );
  let value: number | undefined;
  if (!CURRENCY.test(currency)) problem(6, `"${currency}" is not an ISO 4217 currency code in capitals (USD, EUR, CNY)`);
  else {
    value = valueInReferenceCurrency(amount, currency, rates);
    if (value === undefined) problem(6, `no reference rate for ${currency} (rates are known for ${Object.keys(rates).join(', ')})`);
  }
  if (hs !== '' && !known.hs.has(hs)) {
    if (HS.test(hs)) known.hs.add(hs);
    else problem(7, `"${hs}" is not an HS code: 2 to 10 digits, no dots or spaces (2701, 270112)`);
  }
  if (!ok || value === undefined) return undefined;
  return {
    transaction: {
      line,
      date,
      payer: payer.trim(),
      payerCountry,
      payee: payee.trim(),
      payeeCountry,
      amount,
      currency,
      hs,
      vessel: vessel.trim(),
    },
    value,
  };
}

/**
 * One data row's text (its line end taken off) checked and typed, or undefined after adding its problems:
 * a quoting mistake names the column's field as the header placed it.
 */
export function rowOfText(
  raw: string,
  line: number,
  order: number[],
  rates: CurrencyRates,
  known: KnownGood,
  add: (p: TransactionsProblem) => void,
): { transaction: Transaction; value: number } | undefined {
  const fields = splitLine(raw, line, (p) => add(p.column === undefined ? p : { ...p, field: fieldAt(order, p.column) }));
  if (!fields) return undefined;
  if (fields.length !== TRANSACTION_COLUMNS.length) {
    add({ line, reason: `has ${fields.length} column${fields.length === 1 ? '' : 's'}; the header has ${TRANSACTION_COLUMNS.length}` });
    return undefined;
  }
  return transactionOf(fields, order, line, rates, known, add);
}
