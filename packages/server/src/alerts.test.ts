/**
 * Alerts and decisions through the HTTP API, on SQLite and PostgreSQL: a screening with a customer key
 * opens an alert per alerting match; analysts decide them (a false positive below 0.9 closes at once,
 * one at 0.9 or more needs another analyst's approval); a closed false positive is remembered and
 * suppresses the same alert until the listed record changes. The bundled UN list is the list in force.
 */
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { FOUR_EYES_MIN_SCORE, type Entity, type ListPublication } from '@embargo/core';
import { BACKENDS, bundledUnList, createTestApp, type TestApp } from './testing/app-fixture.js';

interface AlertJson {
  id: string;
  entityId: string;
  status: string;
  score: number;
  source: string;
  customerKey: string | null;
  screeningId: string;
}

/** The UN record KPi.057 "JANG SUNG NAM": its own name alerts with a score of 0.9 or more. */
const JANG = { id: 'un:KPi.057', name: 'JANG SUNG NAM' };

describe.each(BACKENDS)('alerts and decisions on %s', (backend) => {
  let t: TestApp;
  let un: ListPublication;
  /** A name that alerts on one record with a score under the four-eyes score, found in the list itself. */
  let lowScoring: { name: string; entityId: string; score: number };

  beforeAll(async () => {
    [un] = await bundledUnList();
    t = await createTestApp({ backend, publications: [un] });
    // A listed person's name with a word added alerts a little under a perfect score.
    for (const e of un.entities.filter((x: Entity) => x.schema === 'Person')) {
      const name = `${e.caption} Smith`;
      const top = (await t.deps.screening.screen({ name, schema: 'Person' })).find((m) => m.alert);
      if (top && top.id === e.id && top.score < FOUR_EYES_MIN_SCORE) {
        lowScoring = { name, entityId: e.id, score: top.score };
        break;
      }
    }
  });
  afterAll(async () => t?.close());

  const screen = async (payload: Record<string, unknown>) => {
    const res = await t.app.inject({ method: 'POST', url: '/v1/screen', headers: t.as(t.keys.client), payload });
    expect(res.statusCode, res.body).toBe(200);
    return res.json() as {
      screeningId: string;
      alerted: boolean;
      matches: { id: string; alert: boolean; suppressed?: boolean; score: number }[];
    };
  };
  const decide = (id: string, key: string, decision: string, reason = 'checked the record') =>
    t.app.inject({
      method: 'POST',
      url: `/v1/alerts/${id}/decisions`,
      headers: t.as(key),
      payload: { decision, reasonCode: 'common-name', reason },
    });
  const alertsOf = async (customerKey: string): Promise<AlertJson[]> => {
    const res = await t.app.inject({
      method: 'GET',
      url: `/v1/alerts?customerKey=${customerKey}&limit=1000`,
      headers: t.as(t.keys.analyst),
    });
    expect(res.statusCode, res.body).toBe(200);
    return res.json().alerts;
  };
  const alertOn = async (customerKey: string, entityId: string) => (await alertsOf(customerKey)).filter((a) => a.entityId === entityId);

  it('opens an alert per alerting match and shows it with the party, the explanation, the listed record and no decisions', async () => {
    const screened = await screen({ name: JANG.name, customerKey: 'C-100' });
    expect(screened.alerted).toBe(true);
    const alerts = await alertsOf('C-100');
    expect(alerts.map((a) => a.entityId).sort()).toEqual(
      screened.matches
        .filter((m) => m.alert)
        .map((m) => m.id)
        .sort(),
    );
    const [jang] = alerts.filter((a) => a.entityId === JANG.id);
    expect(jang).toMatchObject({ status: 'open', source: 'un-sc', customerKey: 'C-100', screeningId: screened.screeningId });
    const res = await t.app.inject({ method: 'GET', url: `/v1/alerts/${jang.id}`, headers: t.as(t.keys.admin) });
    expect(res.statusCode).toBe(200);
    const one = res.json();
    expect(one.alert.party).toMatchObject({ name: JANG.name, customerKey: 'C-100' });
    expect(one.alert.match.explanation.summary).toEqual(expect.any(String));
    expect(one.entity).toMatchObject({ id: JANG.id, caption: expect.stringContaining('JANG') });
    expect(one.recordChanged).toBe(false);
    expect(one.decisions).toEqual([]);
    expect(one.alert).not.toHaveProperty('entityVersion');
  });

  it('does not alert (nor open alerts) on a name that matches nothing', async () => {
    const screened = await screen({ name: 'Maria Eugenia Lindqvist', customerKey: 'C-101' });
    expect(screened.alerted).toBe(false);
    expect(await alertsOf('C-101')).toEqual([]);
  });

  it('filters the queue by status, score, source and customer, and pages it', async () => {
    const h = t.as(t.keys.analyst);
    await screen({ name: JANG.name, customerKey: 'C-110' });
    await screen({ name: 'JO CHOL SONG', customerKey: 'C-110' });
    const get = async (query: string) => {
      const res = await t.app.inject({ method: 'GET', url: `/v1/alerts?${query}`, headers: h });
      expect(res.statusCode, res.body).toBe(200);
      return res.json().alerts as AlertJson[];
    };
    const all = await get('limit=1000');
    const open = await get('status=open&minScore=0.95&source=un-sc&limit=1000');
    expect(open.length).toBeGreaterThan(0);
    expect(open).toEqual(all.filter((a) => a.status === 'open' && a.source === 'un-sc' && a.score >= 0.95));
    expect(await get('source=ofac-sdn')).toEqual([]);
    const mine = await get('customerKey=C-110');
    expect(mine.length).toBeGreaterThanOrEqual(2);
    expect(mine.every((a) => a.customerKey === 'C-110')).toBe(true);
    // Newest first, paged with limit and offset.
    expect([...(await get('limit=1')), ...(await get('limit=1&offset=1'))]).toEqual(all.slice(0, 2));
  });

  it('names the bad field of a bad queue query (400)', async () => {
    const h = t.as(t.keys.analyst);
    for (const [query, field] of [
      ['status=bogus', 'querystring/status'],
      ['minScore=2', 'querystring/minScore'],
      ['limit=0', 'querystring/limit'],
      ['offset=-1', 'querystring/offset'],
      ['colour=red', 'querystring/colour'],
    ]) {
      const res = await t.app.inject({ method: 'GET', url: `/v1/alerts?${query}`, headers: h });
      expect({ query, status: res.statusCode, field: res.json().field }).toEqual({ query, status: 400, field });
    }
  });

  it('closes a false positive under the four-eyes score at once, and remembers it for that customer', async () => {
    expect(lowScoring, 'a listed name alerting under the four-eyes score').toBeDefined();
    await screen({ name: lowScoring.name, schema: 'Person', customerKey: 'C-150' });
    const [alert] = await alertOn('C-150', lowScoring.entityId);
    expect(alert.score).toBeLessThan(FOUR_EYES_MIN_SCORE);
    const res = await decide(alert.id, t.keys.analyst, 'false_positive', 'our customer was born in 1990, the listed person in 1965');
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({
      alert: { id: alert.id, status: 'false_positive' },
      decision: { decision: 'false_positive' },
      remembered: true,
    });
    const again = await screen({ name: lowScoring.name, schema: 'Person', customerKey: 'C-150' });
    expect(again.matches.find((m) => m.id === lowScoring.entityId)).toMatchObject({ alert: true, suppressed: true });
    expect(await alertOn('C-150', lowScoring.entityId)).toHaveLength(1);
  });

  it('needs another analyst to close a false positive at 0.9 or more: self-approval is 403, closed alerts 409', async () => {
    await screen({ name: JANG.name, customerKey: 'C-200' });
    const [alert] = await alertOn('C-200', JANG.id);
    expect(alert.score).toBeGreaterThanOrEqual(FOUR_EYES_MIN_SCORE);
    const proposed = await decide(alert.id, t.keys.analyst, 'false_positive', 'different date of birth in our file');
    expect(proposed.statusCode).toBe(200);
    expect(proposed.json()).toMatchObject({ alert: { status: 'pending_approval' }, remembered: false });
    // Still suppressing nothing: a pending false positive is not remembered.
    expect((await screen({ name: JANG.name, customerKey: 'C-200' })).matches.find((m) => m.id === JANG.id)?.suppressed).toBeUndefined();
    const self = await decide(alert.id, t.keys.analyst, 'approve', 'I agree with myself');
    expect(self.statusCode).toBe(403);
    expect(self.json()).toMatchObject({ error: 'FOUR_EYES_REQUIRED' });
    const notYet = await decide(alert.id, t.keys.analyst2, 'true_match', 'it is him');
    expect(notYet.statusCode).toBe(409);
    expect(notYet.json()).toMatchObject({ error: 'DECISION_NOT_ALLOWED' });
    const approved = await decide(alert.id, t.keys.analyst2, 'approve', 'agree: passport differs');
    expect(approved.statusCode).toBe(200);
    expect(approved.json()).toMatchObject({ alert: { status: 'false_positive' }, remembered: true });
    const detail = (await t.app.inject({ method: 'GET', url: `/v1/alerts/${alert.id}`, headers: t.as(t.keys.analyst) })).json();
    expect(detail.decisions.map((d: { decision: string; reason: string }) => [d.decision, d.reason])).toEqual([
      ['false_positive', 'different date of birth in our file'],
      ['approve', 'agree: passport differs'],
    ]);
    expect(new Set(detail.decisions.map((d: { actor: string }) => d.actor)).size).toBe(2);
    const closed = await decide(alert.id, t.keys.analyst, 'true_match');
    expect(closed.statusCode).toBe(409);
    expect(closed.json()).toMatchObject({ error: 'DECISION_NOT_ALLOWED' });
  });

  it('rejecting a pending false positive reopens the alert and remembers nothing', async () => {
    await screen({ name: JANG.name, customerKey: 'C-250' });
    const [alert] = await alertOn('C-250', JANG.id);
    await decide(alert.id, t.keys.analyst, 'false_positive', 'looks different');
    const rejected = await decide(alert.id, t.keys.analyst2, 'reject', 'passport number is the same');
    expect(rejected.json()).toMatchObject({ alert: { status: 'open' }, remembered: false });
    expect((await screen({ name: JANG.name, customerKey: 'C-250' })).matches.find((m) => m.id === JANG.id)?.suppressed).toBeUndefined();
    const escalated = await decide(alert.id, t.keys.analyst, 'escalate', 'needs the MLRO');
    expect(escalated.json().alert.status).toBe('escalated');
    const confirmed = await decide(alert.id, t.keys.admin, 'true_match', 'MLRO: same passport');
    expect(confirmed.json()).toMatchObject({ alert: { status: 'true_match' }, remembered: false });
  });

  it('answers 409 when another analyst decides between the read and the write (nothing of the loser is stored)', async () => {
    await screen({ name: JANG.name, customerKey: 'C-260' });
    const [alert] = await alertOn('C-260', JANG.id);
    // Bob's decision lands while Ann's request is between reading the alert and recording hers.
    const decisionsFor = t.store.decisionsFor.bind(t.store);
    const spy = vi.spyOn(t.store, 'decisionsFor').mockImplementationOnce(async (id) => {
      const bob = await decide(alert.id, t.keys.analyst2, 'escalate', 'needs the MLRO');
      expect(bob.statusCode).toBe(200);
      return decisionsFor(id);
    });
    try {
      const ann = await decide(alert.id, t.keys.analyst, 'true_match', 'same passport');
      expect(ann.statusCode).toBe(409);
      expect(ann.json()).toMatchObject({ error: 'STORE_CONFLICT' });
    } finally {
      spy.mockRestore();
    }
    const detail = (await t.app.inject({ method: 'GET', url: `/v1/alerts/${alert.id}`, headers: t.as(t.keys.analyst) })).json();
    expect(detail.alert.status).toBe('escalated');
    expect(detail.decisions.map((d: { decision: string }) => d.decision)).toEqual(['escalate']);
  });

  it('requires a known decision and a non-empty reason (400 naming the field), a known alert (404) and an analyst (403)', async () => {
    await screen({ name: JANG.name, customerKey: 'C-300' });
    const [alert] = await alertOn('C-300', JANG.id);
    const post = (payload: unknown, key = t.keys.analyst) =>
      t.app.inject({
        method: 'POST',
        url: `/v1/alerts/${alert.id}/decisions`,
        headers: t.as(key),
        payload: payload as Record<string, unknown>,
      });
    for (const [payload, field] of [
      [{ decision: 'true_match', reasonCode: 'true-match-confirmed', reason: '   ' }, 'body/reason'],
      [{ decision: 'true_match', reasonCode: 'true-match-confirmed', reason: '' }, 'body/reason'],
      [{ decision: 'true_match', reasonCode: 'true-match-confirmed' }, 'body/reason'],
      [{ decision: 'true_match', reason: 'x' }, 'body/reasonCode'],
      [{ decision: 'maybe', reasonCode: 'common-name', reason: 'unsure' }, 'body/decision'],
      [{ reasonCode: 'common-name', reason: 'unsure' }, 'body/decision'],
      [{ decision: 'true_match', reasonCode: 'true-match-confirmed', reason: 'x', by: 'someone else' }, 'body/by'],
    ] as const) {
      const res = await post(payload);
      expect({ payload, status: res.statusCode, field: res.json().field }).toEqual({ payload, status: 400, field });
    }
    expect((await decide('no-such-alert', t.keys.analyst, 'true_match')).statusCode).toBe(404);
    expect((await t.app.inject({ method: 'GET', url: '/v1/alerts/no-such-alert', headers: t.as(t.keys.analyst) })).statusCode).toBe(404);
    expect((await post({ decision: 'true_match', reasonCode: 'true-match-confirmed', reason: 'x' }, t.keys.client)).statusCode).toBe(403);
    // Nothing was recorded by the refused requests.
    expect((await t.app.inject({ method: 'GET', url: `/v1/alerts/${alert.id}`, headers: t.as(t.keys.analyst) })).json().decisions).toEqual(
      [],
    );
  });

  it('admits analysts and admins to the alert routes, refuses clients (403) and callers without a valid key (401)', async () => {
    const [alert] = await alertsOf('C-100');
    const routes = [
      { method: 'GET' as const, url: '/v1/alerts' },
      { method: 'GET' as const, url: `/v1/alerts/${alert.id}` },
      { method: 'POST' as const, url: `/v1/alerts/${alert.id}/decisions`, payload: { decision: 'maybe', reason: '' } },
    ];
    for (const r of routes) {
      const status = async (headers: Record<string, string>) => (await t.app.inject({ ...r, headers })).statusCode;
      expect({
        ...r,
        none: await status({}),
        bad: await status({ authorization: 'Bearer emb_nope' }),
        client: await status(t.as(t.keys.client)),
      }).toEqual({
        ...r,
        none: 401,
        bad: 401,
        client: 403,
      });
      // Analysts and admins get past the role check (the decision above is invalid: 400, not 403).
      for (const key of [t.keys.analyst, t.keys.admin]) expect([200, 400]).toContain(await status(t.as(key)));
    }
  });

  it('remembers a false positive per customer and per version of the listed record', async () => {
    await screen({ name: JANG.name, customerKey: 'C-400' });
    for (const a of await alertsOf('C-400')) {
      const first = await decide(a.id, t.keys.analyst, 'false_positive', 'our customer is another person');
      if (first.json().alert.status === 'pending_approval') await decide(a.id, t.keys.analyst2, 'approve', 'agreed');
    }
    const decided = (await alertsOf('C-400')).length;
    // Same customer, same records: no new alert, and each alerting match says why.
    const again = await screen({ name: JANG.name, customerKey: 'C-400' });
    expect(again.alerted).toBe(true);
    expect(again.matches.filter((m) => m.alert).every((m) => m.suppressed === true)).toBe(true);
    expect(await alertsOf('C-400')).toHaveLength(decided);
    // Another customer with the same name, or a screening without a customer key, still alerts.
    await screen({ name: JANG.name, customerKey: 'C-401' });
    expect(await alertOn('C-401', JANG.id)).toHaveLength(1);
    expect((await screen({ name: JANG.name })).matches.find((m) => m.id === JANG.id)?.suppressed).toBeUndefined();
    // The list changes the record (a new alias): the remembered decision no longer holds.
    const changed: ListPublication = {
      ...un,
      published: '2026-03-01',
      files: un.files.map((f) => ({ ...f, sha256: 'e'.repeat(64) })),
      entities: un.entities.map((e) =>
        e.id === JANG.id
          ? { ...e, properties: { ...e.properties, alias: [...(e.properties.alias ?? []), { value: 'JANG SONG NAM' }] } }
          : e,
      ),
    };
    await t.store.savePublication(changed, { loadedAt: new Date() });
    await t.deps.screening.reload();
    const [old] = await alertOn('C-400', JANG.id);
    const detail = (await t.app.inject({ method: 'GET', url: `/v1/alerts/${old.id}`, headers: t.as(t.keys.analyst) })).json();
    expect(detail.recordChanged).toBe(true);
    expect(detail.entity.properties.alias).toContainEqual({ value: 'JANG SONG NAM' });
    const afterChange = await screen({ name: JANG.name, customerKey: 'C-400' });
    expect(afterChange.matches.find((m) => m.id === JANG.id)).toMatchObject({ alert: true });
    expect(afterChange.matches.find((m) => m.id === JANG.id)?.suppressed).toBeUndefined();
    expect((await alertOn('C-400', JANG.id)).filter((a) => a.status === 'open')).toHaveLength(1);
    // Back to the list as it was: the other records, unchanged all along, are still suppressed.
    await t.store.savePublication(un, { loadedAt: new Date() });
    await t.deps.screening.reload();
  });

  it('audits decisions with ids only, and the chain stays intact', async () => {
    const rows = await t.store.listAudit({ kind: 'decision', limit: 1000 });
    expect(rows.length).toBeGreaterThan(0);
    expect(JSON.stringify(rows)).not.toContain('JANG');
    expect(await t.store.verifyAudit()).toMatchObject({ ok: true });
  });
});
