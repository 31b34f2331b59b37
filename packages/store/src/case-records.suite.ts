/**
 * @module case-records.suite
 * The conformance suite for alerts worked as cases (issue 16, point 4), run on SQLite and PostgreSQL from
 * `serviceSuite`: alerts grouped into cases as they are stored (one customer, three KOMID records, one
 * case), the queue of cases filtered by assignee, assignment, comments, reason codes per tenant, and bulk
 * decisions that store all or nothing, each decision audited with its code.
 */
import { DEFAULT_REASON_CODES, EmbargoError } from '@embargo/core';
import { afterEach, describe, expect, it } from 'vitest';
import type { StoreConfig } from './dialect.js';
import { openStore } from './open-store.js';
import type { AlertRecord, DecisionRecord, ScreeningRecord } from './records.js';
import type { Store } from './store.js';

export interface CaseSuiteOptions {
  newStoreConfig: () => Promise<StoreConfig>;
  /** Runs one SQL statement on the database behind the config, outside the store. */
  rawSql: (config: StoreConfig, statement: string) => Promise<void>;
}

const T0 = '2026-12-07T09:00:00.000Z';
const T1 = '2026-12-07T09:05:00.000Z';

/** KOMID's three records and the links the lists make between them (as the server's `linkedIds` gives them). */
const KOMID = {
  'ofac:9345': { source: 'ofac-sdn', linked: ['un:KPe.001', 'uk:DPR0011'], score: 1 },
  'un:KPe.001': { source: 'un-sc', linked: ['ofac:9345', 'uk:DPR0011'], score: 1 },
  'uk:DPR0011': { source: 'uk-hmt', linked: ['ofac:9345', 'un:KPe.001'], score: 0.95 },
} as const;
type KomidRecord = keyof typeof KOMID;

function screening(id: string, tenant: string, customerKey: string | null): ScreeningRecord {
  return {
    id,
    tenant,
    createdAt: T0,
    actor: 'key-analyst',
    customerKey,
    input: { name: 'Korea Mining Development Trading Corporation' },
    publicationIds: [1],
    results: [],
    alerted: true,
  };
}

function komidAlert(id: string, s: ScreeningRecord, record: KomidRecord, overrides: Partial<AlertRecord> = {}): AlertRecord {
  const r = KOMID[record];
  return {
    id,
    tenant: s.tenant,
    createdAt: s.createdAt,
    updatedAt: s.createdAt,
    screeningId: s.id,
    customerKey: s.customerKey,
    entityId: record,
    entityVersion: 'v1',
    source: r.source,
    score: r.score,
    status: 'open',
    party: { name: 'Korea Mining Development Trading Corporation', customerKey: s.customerKey },
    match: { id: record, score: r.score, linkedIds: [...r.linked] },
    ...overrides,
  };
}

function decision(id: string, alertId: string, overrides: Partial<DecisionRecord> = {}): DecisionRecord {
  return {
    id,
    alertId,
    decidedAt: T1,
    actor: 'user:ann',
    person: 'ann',
    decision: 'false_positive',
    reason: 'Our customer is a mining supplier in Peru',
    reasonCode: 'different-nationality',
    ...overrides,
  };
}

