/**
 * Alerts worked as cases (issue 16, point 4) through the HTTP API, on SQLite and PostgreSQL, with the
 * bundled OFAC SDN (2023-12-28), UN (2026-02-27) and UK (2025-04-14) lists in force: a customer screened as
 * "Korea Mining Development Trading Corporation" alerts on KOMID's three records (ofac:9345, un:KPe.001,
 * uk:10892), which the lists link to each other, and the queue shows ONE case with three matches. The case
 * is assigned, commented and closed with one reason code; four eyes applies per alert (high-scoring false
 * positives wait for a second person, a lower one closes at once); every step is audited; reason codes
 * are per tenant (admin replaces them); another tenant never sees the case, its comments or its codes.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_REASON_CODES, FOUR_EYES_MIN_SCORE, type Entity, type ListPublication } from '@embargo/core';
import { loadListDirectory } from '@embargo/lists';
import { join } from 'node:path';
import { createApiKey } from './api-keys.js';
import { BACKENDS, BUNDLED_DATA, createTestApp, type TestApp } from './testing/app-fixture.js';
import { createUser } from './user-sessions.js';

const KOMID_NAME = 'Korea Mining Development Trading Corporation';
const KOMID_RECORDS = ['ofac:9345', 'uk:10892', 'un:KPe.001'];

let lists: Promise<ListPublication[]> | undefined;
/** The bundled SDN, UN and UK lists, parsed once for both backends. */
function threeLists(): Promise<ListPublication[]> {
  lists ??= (async () =>
    (
      await Promise.all(
        ['ofac-sdn/2023-12-28', 'un-sc/2026-02-27', 'uk-hmt/2025-04-14'].map((d) => loadListDirectory(join(BUNDLED_DATA, d))),
      )
    ).flat())();
  return lists;
}

interface AlertJson {
  id: string;
  caseId: string;
  entityId: string;
  score: number;
  status: string;
  customerKey: string | null;
}
interface CaseJson {
  id: string;
  tenant: string;
  customerKey: string | null;
  assignee: string | null;
  alerts: AlertJson[];
}

