/**
 * @module testing/app-fixture
 * A real app over a fresh database for tests: SQLite in a temporary file, or a throwaway PostgreSQL
 * database; publications saved; one API key per role; requests go in with `app.inject` (no sockets).
 */
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import type { FastifyInstance } from 'fastify';
import type { ListPublication } from '@embargo/core';
import { loadListDirectory } from '@embargo/lists';
import { openStore, type Store, type StoreConfig } from '@embargo/store';
import { createApiKey } from '../api-keys.js';
import { buildApp } from '../app.js';
import { DEFAULT_SERVER_CONFIG, uuid, type AppDeps } from '../deps.js';
import { ScreeningService } from '../screening-service.js';

export type Backend = 'sqlite' | 'postgres';
export const BACKENDS: Backend[] = process.env.EMBARGO_TEST_SKIP_POSTGRES === '1' ? ['sqlite'] : ['sqlite', 'postgres'];

const ADMIN_URL = process.env.EMBARGO_TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
export const BUNDLED_DATA = fileURLToPath(new URL('../../../../data', import.meta.url));
export const BUNDLED_UN = join(BUNDLED_DATA, 'un-sc', '2026-02-27');

let bundledUn: Promise<ListPublication[]> | undefined;
/** The bundled UN list, parsed once per test file: real records, quick to load. */
export function bundledUnList(): Promise<ListPublication[]> {
  bundledUn ??= loadListDirectory(BUNDLED_UN);
  return bundledUn;
}

async function asAdmin(statement: string): Promise<void> {
  const client = new pg.Client({ connectionString: ADMIN_URL });
  await client.connect();
  try {
    await client.query(statement);
  } finally {
    await client.end();
  }
}

/** A fresh, empty database of the backend, and how to drop it. */
export async function freshDatabase(backend: Backend): Promise<{ config: StoreConfig; drop: () => Promise<void> }> {
  if (backend === 'sqlite') {
    const dir = mkdtempSync(join(tmpdir(), 'embargo-server-'));
    return { config: { sqlitePath: join(dir, 'embargo.db') }, drop: async () => rmSync(dir, { recursive: true, force: true }) };
  }
  const name = `embargo_test_${randomBytes(6).toString('hex')}`;
  await asAdmin(`create database ${name}`);
  const url = new URL(ADMIN_URL);
  url.pathname = `/${name}`;
  return { config: { databaseUrl: url.toString() }, drop: () => asAdmin(`drop database if exists ${name} with (force)`) };
}

export interface TestApp {
  app: FastifyInstance;
  store: Store;
  deps: AppDeps;
  config: StoreConfig;
  keys: { admin: string; analyst: string; analyst2: string; client: string };
  /** The tenant of the client key (a tenant of its own: the key's id); the other keys work across tenants. */
  clientTenant: string;
  /** Headers carrying a key. */
  as: (key: string) => { authorization: string };
  close(): Promise<void>;
}

export async function createTestApp(opts: {
  backend: Backend;
  publications?: ListPublication[];
  clock?: () => Date;
  /** A built web app to serve at `/`. */
  webRoot?: string;
  /** How often the app looks for lists loaded by another process (default: the server's 5 s). */
  listsPollSeconds?: number;
}): Promise<TestApp> {
  const db = await freshDatabase(opts.backend);
  const store = await openStore(db.config);
  const clock = opts.clock ?? (() => new Date());
  for (const p of opts.publications ?? (await bundledUnList())) await store.savePublication(p, { loadedAt: clock() });
  const deps: AppDeps = {
    store,
    screening: await ScreeningService.fromStore(store),
    clock,
    newId: uuid,
    config: {
      ...DEFAULT_SERVER_CONFIG,
      dataDir: BUNDLED_UN,
      listsPollSeconds: opts.listsPollSeconds ?? DEFAULT_SERVER_CONFIG.listsPollSeconds,
    },
  };
  const app = await buildApp(deps, { webRoot: opts.webRoot });
  const key = async (role: 'admin' | 'analyst', name: string) => (await createApiKey(store, { role, name }, clock())).key;
  const admin = await key('admin', 'Admin');
  const analyst = await key('analyst', 'Ann');
  const analyst2 = await key('analyst', 'Bob');
  const client = await createApiKey(store, { role: 'client', name: 'Bank' }, clock());
  const keys = { admin, analyst, analyst2, client: client.key };
  return {
    app,
    store,
    deps,
    config: db.config,
    keys,
    clientTenant: client.record.tenant!,
    as: (k) => ({ authorization: `Bearer ${k}` }),
    close: async () => {
      await app.close();
      await store.close();
      await db.drop();
    },
  };
}