export function caseSuite(name: string, { newStoreConfig, rawSql }: CaseSuiteOptions): void {
  describe(`cases: ${name}`, () => {
    const opened: Store[] = [];
    const open = async () => {
      const store = await openStore(await newStoreConfig());
      opened.push(store);
      return store;
    };
    afterEach(async () => {
      await Promise.all(opened.splice(0).map((s) => s.close()));
    });

    /** One customer screened once: three KOMID alerts. */
    async function komidCustomer(store: Store, tenant = 'bank-a', customerKey = 'C-7', prefix = 'k') {
      const s = screening(`${prefix}-s`, tenant, customerKey);
      const alerts = (Object.keys(KOMID) as KomidRecord[]).map((r, i) => komidAlert(`${prefix}-${i + 1}`, s, r));
      await store.recordScreening(s, alerts);
      return alerts;
    }

    it("groups one customer's three KOMID alerts into one case named by the first", async () => {
      const store = await open();
      const alerts = await komidCustomer(store);
      const found = await store.getCase('k-1', 'bank-a');
      expect(found?.case).toMatchObject({ id: 'k-1', tenant: 'bank-a', customerKey: 'C-7', assignee: null });
      expect(found?.alerts.map((a) => a.entityId).sort()).toEqual(alerts.map((a) => a.entityId).sort());
      for (const a of alerts) expect((await store.getAlert(a.id, 'bank-a'))?.caseId).toBe('k-1');
      // Highest score first.
      expect(found!.alerts.map((a) => a.score)).toEqual([1, 1, 0.95]);
      const trail = await store.listAudit();
      expect(trail.filter((r) => r.kind === 'alert.open').map((r) => r.details.caseId)).toEqual(['k-1', 'k-1', 'k-1']);
    });

    it('a later alert on a linked record joins the unresolved case; once the case is closed a new one opens', async () => {
      const store = await open();
      const s1 = screening('s1', 'bank-a', 'C-7');
      await store.recordScreening(s1, [komidAlert('a1', s1, 'ofac:9345')]);
      const s2 = { ...screening('s2', 'bank-a', 'C-7'), createdAt: T1 };
      await store.recordScreening(s2, [komidAlert('a2', s2, 'un:KPe.001')]);
      expect((await store.getAlert('a2', null))?.caseId).toBe('a1');
      expect((await store.getCase('a1', null))?.alerts.map((a) => a.id).sort()).toEqual(['a1', 'a2']);

      await store.recordDecisions(
        ['a1', 'a2'].map((id, i) => ({
          decision: decision(`d${i}`, id, { decision: 'true_match', reasonCode: 'true-match-confirmed' }),
          change: { expectedStatus: 'open' as const, status: 'true_match' as const },
        })),
      );
      const s3 = { ...screening('s3', 'bank-a', 'C-7'), createdAt: '2026-12-07T10:00:00.000Z' };
      await store.recordScreening(s3, [komidAlert('a3', s3, 'uk:DPR0011')]);
      expect((await store.getAlert('a3', null))?.caseId).toBe('a3');
    });

    it('keeps customers and tenants apart: the same key in two tenants is two cases, and a case of one is not found from the other', async () => {
      const store = await open();
      await komidCustomer(store, 'bank-a', 'C-7', 'a');
      await komidCustomer(store, 'bank-b', 'C-7', 'b');
      await komidCustomer(store, 'bank-a', 'C-8', 'c');
      expect((await store.listCases({ tenant: 'bank-a' })).map((c) => [c.id, c.alerts.length])).toEqual(
        expect.arrayContaining([
          ['a-1', 3],
          ['c-1', 3],
        ]),
      );
      expect((await store.listCases({ tenant: 'bank-a' })).map((c) => c.id)).not.toContain('b-1');
      expect(await store.getCase('b-1', 'bank-a')).toBeUndefined();
      expect((await store.getCase('b-1', null))?.case.tenant).toBe('bank-b');
      await expect(store.assignCase('b-1', 'bank-a', 'ann', { actor: 'user:ann', person: 'ann', at: T1 })).rejects.toMatchObject({
        code: 'NOT_FOUND',
      });
    });

    it('alerts without a customer group by their screening (a batch party, a payment)', async () => {
      const store = await open();
      const s = screening('job-1#4', 'bank-a', null);
      await store.recordScreening(s, [komidAlert('p1', s, 'ofac:9345'), komidAlert('p2', s, 'un:KPe.001')]);
      const t = screening('job-1#5', 'bank-a', null);
      await store.recordScreening(t, [komidAlert('p3', t, 'uk:DPR0011')]);
      expect((await store.getAlert('p2', null))?.caseId).toBe('p1');
      expect((await store.getAlert('p3', null))?.caseId).toBe('p3');
    });

    it('assigns, reassigns and unassigns, filters the queue by assignee, and audits each change', async () => {
      const store = await open();
      await komidCustomer(store, 'bank-a', 'C-7', 'a');
      await komidCustomer(store, 'bank-a', 'C-8', 'b');
      const assigned = await store.assignCase('a-1', 'bank-a', 'ann', { actor: 'user:ann', person: 'ann', at: T1 });
      expect(assigned).toMatchObject({ id: 'a-1', assignee: 'ann', updatedAt: T1 });
      expect((await store.listCases({ tenant: 'bank-a', assignee: 'ann' })).map((c) => c.id)).toEqual(['a-1']);
      expect((await store.listCases({ tenant: 'bank-a', assignee: null })).map((c) => c.id)).toEqual(['b-1']);
      await store.assignCase('a-1', null, 'bob', { actor: 'key-1', person: 'carl', at: T1 });
      await store.assignCase('a-1', 'bank-a', null, { actor: 'user:bob', person: 'bob', at: T1 });
      expect((await store.getCase('a-1', null))?.case.assignee).toBeNull();
      const rows = (await store.listAudit()).filter((r) => r.kind === 'case.assign');
      expect(rows.map((r) => [r.subject, r.actor, r.details])).toEqual([
        ['a-1', 'user:ann', { person: 'ann', from: null, to: 'ann' }],
        ['a-1', 'key-1', { person: 'carl', from: 'ann', to: 'bob' }],
        ['a-1', 'user:bob', { person: 'bob', from: 'bob', to: null }],
      ]);
      expect((await store.verifyAudit()).ok).toBe(true);
    });

    it('lists only the alerts that pass the filter, and only cases with one', async () => {
      const store = await open();
      await komidCustomer(store);
      const highest = await store.listCases({ tenant: 'bank-a', minScore: 0.99 });
      expect(highest.map((c) => c.alerts.map((a) => a.entityId).sort())).toEqual([['ofac:9345', 'un:KPe.001']]);
      expect(await store.listCases({ tenant: 'bank-a', status: 'escalated' })).toEqual([]);
      expect((await store.listCases({ tenant: 'bank-a', source: 'uk-hmt' }))[0].alerts.map((a) => a.id)).toEqual(['k-3']);
    });

    it('keeps comments with author and time, on the case or one of its alerts, audited by digest', async () => {
      const store = await open();
      await komidCustomer(store);
      const comment = {
        id: 'm1',
        tenant: 'bank-a',
        caseId: 'k-1',
        alertId: null,
        writtenAt: T1,
        actor: 'user:ann',
        author: 'ann',
        body: 'Asked the relationship manager for the certificate of incorporation.',
      };
      await store.addComment(comment);
      await store.addComment({ ...comment, id: 'm2', alertId: 'k-2', body: 'UN record: same address in Pyongyang' });
      expect(await store.commentsOf('k-1')).toEqual([
        comment,
        { ...comment, id: 'm2', alertId: 'k-2', body: 'UN record: same address in Pyongyang' },
      ]);
      await expect(store.addComment({ ...comment, id: 'm3', tenant: 'bank-b' })).rejects.toMatchObject({ code: 'NOT_FOUND' });
      await expect(store.addComment({ ...comment, id: 'm4', alertId: 'nope' })).rejects.toMatchObject({ code: 'NOT_FOUND' });
      const rows = (await store.listAudit()).filter((r) => r.kind === 'case.comment');
      expect(rows.map((r) => [r.subject, r.details.commentId, r.details.author])).toEqual([
        ['k-1', 'm1', 'ann'],
        ['k-1', 'm2', 'ann'],
      ]);
      expect(JSON.stringify(rows)).not.toContain('Pyongyang');
    });

    it('gives each tenant the default reason codes until it replaces them, audited, and refuses a malformed list', async () => {
      const store = await open();
      expect(await store.reasonCodes('bank-a')).toEqual(DEFAULT_REASON_CODES);
      const ours = [
        { code: 'different-birth-date', label: 'Different date of birth' },
        { code: 'vessel-not-company', label: 'A vessel, not the company' },
      ];
      await store.replaceReasonCodes('bank-a', ours, { actor: 'key-admin', at: T1 });
      expect(await store.reasonCodes('bank-a')).toEqual(ours);
      expect(await store.reasonCodes('bank-b')).toEqual(DEFAULT_REASON_CODES);
      const refused = await store
        .replaceReasonCodes('bank-a', [{ code: 'A B', label: 'x' }], { actor: 'key-admin', at: T1 })
        .catch((e: unknown) => e);
      expect(refused).toBeInstanceOf(EmbargoError);
      expect((refused as EmbargoError).context.field).toBe('codes/0/code');
      expect(await store.reasonCodes('bank-a')).toEqual(ours);
      const rows = (await store.listAudit()).filter((r) => r.kind === 'reason-codes.replace');
      expect(rows.map((r) => [r.subject, r.details])).toEqual([['bank-a', { codes: ['different-birth-date', 'vessel-not-company'] }]]);
    });

    it('records bulk decisions all or nothing, each with its reason code in the decision and its audit row', async () => {
      const store = await open();
      await komidCustomer(store);
      const items = ['k-1', 'k-2', 'k-3'].map((id, i) => ({
        decision: decision(`d${i}`, id),
        change: { expectedStatus: 'open' as const, status: 'pending_approval' as const },
      }));
      // The third alert was decided meanwhile: nothing of the bulk is stored.
      const stale = [
        ...items.slice(0, 2),
        { ...items[2], change: { expectedStatus: 'escalated' as const, status: 'pending_approval' as const } },
      ];
      await expect(store.recordDecisions(stale)).rejects.toMatchObject({ code: 'STORE_CONFLICT' });
      expect(await store.decisionsFor('k-1')).toEqual([]);
      expect((await store.getAlert('k-1', null))?.status).toBe('open');

      await store.recordDecisions(items);
      expect(await store.decisionsFor('k-2')).toEqual([items[1].decision]);
      expect((await store.getCase('k-1', null))?.alerts.map((a) => a.status)).toEqual([
        'pending_approval',
        'pending_approval',
        'pending_approval',
      ]);
      const rows = (await store.listAudit()).filter((r) => r.kind === 'decision');
      expect(rows.map((r) => [r.subject, r.details.reasonCode])).toEqual([
        ['k-1', 'different-nationality'],
        ['k-2', 'different-nationality'],
        ['k-3', 'different-nationality'],
      ]);

      // Four eyes still per alert, under the writer lock: the proposer's own approval in a bulk refuses it all.
      const approvals = ['k-1', 'k-2'].map((id, i) => ({
        decision: decision(`ap${i}`, id, { decision: 'approve', person: i === 0 ? 'bob' : 'ann', reasonCode: 'second-review-agrees' }),
        change: { expectedStatus: 'pending_approval' as const, status: 'false_positive' as const },
      }));
      await expect(store.recordDecisions(approvals)).rejects.toMatchObject({ code: 'FOUR_EYES_REQUIRED' });
      expect((await store.getAlert('k-1', null))?.status).toBe('pending_approval');
      await store.recordDecisions([approvals[0]]);
      expect((await store.getAlert('k-1', null))?.status).toBe('false_positive');
      expect((await store.verifyAudit()).ok).toBe(true);
    });

    it('verifyAudit names a decision whose reason code was edited in the database', async () => {
      const config = await newStoreConfig();
      const store = await openStore(config);
      opened.push(store);
      await komidCustomer(store);
      await store.recordDecision(decision('d1', 'k-1'), { expectedStatus: 'open', status: 'pending_approval' });
      expect((await store.verifyAudit()).ok).toBe(true);
      await rawSql(config, `update decisions set reason_code = 'common-name' where id = 'd1'`);
      const verified = await store.verifyAudit();
      expect(verified.ok).toBe(false);
      expect(verified.mismatch?.reason).toMatch(/decisions d1: its reason code differs/);
    });
  });
}
