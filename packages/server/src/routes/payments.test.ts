/**
 * Payment screening through the API, on SQLite and PostgreSQL, against the bundled SDN list (which lists
 * Velmur Management and the Foreign Trade Bank of the DPRK, FTBDKPPY): raw MT and ISO 20022 bodies, one
 * decision per message, alerts for held and blocked payments, the stored message, a message decided once,
 * tenants apart, and unreadable messages refused by field or line.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadListDirectory } from '@embargo/lists';
import { SHARED_PAYMENTS, hasSharedPayments } from '../../../../test/shared-data.js';
import { createApiKey } from '../api-keys.js';
import { BACKENDS, BUNDLED_DATA, createTestApp, type TestApp } from '../testing/app-fixture.js';

const PAYMENTS = SHARED_PAYMENTS;
const HAS_SAMPLES = hasSharedPayments();

const sample = (path: string) => readFileSync(join(PAYMENTS, path), 'utf8');
/** The CBPR+ p.2.1.2 MT103 with Velmur as ordering customer and FTBDKPPY as intermediary. */
const velmurMt103 = () =>
  sample('mt/wso2_cbpr_p212_MT103_AtoB.fin')
    .replace('1/GB Engineering', '1/VELMUR MANAGEMENT PTE. LTD.')
    .replace(':56A:ANBTUS44XXX', ':56A:FTBDKPPY');

interface Outcome {
  message: number;
  paymentId?: string;
  messageId?: string;
  decision?: string;
  stored?: boolean;
  alertsOpened?: number;
  hits?: { field: string; rule: string; id: string | null; jurisdiction: string | null; action: string }[];
  error?: { code: string; reason: string; line?: number; field?: string };
}

