/**
 * @module dialect
 * Everything that differs between SQLite and PostgreSQL, in one place: how a connection is opened,
 * the column types the migrations cannot spell the same way, how migrations take their lock, and
 * which driver errors mean "the database cannot be reached". The rest of the store is shared code.
 */
import { mkdirSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import Database from 'better-sqlite3';
import {
  PostgresDialect,
  sql,
  SqliteDialect,
  type ColumnDefinitionBuilder,
  type CreateTableBuilder,
  type Dialect,
  type SqliteDatabase,
} from 'kysely';
import pg from 'pg';
import { EmbargoError } from '@embargo/core';

/** Where the data lives. A `databaseUrl` (postgres://…) wins over `sqlitePath`. */
export interface StoreConfig {
  /** `postgres://user@host:5432/db` (or `postgresql://`); when set, PostgreSQL is used. */
  databaseUrl?: string;
  /** SQLite file, or `:memory:`. Default `./var/embargo.db`, resolved against the working directory. */
  sqlitePath?: string;
  /**
   * The file holding the key that signs the audit trail (created, mode 0600, if missing). Default: beside
   * the SQLite file (`<file>.audit-key`), or `./var/embargo-audit.key` for PostgreSQL. See `audit-key.ts`.
   */
  auditKeyFile?: string;
}

export const DEFAULT_SQLITE_PATH = './var/embargo.db';

/** PostgreSQL advisory lock key for migrations: any constant; this one spells "emba" in ASCII. */
const MIGRATION_LOCK_KEY = 0x656d6261;
/** PostgreSQL advisory lock key for audit appends: "audt". */
const AUDIT_LOCK_KEY = 0x61756474;

/** Column types the migrations need that the two databases spell differently. */
export interface ColumnTypes {
  /** An auto-numbered integer primary key that never reuses a deleted number (ids end up in audit records). */
  autoId: { type: 'integer'; modify: (column: ColumnDefinitionBuilder) => ColumnDefinitionBuilder };
  /**
   * A table whose rows are its primary key and little else, stored as that key's B-tree alone: SQLite
   * `without rowid` (else it keeps a rowid table and the key's index, two trees for one). PostgreSQL
   * tables are heaps beside their indexes either way, so it changes nothing there.
   */
  keyOnlyTable: <T extends string, C extends string>(table: CreateTableBuilder<T, C>) => CreateTableBuilder<T, C>;
}

export interface StoreDialect {
  dialect: Dialect;
  columns: ColumnTypes;
  /**
   * Statements that open a transaction holding the database's migration lock, so two processes opening
   * the same fresh database at the same time apply each migration once. SQLite: `begin immediate`
   * takes the write lock before anything is read (a plain `begin` would read the migration table first and
   * race). PostgreSQL: a transaction-scoped advisory lock, released by commit or rollback.
   */
  beginMigrations: string[];
  /**
   * Statements that open a transaction that writes audit rows: those must be appended one writer at a
   * time across connections and processes, or two would chain to the same previous row. SQLite:
   * `begin immediate` (a deferred `begin` that reads first fails with SQLITE_BUSY when it later needs the
   * write lock in WAL mode); PostgreSQL: a transaction-scoped advisory lock.
   */
  beginWrite: string[];
  /**
   * Statements that refresh the planner's statistics of these tables after a bulk load, run in the
   * load's transaction. PostgreSQL: `analyze`; without it the planner took the tables just filled with
   * 2,000,000 edges for empty ones and looked edges up by node in ~1.9 s instead of ~80 ms until
   * autovacuum came by (measured 2026-12). SQLite: none; it plans by its rules when it has no statistics,
   * and gathering some (`analyze`) would change its plans for every table, not just these.
   */
  refreshStatistics: (tables: readonly string[]) => string[];
  /** The database named for messages, without any password. */
  location: string;
}

/**
 * Open the connection the config asks for. SQLite files are opened here (creating the parent folder),
 * so a path that cannot be opened fails now; PostgreSQL connects lazily on the first query.
 */
export function openDialect(config: StoreConfig): StoreDialect {
  const url = config.databaseUrl?.trim();
  if (url) return openPostgres(url);
  return openSqlite(config.sqlitePath ?? DEFAULT_SQLITE_PATH);
}

function openPostgres(url: string): StoreDialect {
  if (!/^postgres(ql)?:\/\//i.test(url)) {
    throw new EmbargoError('INVALID_INPUT', `The database URL must start with postgres://, got ${redactUrl(url)}`);
  }
  const location = redactUrl(url);
  // Without a timeout a host that drops packets makes every command hang instead of failing.
  const pool = new pg.Pool({ connectionString: url, connectionTimeoutMillis: 10_000, max: 10 });
  // An idle client that loses its connection emits 'error' on the pool, which would crash the process
  // if unhandled. The pool has already discarded that client; the next query opens a new connection
  // and reports its own error if the server is really gone, so there is nothing more to do here.
  pool.on('error', () => undefined);
  // A client checked out of the pool (mid-transaction, or between a transaction's statements) has no
  // 'error' listener of the pool's; when its connection drops, pg emits 'error' on it and an unhandled
  // 'error' would kill the server. The statement in flight fails on its own (and becomes
  // STORE_UNAVAILABLE), and the pool discards the dead client when it is released.
  pool.on('connect', (client) => client.on('error', () => undefined));
  return {
    dialect: new PostgresDialect({ pool }),
    columns: {
      autoId: { type: 'integer', modify: (c) => c.generatedByDefaultAsIdentity().primaryKey() },
      keyOnlyTable: (table) => table,
    },
    beginMigrations: ['begin', `select pg_advisory_xact_lock(${MIGRATION_LOCK_KEY})`],
    beginWrite: ['begin', `select pg_advisory_xact_lock(${AUDIT_LOCK_KEY})`],
    refreshStatistics: (tables) => [`analyze ${tables.join(', ')}`],
    location,
  };
}

function openSqlite(path: string): StoreDialect {
  const inMemory = path === ':memory:';
  const location = inMemory ? path : resolve(path);
  let database: Database.Database | undefined;
  try {
    if (!inMemory) mkdirSync(dirname(location), { recursive: true });
    database = new Database(location);
    // WAL lets the server read while the CLI loads a list; the timeout makes a second writer wait for
    // the first instead of failing at once with SQLITE_BUSY.
    if (!inMemory) database.pragma('journal_mode = WAL');
    // In WAL mode NORMAL syncs at checkpoints, not at every commit: a committed transaction survives a
    // crash of the process (the CLI or server being killed), and only an operating-system crash or power
    // loss can drop the last few. FULL made each screening wait for an fsync (~1,700 writes/s at most).
    if (!inMemory) database.pragma('synchronous = NORMAL');
    database.pragma('busy_timeout = 5000');
    database.pragma('foreign_keys = ON');
  } catch (error) {
    // better-sqlite3 opens lazily; a file that is not a database fails at the first pragma, with the handle open.
    database?.close();
    throw unavailable(location, error);
  }
  return {
    dialect: new SqliteDialect({ database: withStatementCache(database) }),
    columns: {
      autoId: { type: 'integer', modify: (c) => c.autoIncrement().primaryKey() },
      keyOnlyTable: (table) => table.modifyEnd(sql`without rowid`),
    },
    beginMigrations: ['begin immediate'],
    beginWrite: ['begin immediate'],
    refreshStatistics: () => [],
    location,
  };
}

/** Prepared statements kept per connection; the store issues a few dozen distinct statements. */
const STATEMENT_CACHE_SIZE = 500;

/**
 * The database with its prepared statements reused: kysely prepares each query anew, and preparing took
 * as long as running the statement when the server records a screening (profiled 2026-11).
 */
function withStatementCache(database: Database.Database): SqliteDatabase {
  const statements = new Map<string, Database.Statement>();
  return {
    close: () => database.close(),
    prepare(text: string) {
      let statement = statements.get(text);
      if (!statement) {
        if (statements.size >= STATEMENT_CACHE_SIZE) statements.clear();
        statement = database.prepare(text);
        statements.set(text, statement);
      }
      return statement as unknown as ReturnType<SqliteDatabase['prepare']>;
    },
  };
}

/** Node socket errors: the host is unknown, refuses, or does not answer. */
const NETWORK_ERRORS = new Set(['ECONNREFUSED', 'ECONNRESET', 'ENOTFOUND', 'EAI_AGAIN', 'ETIMEDOUT', 'EHOSTUNREACH']);
/** File errors when creating the SQLite folder. */
const FILE_ERRORS = new Set(['EACCES', 'EPERM', 'EROFS', 'ENOTDIR', 'EISDIR', 'ENOSPC']);
/** PostgreSQL SQLSTATEs: 08 connection exception, 28 bad credentials, 3D000 no such database, 57P0x shutting down, 53300 too many connections. */
const POSTGRES_UNREACHABLE = /^(08|28|3D000|57P0[1-3]|53300)/;
/** better-sqlite3 codes: cannot open, not a database, read-only, disk I/O, locked past busy_timeout. */
const SQLITE_UNREACHABLE = /^SQLITE_(CANTOPEN|NOTADB|READONLY|IOERR|BUSY|FULL)/;

/** Whether a driver error means the database cannot be reached (as opposed to a bad statement or bad data). */
export function isUnreachableError(error: unknown): boolean {
  if (!(error instanceof Error)) return false;
  const code = String((error as { code?: unknown }).code ?? '');
  if (NETWORK_ERRORS.has(code) || FILE_ERRORS.has(code)) return true;
  if (POSTGRES_UNREACHABLE.test(code) || SQLITE_UNREACHABLE.test(code)) return true;
  // pg reports a dropped connection and a connect timeout without a code.
  return /^Connection terminated|timeout exceeded when trying to connect/i.test(error.message);
}

export function unavailable(location: string, cause: unknown): EmbargoError {
  const reason = cause instanceof Error ? cause.message : String(cause);
  return new EmbargoError('STORE_UNAVAILABLE', `Cannot use the database at ${location}: ${reason}`, { location }, { cause });
}

/** Turn an unreachable-database error into `STORE_UNAVAILABLE`; any other error is returned unchanged. */
export function translateStoreError(location: string, error: unknown): unknown {
  return isUnreachableError(error) ? unavailable(location, error) : error;
}

function redactUrl(url: string): string {
  try {
    const parsed = new URL(url);
    if (parsed.password) parsed.password = '***';
    return parsed.toString();
  } catch {
    // Not a URL at all: name it by scheme only so a password in it is never echoed.
    return `${url.split(':')[0]}:…`;
  }
}
