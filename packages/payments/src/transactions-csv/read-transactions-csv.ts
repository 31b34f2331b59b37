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
 * The file is read in chunks of bytes as they come (`TransactionsCsvReader`), never whole as one string.
 * A row of nine fields whose values were all met before goes straight into the table's columns:
 * its fields are found, hashed and looked up as bytes, and no string or object is made for it. Any other
 * row (a doubled quote, a field with spaces around it, a mistake) is decoded and checked as text by
 * `checks`, which writes the problems; a value met for the first time is checked there too.
 *
 * @example
 * const reader = new TransactionsCsvReader('march.csv');
 * for await (const chunk of createReadStream('march.csv')) reader.push(chunk);
 * const table = reader.end();
 * table.rows // 1000000
 *
 * readTransactionsCsv('march.csv', text) // the same, for a file already in memory as text
 */
import { COUNTRY_NAMES, TransactionTable, USD_REFERENCE_RATES, valueInReferenceCurrency, type CurrencyRates } from '@embargo/core';
import { ByteInterner, hashBytes } from './byte-interner.js';
import {
  CURRENCY,
  HS,
  MAX_TRANSACTION_PROBLEMS,
  TRANSACTION_COLUMNS,
  TransactionsParseError,
  columnOrder,
  countryProblem,
  dateProblem,
  rowOfText,
  splitLine,
  type KnownGood,
  type ReadTransactionsOptions,
  type TransactionsProblem,
} from './checks.js';

export {
  MAX_TRANSACTION_PROBLEMS,
  TRANSACTION_COLUMNS,
  TransactionsParseError,
  describeProblem,
  type ReadTransactionsOptions,
  type TransactionColumn,
  type TransactionsProblem,
} from './checks.js';

const COMMA = 44;
const QUOTE = 34;
const NEWLINE = 10;
const CARRIAGE_RETURN = 13;
const DOT = 46;
const ZERO = 48;
const NINE = 57;
/** Fields by their index in TRANSACTION_COLUMNS. */
const [DATE, PAYER, PAYER_COUNTRY, PAYEE, PAYEE_COUNTRY, AMOUNT, CURRENCY_CODE, HS_CODE, VESSEL] = TRANSACTION_COLUMNS.map((_, i) => i);
/** Digits an amount is computed from exactly (digits / 10^decimals); longer ones are read as text. */
const EXACT_DIGITS = 15;

/**
 * Whether a name might begin or end with what `String.prototype.trim` takes off: ASCII space and control
 * characters, or a byte of a UTF-8 sequence that may be Unicode white space (U+00A0, U+1680, U+2000–U+3000,
 * U+FEFF). Over-cautious on purpose: such a name only goes the slower way, through `checks`.
 */
const mayBeSpaceAtStart = (byte: number) => byte <= 32 || byte === 0xc2 || byte === 0xe1 || byte === 0xe2 || byte === 0xe3 || byte === 0xef;
const mayBeSpaceAtEnd = (byte: number) => byte <= 32 || (byte >= 0x80 && byte <= 0xbf);

/** Reads a transactions file pushed in chunks of bytes; `end()` gives the table or throws its problems. */
export class TransactionsCsvReader {
  private readonly table = new TransactionTable();
  private readonly rates: CurrencyRates;
  private readonly problems: TransactionsProblem[] = [];
  private problemCount = 0;
  // Country codes are good once seen: COUNTRY_NAMES is the whole list.
  private readonly known: KnownGood = { dates: new Set(), countries: new Set(Object.keys(COUNTRY_NAMES)), hs: new Set() };
  private readonly decoder = new TextDecoder('utf-8', { ignoreBOM: true });
  /** Bytes of a line not yet ended, from the previous chunk. */
  private carry: Uint8Array = new Uint8Array(0);
  private started = false;
  private line = 0;
  private order: number[] | undefined;
  /** A header that is not the nine columns stops the reading: no row can be placed. */
  private stopped = false;
  /** Where each of the nine fields of a row starts and ends, in file column order (for the fast path). */
  private readonly starts = new Int32Array(TRANSACTION_COLUMNS.length);
  private readonly ends = new Int32Array(TRANSACTION_COLUMNS.length);
  /** The field (index in TRANSACTION_COLUMNS) of each column of the file, from its header. */
  private fieldOfColumn: Int32Array | undefined;
  /** Values met in good rows, by their bytes: ids of the table's pools, or party ids for names. */
  private readonly dates = new ByteInterner();
  private readonly countries = new ByteInterner();
  private readonly currencies = new ByteInterner();
  private readonly hsCodes = new ByteInterner();
  private readonly vessels = new ByteInterner();
  private readonly names = new ByteInterner();
  private readonly noHs: number;

