/**
 * Four eyes counts people, not credentials (issue 12, point 12), on SQLite and PostgreSQL: a person's
 * API key and web session, or two keys made for one person, cannot propose and approve the same false
 * positive; two persons can. The API says who the person behind each decision and the session is, so
 * the web app can tell an analyst they proposed it.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FOUR_EYES_MIN_SCORE } from '@embargo/core';
import { createApiKey } from './api-keys.js';
import { BACKENDS, createTestApp, type TestApp } from './testing/app-fixture.js';
import { createUser, SESSION_COOKIE } from './user-sessions.js';

describe.each(BACKENDS)('four eyes between persons (%s)', (backend) => {
  let t: TestApp;
  let now = new Date('2026-12-06T09:00:00.000Z');
  /** Credentials, as request headers. */
  const as: Record<string, Record<string, string>> = {};

  beforeAll(async () => {
    t = await createTestApp({ backend, clock: () => now });
    await createUser(t.store, { username: 'admin', password: 'admin password 1', role: 'admin' }, now, 'cli');
    const signedIn = await t.app.inject({
      method: 'POST',
      url: '/v1/session',
      payload: { username: 'admin', password: 'admin password 1' },
    });
    expect(signedIn.statusCode, signedIn.body).toBe(200);
    as.adminSession = { cookie: `${SESSION_COOKIE}=${signedIn.cookies.find((c) => c.name === SESSION_COOKIE)!.value}` };
    const key = async (name: string, person: string | undefined, role: 'admin' | 'analyst' = 'analyst') =>
      t.as((await createApiKey(t.store, { role, name, person }, now, 'cli')).key);
    as.adminKey = await key('admin laptop', 'admin', 'admin');
    as.carolKey1 = await key('carol desktop', 'carol');
    as.carolKey2 = await key('carol batch', 'carol');
    // No person given: the key's name is its person.
    as.daveKey = await key('dave', undefined);
  });
  afterAll(async () => t?.close());

  /** A fresh alert at or above the four-eyes score, for its own customer. */
  const highAlert = async (customerKey: string): Promise<string> => {
    const screened = await t.app.inject({
      method: 'POST',
      url: '/v1/screen',
      headers: t.as(t.keys.client),
      payload: { name: 'Jang Sung Nam', schema: 'Person', customerKey },
    });
    expect(screened.json().alerted).toBe(true);
    const alerts = (
      await t.app.inject({ method: 'GET', url: `/v1/alerts?customerKey=${customerKey}`, headers: t.as(t.keys.analyst) })
    ).json().alerts as { id: string; entityId: string; score: number }[];
    const alert = alerts.find((a) => a.entityId === 'un:KPi.057')!;
    expect(alert.score).toBeGreaterThanOrEqual(FOUR_EYES_MIN_SCORE);
    return alert.id;
  };
  const decide = (alertId: string, headers: Record<string, string>, decision: string) => {
    now = new Date(now.getTime() + 60_000);
    return t.app.inject({
      method: 'POST',
      url: `/v1/alerts/${alertId}/decisions`,
      headers,
      payload: { decision, reasonCode: 'different-birth-date', reason: 'checked' },
    });
  };

  it("refuses the admin's web session approving what the admin's API key proposed", async () => {
    const alertId = await highAlert('P-1');
    expect((await decide(alertId, as.adminKey, 'false_positive')).json().alert.status).toBe('pending_approval');
    const self = await decide(alertId, as.adminSession, 'approve');
    expect(self.statusCode).toBe(403);
    expect(self.json()).toMatchObject({ error: 'FOUR_EYES_REQUIRED', message: expect.stringContaining('another person') });
    // … and the other way round on another alert.
    const other = await highAlert('P-2');
    expect((await decide(other, as.adminSession, 'false_positive')).statusCode).toBe(200);
    expect((await decide(other, as.adminKey, 'approve')).statusCode).toBe(403);
  });

  it('refuses two keys of one person, and admits two persons', async () => {
    const alertId = await highAlert('P-3');
    expect((await decide(alertId, as.carolKey1, 'false_positive')).statusCode).toBe(200);
    expect((await decide(alertId, as.carolKey2, 'approve')).statusCode).toBe(403);
    const approved = await decide(alertId, as.daveKey, 'approve');
    expect(approved.statusCode, approved.body).toBe(200);
    expect(approved.json().alert.status).toBe('false_positive');
    const detail = (await t.app.inject({ method: 'GET', url: `/v1/alerts/${alertId}`, headers: t.as(t.keys.analyst) })).json();
    expect(detail.decisions.map((d: { person: string; decision: string }) => [d.person, d.decision])).toEqual([
      ['carol', 'false_positive'],
      ['dave', 'approve'],
    ]);
  });

  it('refuses concurrent approvals by the proposer through two credentials', async () => {
    const alertId = await highAlert('P-4');
    expect((await decide(alertId, as.adminKey, 'false_positive')).statusCode).toBe(200);
    const answers = await Promise.all([decide(alertId, as.adminSession, 'approve'), decide(alertId, as.adminKey, 'approve')]);
    expect(answers.map((a) => a.statusCode)).toEqual([403, 403]);
    expect((await t.store.getAlert(alertId, null))?.status).toBe('pending_approval');
  });

  it('says which person is signed in', async () => {
    const me = await t.app.inject({ method: 'GET', url: '/v1/session', headers: as.adminSession });
    expect(me.json().user).toEqual({ username: 'admin', role: 'admin', person: 'admin', tenant: null });
  });

  it('keeps the audit trail and decisions in agreement', async () => {
    const verified = await t.store.verifyAudit();
    expect(verified).toMatchObject({ ok: true });
  });
});
