/**
 * Access to the API, on SQLite and PostgreSQL: every route in the OpenAPI document but `/healthz` refuses a
 * request without a valid key (401, before the body is looked at), each role is refused the routes it is
 * not admitted to (403), keys are rate-limited one by one (429), validation errors name the field, and
 * the request log carries ids and paths, never names, birth dates or keys.
 */
import { Writable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { buildApp } from './app.js';
import { BACKENDS, createTestApp, type TestApp } from './testing/app-fixture.js';

type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
interface Operation {
  method: Method;
  path: string;
  url: string;
  roles?: string[];
  description?: string;
}

/** Every operation the OpenAPI document lists, with placeholder path parameters. */
async function operations(app: FastifyInstance): Promise<Operation[]> {
  const doc = (await app.inject({ method: 'GET', url: '/openapi.json' })).json() as {
    paths: Record<string, Record<string, { 'x-roles'?: string[]; description?: string }>>;
  };
  return Object.entries(doc.paths).flatMap(([path, methods]) =>
    Object.entries(methods).map(([method, op]) => ({
      method: method.toUpperCase() as Method,
      path,
      url: path.replace(/\{[^}]+\}/g, 'some-id'),
      roles: op['x-roles'],
      description: op.description,
    })),
  );
}

/** Routes anyone may call: liveness, and signing in to (and out of) the web app. */
const PUBLIC_PATHS = new Set(['/healthz', '/v1/session']);