  constructor(
    private readonly file: string,
    options: ReadTransactionsOptions = {},
  ) {
    this.rates = options.rates ?? USD_REFERENCE_RATES;
    this.noHs = this.table.hsCodes.idOf('');
  }

  /** Reads the complete lines of `chunk` (with what was left of the last one); keeps the rest for the next. */
  push(chunk: Uint8Array): void {
    let data = chunk;
    if (this.carry.length > 0) {
      data = new Uint8Array(this.carry.length + chunk.length);
      data.set(this.carry);
      data.set(chunk, this.carry.length);
    }
    let at = 0;
    if (!this.started) {
      // A byte order mark may arrive split over chunks: wait for three bytes.
      if (data.length < 3) {
        this.carry = data.slice();
        return;
      }
      this.started = true;
      if (data[0] === 0xef && data[1] === 0xbb && data[2] === 0xbf) at = 3;
    }
    for (;;) {
      const newline = data.indexOf(NEWLINE, at);
      if (newline < 0) break;
      this.readLine(data, at, newline);
      at = newline + 1;
    }
    // Copied: the stream may reuse the chunk's memory.
    this.carry = data.slice(at);
  }

  /** Reads the last line (if it has no line end) and gives the table, or throws every problem found. */
  end(): TransactionTable {
    let last = this.carry;
    if (!this.started && last.length > 0) {
      this.started = true;
      if (last[0] === 0xef && last[1] === 0xbb && last[2] === 0xbf) last = last.subarray(3);
    }
    if (last.length > 0 || this.line === 0) this.readLine(last, 0, last.length);
    this.carry = new Uint8Array(0);
    if (this.problemCount === 0 && this.table.rows === 0)
      this.add({ line: Math.max(this.line, 1), reason: 'the file has a header but no transactions' });
    if (this.problemCount > 0) throw new TransactionsParseError(this.file, this.problems, this.problemCount);
    return this.table;
  }

  private add(p: TransactionsProblem): void {
    if (this.problemCount++ < MAX_TRANSACTION_PROBLEMS) this.problems.push(p);
  }

  private readLine(bytes: Uint8Array, start: number, end: number): void {
    this.line++;
    if (end > start && bytes[end - 1] === CARRIAGE_RETURN) end--;
    if (this.stopped) return;
    if (this.line === 1) {
      const raw = this.decoder.decode(bytes.subarray(start, end));
      const add = (p: TransactionsProblem) => this.add(p);
      if (raw.trim() === '') add({ line: 1, reason: `the file is empty: it needs a header row (${TRANSACTION_COLUMNS.join(',')})` });
      else this.order = columnOrder(splitLine(raw, 1, add), add);
      this.stopped = this.order === undefined;
      if (this.order) {
        this.fieldOfColumn = new Int32Array(this.order.length);
        this.order.forEach((column, field) => (this.fieldOfColumn![column] = field));
      }
      return;
    }
    if (end === start) return;
    // Once the file has a problem nothing is loaded: the rest is only checked, as text.
    if (this.problemCount === 0 && this.addPlainRow(bytes, start, end)) return;
    const row = rowOfText(this.decoder.decode(bytes.subarray(start, end)), this.line, this.order!, this.rates, this.known, (p) =>
      this.add(p),
    );
    if (row && this.problemCount === 0) this.table.add(row.transaction, row.value);
  }