describe.skipIf(!HAS_SAMPLES).each(BACKENDS)('payment screening API on %s', (backend) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp({ backend, publications: await loadListDirectory(join(BUNDLED_DATA, 'ofac-sdn', '2023-12-28')) });
  }, 120_000);
  afterAll(async () => t?.close());

  const post = (body: string, contentType: string, key = t.keys.client) =>
    t.app.inject({ method: 'POST', url: '/v1/payments/screen', headers: { ...t.as(key), 'content-type': contentType }, payload: body });
  const outcomes = (res: { json: () => unknown }) => (res.json() as { outcomes: Outcome[] }).outcomes;

  it('blocks an MT103 naming a listed customer and a listed bank, opens an alert per hit, and keeps the message', async () => {
    const res = await post(velmurMt103(), 'text/plain');
    expect(res.statusCode, res.body).toBe(200);
    const [outcome] = outcomes(res);
    expect(outcome).toMatchObject({ message: 1, decision: 'block', stored: true, messageId: '174c245f-2682-4291-ad67-2a41e530cd27' });
    const hits = outcome.hits!.map((h) => [h.field, h.rule, h.id]);
    expect(hits).toContainEqual(['50F', 'party-name', 'ofac:22606']);
    expect(hits).toContainEqual(['56A', 'bic', 'ofac:15603']);
    expect(outcome.alertsOpened).toBe(outcome.hits!.length);

    const stored = await t.app.inject({ method: 'GET', url: `/v1/payments/${outcome.paymentId}`, headers: t.as(t.keys.client) });
    expect(stored.statusCode).toBe(200);
    const body = stored.json() as { raw: string; decision: string; payment: { parties: { role: string; name?: string }[] } };
    expect(body.raw).toBe(velmurMt103());
    expect(body.decision).toBe('block');
    expect(body.payment.parties).toContainEqual(expect.objectContaining({ role: 'debtor', name: 'VELMUR MANAGEMENT PTE. LTD.' }));

    // The payment's alerts, by its id (GET /v1/alerts?screeningId=).
    const alerts = await t.app.inject({ method: 'GET', url: `/v1/alerts?screeningId=${outcome.paymentId}`, headers: t.as(t.keys.analyst) });
    const ofPayment = (alerts.json() as { alerts: { screeningId: string; entityId: string }[] }).alerts;
    expect(ofPayment.every((a) => a.screeningId === outcome.paymentId)).toBe(true);
    // A hit on an embargoed jurisdiction (FTBDKPPY is a bank in North Korea) is an alert too.
    expect(ofPayment.map((a) => a.entityId).sort()).toEqual(outcome.hits!.map((h) => h.id ?? `jurisdiction:${h.jurisdiction}`).sort());
    expect(hits).toContainEqual(['56A', 'bic-country', null]);
  });

  it('answers a message decided before with the stored decision, opening nothing', async () => {
    const [first] = outcomes(await post(velmurMt103(), 'text/plain'));
    expect(first).toMatchObject({ stored: false, alertsOpened: 0, decision: 'block' });
    const [again] = outcomes(await post(JSON.stringify({ message: velmurMt103() }), 'application/json'));
    expect(again.paymentId).toBe(first.paymentId);
  });

  it('passes an ISO 20022 pacs.009 between banks nobody lists', async () => {
    // Not the pacs.008 twins: the CBPR+ samples give them the UETR of the MT103 decided above.
    const res = await post(sample('mx/wso2_cbpr_p221_pacs009_BtoC.xml'), 'application/xml');
    expect(res.statusCode, res.body).toBe(200);
    expect(outcomes(res)[0]).toMatchObject({ decision: 'pass', hits: [], stored: true, alertsOpened: 0 });
  });

  it('does not hold a payment for a town that is also a listed one-word name (Carol Stream, Buenos Aires)', async () => {
    // The bundled list has a STREAM, an ARIES and a BUENO; these addresses name towns.
    for (const path of ['mx/moov_fednow_pacs008_StructuredRemit.xml', 'mx/prowide_pacs.008.001.07_with_AppHdr.xml']) {
      const [outcome] = outcomes(await post(sample(path), 'application/xml'));
      expect(outcome, path).toMatchObject({ decision: 'pass', hits: [] });
    }
  });

  it('does not hold a payment whose beneficiary is a placeholder (BBBBBBBBBBBBBBBB)', async () => {
    // prowide's anonymised sample; "BBBBBBBBBBBBBBBB" was read as the initial B and held at 0.83.
    const [first] = outcomes(await post(sample('mt/prowide_MT103-bulk-with-ack.rje'), 'text/plain'));
    expect(first.hits!.filter((h) => h.field === '59')).toEqual([]);
  });

  it('screens every message of an RJE batch, and answers 422 naming the one it could not read', async () => {
    const batch = sample('mt/prowide_MT103-out-ack.rje');
    const cut = batch.slice(0, batch.lastIndexOf('-}'));
    const res = await post(cut, 'text/plain');
    expect(res.statusCode, res.body).toBe(422);
    const all = outcomes(res);
    expect(all).toHaveLength(13);
    expect(all.slice(0, 12).every((o) => o.decision !== undefined)).toBe(true);
    expect(all[12].error).toMatchObject({ code: 'PAYMENT_PARSE', reason: expect.any(String) });
    expect(all[12].error!.line ?? all[12].error!.field).toBeDefined();
    expect((res.json() as { message: string }).message).toMatch(/1 of 13 message\(s\) could not be read/);
  });

  it("keeps tenants apart: another client's key neither sees the payment nor shares its decision", async () => {
    const other = await createApiKey(t.store, { role: 'client', name: 'Other bank' }, new Date());
    const [mine] = outcomes(await post(velmurMt103(), 'text/plain'));
    const seen = await t.app.inject({ method: 'GET', url: `/v1/payments/${mine.paymentId}`, headers: t.as(other.key) });
    expect(seen.statusCode).toBe(404);
    const [theirs] = outcomes(await post(velmurMt103(), 'text/plain', other.key));
    expect(theirs).toMatchObject({ stored: true, decision: 'block' });
    expect(theirs.paymentId).not.toBe(mine.paymentId);
  });

  it('lists screened payments for analysts, newest first, by decision', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/v1/payments?decision=block', headers: t.as(t.keys.analyst) });
    expect(res.statusCode, res.body).toBe(200);
    const { total, payments } = res.json() as { total: number; payments: { decision: string }[] };
    expect(total).toBeGreaterThanOrEqual(2);
    expect(payments.every((p) => p.decision === 'block')).toBe(true);
    const asClient = await t.app.inject({ method: 'GET', url: '/v1/payments', headers: t.as(t.keys.client) });
    expect(asClient.statusCode).toBe(403);
  });

  it('refuses a body that is no payment message, naming why', async () => {
    const res = await post('hello', 'text/plain');
    expect(res.statusCode).toBe(422);
    expect(outcomes(res)[0].error!.reason).toMatch(/neither a SWIFT MT message/);
  });
});
