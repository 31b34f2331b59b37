/**
 * @module migrations
 * The schema as numbered migrations in code, applied in order and recorded in `schema_migrations`.
 * To change the schema, add the next file (`0002-screenings.ts`) and list it below; never edit a
 * released migration, since databases in the field have already run it.
 *
 * kysely's Migrator is not used: in kysely 0.28 its SQLite lock is a no-op and its transaction begins
 * with a read, so two processes opening one fresh SQLite file both try to create the tables.
 */
import { EmbargoError } from '@embargo/core';
import { sql, type Kysely } from 'kysely';
import type { ColumnTypes, StoreDialect } from '../dialect.js';
import * as publications from './0001-publications.js';
import * as service from './0002-service.js';
import * as users from './0003-users.js';
import * as listGenerations from './0004-list-generations.js';
import * as tenants from './0005-tenants.js';
import * as personsAndSignatures from './0006-persons-and-signatures.js';
import * as payments from './0007-payments.js';
import * as ownership from './0008-ownership.js';
import * as publicationHistory from './0009-publication-history.js';
import * as cases from './0010-cases.js';
import * as customerSearch from './0011-customer-search.js';

interface NumberedMigration {
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  up(db: Kysely<any>, columns: ColumnTypes): Promise<void>;
}

/** In order; the key is the name recorded in `schema_migrations`, so it must never change. */
const MIGRATIONS: ReadonlyArray<[name: string, migration: NumberedMigration]> = [
  ['0001-publications', publications],
  ['0002-service', service],
  ['0003-users', users],
  ['0004-list-generations', listGenerations],
  ['0005-tenants', tenants],
  ['0006-persons-and-signatures', personsAndSignatures],
  ['0007-payments', payments],
  ['0008-ownership', ownership],
  ['0009-publication-history', publicationHistory],
  ['0010-cases', cases],
  ['0011-customer-search', customerSearch],
];

export const MIGRATION_TABLE = 'schema_migrations';

interface MigrationTables {
  schema_migrations: { name: string; applied_at: string };
}

/**
 * Bring the database up to the latest schema in one transaction, under the dialect's migration lock;
 * a no-op when it is already there. Returns the names of the migrations it applied.
 */
export async function migrateToLatest(db: Kysely<unknown>, dialect: Pick<StoreDialect, 'columns' | 'beginMigrations'>): Promise<string[]> {
  return migrateThrough(db, dialect, MIGRATIONS[MIGRATIONS.length - 1][0]);
}

/**
 * Bring the database up to the migration named `last` and no further: tests use it to make a database
 * as an older Embargo left it, then open it with this one.
 */
export async function migrateThrough(
  db: Kysely<unknown>,
  dialect: Pick<StoreDialect, 'columns' | 'beginMigrations'>,
  last: string,
): Promise<string[]> {
  const end = MIGRATIONS.findIndex(([name]) => name === last);
  if (end < 0) throw new Error(`There is no migration ${last}.`);
  const wanted = MIGRATIONS.slice(0, end + 1);
  return (db as Kysely<MigrationTables>).connection().execute(async (conn) => {
    for (const statement of dialect.beginMigrations) await sql.raw(statement).execute(conn);
    try {
      const applied = await appliedMigrations(conn);
      for (const [name, migration] of wanted) {
        if (applied.has(name)) continue;
        await migration.up(conn, dialect.columns);
        await conn.insertInto(MIGRATION_TABLE).values({ name, applied_at: new Date().toISOString() }).execute();
      }
      await sql`commit`.execute(conn);
      return wanted.map(([name]) => name).filter((name) => !applied.has(name));
    } catch (error) {
      // If the connection itself is gone the server discards the transaction; the first error is the one to report.
      await sql`rollback`.execute(conn).catch(() => undefined);
      throw error;
    }
  });
}

/** The migrations already applied; refuses a database migrated by a newer Embargo than this one. */
async function appliedMigrations(conn: Kysely<MigrationTables>): Promise<Set<string>> {
  await conn.schema
    .createTable(MIGRATION_TABLE)
    .ifNotExists()
    .addColumn('name', 'text', (c) => c.primaryKey())
    .addColumn('applied_at', 'text', (c) => c.notNull())
    .execute();
  const applied = new Set((await conn.selectFrom(MIGRATION_TABLE).select('name').execute()).map((r) => r.name));
  const known = new Set(MIGRATIONS.map(([name]) => name));
  const unknown = [...applied].filter((name) => !known.has(name));
  if (unknown.length > 0) {
    throw new EmbargoError(
      'STORE_CONFLICT',
      `The database has migrations this version of Embargo does not know (${unknown.join(', ')}); upgrade Embargo to use it.`,
      { migrations: unknown },
    );
  }
  return applied;
}