  /**
   * The fast path: a row of nine fields (quoted or not, without doubled quotes), each good, added to the table from its bytes. False
   * (and nothing added) for a row it cannot take whole; `checks` then reads it, and reports its problems.
   */
  private addPlainRow(bytes: Uint8Array, start: number, end: number): boolean {
    // Field f (in TRANSACTION_COLUMNS order, wherever the file puts it) is bytes[starts[f], ends[f]):
    // a quoted field without its quotes.
    const { starts, ends } = this;
    const fieldOfColumn = this.fieldOfColumn!;
    let column = 0;
    let i = start;
    for (;;) {
      if (column === TRANSACTION_COLUMNS.length) return false;
      const field = fieldOfColumn[column++];
      if (bytes[i] === QUOTE) {
        // Quoted, as a name with a comma is ("Fenwick Trading, Ltd"); a doubled quote inside goes the slower way.
        const close = bytes.indexOf(QUOTE, i + 1);
        if (close < 0 || close >= end || (close + 1 < end && bytes[close + 1] !== COMMA)) return false;
        starts[field] = i + 1;
        ends[field] = close;
        i = close + 1;
      } else {
        starts[field] = i;
        while (i < end && bytes[i] !== COMMA) if (bytes[i++] === QUOTE) return false;
        ends[field] = i;
      }
      if (i >= end) break;
      i++; // the comma
      if (i === end) {
        // A line that ends in a comma: its last field is empty.
        if (column === TRANSACTION_COLUMNS.length) return false;
        const last = fieldOfColumn[column++];
        starts[last] = ends[last] = end;
        break;
      }
    }
    if (column !== TRANSACTION_COLUMNS.length) return false;

    const date = this.dateId(bytes, starts[DATE], ends[DATE]);
    const payerCountry = this.countryId(bytes, starts[PAYER_COUNTRY], ends[PAYER_COUNTRY]);
    const payeeCountry = this.countryId(bytes, starts[PAYEE_COUNTRY], ends[PAYEE_COUNTRY]);
    const amount = plainAmount(bytes, starts[AMOUNT], ends[AMOUNT]);
    const currency = this.currencyId(bytes, starts[CURRENCY_CODE], ends[CURRENCY_CODE]);
    const hs = starts[HS_CODE] === ends[HS_CODE] ? this.noHs : this.hsId(bytes, starts[HS_CODE], ends[HS_CODE]);
    if (date < 0 || payerCountry < 0 || payeeCountry < 0 || amount <= 0 || currency < 0 || hs < 0) return false;
    const noVessel = starts[VESSEL] === ends[VESSEL];
    if (!isBareName(bytes, starts[PAYER], ends[PAYER]) || !isBareName(bytes, starts[PAYEE], ends[PAYEE])) return false;
    if (!noVessel && !isBareName(bytes, starts[VESSEL], ends[VESSEL])) return false;

    const value = valueInReferenceCurrency(amount, this.table.currencies.values[currency], this.rates)!;
    const payer = this.partyId(bytes, starts[PAYER], ends[PAYER]);
    const payee = this.partyId(bytes, starts[PAYEE], ends[PAYEE]);
    const vessel = noVessel ? 0 : this.vesselId(bytes, starts[VESSEL], ends[VESSEL]);
    this.table.addInterned(this.line, date, payer, payerCountry, payee, payeeCountry, amount, value, currency, hs, vessel);
    return true;
  }

  /**
   * The id of a value met before, or of one met now that `isGood` accepts (added to `pool`), or -1 for a
   * value that is not good: its row goes the slower way, which reports it.
   */
  private idOf(
    interner: ByteInterner,
    bytes: Uint8Array,
    start: number,
    end: number,
    isGood: (text: string) => boolean,
    intern: (text: string) => number,
  ): number {
    const hash = hashBytes(bytes, start, end);
    const found = interner.find(bytes, start, end, hash);
    if (found >= 0) return found;
    const text = this.decoder.decode(bytes.subarray(start, end));
    if (!isGood(text)) return -1;
    const id = intern(text);
    interner.add(bytes, start, end, hash, id);
    return id;
  }

