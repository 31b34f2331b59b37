/**
 * @module payment-records.suite
 * The conformance suite for screened payments (`recordPaymentScreening`, `recordPaymentScreenings` in
 * batches, and their reads), run on SQLite and PostgreSQL from `serviceSuite`: a decision per message,
 * stored once per tenant and message id, with its alerts in the queue and its rows in the audit trail.
 */
import { afterEach, describe, expect, it } from 'vitest';
import type { StoreConfig } from './dialect.js';
import { openStore } from './open-store.js';
import type { AlertRecord, PaymentRecord, PaymentScreeningOutcome } from './records.js';
import type { Store } from './store.js';

export interface PaymentSuiteOptions {
  newStoreConfig: () => Promise<StoreConfig>;
  /** Whether two stores may write to one database from this one process (not SQLite: one thread). */
  concurrentWriters: boolean;
}

const T0 = '2026-12-01T10:00:00.000Z';

/** An MT103 as received: CRLF line ends, a name in a script beside Latin. */
const RAW_MT103 = [
  '{1:F01BANKGB2LAXXX0000000000}{2:I103BANKDEFFXXXXN}{4:',
  ':20:REF-1',
  ':32A:261201EUR1000,00',
  ':50K:/12345678',
  'KIM JONG UN',
  ':59:/DE89370400440532013000',
  'Müller GmbH 김정은',
  ':70:INVOICE 42',
  '-}',
].join('\r\n');

function payment(id: string, messageId: string, overrides: Partial<PaymentRecord> = {}): PaymentRecord {
  return {
    id,
    tenant: 'bank-a',
    messageId,
    format: 'MT103',
    decision: 'hold',
    hits: [
      {
        source: '50K',
        text: 'KIM JONG UN',
        rule: 'party-name',
        action: 'hold',
        score: 0.97,
        role: 'debtor',
        id: 'ofac:22603',
        reason: '…',
      },
      { source: '70/1', text: 'KIM JONG UN', rule: 'text-name', action: 'hold', score: 0.93, id: 'ofac:22603', reason: '…' },
    ],
    payment: {
      messageId,
      format: 'MT103',
      reference: 'REF-1',
      amount: { currency: 'EUR', value: '1000,00' },
      parties: [{ role: 'debtor', kind: 'unknown', source: '50K', name: 'KIM JONG UN', addressLines: [], identifiers: [] }],
      texts: [{ source: '70', lines: ['INVOICE 42'] }],
      countries: [],
    },
    raw: RAW_MT103,
    screenedAt: T0,
    actor: 'key-worker',
    listsGeneration: 7,
    publicationIds: [1, 2],
    ...overrides,
  };
}

/** An alert of a payment: its id as screeningId, its tenant, no customer. */
function paymentAlert(id: string, of: PaymentRecord, overrides: Partial<AlertRecord> = {}): AlertRecord {
  return {
    id,
    tenant: of.tenant,
    createdAt: of.screenedAt,
    updatedAt: of.screenedAt,
    screeningId: of.id,
    customerKey: null,
    entityId: 'ofac:22603',
    entityVersion: 'v1',
    source: 'ofac-sdn',
    score: 0.97,
    status: 'open',
    party: { name: 'KIM JONG UN', field: '50K' },
    match: { id: 'ofac:22603', score: 0.97 },
    ...overrides,
  };
}