describe.each(BACKENDS)('alerts worked as cases (%s)', (backend) => {
  let t: TestApp;
  let now = new Date('2026-12-07T09:00:00.000Z');
  /** Client keys of two tenants, analysts (persons ann and bob) of tenant A, an admin across tenants. */
  const keys = { clientA: '', clientB: '', ann: '', bob: '', analystOfB: '', admin: '' };
  let tenantA = '';
  let tenantB = '';
  /** A UN person whose name with a surname added alerts, on every record it alerts on, under the four-eyes score. */
  let lowScoring: { name: string; entityId: string };

  beforeAll(async () => {
    const publications = await threeLists();
    t = await createTestApp({ backend, publications, clock: () => now });
    const a = await createApiKey(t.store, { role: 'client', name: 'Bank A' }, now);
    const b = await createApiKey(t.store, { role: 'client', name: 'Bank B' }, now);
    [tenantA, tenantB] = [a.record.id, b.record.id];
    keys.clientA = a.key;
    keys.clientB = b.key;
    keys.ann = (await createApiKey(t.store, { role: 'analyst', name: 'ann desk', person: 'ann', tenant: tenantA }, now)).key;
    keys.bob = (await createApiKey(t.store, { role: 'analyst', name: 'bob desk', person: 'bob', tenant: tenantA }, now)).key;
    keys.analystOfB = (await createApiKey(t.store, { role: 'analyst', name: 'B analyst', person: 'bea', tenant: tenantB }, now)).key;
    keys.admin = t.keys.admin;
    // The persons as web-app users, so that cases can be assigned to them; carl works in tenant B only.
    for (const [username, tenant] of [
      ['ann', tenantA],
      ['bob', tenantA],
      ['carl', tenantB],
    ] as const)
      await createUser(t.store, { username, password: `${username} password 12`, role: 'analyst', tenant }, now, 'cli');
    const un = publications.find((p) => p.source === 'un-sc')!;
    // With three lists in force a surname more still scores above 0.9 (its weight is shared by more
    // records), so more words are added until every record alerting on the name scores under it.
    search: for (const suffix of ['Smith', 'John Smith', 'John Peter Smith'])
      for (const e of un.entities.filter((x: Entity) => x.schema === 'Person').slice(0, 40)) {
        const name = `${e.caption} ${suffix}`;
        const alerting = (await t.deps.screening.screen({ name, schema: 'Person' })).filter((m) => m.alert);
        if (alerting.length > 0 && alerting.every((m) => m.score < FOUR_EYES_MIN_SCORE)) {
          lowScoring = { name, entityId: alerting[0].id };
          break search;
        }
      }
    expect(lowScoring).toBeDefined();
  }, 240_000);
  afterAll(async () => t?.close());

  const tick = () => (now = new Date(now.getTime() + 60_000));
  const call = async (method: 'GET' | 'POST' | 'PUT', url: string, key: string, payload?: unknown) => {
    tick();
    return t.app.inject({
      method,
      url,
      headers: t.as(key),
      ...(payload === undefined ? {} : { payload: payload as Record<string, unknown> }),
    });
  };
  const screen = async (key: string, name: string, customerKey: string) => {
    const res = await call('POST', '/v1/screen', key, { name, customerKey });
    expect(res.statusCode, res.body).toBe(200);
    return res.json() as { matches: { id: string; alert: boolean; linkedIds?: string[] }[] };
  };
  const komidCase = async (key: string, customerKey: string): Promise<CaseJson> => {
    const res = await call('GET', `/v1/cases?customerKey=${customerKey}`, key);
    expect(res.statusCode, res.body).toBe(200);
    const cases = (res.json().cases as CaseJson[]).filter((c) => c.alerts.some((a) => a.entityId === 'ofac:9345'));
    expect(cases).toHaveLength(1);
    return cases[0];
  };

  it("shows one customer's three KOMID alerts as ONE case with three matches, each beside the customer's data", async () => {
    const screened = await screen(keys.clientA, KOMID_NAME, 'C-100');
    const alerting = screened.matches.filter((m) => KOMID_RECORDS.includes(m.id));
    expect(alerting.map((m) => [m.id, m.alert]).sort()).toEqual(KOMID_RECORDS.map((id) => [id, true]));
    expect(alerting.find((m) => m.id === 'ofac:9345')?.linkedIds?.sort()).toEqual(['uk:10892', 'un:KPe.001']);

    const c = await komidCase(keys.ann, 'C-100');
    expect(c.alerts.map((a) => a.entityId).sort()).toEqual(KOMID_RECORDS);
    expect(new Set(c.alerts.map((a) => a.caseId))).toEqual(new Set([c.id]));
    expect(c).toMatchObject({ tenant: tenantA, customerKey: 'C-100', assignee: null });

    const detail = await call('GET', `/v1/cases/${c.id}`, keys.ann);
    expect(detail.statusCode, detail.body).toBe(200);
    const body = detail.json();
    expect(body.matches).toHaveLength(3);
    for (const m of body.matches) {
      expect(m.alert.party).toMatchObject({ name: KOMID_NAME, customerKey: 'C-100' });
      expect(m.entity.id).toBe(m.alert.entityId);
      expect(m.recordChanged).toBe(false);
    }
    expect(body.reasonCodes).toEqual(DEFAULT_REASON_CODES);
    // Who may work tenant A's case: its users and those across tenants, not carl of tenant B.
    expect(body.assignees).toEqual(expect.arrayContaining(['ann', 'bob']));
    expect(body.assignees).not.toContain('carl');
    // The alert names its case too.
    const alone = await call('GET', `/v1/alerts/${c.alerts[0].id}`, keys.ann);
    expect(alone.json().alert.caseId).toBe(c.id);
  });

  it('screening the customer again adds nothing; another customer on the same party is a case of their own', async () => {
    await screen(keys.clientA, KOMID_NAME, 'C-100');
    expect((await komidCase(keys.ann, 'C-100')).alerts).toHaveLength(3);
    await screen(keys.clientA, KOMID_NAME, 'C-101');
    const other = await komidCase(keys.ann, 'C-101');
    expect(other.id).not.toBe((await komidCase(keys.ann, 'C-100')).id);
  });

  it('assigns to me, to a colleague, and unassigns; the queue filters mine and unassigned; each change is audited', async () => {
    const c = await komidCase(keys.ann, 'C-100');
    const mine = await call('PUT', `/v1/cases/${c.id}/assignee`, keys.ann, { assignee: 'ann' });
    expect(mine.statusCode, mine.body).toBe(200);
    expect(mine.json().case.assignee).toBe('ann');
    const ids = async (key: string, query: string) =>
      ((await call('GET', `/v1/cases?${query}`, key)).json().cases as CaseJson[]).map((x) => x.id);
    expect(await ids(keys.ann, 'assigned=mine')).toEqual([c.id]);
    expect(await ids(keys.bob, 'assigned=mine')).toEqual([]);
    expect(await ids(keys.ann, 'assigned=unassigned')).not.toContain(c.id);
    expect(await ids(keys.ann, 'assigned=unassigned')).toContain((await komidCase(keys.ann, 'C-101')).id);

    expect((await call('PUT', `/v1/cases/${c.id}/assignee`, keys.ann, { assignee: 'bob' })).json().case.assignee).toBe('bob');
    expect(await ids(keys.bob, 'assigned=mine')).toEqual([c.id]);
    // Not a user, or a user of another tenant: 400 naming the field; nothing changes.
    for (const assignee of ['nobody', 'carl']) {
      const refused = await call('PUT', `/v1/cases/${c.id}/assignee`, keys.ann, { assignee });
      expect(refused.statusCode).toBe(400);
      expect(refused.json().field).toBe('body/assignee');
    }
    expect((await call('PUT', `/v1/cases/${c.id}/assignee`, keys.bob, { assignee: null })).json().case.assignee).toBeNull();

    const audit = (await t.store.listAudit({ kind: 'case.assign' })).filter((r) => r.subject === c.id);
    expect(audit.map((r) => [r.details.person, r.details.from, r.details.to])).toEqual([
      ['ann', null, 'ann'],
      ['ann', 'ann', 'bob'],
      ['bob', 'bob', null],
    ]);
  });

  it('keeps comments with author and time, audited without their words', async () => {
    const c = await komidCase(keys.ann, 'C-100');
    const added = await call('POST', `/v1/cases/${c.id}/comments`, keys.ann, {
      body: 'Customer supplies drilling parts to Peru; asked for its registry extract.',
    });
    expect(added.statusCode, added.body).toBe(201);
    expect(added.json().comment).toMatchObject({ author: 'ann', alertId: null, writtenAt: now.toISOString() });
    const onAlert = await call('POST', `/v1/cases/${c.id}/comments`, keys.bob, {
      body: 'UK record: same Pyongyang address',
      alertId: c.alerts[0].id,
    });
    expect(onAlert.statusCode, onAlert.body).toBe(201);
    const comments = (await call('GET', `/v1/cases/${c.id}`, keys.ann)).json().comments as {
      author: string;
      body: string;
      alertId: string | null;
    }[];
    expect(comments.map((x) => [x.author, x.alertId])).toEqual([
      ['ann', null],
      ['bob', c.alerts[0].id],
    ]);
    const foreign = await call('POST', `/v1/cases/${c.id}/comments`, keys.ann, { body: 'x', alertId: 'not-in-this-case' });
    expect([foreign.statusCode, foreign.json().field]).toEqual([400, 'body/alertId']);
    for (const body of ['', '   '])
      expect((await call('POST', `/v1/cases/${c.id}/comments`, keys.ann, { body })).json().field).toBe('body/body');
    const rows = await t.store.listAudit({ kind: 'case.comment' });
    expect(rows.filter((r) => r.subject === c.id)).toHaveLength(2);
    expect(JSON.stringify(rows)).not.toContain('Pyongyang');
  });

  it('requires a reason code of the tenant on every decision (400 naming the field)', async () => {
    const c = await komidCase(keys.ann, 'C-101');
    const alertId = c.alerts[0].id;
    const cases: [Record<string, unknown>, string][] = [
      [{ decision: 'escalate', reason: 'checking' }, 'body/reasonCode'],
      [{ decision: 'escalate', reasonCode: 'Common Name', reason: 'checking' }, 'body/reasonCode'],
      [{ decision: 'escalate', reasonCode: 'not-ours', reason: 'checking' }, 'body/reasonCode'],
      [{ decision: 'escalate', reasonCode: 'common-name', reason: ' ' }, 'body/reason'],
    ];
    for (const [payload, field] of cases) {
      const res = await call('POST', `/v1/alerts/${alertId}/decisions`, keys.ann, payload);
      expect(res.statusCode, JSON.stringify(payload)).toBe(400);
      expect(res.json().field, JSON.stringify(payload)).toBe(field);
    }
    expect((await t.store.decisionsFor(alertId)).length).toBe(0);
  });

  it("bulk-closes a customer's false positives with one code: four eyes per alert, all audited with the code", async () => {
    await screen(keys.clientA, lowScoring.name, 'C-100');
    const c = await komidCase(keys.ann, 'C-100');
    const low = ((await call('GET', `/v1/cases?customerKey=C-100`, keys.ann)).json().cases as CaseJson[])
      .flatMap((x) => x.alerts)
      .find((a) => a.entityId === lowScoring.entityId)!;
    expect(low.score).toBeLessThan(FOUR_EYES_MIN_SCORE);
    expect(low.caseId).not.toBe(c.id);
    expect(c.alerts.every((a) => a.score >= FOUR_EYES_MIN_SCORE)).toBe(true);
    const alertIds = [...c.alerts.map((a) => a.id), low.id];

    const closed = await call('POST', '/v1/alerts/decisions', keys.ann, {
      alertIds,
      decision: 'false_positive',
      reasonCode: 'different-nationality',
      reason: 'Customer is a Peruvian supplier, not the DPRK company',
    });
    expect(closed.statusCode, closed.body).toBe(200);
    const outcome = Object.fromEntries(
      (closed.json().decided as { alert: AlertJson; decision: { reasonCode: string } }[]).map((d) => [
        d.alert.entityId,
        [d.alert.status, d.decision.reasonCode],
      ]),
    );
    // The three KOMID alerts score ≥ 0.9: a second person must approve; the low one closes now.
    for (const id of KOMID_RECORDS) expect(outcome[id]).toEqual(['pending_approval', 'different-nationality']);
    expect(outcome[lowScoring.entityId]).toEqual(['false_positive', 'different-nationality']);
    const rows = (await t.store.listAudit({ kind: 'decision' })).filter((r) => alertIds.includes(r.subject));
    expect(rows.map((r) => r.details.reasonCode)).toEqual(alertIds.map(() => 'different-nationality'));

    // The proposer approving her own bulk is refused whole, naming the alert; nothing is recorded.
    const approve = { alertIds: c.alerts.map((a) => a.id), decision: 'approve', reasonCode: 'second-review-agrees', reason: 'Agreed' };
    const self = await call('POST', '/v1/alerts/decisions', keys.ann, approve);
    expect(self.statusCode).toBe(403);
    expect(self.json()).toMatchObject({ error: 'FOUR_EYES_REQUIRED', message: expect.stringContaining(`Alert ${c.alerts[0].id}`) });
    expect((await t.store.getAlert(c.alerts[1].id, null))?.status).toBe('pending_approval');
    // A second person approves all three at once.
    const approved = await call('POST', '/v1/alerts/decisions', keys.bob, approve);
    expect(approved.statusCode, approved.body).toBe(200);
    expect((approved.json().decided as { alert: AlertJson }[]).map((d) => d.alert.status)).toEqual([
      'false_positive',
      'false_positive',
      'false_positive',
    ]);
    // Closed cases leave the queue of open work; deciding again is refused (409) and names the alert.
    expect(
      ((await call('GET', '/v1/cases?customerKey=C-100&status=open', keys.ann)).json().cases as CaseJson[]).map((x) => x.id),
    ).not.toContain(c.id);
    const again = await call('POST', '/v1/alerts/decisions', keys.bob, { ...approve, decision: 'escalate' });
    expect(again.statusCode).toBe(409);
    expect((await t.store.verifyAudit()).ok).toBe(true);
  });

  it('refuses a malformed bulk with 400 naming the field', async () => {
    const base = { alertIds: ['a'], decision: 'false_positive', reasonCode: 'common-name', reason: 'x' };
    const cases: [Record<string, unknown>, string][] = [
      [{ ...base, alertIds: [] }, 'body/alertIds'],
      [{ ...base, alertIds: ['a', 'a'] }, 'body/alertIds'],
      [{ ...base, alertIds: Array.from({ length: 201 }, (_, i) => `a${i}`) }, 'body/alertIds'],
      [{ ...base, decision: 'close' }, 'body/decision'],
      [{ ...base, extra: 1 }, 'body/extra'],
    ];
    for (const [payload, field] of cases) {
      const res = await call('POST', '/v1/alerts/decisions', keys.ann, payload);
      expect(res.statusCode, JSON.stringify(payload).slice(0, 80)).toBe(400);
      expect(res.json().field).toBe(field);
    }
  });

  it("keeps tenants apart: B never sees A's cases, comments or codes (404), and has codes of its own", async () => {
    const c = await komidCase(keys.ann, 'C-101');
    for (const [method, url, payload] of [
      ['GET', `/v1/cases/${c.id}`, undefined],
      ['PUT', `/v1/cases/${c.id}/assignee`, { assignee: null }],
      ['POST', `/v1/cases/${c.id}/comments`, { body: 'peek' }],
    ] as const) {
      const res = await call(method, url, keys.analystOfB, payload);
      expect(res.statusCode, `${method} ${url}`).toBe(404);
    }
    const bulk = await call('POST', '/v1/alerts/decisions', keys.analystOfB, {
      alertIds: [c.alerts[0].id],
      decision: 'escalate',
      reasonCode: 'common-name',
      reason: 'x',
    });
    expect(bulk.statusCode).toBe(404);
    expect(((await call('GET', '/v1/cases', keys.analystOfB)).json().cases as CaseJson[]).length).toBe(0);
    // B's own customer on the same party: B's case, which A's analysts do not see.
    await screen(keys.clientB, KOMID_NAME, 'C-101');
    const ofB = await komidCase(keys.analystOfB, 'C-101');
    expect(ofB.tenant).toBe(tenantB);
    expect((await call('GET', `/v1/cases/${ofB.id}`, keys.ann)).statusCode).toBe(404);
    // Asking for another tenant's queue is refused outright.
    expect((await call('GET', `/v1/cases?tenant=${tenantA}`, keys.analystOfB)).statusCode).toBe(403);

    // Reason codes per tenant: the admin replaces A's; B keeps the defaults; A's decisions need A's codes.
    const ours = [
      { code: 'different-birth-date', label: 'Different date of birth' },
      { code: 'supplier-verified', label: 'Supplier verified by the relationship manager' },
    ];
    const replaced = await call('PUT', `/v1/reason-codes?tenant=${tenantA}`, keys.admin, { codes: ours });
    expect(replaced.statusCode, replaced.body).toBe(200);
    expect((await call('GET', '/v1/reason-codes', keys.ann)).json()).toEqual({ tenant: tenantA, codes: ours });
    expect((await call('GET', '/v1/reason-codes', keys.analystOfB)).json().codes).toEqual(DEFAULT_REASON_CODES);
    expect((await call('GET', `/v1/reason-codes?tenant=${tenantA}`, keys.analystOfB)).statusCode).toBe(403);
    const withOldCode = await call('POST', `/v1/alerts/${c.alerts[0].id}/decisions`, keys.ann, {
      decision: 'escalate',
      reasonCode: 'common-name',
      reason: 'x',
    });
    expect([withOldCode.statusCode, withOldCode.json().field]).toEqual([400, 'body/reasonCode']);
    const withNew = await call('POST', `/v1/alerts/${c.alerts[0].id}/decisions`, keys.ann, {
      decision: 'escalate',
      reasonCode: 'supplier-verified',
      reason: 'Asking the relationship manager',
    });
    expect(withNew.statusCode, withNew.body).toBe(200);
    expect(withNew.json().decision.reasonCode).toBe('supplier-verified');
  });

  it('lets only an admin replace reason codes, validated, and audits the replacement', async () => {
    const codes = [{ code: 'common-name', label: 'Common name' }];
    expect((await call('PUT', `/v1/reason-codes?tenant=${tenantB}`, keys.ann, { codes })).statusCode).toBe(403);
    // An admin across tenants must name the tenant; an unknown tenant is refused.
    expect((await call('PUT', '/v1/reason-codes', keys.admin, { codes })).json().field).toBe('query/tenant');
    expect((await call('PUT', '/v1/reason-codes?tenant=no-such-bank', keys.admin, { codes })).json().field).toBe('tenant');
    const refused: [unknown, string][] = [
      [{ codes: [] }, 'body/codes'],
      [{ codes: [{ code: 'A B', label: 'x' }] }, 'body/codes/0/code'],
      [{ codes: [{ code: 'a', label: '' }] }, 'body/codes/0/label'],
      [
        {
          codes: [
            { code: 'a', label: 'A' },
            { code: 'a', label: 'B' },
          ],
        },
        'body/codes/1/code',
      ],
      [{ codes: [{ code: 'a', label: 'A ' }] }, 'body/codes/0/label'],
      [{ codes: [{ code: 'a' }] }, 'body/codes/0/label'],
    ];
    for (const [payload, field] of refused) {
      const res = await call('PUT', `/v1/reason-codes?tenant=${tenantB}`, keys.admin, payload);
      expect(res.statusCode, JSON.stringify(payload)).toBe(400);
      expect(res.json().field, JSON.stringify(payload)).toBe(field);
    }
    expect(await t.store.reasonCodes(tenantB)).toEqual(DEFAULT_REASON_CODES);
    const rows = await t.store.listAudit({ kind: 'reason-codes.replace' });
    expect(rows.map((r) => r.subject)).toEqual([tenantA]);
  });

  it('publishes the case endpoints in the OpenAPI document', async () => {
    const doc = (await t.app.inject({ method: 'GET', url: '/openapi.json' })).json() as { paths: Record<string, unknown> };
    for (const path of [
      '/v1/cases',
      '/v1/cases/{id}',
      '/v1/cases/{id}/assignee',
      '/v1/cases/{id}/comments',
      '/v1/alerts/decisions',
      '/v1/reason-codes',
    ])
      expect(Object.keys(doc.paths)).toContain(path);
  });
});
