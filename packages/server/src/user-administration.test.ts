/**
 * Administering web-app users, on SQLite and PostgreSQL: an admin disables a user (whose open session
 * stops working at the next request and who cannot sign in), enables them again, resets a password to one
 * typed or to a generated one shown once (the old password and sessions stop working); each change is in
 * the audit trail, which verifies; an admin of one tenant manages that tenant's users only; analysts may
 * not. And the audit trail filtered by a person's plain name: their signed-in actions and their API keys'.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApiKey } from './api-keys.js';
import { BACKENDS, createTestApp, type TestApp } from './testing/app-fixture.js';
import { createUser, SESSION_COOKIE } from './user-sessions.js';

describe.each(BACKENDS)('user administration (%s)', (backend) => {
  let t: TestApp;
  const now = new Date('2026-12-04T09:00:00.000Z');

  beforeAll(async () => {
    t = await createTestApp({ backend, clock: () => now });
    await createUser(t.store, { username: 'root', password: 'root password 1', role: 'admin' }, now, 'cli');
    await createUser(t.store, { username: 'ann', password: 'ann password 1', role: 'analyst' }, now, 'cli');
    await createUser(t.store, { username: 'bob', password: 'bob password 1', role: 'analyst' }, now, 'cli');
  });
  afterAll(async () => t?.close());

  const signIn = (username: string, password: string) =>
    t.app.inject({ method: 'POST', url: '/v1/session', payload: { username, password } });
  const cookieOf = async (username: string, password: string): Promise<string> => {
    const res = await signIn(username, password);
    expect(res.statusCode, res.body).toBe(200);
    return `${SESSION_COOKIE}=${res.cookies.find((c) => c.name === SESSION_COOKIE)!.value}`;
  };
  const post = (url: string, cookie: string, payload?: object) =>
    t.app.inject({ method: 'POST', url, headers: { cookie }, ...(payload ? { payload } : {}) });
  const get = (url: string, cookie: string) => t.app.inject({ method: 'GET', url, headers: { cookie } });

  it('disables a user: their open session stops working at once and they cannot sign in; enabling lets them back', async () => {
    const root = await cookieOf('root', 'root password 1');
    const ann = await cookieOf('ann', 'ann password 1');
    expect((await get('/v1/alerts', ann)).statusCode).toBe(200);

    const disabled = await post('/v1/users/ann/disable', root);
    expect(disabled.statusCode, disabled.body).toBe(200);
    expect(disabled.json()).toEqual({
      username: 'ann',
      role: 'analyst',
      tenant: null,
      createdAt: now.toISOString(),
      disabledAt: now.toISOString(),
    });
    expect((await get('/v1/alerts', ann)).statusCode).toBe(401);
    const refused = await signIn('ann', 'ann password 1');
    expect(refused.statusCode).toBe(401);
    expect(refused.json().message).toBe('Wrong username or password.');
    const listed = (await get('/v1/users', root)).json().users;
    expect(listed.find((u: { username: string }) => u.username === 'ann').disabledAt).toBe(now.toISOString());

    // Disabling again changes nothing and writes no second row.
    expect((await post('/v1/users/ann/disable', root)).statusCode).toBe(200);
    const enabled = await post('/v1/users/ann/enable', root);
    expect(enabled.json().disabledAt).toBeNull();
    expect((await signIn('ann', 'ann password 1')).statusCode).toBe(200);
    const rows = (await get('/v1/audit?kind=user.disable', root)).json().rows;
    expect(rows.map((r: { actor: string; subject: string }) => [r.actor, r.subject])).toEqual([['user:root', 'ann']]);
    expect((await get('/v1/audit?kind=user.enable', root)).json().rows).toHaveLength(1);
  });

  it('resets a password to one typed, or to a generated one shown once; the old password and sessions stop working', async () => {
    const root = await cookieOf('root', 'root password 1');
    const bob = await cookieOf('bob', 'bob password 1');
    const typed = await post('/v1/users/bob/password', root, { password: 'bob new password' });
    expect(typed.statusCode, typed.body).toBe(200);
    expect(typed.json()).toEqual({ username: 'bob' });
    expect((await get('/v1/alerts', bob)).statusCode).toBe(401);
    expect((await signIn('bob', 'bob password 1')).statusCode).toBe(401);
    expect((await signIn('bob', 'bob new password')).statusCode).toBe(200);

    const generated = await post('/v1/users/bob/password', root, {});
    expect(generated.statusCode, generated.body).toBe(200);
    const { password } = generated.json() as { password: string };
    expect(password).toMatch(/^[A-Za-z0-9_-]{24}$/);
    expect((await signIn('bob', 'bob new password')).statusCode).toBe(401);
    expect((await signIn('bob', password)).statusCode).toBe(200);

    const rows = (await get('/v1/audit?kind=user.password', root)).json().rows;
    expect(rows.map((r: { subject: string; details: object }) => [r.subject, r.details])).toEqual([
      ['bob', { generated: true }],
      ['bob', { generated: false }],
    ]);
    // The trail never holds a password.
    expect(JSON.stringify((await get('/v1/audit?limit=500', root)).json())).not.toContain(password);
    expect((await get('/v1/audit/verify', root)).json()).toMatchObject({ ok: true });
  });

  it('validates strictly: a short password, an unknown field or user, an invalid name; nobody disables themselves', async () => {
    const root = await cookieOf('root', 'root password 1');
    const cases: [string, object | undefined, number, string][] = [
      ['/v1/users/bob/password', { password: 'short' }, 400, 'body/password'],
      ['/v1/users/bob/password', { password: 'long enough 1', temporary: true }, 400, 'body/temporary'],
      ['/v1/users/bob/password', { password: 12345678901 }, 400, 'body/password'],
      ['/v1/users/nobody/password', {}, 404, 'params/username'],
      ['/v1/users/nobody/disable', undefined, 404, 'params/username'],
      ['/v1/users/Not%20A%20Name/disable', undefined, 400, 'params/username'],
      ['/v1/users/root/disable', undefined, 403, 'params/username'],
    ];
    for (const [url, payload, status, field] of cases) {
      const res = await post(url, root, payload);
      expect({ url, payload, status: res.statusCode, field: res.json().field }).toEqual({ url, payload, status, field });
    }
    expect((await signIn('root', 'root password 1')).statusCode).toBe(200);
    // Nor with an admin key made for them.
    const rootKey = (await createApiKey(t.store, { role: 'admin', name: 'Root script', person: 'root' }, now, 'cli')).key;
    const byKey = await t.app.inject({ method: 'POST', url: '/v1/users/root/disable', headers: { authorization: `Bearer ${rootKey}` } });
    expect(byKey.statusCode).toBe(403);
    expect((await t.store.getUser('root'))?.disabledAt).toBeNull();
  });

  it('lets only admins manage users, and an admin of one tenant only that tenant’s', async () => {
    const ann = await cookieOf('ann', 'ann password 1');
    for (const url of ['/v1/users/bob/disable', '/v1/users/bob/enable', '/v1/users/bob/password'])
      expect((await post(url, ann, url.endsWith('password') ? {} : undefined)).statusCode).toBe(403);
    expect((await t.app.inject({ method: 'POST', url: '/v1/users/bob/disable' })).statusCode).toBe(401);
    // A client key's tenant, with an admin and an analyst of its own.
    const tenant = t.clientTenant;
    await createUser(t.store, { username: 'tina', password: 'tina password 1', role: 'admin', tenant }, now, 'cli');
    await createUser(t.store, { username: 'tom', password: 'tom password 1', role: 'analyst', tenant }, now, 'cli');
    const tina = await cookieOf('tina', 'tina password 1');
    expect((await post('/v1/users/tom/disable', tina)).statusCode).toBe(200);
    expect((await post('/v1/users/tom/enable', tina)).statusCode).toBe(200);
    // Users of other tenants (or of none) are unknown to her, and stay as they were.
    expect((await post('/v1/users/bob/disable', tina)).statusCode).toBe(404);
    expect((await post('/v1/users/bob/password', tina, {})).statusCode).toBe(404);
    expect((await t.store.getUser('bob'))?.disabledAt).toBeNull();
  });

  it("filters the audit trail by a person's plain name: their sessions' rows and their API keys'", async () => {
    const root = await cookieOf('root', 'root password 1');
    // A key made for ann screens a party, as a script of hers would.
    const annKey = (await createApiKey(t.store, { role: 'analyst', name: 'Ann’s script', person: 'ann' }, now, 'user:root')).key;
    const screened = await t.app.inject({
      method: 'POST',
      url: '/v1/screen',
      headers: { authorization: `Bearer ${annKey}` },
      payload: { name: 'JANG SUNG NAM' },
    });
    expect(screened.statusCode, screened.body).toBe(200);
    const keyId = annKey.split('_')[1];
    const rows = (await get('/v1/audit?user=ann&limit=500', root)).json().rows as { actor: string; kind: string }[];
    expect(new Set(rows.map((r) => r.actor))).toEqual(new Set(['user:ann', keyId]));
    expect(rows.map((r) => r.kind)).toEqual(expect.arrayContaining(['user.signin', 'screening']));
    // Everything ann did, and nothing else: the same rows as both actor filters together.
    const bySession = (await get('/v1/audit?actor=user:ann&limit=500', root)).json().rows.length;
    const byKey = (await get(`/v1/audit?actor=${keyId}&limit=500`, root)).json().rows.length;
    expect(rows).toHaveLength(bySession + byKey);
    // With a kind; a name nobody has finds nothing; a name that is no username is refused.
    const screenings = (await get('/v1/audit?user=ann&kind=screening', root)).json().rows;
    expect(screenings.map((r: { actor: string }) => r.actor)).toEqual([keyId]);
    expect((await get('/v1/audit?user=nobody', root)).json()).toEqual({ rows: [], next: null });
    expect((await get('/v1/audit?user=Ann%20Smith', root)).json().field).toBe('querystring/user');
    expect((await get('/v1/audit?colour=red', root)).json().field).toBe('querystring/colour');
  });
});
