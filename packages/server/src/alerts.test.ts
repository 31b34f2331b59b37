/**
 * Alerts end to end, on SQLite and PostgreSQL: a screening with a customer key opens alerts; analysts
 * decide them (four eyes on high scores); a remembered false positive suppresses the same alert until
 * the listed record changes; registered customers are screened at once.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ListPublication } from '@embargo/core';
import { BACKENDS, bundledUnList, createTestApp, type TestApp } from './testing/app-fixture.js';

describe.each(BACKENDS)('alerts and decisions on %s', (backend) => {
  let t: TestApp;
  let un: ListPublication;
  beforeAll(async () => {
    [un] = await bundledUnList();
    t = await createTestApp({ backend, publications: [un] });
  });
  afterAll(async () => t?.close());

  const screen = async (payload: Record<string, unknown>) =>
    (await t.app.inject({ method: 'POST', url: '/v1/screen', headers: t.as(t.keys.client), payload })).json();
  const decide = (id: string, key: string, decision: string, reason = 'checked the record') =>
    t.app.inject({ method: 'POST', url: `/v1/alerts/${id}/decisions`, headers: t.as(key), payload: { decision, reason } });
  const alertsOf = async (customerKey: string) =>
    (await t.app.inject({ method: 'GET', url: `/v1/alerts?customerKey=${customerKey}`, headers: t.as(t.keys.analyst) })).json().alerts;

  it('opens an alert per alerting match and shows it with the listed record', async () => {
    const screened = await screen({ name: 'JANG SUNG NAM', customerKey: 'C-100' });
    expect(screened.alerted).toBe(true);
    const alerts = await alertsOf('C-100');
    expect(alerts.map((a: { entityId: string }) => a.entityId)).toContain('un:KPi.057');
    const one = (await t.app.inject({ method: 'GET', url: `/v1/alerts/${alerts[0].id}`, headers: t.as(t.keys.analyst) })).json();
    expect(one.alert.screeningId).toBe(screened.screeningId);
    expect(one.entity.id).toBe(one.alert.entityId);
    expect(one.recordChanged).toBe(false);
    expect(one.decisions).toEqual([]);
    expect(one.alert.match.explanation.summary).toEqual(expect.any(String));
  });

  it('filters the queue by status, score and source', async () => {
    const h = t.as(t.keys.analyst);
    const open = (await t.app.inject({ method: 'GET', url: '/v1/alerts?status=open&minScore=0.5&source=un-sc', headers: h })).json().alerts;
    expect(open.length).toBeGreaterThan(0);
    expect(
      open.every((a: { status: string; source: string; score: number }) => a.status === 'open' && a.source === 'un-sc' && a.score >= 0.5),
    ).toBe(true);
    expect((await t.app.inject({ method: 'GET', url: '/v1/alerts?status=bogus', headers: h })).statusCode).toBe(400);
  });

  it('needs a second analyst to close a high-scoring false positive, and refuses self-approval', async () => {
    await screen({ name: 'JANG SUNG NAM', customerKey: 'C-200' });
    const [alert] = (await alertsOf('C-200')).filter((a: { score: number }) => a.score >= 0.9);
    expect(alert).toBeDefined();
    const proposed = await decide(alert.id, t.keys.analyst, 'false_positive', 'different date of birth in our file');
    expect(proposed.statusCode).toBe(200);
    expect(proposed.json().alert.status).toBe('pending_approval');
    const self = await decide(alert.id, t.keys.analyst, 'approve');
    expect(self.statusCode).toBe(409);
    expect(self.json()).toMatchObject({ error: 'DECISION_NOT_ALLOWED' });
    const approved = await decide(alert.id, t.keys.analyst2, 'approve', 'agree: passport differs');
    expect(approved.json().alert.status).toBe('false_positive');
    const history = (await t.app.inject({ method: 'GET', url: `/v1/alerts/${alert.id}`, headers: t.as(t.keys.analyst) })).json().decisions;
    expect(history.map((d: { decision: string }) => d.decision)).toEqual(['false_positive', 'approve']);
    expect(new Set(history.map((d: { actor: string }) => d.actor)).size).toBe(2);
    // Closed: no more decisions.
    expect((await decide(alert.id, t.keys.analyst, 'true_match')).statusCode).toBe(409);
  });

  it('requires a reason and a known decision (400), and a known alert (404)', async () => {
    await screen({ name: 'JANG SUNG NAM', customerKey: 'C-300' });
    const [alert] = await alertsOf('C-300');
    const noReason = await t.app.inject({
      method: 'POST',
      url: `/v1/alerts/${alert.id}/decisions`,
      headers: t.as(t.keys.analyst),
      payload: { decision: 'true_match', reason: '  ' },
    });
    expect(noReason.statusCode).toBe(400);
    expect(noReason.json().field).toContain('reason');
    expect((await decide(alert.id, t.keys.analyst, 'maybe')).statusCode).toBe(400);
    expect((await decide('no-such-alert', t.keys.analyst, 'true_match')).statusCode).toBe(404);
    expect((await decide(alert.id, t.keys.client, 'true_match')).statusCode).toBe(403);
  });

  it('remembers a false positive for the customer until the listed record changes', async () => {
    await screen({ name: 'JANG SUNG NAM', customerKey: 'C-400' });
    const alerts = await alertsOf('C-400');
    for (const a of alerts) {
      const first = await decide(a.id, t.keys.analyst, 'false_positive', 'our customer is another person');
      if (first.json().alert.status === 'pending_approval') await decide(a.id, t.keys.analyst2, 'approve', 'agreed');
    }
    // Same customer, same records: no new alert, and the match says why.
    const again = await screen({ name: 'JANG SUNG NAM', customerKey: 'C-400' });
    expect(again.matches.filter((m: { alert: boolean }) => m.alert).every((m: { suppressed?: boolean }) => m.suppressed === true)).toBe(
      true,
    );
    expect(await alertsOf('C-400')).toHaveLength(alerts.length);
    // Another customer with the same name still alerts.
    await screen({ name: 'JANG SUNG NAM', customerKey: 'C-401' });
    expect((await alertsOf('C-401')).length).toBeGreaterThan(0);
    // The list changes the record (a new alias): the remembered decision no longer holds.
    const changed: ListPublication = {
      ...un,
      published: '2026-03-01',
      files: un.files.map((f) => ({ ...f, sha256: 'e'.repeat(64) })),
      entities: un.entities.map((e) =>
        e.id === 'un:KPi.057'
          ? { ...e, properties: { ...e.properties, alias: [...(e.properties.alias ?? []), { value: 'JANG SONG NAM' }] } }
          : e,
      ),
    };
    await t.store.savePublication(changed, { loadedAt: new Date() });
    await t.deps.screening.reload();
    await screen({ name: 'JANG SUNG NAM', customerKey: 'C-400' });
    const after = await alertsOf('C-400');
    expect(after.filter((a: { entityId: string; status: string }) => a.entityId === 'un:KPi.057' && a.status === 'open')).toHaveLength(1);
    await t.store.savePublication(un, { loadedAt: new Date() });
    await t.deps.screening.reload();
  });

  it('registers customers (one or many), screening each at once', async () => {
    const h = t.as(t.keys.client);
    const one = await t.app.inject({
      method: 'POST',
      url: '/v1/customers',
      headers: h,
      payload: { customerKey: 'M-1', name: 'JANG SUNG NAM', schema: 'Person' },
    });
    expect(one.json()).toMatchObject({ registered: 1, alerted: 1 });
    const many = await t.app.inject({
      method: 'POST',
      url: '/v1/customers',
      headers: h,
      payload: {
        customers: [
          { customerKey: 'M-2', name: 'Maria Schmidt' },
          { customerKey: 'M-3', name: 'Peter Olsen', birthDate: '1980' },
        ],
      },
    });
    expect(many.json()).toMatchObject({ registered: 2, alerted: 0 });
    const listed = (await t.app.inject({ method: 'GET', url: '/v1/customers?limit=10', headers: t.as(t.keys.analyst) })).json();
    expect(listed.customers.map((c: { customerKey: string }) => c.customerKey)).toEqual(['M-1', 'M-2', 'M-3']);
    expect((await t.app.inject({ method: 'GET', url: '/v1/customers/M-2', headers: t.as(t.keys.analyst) })).json().party).toEqual({
      name: 'Maria Schmidt',
    });
    expect((await t.app.inject({ method: 'GET', url: '/v1/customers/none', headers: t.as(t.keys.analyst) })).statusCode).toBe(404);
    const bad = await t.app.inject({ method: 'POST', url: '/v1/customers', headers: h, payload: { customers: [{ name: 'no key' }] } });
    expect(bad.statusCode).toBe(400);
  });

  it('audits decisions with ids only, and the chain stays intact', async () => {
    const rows = await t.store.listAudit({ kind: 'decision', limit: 1000 });
    expect(rows.length).toBeGreaterThan(0);
    expect(JSON.stringify(rows)).not.toContain('JANG');
    expect(await t.store.verifyAudit()).toMatchObject({ ok: true });
  });
});
