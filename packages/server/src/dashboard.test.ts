/**
 * The landing page's figures (`GET /v1/dashboard`, issue 16 point 1) on SQLite and PostgreSQL: alerts
 * waiting counted as the alert queue lists them, "mine" by the latest decision's person, the oldest open
 * alert's time, the newest five batch jobs, and all of it kept to the caller's tenant. The bundled UN list
 * is the list in force; the clock is moved by hand so that times and the order of decisions are known.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { JobRecord } from '@embargo/store';
import { createApiKey } from './api-keys.js';
import { publisherSources } from './list-checks.js';
import { BACKENDS, createTestApp, type TestApp } from './testing/app-fixture.js';

/** The UN record KPi.057 "JANG SUNG NAM": its own name alerts with a score of 0.9 or more. */
const JANG = 'JANG SUNG NAM';

interface Dashboard {
  alerts: Record<'open' | 'escalated' | 'pendingApproval', { all: number; mine: number }> & { oldestOpenAt: string | null };
  jobs: { id: string; status: string; total: number; createdAt: string }[];
  listChecks: unknown[];
}

describe.each(BACKENDS)('the dashboard on %s', (backend) => {
  let t: TestApp;
  let now = new Date('2026-12-01T09:00:00.000Z');
  const later = (minutes: number) => (now = new Date(now.getTime() + minutes * 60_000));
  /** An analyst of another tenant than the client key's. */
  let analystOfOther = '';
  let otherTenant = '';
  /** When the last of four customers was screened. */
  let lastScreenedAt = '';

  beforeAll(async () => {
    t = await createTestApp({ backend, clock: () => now });
    const other = await createApiKey(t.store, { role: 'client', name: 'Other bank' }, now);
    otherTenant = other.record.tenant!;
    analystOfOther = (await createApiKey(t.store, { role: 'analyst', name: 'Olga', tenant: otherTenant }, now)).key;
  });
  afterAll(async () => t?.close());

  const dashboard = async (key: string): Promise<Dashboard> => {
    const res = await t.app.inject({ method: 'GET', url: '/v1/dashboard', headers: t.as(key) });
    expect(res.statusCode, res.body).toBe(200);
    return res.json();
  };
  const openAlerts = async (): Promise<{ id: string; createdAt: string }[]> => {
    const res = await t.app.inject({ method: 'GET', url: '/v1/alerts?status=open&limit=1000', headers: t.as(t.keys.analyst) });
    expect(res.statusCode, res.body).toBe(200);
    return res.json().alerts;
  };
  const screen = async (customerKey: string) => {
    const res = await t.app.inject({
      method: 'POST',
      url: '/v1/screen',
      headers: t.as(t.keys.client),
      payload: { name: JANG, customerKey },
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().alerted).toBe(true);
  };
  const decide = async (id: string, key: string, decision: string) => {
    later(1);
    const res = await t.app.inject({
      method: 'POST',
      url: `/v1/alerts/${id}/decisions`,
      headers: t.as(key),
      payload: { decision, reasonCode: 'common-name', reason: 'checked the record' },
    });
    expect(res.statusCode, res.body).toBe(200);
  };

  it('counts nothing and lists no job on a fresh install, and no publisher checked yet', async () => {
    const { listChecks, ...figures } = await dashboard(t.keys.analyst);
    expect(figures).toEqual({
      alerts: { open: { all: 0, mine: 0 }, escalated: { all: 0, mine: 0 }, pendingApproval: { all: 0, mine: 0 }, oldestOpenAt: null },
      jobs: [],
    });
    // Every publisher, none asked yet; the UN list in force counts as checked when it was loaded.
    expect(listChecks).toEqual(
      [...publisherSources()].sort().map((source) => ({
        source,
        lastCheckedAt: null,
        lastSuccessAt: source === 'un-sc' ? now.toISOString() : null,
        outcome: null,
        attention: false,
        attentionReason: null,
      })),
    );
  });

  it('counts the open alerts the queue lists and gives the time the oldest was opened', async () => {
    const firstAt = now.toISOString();
    await screen('C-1');
    later(60);
    await screen('C-2');
    later(60);
    await screen('C-3');
    later(60);
    lastScreenedAt = now.toISOString();
    await screen('C-4');
    const open = await openAlerts();
    expect(open).toHaveLength(4);
    const d = await dashboard(t.keys.analyst);
    expect(d.alerts.open).toEqual({ all: 4, mine: 0 });
    expect(d.alerts.oldestOpenAt).toBe(firstAt);
  });

  it('counts escalated and pending-approval alerts, and as mine those whose latest decision is mine', async () => {
    // One alert per screening of JANG SUNG NAM; the three oldest are decided.
    const open = (await openAlerts()).reverse();
    expect(open).toHaveLength(4);
    const [a, b, c] = open;
    await decide(a.id, t.keys.analyst, 'escalate'); // Ann's
    await decide(b.id, t.keys.analyst2, 'false_positive'); // Bob's, awaiting a second analyst (score ≥ 0.9)
    await decide(c.id, t.keys.analyst, 'escalate');
    await decide(c.id, t.keys.analyst2, 'escalate'); // escalated further by Bob: now his, no longer Ann's
    const ann = await dashboard(t.keys.analyst);
    const bob = await dashboard(t.keys.analyst2);
    expect(ann.alerts.escalated).toEqual({ all: 2, mine: 1 });
    expect(ann.alerts.pendingApproval).toEqual({ all: 1, mine: 0 });
    expect(bob.alerts.escalated).toEqual({ all: 2, mine: 1 });
    expect(bob.alerts.pendingApproval).toEqual({ all: 1, mine: 1 });
    expect(ann.alerts.open).toEqual({ all: 1, mine: 0 });
    // The alerts of the first three screenings were decided: the oldest open one now is the fourth's.
    expect(ann.alerts.oldestOpenAt).toBe(lastScreenedAt);
  });

  it('lists the five newest batch jobs, newest first', async () => {
    const job = (n: number, tenant: string): JobRecord => {
      const at = new Date(Date.parse('2026-12-02T08:00:00.000Z') + n * 60_000).toISOString();
      return {
        id: `job-${n}`,
        tenant,
        createdAt: at,
        updatedAt: at,
        actor: null,
        status: 'queued',
        total: 1,
        completed: 0,
        alerted: 0,
        error: null,
      };
    };
    for (const n of [1, 2, 3, 4, 5, 6]) await t.store.createJob(job(n, t.clientTenant), [{ name: 'A' }]);
    await t.store.createJob(job(7, otherTenant), [{ name: 'B' }]);
    expect((await dashboard(t.keys.analyst)).jobs.map((j) => j.id)).toEqual(['job-7', 'job-6', 'job-5', 'job-4', 'job-3']);
  });

  it("keeps an analyst of one tenant to that tenant's alerts and jobs", async () => {
    const d = await dashboard(analystOfOther);
    expect(d.alerts).toEqual({
      open: { all: 0, mine: 0 },
      escalated: { all: 0, mine: 0 },
      pendingApproval: { all: 0, mine: 0 },
      oldestOpenAt: null,
    });
    expect(d.jobs.map((j) => j.id)).toEqual(['job-7']);
  });

  it('is for analysts and admins: a client key is refused', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/v1/dashboard', headers: t.as(t.keys.client) });
    expect(res.statusCode).toBe(403);
    expect((await t.app.inject({ method: 'GET', url: '/v1/dashboard' })).statusCode).toBe(401);
  });
});
