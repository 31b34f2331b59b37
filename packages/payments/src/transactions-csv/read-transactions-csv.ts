/**
 * @module transactions-csv/read-transactions-csv
 * A transactions file (payments, invoices or shipments) read into a core `TransactionTable`, strictly:
 * the header names the nine columns `date,payer,payer_country,payee,payee_country,amount,currency,hs,vessel`
 * (in any order, nothing else), and every row must have each field in its form. Nothing is guessed: a
 * date in another format, an amount with a thousands separator, a country name instead of its code or a
 * currency without a reference rate is a problem naming its line, column and field. A file with problems
 * loads nothing; up to a hundred problems are reported together.
 *
 * Fields may be quoted as RFC 4180 writes them (`"Acme, ""Holdings"" Ltd"`); a field may not span lines.
 *
 * @example
 * const table = readTransactionsCsv('march.csv', readFileSync('march.csv', 'utf8'));
 * table.rows // 1000000
 */
import {
  COUNTRY_NAMES,
  EmbargoError,
  TransactionTable,
  USD_REFERENCE_RATES,
  valueInReferenceCurrency,
  type CurrencyRates,
  type Transaction,
} from '@embargo/core';

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
const CURRENCY = /^[A-Z]{3}$/;
const HS = /^\d{2,10}$/;

function dateProblem(value: string): string | undefined {
  const m = DATE.exec(value);
  if (!m) return `"${value}" is not a date written YYYY-MM-DD`;
  const [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])];
  if (month < 1 || month > 12) return `month ${m[2]} does not exist`;
  const days = new Date(Date.UTC(year, month, 0)).getUTCDate();
  if (day < 1 || day > days) return `day ${m[3]} does not exist in ${m[1]}-${m[2]}`;
  return undefined;
}

function countryProblem(value: string): string | undefined {
  if (value === '') return 'is empty: write the ISO 3166 two-letter code (GB, CN, KP)';
  if (!Object.hasOwn(COUNTRY_NAMES, value)) return `"${value}" is not an ISO 3166 two-letter country code in capitals (GB, CN, KP)`;
  return undefined;
}

/** Splits one line into fields; quoted fields as RFC 4180 writes them. */
function splitLine(text: string, line: number, problems: (p: TransactionsProblem) => void): string[] | undefined {
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
function columnOrder(header: string[] | undefined, add: (p: TransactionsProblem) => void): number[] | undefined {
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

/** Reads the file's rows into a table; throws `TransactionsParseError` listing the problems if there are any. */
export function readTransactionsCsv(file: string, text: string, options: ReadTransactionsOptions = {}): TransactionTable {
  const rates = options.rates ?? USD_REFERENCE_RATES;
  const problems: TransactionsProblem[] = [];
  let problemCount = 0;
  const add = (p: TransactionsProblem) => {
    if (problemCount++ < MAX_TRANSACTION_PROBLEMS) problems.push(p);
  };
  const table = new TransactionTable();
  // Country codes are good once seen: COUNTRY_NAMES is the whole list.
  const known: KnownGood = { dates: new Set(), countries: new Set(Object.keys(COUNTRY_NAMES)), hs: new Set() };
  let at = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  let line = 0;
  let order: number[] | undefined;
  while (at < text.length || line === 0) {
    const newline = text.indexOf('\n', at);
    const end = newline < 0 ? text.length : newline;
    let raw = text.slice(at, end);
    if (raw.endsWith('\r')) raw = raw.slice(0, -1);
    at = end + 1;
    line++;
    if (line === 1) {
      if (raw.trim() === '') {
        add({ line: 1, reason: `the file is empty: it needs a header row (${TRANSACTION_COLUMNS.join(',')})` });
        break;
      }
      order = columnOrder(splitLine(raw, 1, add), add);
      if (!order) break;
      continue;
    }
    if (raw === '') continue;
    // A quoting mistake names the column's field, as the header placed it.
    const fields = splitLine(raw, line, (p) => add(p.column === undefined ? p : { ...p, field: fieldAt(order!, p.column) }));
    if (!fields) continue;
    if (fields.length !== TRANSACTION_COLUMNS.length) {
      add({ line, reason: `has ${fields.length} column${fields.length === 1 ? '' : 's'}; the header has ${TRANSACTION_COLUMNS.length}` });
      continue;
    }
    const row = transactionOf(fields, order!, line, rates, known, add);
    if (row && problemCount === 0) table.add(row.transaction, row.value);
  }
  if (problemCount === 0 && table.rows === 0) add({ line: Math.max(line, 1), reason: 'the file has a header but no transactions' });
  if (problemCount > 0) throw new TransactionsParseError(file, problems, problemCount);
  return table;
}

/**
 * Dates, countries, currencies and HS codes already found good: a million rows repeat a few hundred of
 * each, and checking a date (a pattern and a calendar) for every row was a third of the reading time.
 */
interface KnownGood {
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
