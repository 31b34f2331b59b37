/**
 * @module write-transaction
 * Transactions that hold the database's writer lock from their first statement (see
 * `StoreDialect.beginWrite`): every write that appends audit rows runs in one, so the chain is extended
 * by one writer at a time, in this process or another.
 *
 * Writes that arrive while a transaction is running are committed together in the next one, each inside
 * its own savepoint ("group commit"). A commit is the slow part of a small write: PostgreSQL waits for
 * the disk (~10 ms here) while holding the audit lock, so one write per transaction capped a server at
 * ~100 screenings/s whatever its concurrency; SQLite's WAL commit took ~200–250 µs of the ~500 µs a screening
 * took (measured 2026-11). A write that fails is rolled back to its savepoint and rejected alone; the
 * others in its group are resolved only once the group has committed.
 */
import { sql, type Kysely } from 'kysely';
import type { AuditKey } from './audit-key.js';
import { ReusedStatements, type StatementsOnConnection } from './reused-statements.js';
import type { StoreTables } from './tables.js';

export type WriteConnection = Kysely<StoreTables>;

/** One write: its statements, run on the transaction's connection. */
export type WriteWork<R> = (conn: WriteConnection, statements: StatementsOnConnection) => Promise<R>;

/** Runs a write in a transaction that holds the writer lock, grouped with any writes waiting for it. */
export type InWriteTransaction = <R>(work: WriteWork<R>) => Promise<R>;

/**
 * Writes committed together at most. Bounds how long one group holds the lock that other processes (the
 * CLI loading a list) wait for: 256 screenings take ~40 ms on SQLite.
 */
const MAX_GROUP = 256;

interface Waiting {
  work: WriteWork<unknown>;
  resolve: (result: unknown) => void;
  reject: (error: unknown) => void;
}

export function writeTransaction(db: Kysely<StoreTables>, beginWrite: readonly string[], auditKey: AuditKey): InWriteTransaction {
  const statements = new ReusedStatements(auditKey);
  const waiting: Waiting[] = [];
  let running = false;

  async function drain(): Promise<void> {
    running = true;
    try {
      while (waiting.length > 0) await commitGroup(db, beginWrite, statements, waiting.splice(0, MAX_GROUP));
    } finally {
      running = false;
    }
  }

  return <R>(work: WriteWork<R>) =>
    new Promise<R>((resolve, reject) => {
      waiting.push({ work, resolve: resolve as (result: unknown) => void, reject });
      // commitGroup settles every write it takes, so drain itself never rejects.
      if (!running) void drain();
    });
}

/** One transaction for the group. Settles every write in it: resolved after the commit, or rejected. */
async function commitGroup(
  db: Kysely<StoreTables>,
  beginWrite: readonly string[],
  statements: ReusedStatements,
  group: Waiting[],
): Promise<void> {
  const results = new Map<Waiting, unknown>();
  const failed = new Set<Waiting>();
  try {
    await db.connection().execute(async (conn) => {
      for (const statement of beginWrite) await sql.raw(statement).execute(conn);
      try {
        const onConn = statements.on(conn);
        if (group.length === 1) {
          // Alone, the transaction is the write's own: no savepoint needed, its failure rolls back all.
          results.set(group[0], await group[0].work(conn, onConn));
        } else {
          for (const write of group) {
            const outcome = await inSavepoint(conn, () => write.work(conn, onConn));
            if (outcome.ok) results.set(write, outcome.result);
            else {
              failed.add(write);
              write.reject(outcome.error);
            }
          }
        }
        await sql`commit`.execute(conn);
      } catch (error) {
        // If the connection itself is gone the server discards the transaction; the first error is the one to report.
        await sql`rollback`.execute(conn).catch(() => undefined);
        throw error;
      }
    });
  } catch (error) {
    for (const write of group) if (!failed.has(write)) write.reject(error);
    return;
  }
  for (const [write, result] of results) write.resolve(result);
}

type Outcome = { ok: true; result: unknown } | { ok: false; error: unknown };

/**
 * Runs one write of a group so that its failure undoes only its own statements. Throws (failing the whole
 * group) only when the savepoint itself cannot be rolled back, i.e. the connection is unusable.
 */
async function inSavepoint(conn: WriteConnection, work: () => Promise<unknown>): Promise<Outcome> {
  await sql`savepoint embargo_write`.execute(conn);
  try {
    const result = await work();
    await sql`release savepoint embargo_write`.execute(conn);
    return { ok: true, result };
  } catch (error) {
    try {
      await sql`rollback to savepoint embargo_write`.execute(conn);
      await sql`release savepoint embargo_write`.execute(conn);
    } catch {
      // The connection cannot undo the write: report the write's own error for the whole group.
      throw error;
    }
    return { ok: false, error };
  }
}
