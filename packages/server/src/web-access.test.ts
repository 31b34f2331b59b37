/**
 * The web app's access: users signing in with passwords, session cookies standing in for API keys (with
 * roles, expiry, sign-out and a refusal of cross-site writes), four eyes between two signed-in analysts,
 * the audit trail as the app reads it, and the built app served at `/` with page paths falling back to
 * index.html. On SQLite and PostgreSQL.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FOUR_EYES_MIN_SCORE } from '@embargo/core';
import { BACKENDS, createTestApp, type TestApp } from './testing/app-fixture.js';
import { createUser, SESSION_COOKIE } from './user-sessions.js';

describe.each(BACKENDS)('the web app’s access (%s)', (backend) => {
  let t: TestApp;
  let now = new Date('2026-12-04T09:00:00.000Z');
  let webRoot: string;

  beforeAll(async () => {
    webRoot = mkdtempSync(join(tmpdir(), 'embargo-web-'));
    mkdirSync(join(webRoot, 'assets'));
    writeFileSync(join(webRoot, 'index.html'), '<!doctype html><title>Embargo</title><div id="root"></div>');
    writeFileSync(join(webRoot, 'assets', 'app-1234.js'), 'console.log("app")');
    t = await createTestApp({ backend, clock: () => now, webRoot });
    await createUser(t.store, { username: 'root', password: 'root password 1', role: 'admin' }, now, 'cli');
  });
  afterAll(async () => {
    await t?.close();
    rmSync(webRoot, { recursive: true, force: true });
  });

  /** Signs in and returns the Cookie header value. */
  const signIn = async (username: string, password: string): Promise<string> => {
    const res = await t.app.inject({ method: 'POST', url: '/v1/session', payload: { username, password } });
    expect(res.statusCode, res.body).toBe(200);
    const cookie = res.cookies.find((c) => c.name === SESSION_COOKIE);
    expect(cookie).toMatchObject({ httpOnly: true, sameSite: 'Strict', path: '/' });
    return `${SESSION_COOKIE}=${cookie!.value}`;
  };
  const get = (url: string, cookie?: string) => t.app.inject({ method: 'GET', url, headers: cookie ? { cookie } : {} });
  const post = (url: string, cookie: string, payload: object, headers: Record<string, string> = {}) =>
    t.app.inject({ method: 'POST', url, headers: { cookie, ...headers }, payload });

  it('refuses a wrong password and an unknown user alike, and signs in with the right one', async () => {
    for (const [username, password] of [
      ['root', 'not the password'],
      ['nobody', 'root password 1'],
    ]) {
      const res = await t.app.inject({ method: 'POST', url: '/v1/session', payload: { username, password } });
      expect(res.statusCode).toBe(401);
      expect(res.json()).toEqual({ error: 'UNAUTHENTICATED', message: 'Wrong username or password.' });
      expect(res.cookies).toEqual([]);
    }
    const cookie = await signIn('root', 'root password 1');
    const me = await get('/v1/session', cookie);
    expect(me.json()).toEqual({
      user: { username: 'root', role: 'admin', tenant: null, person: 'root' },
      expiresAt: '2026-12-04T17:00:00.000Z',
    });
    expect((await get('/v1/session')).statusCode).toBe(401);
  });

  it('lets an admin create analysts, with field-named 400s and 409 for a taken name; analysts may not', async () => {
    const admin = await signIn('root', 'root password 1');
    const made = await post('/v1/users', admin, { username: 'ann', password: 'ann password 1', role: 'analyst' });
    expect(made.statusCode, made.body).toBe(201);
    expect(made.json()).toEqual({ username: 'ann', role: 'analyst', tenant: null, createdAt: now.toISOString(), disabledAt: null });
    expect((await post('/v1/users', admin, { username: 'ann', password: 'other password', role: 'analyst' })).statusCode).toBe(409);
    const short = await post('/v1/users', admin, { username: 'bob', password: 'short', role: 'analyst' });
    expect(short.statusCode).toBe(400);
    expect(short.json().message).toContain('password');
    expect((await post('/v1/users', admin, { username: 'bob', password: 'bob password 1', role: 'client' })).statusCode).toBe(400);
    expect((await post('/v1/users', admin, { username: 'bob', password: 'bob password 1', role: 'analyst' })).statusCode).toBe(201);

    const ann = await signIn('ann', 'ann password 1');
    expect((await get('/v1/alerts', ann)).statusCode).toBe(200);
    expect((await get('/v1/users', ann)).statusCode).toBe(403);
    const users = (await get('/v1/users', admin)).json().users as { username: string }[];
    expect(users.map((u) => u.username)).toEqual(['ann', 'bob', 'root']);
    expect(JSON.stringify(users)).not.toContain('argon2');
  });

  it('refuses a signed-in write that another site sends, and lets an API key win over a cookie', async () => {
    const ann = await signIn('ann', 'ann password 1');
    const crossSite = await post('/v1/screen', ann, { name: 'Jang Sung Nam' }, { origin: 'https://evil.example' });
    expect(crossSite.statusCode).toBe(403);
    const host = 'localhost:80';
    const sameSite = await post('/v1/screen', ann, { name: 'Jang Sung Nam' }, { origin: `http://${host}`, host });
    expect(sameSite.statusCode, sameSite.body).toBe(200);
    // A client key with an analyst's cookie is still a client.
    const keyed = await t.app.inject({ method: 'GET', url: '/v1/alerts', headers: { cookie: ann, ...t.as(t.keys.client) } });
    expect(keyed.statusCode).toBe(403);
  });

  it('needs two different signed-in analysts to close a high-scoring false positive, and records them as users', async () => {
    const ann = await signIn('ann', 'ann password 1');
    const bob = await signIn('bob', 'bob password 1');
    const screened = await post('/v1/screen', ann, { name: 'Jang Sung Nam', schema: 'Person', customerKey: 'W-1' });
    expect(screened.json().alerted).toBe(true);
    const alerts = (await get('/v1/alerts?customerKey=W-1', ann)).json().alerts as { id: string; entityId: string; score: number }[];
    const alert = alerts.find((a) => a.entityId === 'un:KPi.057')!;
    expect(alert.score).toBeGreaterThanOrEqual(FOUR_EYES_MIN_SCORE);
    const decide = (cookie: string, decision: string) => {
      now = new Date(now.getTime() + 60_000); // decisions are listed in time order
      return post(`/v1/alerts/${alert.id}/decisions`, cookie, { decision, reasonCode: 'different-birth-date', reason: 'checked' });
    };
    expect((await decide(ann, 'false_positive')).json().alert.status).toBe('pending_approval');
    expect((await decide(ann, 'approve')).statusCode).toBe(403);
    expect((await decide(bob, 'approve')).json().alert.status).toBe('false_positive');
    const detail = (await get(`/v1/alerts/${alert.id}`, bob)).json();
    expect(detail.decisions.map((d: { actor: string }) => d.actor)).toEqual(['user:ann', 'user:bob']);
  });

  it('lists the audit trail newest first, by kind and actor, in pages, and verifies it', async () => {
    const admin = await signIn('root', 'root password 1');
    const first = (await get('/v1/audit?limit=3', admin)).json();
    expect(first.rows).toHaveLength(3);
    const seqs = first.rows.map((r: { seq: number }) => r.seq);
    expect(seqs).toEqual([...seqs].sort((a, b) => b - a));
    const older = (await get(`/v1/audit?limit=3&before=${first.next}`, admin)).json();
    expect(older.rows[0].seq).toBe(seqs[2] - 1);
    const decisions = (await get('/v1/audit?kind=decision&actor=user:bob', admin)).json();
    expect(decisions.rows.map((r: { kind: string; actor: string }) => [r.kind, r.actor])).toEqual([['decision', 'user:bob']]);
    const signIns = (await get('/v1/audit?kind=user.signin&limit=500', admin)).json();
    expect(signIns.rows.length).toBeGreaterThanOrEqual(6);
    expect(signIns.next).toBeNull();
    expect((await get('/v1/audit?limit=0', admin)).statusCode).toBe(400);
    expect((await get('/v1/audit/verify', admin)).json()).toEqual({
      ok: true,
      rows: expect.any(Number),
      message: expect.stringMatching(/^Chain intact: \d+ rows\.$/),
    });
  });

  it('ends sessions on sign-out and when they expire', async () => {
    const ann = await signIn('ann', 'ann password 1');
    const out = await t.app.inject({ method: 'DELETE', url: '/v1/session', headers: { cookie: ann } });
    expect(out.statusCode).toBe(204);
    expect((await get('/v1/alerts', ann)).statusCode).toBe(401);
    const later = await signIn('ann', 'ann password 1');
    now = new Date(now.getTime() + 8 * 3600_000 + 1000);
    const expired = await get('/v1/alerts', later);
    expect(expired.statusCode).toBe(401);
    expect(expired.json().message).toContain('sign in again');
  });

  it('serves the app at / and its page paths, its files, and keeps JSON 404s for the API', async () => {
    const page = await t.app.inject({ method: 'GET', url: '/', headers: { accept: 'text/html' } });
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('<div id="root">');
    expect(page.headers['content-security-policy']).toContain("default-src 'self'");
    const deep = await t.app.inject({ method: 'GET', url: '/entities/un%3AKPi.057', headers: { accept: 'text/html,*/*' } });
    expect(deep.statusCode).toBe(200);
    expect(deep.body).toContain('<div id="root">');
    const asset = await t.app.inject({ method: 'GET', url: '/assets/app-1234.js' });
    expect(asset.statusCode).toBe(200);
    expect(asset.headers['content-type']).toContain('javascript');
    const api = await t.app.inject({ method: 'GET', url: '/v1/nothing-here', headers: { accept: 'text/html' } });
    expect(api.statusCode).toBe(404);
    expect(api.json()).toMatchObject({ error: 'NOT_FOUND' });
    expect((await t.app.inject({ method: 'GET', url: '/missing.js' })).statusCode).toBe(404);
  });
});

describe('without a built web app', () => {
  it('says at / how to build it', async () => {
    const t = await createTestApp({ backend: 'sqlite' });
    try {
      const res = await t.app.inject({ method: 'GET', url: '/' });
      expect(res.statusCode).toBe(200);
      expect(res.body).toContain('npm run build');
    } finally {
      await t.close();
    }
  });
});