  // The checks and pools of each kind of value, made once (not a closure per field of a million rows).
  private readonly isDate = (d: string) => dateProblem(d) === undefined;
  private readonly isCountry = (c: string) => countryProblem(c) === undefined;
  private readonly isCurrency = (c: string) => CURRENCY.test(c) && valueInReferenceCurrency(1, c, this.rates) !== undefined;
  private readonly isHs = (hs: string) => HS.test(hs);
  private readonly isName = () => true;
  private readonly internDate = (d: string) => this.table.dates.idOf(d);
  private readonly internCountry = (c: string) => this.table.countries.idOf(c);
  private readonly internCurrency = (c: string) => this.table.currencies.idOf(c);
  private readonly internHs = (hs: string) => this.table.hsCodes.idOf(hs);
  private readonly internParty = (name: string) => this.table.partyId(name);
  private readonly internVessel = (name: string) => this.table.vessels.idOf(name);

  private dateId(bytes: Uint8Array, start: number, end: number): number {
    return this.idOf(this.dates, bytes, start, end, this.isDate, this.internDate);
  }

  private countryId(bytes: Uint8Array, start: number, end: number): number {
    return this.idOf(this.countries, bytes, start, end, this.isCountry, this.internCountry);
  }

  private currencyId(bytes: Uint8Array, start: number, end: number): number {
    return this.idOf(this.currencies, bytes, start, end, this.isCurrency, this.internCurrency);
  }

  private hsId(bytes: Uint8Array, start: number, end: number): number {
    return this.idOf(this.hsCodes, bytes, start, end, this.isHs, this.internHs);
  }

  private partyId(bytes: Uint8Array, start: number, end: number): number {
    return this.idOf(this.names, bytes, start, end, this.isName, this.internParty);
  }

  private vesselId(bytes: Uint8Array, start: number, end: number): number {
    return this.idOf(this.vessels, bytes, start, end, this.isName, this.internVessel);
  }
}

/** A name with nothing to trim around it (and not empty): its bytes are the name. */
function isBareName(bytes: Uint8Array, start: number, end: number): boolean {
  return end > start && !mayBeSpaceAtStart(bytes[start]) && !mayBeSpaceAtEnd(bytes[end - 1]);
}

/**
 * The amount written in bytes[start, end) as `checks` accepts it (digits, an optional point and one to
 * four decimals, no leading zero), or -1 for anything else. Computed as digits / 10^decimals, both exact
 * below 2^53, so the division rounds once, as `Number(text)` does: the same number.
 */
function plainAmount(bytes: Uint8Array, start: number, end: number): number {
  let i = start;
  let digits = 0;
  let count = 0;
  if (i < end && bytes[i] === ZERO) {
    i++;
    count = 1;
  } else
    for (; i < end && bytes[i] >= ZERO && bytes[i] <= NINE; i++) {
      digits = digits * 10 + (bytes[i] - ZERO);
      count++;
    }
  if (count === 0) return -1;
  let scale = 1;
  if (i < end) {
    if (bytes[i++] !== DOT) return -1;
    const point = i;
    for (; i < end && bytes[i] >= ZERO && bytes[i] <= NINE; i++) {
      digits = digits * 10 + (bytes[i] - ZERO);
      scale *= 10;
      count++;
    }
    if (i !== end || i === point || i - point > 4) return -1;
  }
  if (count > EXACT_DIGITS) return -1;
  return digits / scale;
}

/** Reads a file already in memory as text; throws `TransactionsParseError` listing the problems if there are any. */
export function readTransactionsCsv(file: string, text: string, options: ReadTransactionsOptions = {}): TransactionTable {
  const reader = new TransactionsCsvReader(file, options);
  reader.push(new TextEncoder().encode(text));
  return reader.end();
}
