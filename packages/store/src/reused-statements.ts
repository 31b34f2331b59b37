/**
 * @module reused-statements
 * The statements of the hot write path (recording a screening and its audit rows), built and compiled by
 * kysely once per store and then run again with new parameters. Building a kysely query cost about four
 * times as much as running it on SQLite (profiled 2026-11: ~70 µs to build a one-row insert, ~20 µs to
 * run it), and a screening is five statements, so building them was most of the time of recording one.
 *
 * kysely still writes every statement: the SQL text is what its compiler produced for this database, only
 * reused. The first time a statement is compiled, the parameters it bound are compared with the ones
 * given here, so a change in how kysely orders them fails at once instead of writing values into the
 * wrong columns.
 */
import { CompiledQuery, type Compilable, type Insertable, type Kysely, type QueryResult } from 'kysely';
import type { AuditKey } from './audit-key.js';
import type { StoreTables } from './tables.js';

/**
 * Statements kept per store. A store issues a few dozen distinct ones, but inserts are keyed by their row
 * count too, so the odd sizes of last batches would otherwise accumulate.
 */
const MAX_STATEMENTS = 500;

/** Compiled SQL text by statement key, for one store (and so one database kind). */
export class ReusedStatements {
  readonly #texts = new Map<string, string>();

  /** `auditKey`: the store's key, which every write that appends audit rows signs them with. */
  constructor(readonly auditKey: AuditKey) {}

  /** The statements, run on one connection (a write transaction's). */
  on(conn: Kysely<StoreTables>): StatementsOnConnection {
    return {
      auditKey: this.auditKey,
      run: (key, parameters, build) => this.#run(conn, key, parameters, build),
      insert: (table, rows) => this.#insert(conn, table, rows),
    };
  }

  async #run(
    conn: Kysely<StoreTables>,
    key: string,
    parameters: readonly unknown[],
    build: () => Compilable,
  ): Promise<QueryResult<unknown>> {
    let text = this.#texts.get(key);
    if (text === undefined) {
      const compiled = build().compile();
      if (!sameValues(compiled.parameters, parameters)) {
        throw new Error(`Statement "${key}" binds its parameters in another order than the store expects: ${compiled.sql}`);
      }
      text = compiled.sql;
      if (this.#texts.size >= MAX_STATEMENTS) this.#texts.clear();
      this.#texts.set(key, text);
    }
    return conn.executeQuery(CompiledQuery.raw(text, [...parameters]));
  }

  async #insert<T extends keyof StoreTables>(
    conn: Kysely<StoreTables>,
    table: T,
    rows: readonly Insertable<StoreTables[T]>[],
  ): Promise<void> {
    if (rows.length === 0) return;
    // Every row of one call has the same columns (the callers build them with one function); the key
    // names them, so a call with other columns gets its own statement.
    const columns = Object.keys(rows[0]) as (keyof (typeof rows)[number])[];
    const parameters = rows.flatMap((row) => columns.map((column) => row[column]));
    const key = `insert ${String(table)} (${columns.join(',')}) × ${rows.length}`;
    // kysely cannot relate a generic table name to its row type; the signature above checks the rows.
    await this.#run(conn, key, parameters, () => conn.insertInto(table).values(rows as never));
  }
}

export interface StatementsOnConnection {
  /** The key audit rows appended in this transaction are signed with (it travels with the statements, which every append receives). */
  readonly auditKey: AuditKey;
  /**
   * Run the statement `build` makes, compiled the first time under `key`; `parameters` are the values it
   * binds, in the order kysely binds them (checked at the first compile).
   * @example await statements.run('audit head', [1], () => conn.selectFrom('audit_head').selectAll().where('id', '=', 1))
   */
  run(key: string, parameters: readonly unknown[], build: () => Compilable): Promise<QueryResult<unknown>>;
  /** Insert rows in one statement, compiled once per table, columns and row count. */
  insert<T extends keyof StoreTables>(table: T, rows: readonly Insertable<StoreTables[T]>[]): Promise<void>;
}

function sameValues(a: readonly unknown[], b: readonly unknown[]): boolean {
  return a.length === b.length && a.every((value, k) => Object.is(value, b[k]));
}
