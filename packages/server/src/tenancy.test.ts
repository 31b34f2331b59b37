/**
 * Each client's data is its own (issue 12, points 9–11), through the HTTP API on SQLite and PostgreSQL:
 * customer keys are unique within a tenant only; analysts of one tenant see its alerts only, analysts
 * across tenants see and filter every tenant's; a remembered false positive holds for the same tenant,
 * customer and screened data only; a look-up without a customer key opens no alert. The bundled UN list
 * is the list in force.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FOUR_EYES_MIN_SCORE, type Entity, type ListPublication } from '@embargo/core';
import { createApiKey } from './api-keys.js';
import { rescreenAfterLoad } from './monitoring/delta-rescreen.js';
import { BACKENDS, bundledUnList, createTestApp, type TestApp } from './testing/app-fixture.js';

/** The UN record KPi.057 "JANG SUNG NAM": its own name alerts. */
const JANG = { id: 'un:KPi.057', name: 'JANG SUNG NAM' };

interface AlertJson {
  id: string;
  tenant: string;
  entityId: string;
  customerKey: string | null;
  status: string;
  party: { name: string };
}

describe.each(BACKENDS)('tenants kept apart on %s', (backend) => {
  let t: TestApp;
  let un: ListPublication;
  /** Two clients, each a tenant of its own, and a second system of client A's (same tenant). */
  const keys = { a: '', a2: '', b: '', analystOfB: '' };
  const tenants = { a: '', b: '' };
  /** A name that alerts on one record under the four-eyes score (one analyst closes a false positive). */
  let lowScoring: { name: string; caption: string; entityId: string };

  beforeAll(async () => {
    [un] = await bundledUnList();
    t = await createTestApp({ backend, publications: [un] });
    const a = await createApiKey(t.store, { role: 'client', name: 'Bank A' }, new Date());
    const b = await createApiKey(t.store, { role: 'client', name: 'Bank B' }, new Date());
    tenants.a = a.record.id;
    tenants.b = b.record.id;
    keys.a = a.key;
    keys.b = b.key;
    keys.a2 = (await createApiKey(t.store, { role: 'client', name: 'Bank A cards', tenant: tenants.a }, new Date())).key;
    keys.analystOfB = (await createApiKey(t.store, { role: 'analyst', name: 'B analyst', tenant: tenants.b }, new Date())).key;
    for (const e of un.entities.filter((x: Entity) => x.schema === 'Person')) {
      const name = `${e.caption} Smith`;
      const top = (await t.deps.screening.screen({ name, schema: 'Person' })).find((m) => m.alert);
      if (top && top.id === e.id && top.score < FOUR_EYES_MIN_SCORE) {
        const exact = (await t.deps.screening.screen({ name: e.caption, schema: 'Person' })).find((m) => m.alert);
        if (exact?.id !== e.id) continue;
        lowScoring = { name, caption: e.caption, entityId: e.id };
        break;
      }
    }
    expect(lowScoring).toBeDefined();
  });
  afterAll(async () => t?.close());

  const post = async (key: string, url: string, payload: Record<string, unknown>) => {
    const res = await t.app.inject({ method: 'POST', url, headers: t.as(key), payload });
    expect(res.statusCode, res.body).toBe(200);
    return res.json();
  };
  const get = (key: string, url: string) => t.app.inject({ method: 'GET', url, headers: t.as(key) });
  const alertsOf = async (key: string, query: string): Promise<AlertJson[]> => {
    const res = await get(key, `/v1/alerts?${query}&limit=1000`);
    expect(res.statusCode, res.body).toBe(200);
    return res.json().alerts;
  };

  describe('point 9: customer keys are unique within a tenant', () => {
    it('client B registering customer key 12 does not replace client A’s customer 12', async () => {
      await post(keys.a, '/v1/customers', { customerKey: '12', name: JANG.name });
      await post(keys.b, '/v1/customers', { customerKey: '12', name: 'JO CHOL SONG' });
      const ofA = await get(t.keys.analyst, `/v1/customers/12?tenant=${tenants.a}`);
      expect(ofA.statusCode, ofA.body).toBe(200);
      expect(ofA.json()).toMatchObject({ tenant: tenants.a, customerKey: '12', party: { name: JANG.name } });
      const ofB = await get(t.keys.analyst, `/v1/customers/12?tenant=${tenants.b}`);
      expect(ofB.json()).toMatchObject({ tenant: tenants.b, customerKey: '12', party: { name: 'JO CHOL SONG' } });
      // Each one's alert is in its own tenant and names it.
      const alertsOfA = await alertsOf(t.keys.analyst, `tenant=${tenants.a}&customerKey=12`);
      expect(alertsOfA.length).toBeGreaterThan(0);
      expect(alertsOfA.every((a) => a.tenant === tenants.a && a.party.name === JANG.name)).toBe(true);
      const alertsOfB = await alertsOf(t.keys.analyst, `tenant=${tenants.b}&customerKey=12`);
      expect(alertsOfB.length).toBeGreaterThan(0);
      expect(alertsOfB.every((a) => a.tenant === tenants.b && a.party.name === 'JO CHOL SONG')).toBe(true);
    });

    it('creates keys and users into existing tenants only: a mistyped tenant is refused, naming it', async () => {
      await expect(createApiKey(t.store, { role: 'client', name: 'typo', tenant: `${tenants.a}x` }, new Date())).rejects.toMatchObject({
        code: 'INVALID_INPUT',
        message: expect.stringContaining(`there is no tenant "${tenants.a}x"`),
      });
      await expect(createApiKey(t.store, { role: 'client', name: 'bad', tenant: 'Bank A' }, new Date())).rejects.toMatchObject({
        code: 'INVALID_INPUT',
        message: expect.stringContaining('"Bank A" is not a tenant name'),
      });
      const res = await t.app.inject({
        method: 'POST',
        url: '/v1/users',
        headers: t.as(t.keys.admin),
        payload: { username: 'cy', password: 'a long cy password', role: 'analyst', tenant: 'nowhere' },
      });
      expect(res.statusCode).toBe(400);
      expect(res.json().message).toContain('there is no tenant "nowhere"');
    });

    it('a key created into a tenant shares its customer numbering', async () => {
      await post(keys.a, '/v1/customers', { customerKey: '40', name: 'Maria Schmidt' });
      await post(keys.a2, '/v1/customers', { customerKey: '40', name: 'Maria Schmidt-Olsen' });
      const res = await get(t.keys.analyst, `/v1/customers/40?tenant=${tenants.a}`);
      expect(res.json()).toMatchObject({ tenant: tenants.a, party: { name: 'Maria Schmidt-Olsen' } });
      expect((await get(t.keys.analyst, `/v1/customers/40?tenant=${tenants.b}`)).statusCode).toBe(404);
    });

    it('an analyst of one tenant sees its alerts and customers only; another tenant’s do not exist to it', async () => {
      const own = await alertsOf(keys.analystOfB, 'status=open');
      expect(own.length).toBeGreaterThan(0);
      expect(own.every((a) => a.tenant === tenants.b)).toBe(true);
      const [ofA] = await alertsOf(t.keys.analyst, `tenant=${tenants.a}&customerKey=12`);
      expect((await get(keys.analystOfB, `/v1/alerts/${ofA.id}`)).statusCode).toBe(404);
      const decided = await t.app.inject({
        method: 'POST',
        url: `/v1/alerts/${ofA.id}/decisions`,
        headers: t.as(keys.analystOfB),
        payload: { decision: 'escalate', reasonCode: 'needs-more-information', reason: 'not mine' },
      });
      expect(decided.statusCode).toBe(404);
      const asked = await get(keys.analystOfB, `/v1/alerts?tenant=${tenants.a}`);
      expect(asked.statusCode).toBe(403);
      expect(asked.json().message).toContain(`tenant ${tenants.b} only`);
      expect((await get(keys.analystOfB, '/v1/customers/12')).json()).toMatchObject({ tenant: tenants.b });
      const listed = (await get(keys.analystOfB, '/v1/customers')).json();
      expect(listed.customers.every((c: { tenant: string }) => c.tenant === tenants.b)).toBe(true);
      // The audit trail names every tenant's screenings and customers: not for a credential of one tenant.
      const audit = await get(keys.analystOfB, '/v1/audit');
      expect(audit.statusCode).toBe(403);
      expect(audit.json().message).toContain('The audit trail covers every tenant');
      expect((await get(t.keys.analyst, '/v1/audit')).statusCode).toBe(200);
      // Nor its verdict, which names rows and records of every tenant.
      expect((await get(keys.analystOfB, '/v1/audit/verify')).statusCode).toBe(403);
      expect((await get(t.keys.analyst, '/v1/audit/verify')).statusCode).toBe(200);
    });

    it('an admin of one tenant cannot change the lists every tenant screens against', async () => {
      const adminOfB = (await createApiKey(t.store, { role: 'admin', name: 'B admin', tenant: tenants.b }, new Date())).key;
      const generation = (await t.app.inject({ method: 'GET', url: '/healthz' })).json().listsGeneration;
      const update = await t.app.inject({ method: 'POST', url: '/v1/lists/update', headers: t.as(adminOfB), payload: {} });
      expect(update.statusCode).toBe(403);
      expect(update.json().message).toContain('Loading the lists in force covers every tenant');
      expect((await t.app.inject({ method: 'GET', url: '/healthz' })).json().listsGeneration).toBe(generation);
    });

    it('an analyst across tenants lists every tenant’s customers, by tenant then key, and pages with afterTenant', async () => {
      const all = (await get(t.keys.analyst, '/v1/customers?limit=1000')).json();
      const twelves = all.customers.filter((c: { customerKey: string }) => c.customerKey === '12');
      expect(twelves.map((c: { tenant: string }) => c.tenant).sort()).toEqual([tenants.a, tenants.b].sort());
      const first = all.customers[0];
      const rest = (await get(t.keys.analyst, `/v1/customers?after=${first.customerKey}&afterTenant=${first.tenant}&limit=1000`)).json();
      expect(rest.customers).toEqual(all.customers.slice(1));
      const noTenant = await get(t.keys.analyst, `/v1/customers?after=${first.customerKey}`);
      expect(noTenant.statusCode).toBe(400);
      expect(noTenant.json().message).toContain('afterTenant');
    });

    it('a screening and a batch job of one client are not found by another client', async () => {
      const screened = await post(keys.a, '/v1/screen', { name: JANG.name, customerKey: '12' });
      expect((await get(keys.b, `/v1/screenings/${screened.screeningId}`)).statusCode).toBe(404);
      expect((await get(keys.analystOfB, `/v1/screenings/${screened.screeningId}`)).statusCode).toBe(404);
      const seen = await get(t.keys.analyst, `/v1/screenings/${screened.screeningId}`);
      expect(seen.json()).toMatchObject({ tenant: tenants.a });
    });

    it('re-screening after a list load keeps each customer in its own tenant', async () => {
      await t.store.upsertCustomers(
        [
          {
            tenant: tenants.a,
            customerKey: '77',
            party: { name: JANG.name },
            createdAt: '2026-12-01T00:00:00.000Z',
            updatedAt: '2026-12-01T00:00:00.000Z',
          },
          {
            tenant: tenants.b,
            customerKey: '77',
            party: { name: 'Maria Schmidt' },
            createdAt: '2026-12-01T00:00:00.000Z',
            updatedAt: '2026-12-01T00:00:00.000Z',
          },
        ],
        'test',
      );
      const [current] = t.deps.screening.publications;
      const summary = await rescreenAfterLoad(t.deps, undefined, current);
      expect(summary.alertsOpened).toBeGreaterThan(0);
      const ofA = await alertsOf(t.keys.analyst, `tenant=${tenants.a}&customerKey=77`);
      expect(ofA.map((a) => a.entityId)).toContain(JANG.id);
      expect(await alertsOf(t.keys.analyst, `tenant=${tenants.b}&customerKey=77`)).toEqual([]);
    });
  });

  describe('point 10: a remembered false positive holds for the same tenant, customer and screened data only', () => {
    /** Client A's customer 90 screened as `lowScoring.name`, cleared by an analyst (closes at once). */
    beforeAll(async () => {
      await post(keys.a, '/v1/screen', { name: lowScoring.name, schema: 'Person', customerKey: '90' });
      const [alert] = (await alertsOf(t.keys.analyst, 'customerKey=90')).filter((a) => a.entityId === lowScoring.entityId);
      const decided = await t.app.inject({
        method: 'POST',
        url: `/v1/alerts/${alert.id}/decisions`,
        headers: t.as(t.keys.analyst),
        payload: { decision: 'false_positive', reasonCode: 'partial-name-only', reason: 'another person: our customer has a surname more' },
      });
      expect(decided.json()).toMatchObject({ alert: { status: 'false_positive' }, remembered: true });
      decidedAlert = decided.json().alert;
    });
    let decidedAlert: { tenant: string };

    it('the decided alert names its tenant', () => {
      expect(decidedAlert.tenant).toBe(tenants.a);
    });
    const matchOn = (screened: { matches: { id: string; alert: boolean; suppressed?: boolean }[] }) =>
      screened.matches.find((m) => m.id === lowScoring.entityId);

    it('the same customer screened with the same data again is suppressed', async () => {
      const again = await post(keys.a, '/v1/screen', { name: lowScoring.name, schema: 'Person', customerKey: '90' });
      expect(matchOn(again)).toMatchObject({ alert: true, suppressed: true });
    });

    it('the same customer key screened with other data (the listed name itself) alerts', async () => {
      const other = await post(keys.a, '/v1/screen', { name: lowScoring.caption, schema: 'Person', customerKey: '90' });
      expect(matchOn(other)?.alert).toBe(true);
      expect(matchOn(other)?.suppressed).toBeUndefined();
      const open = (await alertsOf(t.keys.analyst, `tenant=${tenants.a}&customerKey=90&status=open`)).filter(
        (a) => a.entityId === lowScoring.entityId,
      );
      expect(open.map((a) => a.party.name)).toEqual([lowScoring.caption]);
    });

    it('the same customer key and data from another client alerts, in that client’s tenant', async () => {
      const fromB = await post(keys.b, '/v1/screen', { name: lowScoring.name, schema: 'Person', customerKey: '90' });
      expect(matchOn(fromB)?.alert).toBe(true);
      expect(matchOn(fromB)?.suppressed).toBeUndefined();
      const open = await alertsOf(t.keys.analyst, `tenant=${tenants.b}&customerKey=90&status=open`);
      expect(open.some((a) => a.entityId === lowScoring.entityId)).toBe(true);
    });
  });

  describe('point 11: a look-up without a customer key opens no alert', () => {
    it('answers alerted and keeps the screening, but the queue gets nothing', async () => {
      const before = (await alertsOf(t.keys.analyst, 'status=open')).length;
      const looked = await post(t.keys.analyst, '/v1/screen', { name: JANG.name });
      expect(looked.alerted).toBe(true);
      expect(looked.matches.find((m: { id: string }) => m.id === JANG.id)?.alert).toBe(true);
      const fromClient = await post(keys.a, '/v1/screen', { name: JANG.name });
      expect(fromClient.alerted).toBe(true);
      expect((await alertsOf(t.keys.analyst, 'status=open')).length).toBe(before);
      const kept = await get(t.keys.analyst, `/v1/screenings/${looked.screeningId}`);
      expect(kept.statusCode).toBe(200);
      expect(kept.json()).toMatchObject({ alerted: true, customerKey: null });
      const trail = await t.store.listAudit({ kind: 'screening', subject: looked.screeningId });
      expect(trail).toHaveLength(1);
      expect(trail[0].details).toMatchObject({ alerts: 0 });
    });

    it('a batch party without a customer key still opens an alert, keyed by the job and its place', async () => {
      const res = await t.app.inject({
        method: 'POST',
        url: '/v1/screen/batch',
        headers: t.as(keys.b),
        payload: { parties: [{ name: 'Maria Schmidt' }, { name: JANG.name }] },
      });
      expect(res.statusCode, res.body).toBe(202);
      const { jobId } = res.json();
      await t.app.jobs.idle();
      const opened = (await alertsOf(t.keys.analyst, `tenant=${tenants.b}&status=open`)).filter((a) => a.customerKey === null);
      expect(opened.map((a) => (a as unknown as { screeningId: string }).screeningId)).toContain(`${jobId}#1`);
    });
  });
});
