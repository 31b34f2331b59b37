/**
 * Runs the store suite on PostgreSQL. Each test gets its own database `embargo_test_<random>`, created
 * through the admin URL (EMBARGO_TEST_DATABASE_URL, default postgres://postgres@127.0.0.1:5432/postgres)
 * and dropped afterwards, so parallel runs never share data. Set EMBARGO_TEST_SKIP_POSTGRES=1 to skip
 * on a machine without PostgreSQL; without it, an unreachable server fails the run rather than hiding.
 */
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { afterAll, describe, expect, it } from 'vitest';
import { openStore } from './open-store.js';
import { serviceSuite } from './service.suite.js';
import { storeSuite } from './store.suite.js';

const ADMIN_URL = process.env.EMBARGO_TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const SKIP = process.env.EMBARGO_TEST_SKIP_POSTGRES === '1';

const created: string[] = [];

async function asAdmin<T>(work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: ADMIN_URL });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

function urlOf(database: string): string {
  const url = new URL(ADMIN_URL);
  url.pathname = `/${database}`;
  return url.toString();
}

async function newDatabaseUrl(): Promise<string> {
  const name = `embargo_test_${randomBytes(6).toString('hex')}`;
  await asAdmin((c) => c.query(`create database ${name}`));
  created.push(name);
  return urlOf(name);
}

afterAll(async () => {
  if (created.length === 0) return;
  // Stores are closed by the suite; FORCE also ends any connection a failed test left open.
  await asAdmin(async (c) => {
    for (const name of created) await c.query(`drop database if exists ${name} with (force)`);
  });
});

describe.skipIf(SKIP)('postgres', () => {
  storeSuite('postgres', {
    newStoreConfig: async () => ({ databaseUrl: await newDatabaseUrl() }),
    // A database name that was never created: the server answers, the database does not exist.
    unreachableConfig: { databaseUrl: urlOf(`embargo_missing_${randomBytes(6).toString('hex')}`) },
  });

  serviceSuite('postgres', {
    newStoreConfig: async () => ({ databaseUrl: await newDatabaseUrl() }),
    rawSql: async (config, statement) => {
      const client = new pg.Client({ connectionString: config.databaseUrl });
      await client.connect();
      try {
        await client.query(statement);
      } finally {
        await client.end();
      }
    },
    concurrentWriters: true,
  });

  describe('postgres store', () => {
    it('reports a server that refuses connections as STORE_UNAVAILABLE, without the password', async () => {
      // Port 1 is reserved (tcpmux) and closed on any machine that runs these tests.
      const error = await openStore({ databaseUrl: 'postgres://embargo:s3cret@127.0.0.1:1/embargo' }).catch((e: unknown) => e);
      expect(error).toMatchObject({ code: 'STORE_UNAVAILABLE' });
      expect(String((error as Error).message)).not.toContain('s3cret');
    });

    it('refuses a URL that is not postgres://', async () => {
      await expect(openStore({ databaseUrl: 'mysql://root@localhost/embargo' })).rejects.toMatchObject({ code: 'INVALID_INPUT' });
    });
  });
});
