/**
 * Shipment screening through the API, on SQLite and PostgreSQL, against the bundled SDN list (which lists
 * Dandong Zhicheng Metallic Material and the tanker CHON MA SAN, IMO 8660313): the example shipments as
 * JSON, JSON Lines and CSV, each decision kept as a screening of the caller's tenant with its audit row,
 * tenants apart, and unreadable records refused by line and field while the others are screened.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadListDirectory } from '@embargo/lists';
import { REPO_ROOT } from '../../../../test/shared-data.js';
import { createApiKey } from '../api-keys.js';
import { BACKENDS, BUNDLED_DATA, createTestApp, type TestApp } from '../testing/app-fixture.js';

const EXAMPLES = join(REPO_ROOT, 'docs', 'examples');
const jsonl = readFileSync(join(EXAMPLES, 'shipments.jsonl'), 'utf8');
const csv = readFileSync(join(EXAMPLES, 'shipments.csv'), 'utf8');
const [dprkCoal, indonesianCoal] = jsonl.trim().split('\n');

interface Outcome {
  record: number;
  screeningId?: string;
  id?: string;
  decision?: string;
  reasons?: { kind: string; rule: string; id: string; effect: string; detail: string }[];
  rulesVersion?: string;
  error?: { code: string; line: number; field?: string; reason: string };
}

describe.each(BACKENDS)('trade screening API on %s', (backend) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp({ backend, publications: await loadListDirectory(join(BUNDLED_DATA, 'ofac-sdn', '2023-12-28')) });
  }, 120_000);
  afterAll(async () => t?.close());

  const post = (body: string, contentType: string, key = t.keys.client) =>
    t.app.inject({ method: 'POST', url: '/v1/trade/screen', headers: { ...t.as(key), 'content-type': contentType }, payload: body });
  const outcomes = (res: { json: () => unknown }) => (res.json() as { outcomes: Outcome[] }).outcomes;

  it('prohibits DPRK coal to Dandong with the rule, the buyer and the vessel, and keeps it as a screening of the tenant', async () => {
    const res = await post(dprkCoal, 'application/json');
    expect(res.statusCode, res.body).toBe(200);
    const [outcome] = outcomes(res);
    expect(outcome).toMatchObject({ record: 1, id: 'BL-NAM-DDG-0917', decision: 'prohibited' });
    const reasons = outcome.reasons!.map((r) => [r.kind, r.rule, r.id, r.effect]);
    expect(reasons).toContainEqual(['goods', 'UNSCR 2371 (2017) para 8', 'unscr-2371-8', 'prohibited']);
    expect(reasons).toContainEqual(['party', 'OFAC SDN list (DPRK3)', 'ofac:22603', 'prohibited']);
    expect(reasons).toContainEqual(['vessel', 'OFAC SDN list (DPRK4)', 'ofac:23729', 'prohibited']);

    const stored = await t.app.inject({ method: 'GET', url: `/v1/screenings/${outcome.screeningId}`, headers: t.as(t.keys.client) });
    expect(stored.statusCode, stored.body).toBe(200);
    const body = stored.json() as {
      tenant: string;
      input: { kind: string; shipment: { id: string } };
      results: unknown[];
      alerted: boolean;
    };
    expect(body.tenant).toBe(t.clientTenant);
    expect(body.input).toMatchObject({ kind: 'shipment', shipment: { id: 'BL-NAM-DDG-0917' } });
    expect(body.results).toEqual(outcome.reasons);
    expect(body.alerted).toBe(true);

    const audit = await t.store.listAudit({ kind: 'screening', limit: 1000 });
    expect(audit.some((row) => row.subject === outcome.screeningId)).toBe(true);
  });

  it('allows Indonesian coal to an unlisted buyer on an unlisted ship', async () => {
    const [outcome] = outcomes(await post(indonesianCoal, 'application/json'));
    expect(outcome).toMatchObject({ id: 'BL-SMD-DDG-0917', decision: 'allowed', reasons: [], alertsOpened: 0 });
  });

  it('opens an alert in the tenant’s queue for each listed party and vessel a shipment names, none for its goods', async () => {
    const analyst = await createApiKey(t.store, { role: 'analyst', name: 'trade analyst', tenant: t.clientTenant }, new Date());
    const other = await createApiKey(t.store, { role: 'analyst', name: 'other tenant analyst', tenant: 'default' }, new Date());
    const [outcome] = outcomes(await post(dprkCoal, 'application/json'));
    const named = outcome.reasons!.filter((r) => r.kind === 'party' || r.kind === 'vessel');
    expect(named.length).toBeGreaterThanOrEqual(2);
    expect((outcome as { alertsOpened?: number }).alertsOpened).toBe(named.length);

    type Queue = {
      alerts: {
        id: string;
        entityId: string;
        screeningId: string;
        party: { name: string; shipment?: { id: string; role: string; decision: string } };
      }[];
    };
    const queue = (key: string) =>
      t.app.inject({ method: 'GET', url: `/v1/alerts?status=open&limit=200`, headers: t.as(key) }).then((r) => r.json() as Queue);
    const mine = (await queue(analyst.key)).alerts.filter((a) => a.screeningId === outcome.screeningId);
    expect(mine.map((a) => a.entityId).sort()).toEqual(named.map((r) => r.id).sort());
    const buyer = mine.find((a) => a.entityId === 'ofac:22603')!;
    expect(buyer.party.shipment).toMatchObject({ id: 'BL-NAM-DDG-0917', decision: 'prohibited' });
    expect(buyer.party.name).toMatch(/Dandong Zhicheng/i);

    // The buyer's alert carries the engine's explanation; the tanker found by its IMO number, the rule's reason.
    const review = await t.app.inject({ method: 'GET', url: `/v1/alerts/${buyer.id}`, headers: t.as(analyst.key) });
    expect(review.statusCode, review.body).toBe(200);
    const match = (review.json() as { alert: { match: { explanation: { summary: string } | null; reason: string } } }).alert.match;
    expect(match.explanation?.summary).toBeTruthy();
    const tanker = mine.find((a) => a.entityId === 'ofac:23729')!;
    const tankerMatch = (
      (await t.app.inject({ method: 'GET', url: `/v1/alerts/${tanker.id}`, headers: t.as(analyst.key) })).json() as {
        alert: { match: { reason: string } };
      }
    ).alert.match;
    expect(tankerMatch.reason).toMatch(/IMO 8660313/);

    // Another tenant's queue holds none of them.
    expect((await queue(other.key)).alerts.some((a) => a.screeningId === outcome.screeningId)).toBe(false);
  });

  it('decides JSON Lines, a JSON array and CSV alike', async () => {
    const strip = (o: Outcome) => ({ ...o, screeningId: undefined });
    const fromLines = outcomes(await post(jsonl, 'application/x-ndjson')).map(strip);
    const fromArray = outcomes(await post(`[${jsonl.trim().split('\n').join(',')}]`, 'application/json')).map(strip);
    const fromCsv = outcomes(await post(csv, 'text/csv')).map(strip);
    expect(fromLines.map((o) => [o.id, o.decision])).toEqual([
      ['BL-NAM-DDG-0917', 'prohibited'],
      ['BL-SMD-DDG-0917', 'allowed'],
      ['BL-KHO-BSN-1802', 'prohibited'],
      ['LC-DAL-NAM-1803', 'prohibited'],
    ]);
    expect(fromArray).toEqual(fromLines);
    expect(fromCsv).toEqual(fromLines);
  });

  it("keeps tenants apart: another client's key does not see the screening", async () => {
    const other = await createApiKey(t.store, { role: 'client', name: 'Other bank' }, new Date());
    const [mine] = outcomes(await post(dprkCoal, 'application/json'));
    const seen = await t.app.inject({ method: 'GET', url: `/v1/screenings/${mine.screeningId}`, headers: t.as(other.key) });
    expect(seen.statusCode).toBe(404);
    const [theirs] = outcomes(await post(dprkCoal, 'application/json', other.key));
    const stored = await t.app.inject({ method: 'GET', url: `/v1/screenings/${theirs.screeningId}`, headers: t.as(other.key) });
    expect((stored.json() as { tenant: string }).tenant).not.toBe(t.clientTenant);
  });

  it('refuses an unreadable record by line and field with 422, and screens and keeps the others', async () => {
    const bad = indonesianCoal.replace('"2701.12"', '270112');
    const res = await post([dprkCoal, bad, indonesianCoal].join('\n'), 'application/x-ndjson');
    expect(res.statusCode).toBe(422);
    const all = outcomes(res);
    expect(all.map((o) => o.decision ?? o.error!.code)).toEqual(['prohibited', 'SHIPMENT_PARSE', 'allowed']);
    expect(all[1].error).toMatchObject({ line: 2, field: 'goods[0].hs' });
    expect((res.json() as { message: string }).message).toMatch(/1 of 3 record\(s\) could not be read/);
  });

  it('refuses a body in no shipment syntax, and one without a key', async () => {
    const res = await post('hello', 'text/csv');
    expect(res.statusCode).toBe(422);
    expect(outcomes(res)[0].error!.reason).toMatch(/header row and at least one shipment row/);
    const anonymous = await t.app.inject({
      method: 'POST',
      url: '/v1/trade/screen',
      headers: { 'content-type': 'application/json' },
      payload: dprkCoal,
    });
    expect(anonymous.statusCode).toBe(401);
    const xml = await post('<shipment/>', 'application/xml');
    expect(xml.statusCode).toBe(415);
  });

  it('gives the rules in force and the revenue at risk of the default example', async () => {
    const rules = await t.app.inject({ method: 'GET', url: '/v1/trade/rules', headers: t.as(t.keys.analyst) });
    expect(rules.statusCode).toBe(200);
    expect((rules.json() as { measures: { citation: string }[] }).measures.map((m) => m.citation)).toContain('UNSCR 2371 (2017) para 8');
    const revenue = await t.app.inject({ method: 'GET', url: '/v1/trade/revenue', headers: t.as(t.keys.analyst) });
    const body = revenue.json() as { total: number; byResolution: { resolution: string; banned: number }[] };
    expect(body.total).toBe(3_000_000_000);
    expect(body.byResolution.find((r) => r.resolution === '2371 (2017)')!.banned).toBe(1_059_000_000);
  });
});