export function paymentSuite(name: string, { newStoreConfig, concurrentWriters }: PaymentSuiteOptions): void {
  describe(`payment records: ${name}`, () => {
    const opened: Store[] = [];
    const open = async (config: StoreConfig) => {
      const store = await openStore(config);
      opened.push(store);
      return store;
    };
    afterEach(async () => {
      await Promise.all(opened.splice(0).map((s) => s.close()));
    });

    it('stores a payment with its alerts and reads it back as given, by id and by message id', async () => {
      const store = await open(await newStoreConfig());
      const p = payment('p1', 'uetr-1');
      const alerts = [paymentAlert('pa1', p), paymentAlert('pa2', p, { source: 'un-sc', entityId: 'un:KPi.033', score: 0.9 })];
      expect(await store.recordPaymentScreening(p, alerts)).toEqual({ stored: true, record: p, alertsOpened: 2 });
      expect(await store.getPayment('p1', null)).toEqual(p);
      expect(await store.getPayment('p1', 'bank-a')).toEqual(p);
      expect(await store.getPayment('nope', null)).toBeUndefined();
      expect(await store.getPaymentByMessageId('bank-a', 'uetr-1')).toEqual(p);
      expect(await store.getPaymentByMessageId('bank-a', 'uetr-2')).toBeUndefined();
      // The alerts are in the queue like a screening's.
      // Read back as given, with the case the store put it in (a payment's hits on one party: one case).
      expect(await store.getAlert('pa1', 'bank-a')).toEqual({ ...alerts[0], caseId: 'pa1' });
      expect((await store.listAlerts({ tenant: 'bank-a' })).map((a) => a.id).sort()).toEqual(['pa1', 'pa2']);
      const trail = await store.listAudit();
      expect(trail.map((r) => [r.kind, r.actor, r.subject])).toEqual([
        ['payment.screen', 'key-worker', 'p1'],
        ['alert.open', null, 'pa1'],
        ['alert.open', null, 'pa2'],
      ]);
      expect(trail[0].details).toEqual({
        messageId: 'uetr-1',
        format: 'MT103',
        decision: 'hold',
        hits: 2,
        alerts: 2,
        publications: [1, 2],
      });
      // Ids and figures only: no name, account or free text of the message.
      for (const text of ['KIM', 'Müller', 'DE89', 'INVOICE']) expect(JSON.stringify(trail)).not.toContain(text);
    });

    it('stores a passed payment without alerts, and one screened against no known lists generation', async () => {
      const store = await open(await newStoreConfig());
      const p = payment('p1', 'uetr-1', { decision: 'pass', hits: [], listsGeneration: null, publicationIds: [], actor: null });
      expect(await store.recordPaymentScreening(p, [])).toEqual({ stored: true, record: p, alertsOpened: 0 });
      expect(await store.getPayment('p1', null)).toEqual(p);
      expect((await store.listAudit()).map((r) => [r.kind, r.details])).toEqual([
        ['payment.screen', { messageId: 'uetr-1', format: 'MT103', decision: 'pass', hits: 0, alerts: 0, publications: [] }],
      ]);
    });

    it('stores a redelivered message once: the second delivery gets the first decision, no alert and no audit row', async () => {
      const store = await open(await newStoreConfig());
      const first = payment('p1', 'uetr-1');
      await store.recordPaymentScreening(first, [paymentAlert('pa1', first)]);
      // Screened again (lists changed meanwhile, say) under a new id: nothing of it is stored.
      const again = payment('p2', 'uetr-1', { decision: 'block', screenedAt: '2026-12-01T11:00:00.000Z', listsGeneration: 8 });
      expect(await store.recordPaymentScreening(again, [paymentAlert('pa2', again)])).toEqual({
        stored: false,
        record: first,
        alertsOpened: 0,
      });
      expect(await store.getPayment('p2', null)).toBeUndefined();
      expect(await store.getAlert('pa2', null)).toBeUndefined();
      expect(await store.countPayments()).toBe(1);
      expect((await store.listAlerts()).map((a) => a.id)).toEqual(['pa1']);
      expect((await store.listAudit()).map((r) => r.subject)).toEqual(['p1', 'pa1']);
      expect(await store.verifyAudit()).toEqual({ ok: true, rows: 2 });
    });

    it('keeps tenants apart: another tenant stores the same message id, and reads by id find only their own', async () => {
      const store = await open(await newStoreConfig());
      const a = payment('p1', 'uetr-1');
      const b = payment('p2', 'uetr-1', { tenant: 'bank-b', decision: 'pass', hits: [] });
      await store.recordPaymentScreening(a, [paymentAlert('pa1', a)]);
      expect(await store.recordPaymentScreening(b, [])).toEqual({ stored: true, record: b, alertsOpened: 0 });
      expect(await store.getPayment('p1', 'bank-b')).toBeUndefined();
      expect(await store.getPayment('p2', 'bank-a')).toBeUndefined();
      expect(await store.getPayment('p2', 'bank-b')).toEqual(b);
      expect(await store.getPaymentByMessageId('bank-a', 'uetr-1')).toEqual(a);
      expect(await store.getPaymentByMessageId('bank-b', 'uetr-1')).toEqual(b);
      expect(await store.getPaymentByMessageId('bank-c', 'uetr-1')).toBeUndefined();
      expect((await store.listPayments({ tenant: 'bank-b' })).map((p) => p.id)).toEqual(['p2']);
      expect(await store.countPayments({ tenant: 'bank-a' })).toBe(1);
      expect(await store.listAlerts({ tenant: 'bank-b' })).toEqual([]);
    });

    it('lists payments newest first, by tenant and decision, in pages, and counts them', async () => {
      const store = await open(await newStoreConfig());
      const at = (hour: number) => `2026-12-01T${String(hour).padStart(2, '0')}:00:00.000Z`;
      const stored = [
        payment('p1', 'm1', { screenedAt: at(9), decision: 'pass', hits: [] }),
        payment('p2', 'm2', { screenedAt: at(11), decision: 'hold' }),
        payment('p3', 'm3', { screenedAt: at(10), decision: 'block' }),
        payment('p4', 'm4', { screenedAt: at(12), decision: 'hold', tenant: 'bank-b' }),
        // Screened in the same millisecond as p2: the id orders them, so pages never overlap.
        payment('p5', 'm5', { screenedAt: at(11), decision: 'pass', hits: [] }),
      ];
      for (const p of stored) await store.recordPaymentScreening(p, []);
      const ids = async (filter: Parameters<Store['listPayments']>[0]) => (await store.listPayments(filter)).map((p) => p.id);
      expect(await ids(undefined)).toEqual(['p4', 'p5', 'p2', 'p3', 'p1']);
      expect(await ids({ tenant: 'bank-a' })).toEqual(['p5', 'p2', 'p3', 'p1']);
      expect(await ids({ decision: 'hold' })).toEqual(['p4', 'p2']);
      expect(await ids({ tenant: 'bank-a', decision: 'pass' })).toEqual(['p5', 'p1']);
      expect(await ids({ tenant: 'bank-a', limit: 2 })).toEqual(['p5', 'p2']);
      expect(await ids({ tenant: 'bank-a', limit: 2, offset: 2 })).toEqual(['p3', 'p1']);
      expect(await ids({ tenant: 'bank-c' })).toEqual([]);
      expect((await store.listPayments({ decision: 'block' }))[0]).toEqual(stored[2]);
      expect(await store.countPayments()).toBe(5);
      expect(await store.countPayments({ tenant: 'bank-a' })).toBe(4);
      expect(await store.countPayments({ decision: 'hold' })).toBe(2);
      expect(await store.countPayments({ tenant: 'bank-a', decision: 'block' })).toBe(1);
      expect(await store.countPayments({ tenant: 'bank-c' })).toBe(0);
    });

    it('keeps a verifiable audit trail across payments, screenings and decisions on payment alerts', async () => {
      const store = await open(await newStoreConfig());
      const held = payment('p1', 'm1');
      await store.recordPaymentScreening(held, [paymentAlert('pa1', held), paymentAlert('pa2', held, { entityId: 'ofac:9' })]);
      await store.recordPaymentScreening(payment('p2', 'm2', { decision: 'pass', hits: [] }), []);
      await store.recordPaymentScreening(payment('p3', 'm1'), []); // a redelivery: nothing appended
      await store.recordScreening(
        {
          id: 's1',
          tenant: 'bank-a',
          createdAt: T0,
          actor: 'key-client',
          customerKey: 'C-1',
          input: { name: 'Kim Jong Un' },
          publicationIds: [1],
          results: [],
          alerted: false,
        },
        [],
      );
      // The payment's alert is decided as any other, four eyes included.
      const decide = (id: string, person: string, decision: 'false_positive' | 'approve', from: 'open' | 'pending_approval') =>
        store.recordDecision(
          { id, alertId: 'pa1', decidedAt: T0, actor: `user:${person}`, person, decision, reason: 'another person' },
          { expectedStatus: from, status: decision === 'approve' ? 'false_positive' : 'pending_approval' },
        );
      await decide('d1', 'ann', 'false_positive', 'open');
      await expect(decide('d2', 'ann', 'approve', 'pending_approval')).rejects.toMatchObject({ code: 'FOUR_EYES_REQUIRED' });
      await decide('d3', 'bob', 'approve', 'pending_approval');
      expect((await store.getAlert('pa1', null))?.status).toBe('false_positive');
      expect((await store.listAudit()).map((r) => r.kind)).toEqual([
        'payment.screen',
        'alert.open',
        'alert.open',
        'payment.screen',
        'screening',
        'decision',
        'decision',
      ]);
      expect(await store.verifyAudit()).toEqual({ ok: true, rows: 7 });
    });

    it('stores one of several deliveries of a message arriving at once; the others get its record', async () => {
      const store = await open(await newStoreConfig());
      const deliveries = Array.from({ length: 5 }, (_, i) => payment(`p${i}`, 'uetr-1', { decision: i % 2 ? 'block' : 'hold' }));
      // Issued together, so they are committed in one group (see write-transaction.ts).
      const answers = await Promise.all(deliveries.map((p, i) => store.recordPaymentScreening(p, [paymentAlert(`pa${i}`, p)])));
      const winners = answers.filter((a) => a.stored);
      expect(winners).toHaveLength(1);
      const winner = winners[0].record;
      for (const a of answers) expect(a.record).toEqual(winner);
      expect(answers.reduce((n, a) => n + a.alertsOpened, 0)).toBe(1);
      expect(await store.countPayments()).toBe(1);
      expect(await store.listAlerts()).toHaveLength(1);
      expect((await store.listAudit({ kind: 'payment.screen' })).map((r) => r.subject)).toEqual([winner.id]);
      expect(await store.verifyAudit()).toEqual({ ok: true, rows: 2 });
    });

    it.skipIf(!concurrentWriters)('stores a message once when two processes screen it at once', async () => {
      const config = await newStoreConfig();
      const [a, b] = [await open(config), await open(config)];
      // Ten messages, each delivered to both stores at once.
      const answers = await Promise.all(
        Array.from({ length: 10 }, (_, m) =>
          [a, b].map((store, s) => {
            const p = payment(`p${m}-${s}`, `uetr-${m}`);
            return store.recordPaymentScreening(p, [paymentAlert(`pa${m}-${s}`, p)]);
          }),
        ).flat(),
      );
      for (let m = 0; m < 10; m++) {
        const pair = answers.slice(2 * m, 2 * m + 2);
        expect(pair.map((x) => x.stored).sort()).toEqual([false, true]);
        expect(pair[0].record).toEqual(pair[1].record);
      }
      expect(await a.countPayments()).toBe(10);
      expect(await a.listAlerts()).toHaveLength(10);
      expect(await a.verifyAudit()).toEqual({ ok: true, rows: 20 });
    });

    it('stores nothing of a payment whose alert cannot be stored, so its redelivery is screened again', async () => {
      const store = await open(await newStoreConfig());
      const first = payment('p1', 'm1');
      await store.recordPaymentScreening(first, [paymentAlert('pa1', first)]);
      const second = payment('p2', 'm2');
      // The alert id is taken: the whole write is rolled back, the payment row with it.
      await expect(store.recordPaymentScreening(second, [paymentAlert('pa1', second)])).rejects.toThrow();
      expect(await store.getPaymentByMessageId('bank-a', 'm2')).toBeUndefined();
      expect((await store.listAudit()).map((r) => r.subject)).toEqual(['p1', 'pa1']);
      expect((await store.recordPaymentScreening(second, [paymentAlert('pa2', second)])).stored).toBe(true);
      expect(await store.verifyAudit()).toEqual({ ok: true, rows: 4 });
    });

    it('refuses an unknown decision, a bad time, and an alert that is not the payment’s, writing nothing', async () => {
      const store = await open(await newStoreConfig());
      const p = payment('p1', 'm1');
      const refused = [
        store.recordPaymentScreening({ ...p, decision: 'maybe' as PaymentRecord['decision'] }, []),
        store.recordPaymentScreening({ ...p, screenedAt: 'yesterday' }, []),
        store.recordPaymentScreening(p, [paymentAlert('pa1', p, { screeningId: 'p9' })]),
        store.recordPaymentScreening(p, [paymentAlert('pa1', p, { tenant: 'bank-b' })]),
        store.recordPaymentScreening(p, [paymentAlert('pa1', p, { customerKey: 'C-1' })]),
      ];
      for (const attempt of refused) await expect(attempt).rejects.toMatchObject({ code: 'INVALID_INPUT' });
      expect(await store.countPayments()).toBe(0);
      expect(await store.listAlerts()).toEqual([]);
      expect(await store.listAudit()).toEqual([]);
    });
    describe('in batches (recordPaymentScreenings)', () => {
      /** Minute `k` after T0, so each item of a batch has its own time and its audit rows can be told apart. */
      const minute = (k: number) => new Date(Date.parse(T0) + k * 60_000).toISOString();

      it('stores a batch of 200 as one by one would: answers in order, a message stored once, alerts and audit rows only for the stored', async () => {
        const store = await open(await newStoreConfig());
        // Every tenth of messages m0…m169 was stored before the batch, one by one.
        const before = new Map<string, PaymentRecord>();
        for (let m = 0; m < 170; m += 10) {
          const p = payment(`old-${m}`, `m${m}`, { decision: 'pass', hits: [] });
          await store.recordPaymentScreening(p, []);
          before.set(p.messageId, p);
        }
        const seqBefore = (await store.listAudit({ newestFirst: true, limit: 1 }))[0].seq;
        // Items 170…199 repeat messages m0…m29 (some stored before, some earlier in this batch); item 7 is another tenant's m7.
        const items = Array.from({ length: 200 }, (_, i) => {
          const decision = (['pass', 'hold', 'block'] as const)[i % 3];
          const p = payment(`b${i}`, `m${i % 170}`, {
            decision,
            hits: decision === 'pass' ? [] : payment('x', 'x').hits,
            screenedAt: minute(i),
            ...(i === 7 ? { tenant: 'bank-b' } : {}),
          });
          const alerts =
            decision === 'pass'
              ? []
              : [paymentAlert(`ba${i}`, p), ...(decision === 'block' ? [paymentAlert(`bb${i}`, p, { entityId: 'un:KPi.033' })] : [])];
          return { record: p, alerts };
        });
        const answers = await store.recordPaymentScreenings(items);

        // The answers one by one would have given, worked out from the first occurrence of each (tenant, message).
        const first = new Map<string, PaymentRecord>([...before].map(([m, p]) => [`bank-a/${m}`, p]));
        const expected = items.map(({ record, alerts }) => {
          const key = `${record.tenant}/${record.messageId}`;
          const earlier = first.get(key);
          if (earlier) return { stored: false, record: earlier, alertsOpened: 0 };
          first.set(key, record);
          return { stored: true, record, alertsOpened: alerts.length };
        });
        expect(answers).toEqual(expected);
        const storedItems = items.filter((_, i) => expected[i].stored);
        expect(storedItems).toHaveLength(170 - 17 + 1); // m7 of bank-a was new too, and bank-b's m7 is its own
        expect(answers.filter((a) => !a.stored)).toHaveLength(200 - storedItems.length);

        // One row per (tenant, message), as first given.
        expect(await store.countPayments()).toBe(17 + storedItems.length);
        expect(await store.countPayments({ tenant: 'bank-b' })).toBe(1);
        for (const { record } of items) {
          expect(await store.getPaymentByMessageId(record.tenant, record.messageId)).toEqual(
            first.get(`${record.tenant}/${record.messageId}`),
          );
        }
        expect(await store.getPayment('b175', null)).toBeUndefined(); // m5, stored earlier in the batch as b5
        expect(await store.getPayment('b180', null)).toBeUndefined(); // m10, stored before the batch

        // Alerts only for the stored ones.
        const alertIds = storedItems.flatMap(({ alerts }) => alerts.map((a) => a.id));
        expect(alertIds.length).toBeGreaterThan(100);
        expect((await store.listAlerts({ limit: 1000 })).map((a) => a.id).sort()).toEqual([...alertIds].sort());
        expect(await store.getAlert('ba172', null)).toBeUndefined(); // item 172 repeats m2 (b2)

        // Audit rows only for the stored ones, in input order, each at its payment's time, and a sound chain.
        const trail = await store.listAudit({ after: seqBefore, limit: 10_000 });
        expect(trail.map((r) => [r.kind, r.subject, r.at])).toEqual(
          storedItems.flatMap(({ record, alerts }) => [
            ['payment.screen', record.id, record.screenedAt],
            ...alerts.map((a) => ['alert.open', a.id, record.screenedAt]),
          ]),
        );
        expect(trail.find((r) => r.subject === 'b2')?.details).toEqual({
          messageId: 'm2',
          format: 'MT103',
          decision: 'block',
          hits: 2,
          alerts: 2,
          publications: [1, 2],
        });
        expect(await store.verifyAudit()).toEqual({ ok: true, rows: 17 + trail.length });
      });

      it('answers a batch wholly stored before, or empty, without writing anything', async () => {
        const store = await open(await newStoreConfig());
        const p = payment('p1', 'm1');
        await store.recordPaymentScreening(p, [paymentAlert('pa1', p)]);
        expect(await store.recordPaymentScreenings([])).toEqual([]);
        const again = [payment('p2', 'm1'), payment('p3', 'm1')].map((record) => ({
          record,
          alerts: [paymentAlert(`a-${record.id}`, record)],
        }));
        expect(await store.recordPaymentScreenings(again)).toEqual([
          { stored: false, record: p, alertsOpened: 0 },
          { stored: false, record: p, alertsOpened: 0 },
        ]);
        expect(await store.countPayments()).toBe(1);
        expect((await store.listAlerts()).map((a) => a.id)).toEqual(['pa1']);
        expect(await store.verifyAudit()).toEqual({ ok: true, rows: 2 });
      });

      it('refuses a whole batch with an invalid item, naming its index, and stores nothing of it', async () => {
        const store = await open(await newStoreConfig());
        const items = Array.from({ length: 5 }, (_, i) => {
          const p = payment(`p${i}`, `m${i}`);
          return { record: p, alerts: [paymentAlert(`pa${i}`, p)] };
        });
        const refusals: [number, typeof items][] = [
          [3, items.map((it, i) => (i === 3 ? { ...it, alerts: [paymentAlert('pa3', it.record, { screeningId: 'p9' })] } : it))],
          [4, items.map((it, i) => (i === 4 ? { ...it, record: { ...it.record, decision: 'maybe' as PaymentRecord['decision'] } } : it))],
          [0, items.map((it, i) => (i === 0 ? { ...it, record: { ...it.record, screenedAt: 'yesterday' } } : it))],
        ];
        for (const [index, batch] of refusals) {
          const refused = store.recordPaymentScreenings(batch);
          await expect(refused).rejects.toMatchObject({ code: 'INVALID_INPUT', context: { item: index } });
          await expect(refused).rejects.toThrow(`Item ${index} of the batch of 5: `);
        }
        expect(await store.countPayments()).toBe(0);
        expect(await store.listAlerts()).toEqual([]);
        expect(await store.listAudit()).toEqual([]);
        // The valid batch is then stored whole.
        expect((await store.recordPaymentScreenings(items)).map((a) => a.stored)).toEqual([true, true, true, true, true]);
      });

      it('stores nothing of a batch one of whose alerts cannot be stored, so every message of it can be stored again', async () => {
        const store = await open(await newStoreConfig());
        const first = payment('p1', 'm1');
        await store.recordPaymentScreening(first, [paymentAlert('pa1', first)]);
        const batch = [payment('p2', 'm2'), payment('p3', 'm3')].map((record) => ({
          record,
          alerts: [paymentAlert(`a-${record.id}`, record)],
        }));
        // The alert id of p3's is taken: the write is rolled back, p2 with it.
        await expect(
          store.recordPaymentScreenings([batch[0], { ...batch[1], alerts: [paymentAlert('pa1', batch[1].record)] }]),
        ).rejects.toThrow();
        expect(await store.countPayments()).toBe(1);
        expect((await store.listAudit()).map((r) => r.subject)).toEqual(['p1', 'pa1']);
        expect((await store.recordPaymentScreenings(batch)).map((a) => a.stored)).toEqual([true, true]);
        expect(await store.verifyAudit()).toEqual({ ok: true, rows: 6 });
      });

      /** Two workers' batches over messages m(from)…m(from+count-1), each payment its own id. */
      const overlapping = (worker: string, from: number, count: number) =>
        Array.from({ length: count }, (_, k) => {
          const p = payment(`${worker}-${from + k}`, `m${from + k}`);
          return { record: p, alerts: [paymentAlert(`${worker}-a${from + k}`, p)] };
        });

      /** Each message of both workers' batches stored exactly once, both answering that one record. */
      async function expectEachStoredOnce(store: Store, batches: ReturnType<typeof overlapping>[], answers: PaymentScreeningOutcome[][]) {
        const byMessage = new Map<string, PaymentScreeningOutcome[]>();
        batches.forEach((batch, b) =>
          batch.forEach(({ record }, k) => byMessage.set(record.messageId, [...(byMessage.get(record.messageId) ?? []), answers[b][k]])),
        );
        for (const [messageId, outcomes] of byMessage) {
          expect(
            outcomes.filter((o) => o.stored),
            messageId,
          ).toHaveLength(1);
          const winner = outcomes.find((o) => o.stored)!.record;
          for (const o of outcomes) expect(o.record).toEqual(winner);
          expect(await store.getPaymentByMessageId('bank-a', messageId)).toEqual(winner);
        }
        expect(await store.countPayments()).toBe(byMessage.size);
        expect(await store.listAlerts({ limit: 1000 })).toHaveLength(byMessage.size);
        expect(await store.listAudit({ kind: 'payment.screen', limit: 10_000 })).toHaveLength(byMessage.size);
        expect(await store.verifyAudit()).toEqual({ ok: true, rows: 2 * byMessage.size });
      }

      it('stores each message once when overlapping batches arrive at once', async () => {
        const store = await open(await newStoreConfig());
        const batches = [overlapping('w1', 0, 60), overlapping('w2', 30, 60), overlapping('w3', 50, 20)];
        // Issued together, so they are committed in one group, each in its savepoint (see write-transaction.ts).
        const answers = await Promise.all(batches.map((batch) => store.recordPaymentScreenings(batch)));
        await expectEachStoredOnce(store, batches, answers);
      });

      it.skipIf(!concurrentWriters)('stores each message once when two processes store overlapping batches at once', async () => {
        const config = await newStoreConfig();
        const [a, b] = [await open(config), await open(config)];
        // Five rounds; in each, both stores get a batch of 40, half of whose messages the other has too.
        const batches = Array.from({ length: 5 }, (_, r) => [overlapping('a', 60 * r, 40), overlapping('b', 60 * r + 20, 40)]);
        const answers = await Promise.all(
          batches.map(([x, y]) => Promise.all([a.recordPaymentScreenings(x), b.recordPaymentScreenings(y)])),
        );
        await expectEachStoredOnce(a, batches.flat(), answers.flat());
      });
    });
  });
}