describe.each(BACKENDS)('API access on %s', (backend) => {
  let t: TestApp;
  let ops: Operation[];
  beforeAll(async () => {
    t = await createTestApp({ backend });
    ops = await operations(t.app);
  });
  afterAll(async () => t?.close());

  it('documents the roles of every route but /healthz and the sign-in, which are public', () => {
    expect(ops.length).toBeGreaterThan(10);
    const undocumented = ops.filter((o) => !PUBLIC_PATHS.has(o.path) && !o.roles).map((o) => `${o.method} ${o.path}`);
    expect(undocumented).toEqual([]);
    expect(ops.filter((o) => PUBLIC_PATHS.has(o.path)).map((o) => o.roles)).toEqual([undefined, undefined, undefined, undefined]);
    // Said once, in words, on the docs page.
    for (const o of ops.filter((x) => x.roles)) expect(o.description?.match(/Roles: /g)).toHaveLength(1);
  });

  it('answers 401 on every route without a key, with a malformed key and with an unknown key, whatever the body', async () => {
    const presented = [{}, { authorization: 'Bearer not-a-key' }, { 'x-api-key': `emb_0123456789abcdef_${'A'.repeat(43)}` }];
    for (const op of ops.filter((o) => !PUBLIC_PATHS.has(o.path))) {
      for (const headers of presented) {
        // An invalid body too: without a key the caller learns nothing about the schema.
        const res = await t.app.inject({
          method: op.method,
          url: op.url,
          headers,
          ...(op.method === 'GET' ? {} : { payload: { nonsense: 1 } }),
        });
        expect({ route: `${op.method} ${op.path}`, status: res.statusCode, error: res.json().error }).toEqual({
          route: `${op.method} ${op.path}`,
          status: 401,
          error: 'UNAUTHENTICATED',
        });
      }
    }
  });

  it('answers 403 to each role on the routes it is not admitted to, before validating the body', async () => {
    const keys = { admin: t.keys.admin, analyst: t.keys.analyst, client: t.keys.client };
    let refused = 0;
    for (const op of ops.filter((o) => o.roles)) {
      for (const [role, key] of Object.entries(keys)) {
        if (op.roles!.includes(role)) continue;
        const res = await t.app.inject({
          method: op.method,
          url: op.url,
          headers: t.as(key),
          ...(op.method === 'GET' ? {} : { payload: {} }),
        });
        expect({ route: `${op.method} ${op.path}`, role, status: res.statusCode }).toEqual({
          route: `${op.method} ${op.path}`,
          role,
          status: 403,
        });
        expect(res.json().message).toContain(`the key has ${role}`);
        refused++;
      }
    }
    expect(refused).toBeGreaterThan(0);
  });

  it.each([
    { why: 'loading lists is for admins', method: 'POST' as Method, url: '/v1/lists/update', roles: ['admin'] },
    { why: 'the alert queue is for analysts', method: 'GET' as Method, url: '/v1/alerts', roles: ['admin', 'analyst'] },
    { why: 'a client may screen', method: 'POST' as Method, url: '/v1/screen', roles: ['admin', 'analyst', 'client'] },
    { why: 'a client may browse the lists', method: 'GET' as Method, url: '/v1/entities/{id}', roles: ['admin', 'analyst', 'client'] },
  ])('$why', ({ method, url, roles }) => {
    expect(ops.find((o) => o.method === method && o.path === url)?.roles?.toSorted()).toEqual(roles);
  });

  it('refuses a revoked key even when it was verified moments before', async () => {
    const { createApiKey } = await import('./api-keys.js');
    const { key, record } = await createApiKey(t.store, { role: 'client', name: 'leaver' }, new Date());
    expect((await t.app.inject({ method: 'GET', url: '/v1/lists', headers: t.as(key) })).statusCode).toBe(200);
    await t.store.revokeApiKey(record.id, new Date().toISOString(), null);
    // A fresh app (as after a restart) has no memory of the key.
    const fresh = await buildApp(t.deps);
    try {
      expect((await fresh.inject({ method: 'GET', url: '/v1/lists', headers: t.as(key) })).statusCode).toBe(401);
    } finally {
      await fresh.close();
    }
  });

  it.each([
    { payload: {}, field: 'body/name', says: 'is required' },
    { payload: { name: 'x', identifiers: [{ type: 'passportNumber' }] }, field: 'body/identifiers/0/value', says: 'required' },
    { payload: { name: 'x', limit: 0 }, field: 'body/limit', says: '>= 1' },
    { payload: { name: 'x', country: 'X' }, field: 'body/country', says: 'fewer than 2' },
    { payload: { name: 'x', nickname: 'y' }, field: 'body/nickname', says: 'not a field' },
  ])('answers 400 naming $field', async ({ payload, field, says }) => {
    const res = await t.app.inject({ method: 'POST', url: '/v1/screen', headers: t.as(t.keys.client), payload });
    expect(res.statusCode).toBe(400);
    expect(res.json()).toMatchObject({ error: 'INVALID_INPUT', field });
    expect(res.json().message).toContain(field);
    expect(res.json().message).toContain(says);
  });

  it('answers 400 naming the query parameter', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/v1/search?q=', headers: t.as(t.keys.client) });
    expect(res.statusCode).toBe(400);
    expect(res.json()).toMatchObject({ field: 'querystring/q' });
  });

  it('limits requests per key, not per address', async () => {
    const limited = await buildApp({ ...t.deps, config: { ...t.deps.config, rateLimitPerMinute: 3 } });
    try {
      const get = (key: string) => limited.inject({ method: 'GET', url: '/v1/lists', headers: t.as(key) });
      for (let i = 0; i < 3; i++) expect((await get(t.keys.client)).statusCode).toBe(200);
      const over = await get(t.keys.client);
      expect(over.statusCode).toBe(429);
      expect(over.json()).toMatchObject({ error: 'RATE_LIMITED', message: expect.stringContaining('3 requests a minute') });
      // Another key from the same address is unaffected.
      expect((await get(t.keys.analyst)).statusCode).toBe(200);
    } finally {
      await limited.close();
    }
  });

  it('logs request ids, paths, statuses and key ids, never names, birth dates, query strings or keys', async () => {
    const lines: string[] = [];
    const stream = new Writable({
      write(chunk, _encoding, done) {
        lines.push(...String(chunk).split('\n').filter(Boolean));
        done();
      },
    });
    const logged = await buildApp(t.deps, { logger: { stream } });
    try {
      const screened = await logged.inject({
        method: 'POST',
        url: '/v1/screen',
        headers: t.as(t.keys.client),
        payload: { name: 'Jang Song Nam', birthDate: '1970-07-14', customerKey: 'CUST-LOG' },
      });
      expect(screened.statusCode).toBe(200);
      await logged.inject({ method: 'GET', url: `/v1/search?q=${encodeURIComponent('Kim Jong Un')}`, headers: t.as(t.keys.client) });
      await logged.inject({ method: 'POST', url: '/v1/screen', headers: t.as(t.keys.client), payload: { name: '' } });
    } finally {
      await logged.close();
    }
    const text = lines.join('\n');
    // The key's secret is everything after its id (base64url, so it may itself hold an underscore).
    const keySecret = t.keys.client.split('_').slice(2).join('_');
    // The birth date whole: its year alone turns up by chance in timestamps, response times and hex key ids.
    for (const secret of ['Jang', 'JANG', '1970-07-14', 'Kim', 'Jong', keySecret]) expect(text).not.toContain(secret);
    const records = lines.map((l) => JSON.parse(l) as Record<string, unknown>);
    const completed = records.filter((r) => r.msg === 'request completed');
    expect(completed).toHaveLength(3);
    const clientKeyId = t.keys.client.split('_')[1];
    for (const r of completed)
      expect(r).toMatchObject({ keyId: clientKeyId, reqId: expect.any(String), res: { statusCode: expect.any(Number) } });
    expect(completed.map((r) => (r.res as { statusCode: number }).statusCode)).toEqual([200, 200, 400]);
    const paths = records.filter((r) => r.req).map((r) => (r.req as { path: string }).path);
    expect(paths).toEqual(['/v1/screen', '/v1/search', '/v1/screen']);
  });
});
