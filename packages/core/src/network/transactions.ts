/**
 * @module network/transactions
 * The normalised transaction of a payments, invoices or shipments file (who paid whom, how much, for what
 * goods, on which vessel), and the table a file becomes: parties named once, columns of numbers for the
 * rows. A million rows are ~40 MB this way, against ~400 MB as one object per row.
 *
 * The format adapter (`@embargo/payments` reads the CSV) checks every field; the table trusts what it is given.
 *
 * @example
 * const table = new TransactionTable();
 * table.add({ line: 2, date: '2024-03-01', payer: 'Acme Ltd', payerCountry: 'GB', payee: 'Korea Ryonha Machinery',
 *   payeeCountry: 'KP', amount: 120000, currency: 'USD', hs: '2701', vessel: '' }, 120000);
 * table.parties[table.payer[0]].name // 'Acme Ltd'
 */

/** One row of the file, as the adapter read it. The payee is the seller: the goods go from payee to payer. */
export interface Transaction {
  /** The line of the file the row is on (1 is the header). */
  line: number;
  /** ISO date, YYYY-MM-DD. */
  date: string;
  payer: string;
  /** ISO 3166 alpha-2, upper case. */
  payerCountry: string;
  payee: string;
  payeeCountry: string;
  /** In `currency`, greater than 0. */
  amount: number;
  /** ISO 4217, upper case. */
  currency: string;
  /** Harmonized System code of the goods, digits only (2 to 10), or '' for none stated. */
  hs: string;
  /** The vessel's name, or '' for none. */
  vessel: string;
}

/** A party of the file: the first spelling met, and the countries it is given. */
export interface NetworkParty {
  name: string;
  countries: string[];
}

const INITIAL_ROWS = 1024;

/** Interns strings to small numbers: dates, currencies, HS codes and vessels repeat over a million rows. */
class StringPool {
  readonly values: string[] = [];
  private readonly ids = new Map<string, number>();
  idOf(value: string): number {
    let id = this.ids.get(value);
    if (id === undefined) {
      id = this.values.length;
      this.values.push(value);
      this.ids.set(value, id);
    }
    return id;
  }
}

/**
 * The party key: case and spacing do not make another firm ("ACME  Ltd" is "Acme Ltd"); anything else
 * does, since telling spellings of one firm apart is the screening's work, not the file's.
 */
export function partyKey(name: string): string {
  return name.toLowerCase().replace(/\s+/g, ' ').trim();
}

/** The rows of a transactions file, column by column, with the parties and strings they name interned. */
export class TransactionTable {
  readonly parties: NetworkParty[] = [];
  private readonly partyIds = new Map<string, number>();
  /** Exact spellings seen, to skip building the key again for the common case of a name repeated as is. */
  private readonly spellingIds = new Map<string, number>();
  /** The pool id of each party's first country (-1: none yet). */
  private firstCountry = new Int32Array(INITIAL_ROWS).fill(-1);
  readonly dates = new StringPool();
  readonly currencies = new StringPool();
  readonly hsCodes = new StringPool();
  readonly countries = new StringPool();
  /** Vessel names; id 0 is '' (no vessel). */
  readonly vessels = new StringPool();
  rows = 0;
  line = new Int32Array(INITIAL_ROWS);
  date = new Int32Array(INITIAL_ROWS);
  payer = new Int32Array(INITIAL_ROWS);
  payee = new Int32Array(INITIAL_ROWS);
  payerCountry = new Int32Array(INITIAL_ROWS);
  payeeCountry = new Int32Array(INITIAL_ROWS);
  amount = new Float64Array(INITIAL_ROWS);
  /** The amount in the reference currency (`value` passed to `add`), what exposures are summed in. */
  value = new Float64Array(INITIAL_ROWS);
  currency = new Int32Array(INITIAL_ROWS);
  hs = new Int32Array(INITIAL_ROWS);
  vessel = new Int32Array(INITIAL_ROWS);

  constructor() {
    this.vessels.idOf('');
  }

