/**
 * A database that stops answering gives 503s with a clear message and a Retry-After, and the server
 * recovers by itself when the database is back. PostgreSQL is cut off for real, through a TCP proxy the
 * test closes and reopens; SQLite (embedded, never "down") is held locked by another connection past the
 * busy timeout.
 */
import { createServer, type Server, type Socket, connect } from 'node:net';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { openStore, type Store } from '@embargo/store';
import { createApiKey } from './api-keys.js';
import { buildApp } from './app.js';
import { DEFAULT_SERVER_CONFIG, uuid, type AppDeps } from './deps.js';
import { ScreeningService } from './screening-service.js';
import { BACKENDS, BUNDLED_UN, bundledUnList, freshDatabase } from './testing/app-fixture.js';

/** A TCP proxy to PostgreSQL that can be cut (refusing connections, dropping open ones) and restored. */
class CuttableProxy {
  private server: Server | undefined;
  private readonly sockets = new Set<Socket>();
  port = 0;

  constructor(
    private readonly targetHost: string,
    private readonly targetPort: number,
  ) {}

  async open(): Promise<void> {
    this.server = createServer((client) => {
      const upstream = connect(this.targetPort, this.targetHost);
      for (const s of [client, upstream]) {
        this.sockets.add(s);
        s.on('close', () => this.sockets.delete(s));
        s.on('error', () => s.destroy());
      }
      client.pipe(upstream).pipe(client);
    });
    await new Promise<void>((resolve) => this.server!.listen(this.port, '127.0.0.1', resolve));
    this.port = (this.server.address() as { port: number }).port;
  }

  async cut(): Promise<void> {
    const closed = new Promise<void>((resolve) => this.server!.close(() => resolve()));
    for (const s of this.sockets) s.destroy();
    await closed;
  }
}

async function appOver(store: Store): Promise<{ app: FastifyInstance; key: string; fresh: string }> {
  const deps: AppDeps = {
    store,
    screening: await ScreeningService.fromStore(store),
    clock: () => new Date(),
    newId: uuid,
    config: { ...DEFAULT_SERVER_CONFIG, dataDir: BUNDLED_UN },
  };
  const app = await buildApp(deps);
  const key = (await createApiKey(store, { role: 'client', name: 'bank' }, new Date())).key;
  const fresh = (await createApiKey(store, { role: 'client', name: 'not yet used' }, new Date())).key;
  return { app, key, fresh };
}

const screen = (app: FastifyInstance, key: string) =>
  app.inject({ method: 'POST', url: '/v1/screen', headers: { authorization: `Bearer ${key}` }, payload: { name: 'Jang Song Nam' } });

describe.runIf(BACKENDS.includes('postgres'))('PostgreSQL going away and coming back', () => {
  let db: Awaited<ReturnType<typeof freshDatabase>>;
  let proxy: CuttableProxy;
  let store: Store;
  let app: FastifyInstance;
  let key: string;
  let fresh: string;

  beforeAll(async () => {
    db = await freshDatabase('postgres');
    const direct = new URL(db.config.databaseUrl!);
    proxy = new CuttableProxy(direct.hostname, Number(direct.port || 5432));
    await proxy.open();
    const viaProxy = new URL(direct);
    viaProxy.port = String(proxy.port);
    store = await openStore({ databaseUrl: viaProxy.toString() });
    for (const p of await bundledUnList()) await store.savePublication(p, { loadedAt: new Date() });
    ({ app, key, fresh } = await appOver(store));
  });
  afterAll(async () => {
    await app?.close();
    await store?.close();
    await proxy?.cut().catch(() => undefined);
    await db?.drop();
  });

  it('answers while the database answers', async () => {
    expect((await screen(app, key)).statusCode).toBe(200);
    expect((await app.inject({ method: 'GET', url: '/healthz' })).statusCode).toBe(200);
  });

  it('answers 503 with a clear message and Retry-After while it is gone, and nothing is half-done', async () => {
    await proxy.cut();
    const res = await screen(app, key);
    expect(res.statusCode).toBe(503);
    expect(res.headers['retry-after']).toBe('5');
    expect(res.json()).toEqual({ error: 'STORE_UNAVAILABLE', message: expect.stringContaining('database is not answering') });
    // Where the database lives is for the operator's log, not for the client.
    expect(res.body).not.toContain(String(proxy.port));
    expect((await app.inject({ method: 'GET', url: '/healthz' })).statusCode).toBe(503);
    expect((await app.inject({ method: 'GET', url: '/v1/lists', headers: { authorization: `Bearer ${key}` } })).statusCode).toBe(503);
    // A key the server has not verified yet cannot be checked either: 503, not a misleading 401.
    expect((await screen(app, fresh)).statusCode).toBe(503);
  });

  it('recovers by itself when the database is back', async () => {
    await proxy.open();
    const res = await screen(app, key);
    expect(res.statusCode).toBe(200);
    expect((await screen(app, fresh)).statusCode).toBe(200);
    expect((await app.inject({ method: 'GET', url: '/healthz' })).json()).toMatchObject({ status: 'ok', publications: 1 });
    // The screenings refused during the outage left no trace; the chain is intact.
    expect((await store.listAudit({ kind: 'screening', limit: 100 })).length).toBe(3);
    expect(await store.verifyAudit()).toMatchObject({ ok: true });
  });
});

describe('SQLite held locked by another process', () => {
  let db: Awaited<ReturnType<typeof freshDatabase>>;
  let store: Store;
  let app: FastifyInstance;
  let key: string;

  beforeAll(async () => {
    db = await freshDatabase('sqlite');
    store = await openStore(db.config);
    for (const p of await bundledUnList()) await store.savePublication(p, { loadedAt: new Date() });
    ({ app, key } = await appOver(store));
  });
  afterAll(async () => {
    await app?.close();
    await store?.close();
    await db?.drop();
  });

  it('answers 503 when a write waits past the busy timeout, and 200 once the lock is released', async () => {
    expect((await screen(app, key)).statusCode).toBe(200);
    const other = new Database(db.config.sqlitePath!);
    try {
      other.exec('begin immediate');
      const res = await screen(app, key);
      expect(res.statusCode).toBe(503);
      expect(res.json().error).toBe('STORE_UNAVAILABLE');
      other.exec('rollback');
      expect((await screen(app, key)).statusCode).toBe(200);
    } finally {
      other.close();
    }
    expect(await store.verifyAudit()).toMatchObject({ ok: true });
  }, 20_000);
});
