/**
 * @module write-transaction
 * A transaction that holds the database's writer lock from its first statement (see
 * `StoreDialect.beginWrite`): every write that appends audit rows runs in one, so the chain is extended
 * by one writer at a time, in this process or another.
 */
import { sql, type Kysely } from 'kysely';
import type { StoreTables } from './tables.js';

export type WriteConnection = Kysely<StoreTables>;

export function writeTransaction(db: Kysely<StoreTables>, beginWrite: readonly string[]) {
  return <R>(work: (conn: WriteConnection) => Promise<R>): Promise<R> =>
    db.connection().execute(async (conn) => {
      for (const statement of beginWrite) await sql.raw(statement).execute(conn);
      try {
        const result = await work(conn);
        await sql`commit`.execute(conn);
        return result;
      } catch (error) {
        // If the connection itself is gone the server discards the transaction; the first error is the one to report.
        await sql`rollback`.execute(conn).catch(() => undefined);
        throw error;
      }
    });
}

export type InWriteTransaction = ReturnType<typeof writeTransaction>;