  /** Adds a row; `value` is its amount in the reference currency. */
  add(t: Transaction, value: number): void {
    const date = this.dates.idOf(t.date);
    const payer = this.partyId(t.payer);
    const payee = this.partyId(t.payee);
    this.addInterned(
      t.line,
      date,
      payer,
      this.countries.idOf(t.payerCountry),
      payee,
      this.countries.idOf(t.payeeCountry),
      t.amount,
      value,
      this.currencies.idOf(t.currency),
      this.hsCodes.idOf(t.hs),
      this.vessels.idOf(t.vessel),
    );
  }

  /**
   * Adds a row whose strings are interned already: ids of this table's pools and parties. A reader of a
   * million rows calls this with numbers it keeps per distinct spelling, and makes no object per row.
   */
  addInterned(
    line: number,
    date: number,
    payer: number,
    payerCountry: number,
    payee: number,
    payeeCountry: number,
    amount: number,
    value: number,
    currency: number,
    hs: number,
    vessel: number,
  ): void {
    if (this.rows === this.line.length) this.grow();
    const r = this.rows++;
    this.line[r] = line;
    this.date[r] = date;
    this.payer[r] = payer;
    this.payee[r] = payee;
    this.payerCountry[r] = payerCountry;
    this.payeeCountry[r] = payeeCountry;
    this.amount[r] = amount;
    this.value[r] = value;
    this.currency[r] = currency;
    this.hs[r] = hs;
    this.vessel[r] = vessel;
    this.noteCountry(payer, payerCountry);
    this.noteCountry(payee, payeeCountry);
  }

  /** The row as the file gave it (for evidence). */
  transaction(r: number): Transaction {
    const payer = this.parties[this.payer[r]];
    const payee = this.parties[this.payee[r]];
    return {
      line: this.line[r],
      date: this.dates.values[this.date[r]],
      payer: payer.name,
      payerCountry: this.countries.values[this.payerCountry[r]],
      payee: payee.name,
      payeeCountry: this.countries.values[this.payeeCountry[r]],
      amount: this.amount[r],
      currency: this.currencies.values[this.currency[r]],
      hs: this.hsCodes.values[this.hs[r]],
      vessel: this.vessels.values[this.vessel[r]],
    };
  }

  /** The party named so (case and spacing aside), or undefined. */
  partyNamed(name: string): number | undefined {
    return this.partyIds.get(partyKey(name));
  }

  /** The party of a spelling (case and spacing aside), added if new. */
  partyId(name: string): number {
    let id = this.spellingIds.get(name);
    if (id === undefined) {
      const key = partyKey(name);
      id = this.partyIds.get(key);
      if (id === undefined) {
        id = this.parties.length;
        this.parties.push({ name, countries: [] });
        if (id === this.firstCountry.length) {
          const grown = new Int32Array(id * 2).fill(-1);
          grown.set(this.firstCountry);
          this.firstCountry = grown;
        }
        this.partyIds.set(key, id);
      }
      this.spellingIds.set(name, id);
    }
    return id;
  }

  private noteCountry(party: number, countryId: number): void {
    // Most rows give a party its first country again: a number compared, not the party's object visited.
    if (this.firstCountry[party] === countryId) return;
    const country = this.countries.values[countryId];
    const countries = this.parties[party].countries;
    if (country === '' || countries.includes(country)) return;
    if (countries.length === 0) this.firstCountry[party] = countryId;
    countries.push(country);
  }

  private grow(): void {
    const size = this.line.length * 2;
    const grown = <T extends Int32Array | Float64Array>(a: T): T => {
      const b = new (a.constructor as new (n: number) => T)(size);
      b.set(a);
      return b;
    };
    this.line = grown(this.line);
    this.date = grown(this.date);
    this.payer = grown(this.payer);
    this.payee = grown(this.payee);
    this.payerCountry = grown(this.payerCountry);
    this.payeeCountry = grown(this.payeeCountry);
    this.amount = grown(this.amount);
    this.value = grown(this.value);
    this.currency = grown(this.currency);
    this.hs = grown(this.hs);
    this.vessel = grown(this.vessel);
  }
}
