/**
 * @module service.suite
 * The conformance suite for the screening service's records (screenings, alerts, decisions,
 * suppressions, customers, keys, jobs, audit trail), run on SQLite and PostgreSQL like `store.suite.ts`.
 * Tampering tests edit the database directly through `rawSql`, as an attacker with database access would.
 */
import { createHash } from 'node:crypto';
import { EmbargoError, screenedPartyKey } from '@embargo/core';
import { Kysely } from 'kysely';
import { openDialect } from './dialect.js';
import { migrateThrough } from './migrations/index.js';
import { afterEach, describe, expect, it } from 'vitest';
import type { StoreConfig } from './dialect.js';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openAuditKey } from './audit-key.js';
import { auditHash } from './audit-trail.js';
import { CHECKPOINT_FORMAT, parseAuditCheckpoint } from './audit-verification.js';
import { openStore } from './open-store.js';
import { caseSuite } from './case-records.suite.js';
import { ownershipSuite } from './ownership-records.suite.js';
import { paymentSuite } from './payment-records.suite.js';
import type { AlertRecord, ApiKeyRecord, JobRecord, ScreeningRecord, SessionRecord, UserRecord } from './records.js';
import type { Store } from './store.js';

export interface ServiceSuiteOptions {
  newStoreConfig: () => Promise<StoreConfig>;
  /** Runs one SQL statement on the database behind the config, outside the store. */
  rawSql: (config: StoreConfig, statement: string) => Promise<void>;
  /** Whether two stores may write to one database from this one process (not SQLite: one thread). */
  concurrentWriters: boolean;
}

const T0 = '2026-11-28T10:00:00.000Z';

function screening(id: string, overrides: Partial<ScreeningRecord> = {}): ScreeningRecord {
  return {
    id,
    tenant: 'bank-a',
    createdAt: T0,
    actor: 'key-client',
    customerKey: 'C-1',
    input: { name: 'Kim Jong Un', schema: 'Person' },
    publicationIds: [1, 2],
    results: [{ id: 'ofac:22603', score: 0.97, alert: true }],
    alerted: true,
    ...overrides,
  };
}

function alert(id: string, screeningId: string, overrides: Partial<AlertRecord> = {}): AlertRecord {
  return {
    id,
    tenant: 'bank-a',
    createdAt: T0,
    updatedAt: T0,
    screeningId,
    customerKey: 'C-1',
    entityId: 'ofac:22603',
    entityVersion: 'v1',
    source: 'ofac-sdn',
    score: 0.97,
    status: 'open',
    party: { name: 'Kim Jong Un' },
    match: { id: 'ofac:22603', score: 0.97 },
    ...overrides,
  };
}

function job(id: string, total: number): JobRecord {
  return {
    id,
    tenant: 'bank-a',
    createdAt: T0,
    updatedAt: T0,
    actor: 'key-client',
    status: 'queued',
    total,
    completed: 0,
    alerted: 0,
    error: null,
  };
}

export function serviceSuite(name: string, { newStoreConfig, rawSql, concurrentWriters }: ServiceSuiteOptions): void {
  // Screened payments: their own file, as their own topic; run wherever the service records are.
  paymentSuite(name, { newStoreConfig, concurrentWriters });
  // A tenant's ownership graph and the statuses derived from it (issue 15): their own file, likewise.
  ownershipSuite(name, { newStoreConfig, concurrentWriters });
  // Alerts worked as cases (issue 16, point 4): likewise.
  caseSuite(name, { newStoreConfig, rawSql });
  describe(`service records: ${name}`, () => {
    const opened: Store[] = [];
    const open = async (config: StoreConfig) => {
      const store = await openStore(config);
      opened.push(store);
      return store;
    };
    afterEach(async () => {
      await Promise.all(opened.splice(0).map((s) => s.close()));
    });

    it('stores a screening with its alerts and reads both back', async () => {
      const store = await open(await newStoreConfig());
      // A score with all the digits a double has: both databases must give it back exactly.
      const opened = alert('a1', 's1', { score: 0.912345678901234 });
      await store.recordScreening(screening('s1'), [opened]);
      expect(await store.getScreening('s1', null)).toEqual(screening('s1'));
      expect(await store.getScreening('nope', null)).toBeUndefined();
      // As given, with the case the store opened for it (named by its first alert).
      expect(await store.getAlert('a1', null)).toEqual({ ...opened, caseId: 'a1' });
      expect(await store.getAlert('nope', null)).toBeUndefined();
      const trail = await store.listAudit();
      expect(trail.map((r) => [r.kind, r.subject])).toEqual([
        ['screening', 's1'],
        ['alert.open', 'a1'],
      ]);
      expect(JSON.stringify(trail)).not.toContain('Kim Jong Un'); // ids and figures only
    });

    it('filters alerts by status, score, source and customer, newest first', async () => {
      const store = await open(await newStoreConfig());
      await store.recordScreening(screening('s1'), [
        alert('a1', 's1', { score: 0.85 }),
        alert('a0', 's1', { score: 0.9, createdAt: '2026-11-28T09:00:00.000Z' }),
        alert('a2', 's1', { source: 'un-sc', entityId: 'un:KPi.001', createdAt: '2026-11-28T11:00:00.000Z' }),
      ]);
      await store.recordScreening(screening('s2', { customerKey: 'C-2' }), [
        alert('a3', 's2', { customerKey: 'C-2', status: 'escalated' }),
      ]);
      const ids = async (f: Parameters<Store['listAlerts']>[0]) => (await store.listAlerts(f)).map((a) => a.id);
      expect(await ids({})).toEqual(['a2', 'a3', 'a1', 'a0']);
      expect(await ids({ status: 'escalated' })).toEqual(['a3']);
      // A score equal to the minimum is in: scores are stored as 8-byte floats in both databases.
      expect(await ids({ minScore: 0.9 })).toEqual(['a2', 'a3', 'a0']);
      expect((await store.getAlert('a0', null))?.score).toBe(0.9);
      expect(await ids({ source: 'un-sc' })).toEqual(['a2']);
      expect(await ids({ customerKey: 'C-2' })).toEqual(['a3']);
      expect(await ids({ limit: 1, offset: 1 })).toEqual(['a3']);
      expect(await ids({ status: 'open', customerKey: 'C-1', minScore: 0.95 })).toEqual(['a2']);
    });

    it('opens no second alert for a customer on a record version whose alert is still unresolved', async () => {
      const store = await open(await newStoreConfig());
      await store.recordScreening(screening('s1'), [alert('a1', 's1')]);
      // Screened again: same customer, same record, same version → nothing new; another customer does get one.
      await store.recordScreening(screening('s2'), [alert('a2', 's2'), alert('a3', 's2', { customerKey: 'C-9' })]);
      // The record changed (new version) → a new alert beside the open one.
      await store.recordScreening(screening('s3'), [alert('a4', 's3', { entityVersion: 'v2' })]);
      // Once the first is decided, the same version alerts again.
      await store.recordDecision(
        { id: 'd1', alertId: 'a1', decidedAt: T0, actor: 'analyst-1', decision: 'true_match', reason: 'same DOB' },
        { expectedStatus: 'open', status: 'true_match' },
      );
      await store.recordScreening(screening('s4'), [alert('a5', 's4')]);
      // Screenings without a customer open what they find.
      await store.recordScreening(screening('s5', { customerKey: null }), [
        alert('a6', 's5', { customerKey: null }),
        alert('a7', 's5', { customerKey: null }),
      ]);
      expect((await store.listAlerts({})).map((a) => a.id).sort()).toEqual(['a1', 'a3', 'a4', 'a5', 'a6', 'a7']);
      const screenings = (await store.listAudit({ kind: 'screening' })).map((r) => [r.subject, r.details.alerts]);
      expect(screenings).toEqual([
        ['s1', 1],
        ['s2', 1],
        ['s3', 1],
        ['s4', 1],
        ['s5', 2],
      ]);
    });

    it('records a decision, moves the alert and remembers a false positive', async () => {
      const store = await open(await newStoreConfig());
      await store.recordScreening(screening('s1'), [alert('a1', 's1')]);
      const decision = {
        id: 'd1',
        alertId: 'a1',
        decidedAt: '2026-11-28T12:00:00.000Z',
        actor: 'analyst-1',
        person: 'ann',
        decision: 'false_positive' as const,
        reason: 'other DOB',
      };
      const suppression = {
        tenant: 'bank-a',
        customerKey: 'C-1',
        entityId: 'ofac:22603',
        partyFingerprint: 'p1',
        entityVersion: 'v1',
        alertId: 'a1',
        createdAt: decision.decidedAt,
      };
      await store.recordDecision(decision, { expectedStatus: 'open', status: 'false_positive', suppression });
      expect((await store.getAlert('a1', null))?.status).toBe('false_positive');
      expect(await store.decisionsFor('a1')).toEqual([decision]);
      expect(await store.findSuppression('bank-a', 'C-1', 'ofac:22603', 'p1')).toEqual(suppression);
      expect(await store.findSuppression('bank-a', 'C-2', 'ofac:22603', 'p1')).toBeUndefined();
      expect(await store.suppressionsOf('bank-a', ['C-2', 'C-1', 'C-1'])).toEqual([suppression]);
      expect(await store.suppressionsOf('bank-a', [])).toEqual([]);
    });

    it('migration 0005 puts what was stored before in the default tenant, with its client keys and remembered false positives', async () => {
      const config = await newStoreConfig();
      const opened = openDialect(config);
      // eslint-disable-next-line @typescript-eslint/no-explicit-any
      const old = new Kysely<any>({ dialect: opened.dialect });
      try {
        await migrateThrough(old, opened, '0003-users');
        const party = JSON.stringify({ name: 'Kim Jong Un Park', customerKey: '12' });
        await old.insertInto('customers').values({ customer_key: '12', party, created_at: T0, updated_at: T0 }).execute();
        await old
          .insertInto('screenings')
          .values({
            id: 's1',
            created_at: T0,
            actor: 'k-client',
            customer_key: '12',
            input: party,
            publication_ids: '[]',
            results: '[]',
            alerted: 1,
          })
          .execute();
        await old
          .insertInto('alerts')
          .values({
            id: 'a1',
            created_at: T0,
            updated_at: T0,
            screening_id: 's1',
            customer_key: '12',
            entity_id: 'ofac:22603',
            entity_version: 'v1',
            source: 'ofac-sdn',
            score: 0.8,
            status: 'false_positive',
            party,
            match: '{}',
          })
          .execute();
        await old
          .insertInto('suppressions')
          .values({ customer_key: '12', entity_id: 'ofac:22603', entity_version: 'v1', alert_id: 'a1', created_at: T0 })
          .execute();
        for (const [id, role] of [
          ['k-client', 'client'],
          ['k-analyst', 'analyst'],
        ])
          await old.insertInto('api_keys').values({ id, hash: 'h', role, name: id, created_at: T0, revoked_at: null }).execute();
        await old
          .insertInto('jobs')
          .values({
            id: 'j1',
            created_at: T0,
            updated_at: T0,
            actor: 'k-client',
            status: 'done',
            total: 0,
            completed: 0,
            alerted: 0,
            error: null,
          })
          .execute();
      } finally {
        await old.destroy();
      }
      const store = await open(config);
      expect(await store.getCustomer('default', '12')).toMatchObject({ tenant: 'default', party: { name: 'Kim Jong Un Park' } });
      expect(await store.getScreening('s1', 'default')).toMatchObject({ tenant: 'default', customerKey: '12' });
      expect(await store.getAlert('a1', 'default')).toMatchObject({ tenant: 'default', status: 'false_positive' });
      // Migration 0010: each alert stored before cases is a case of its own, named by the alert.
      expect((await store.getAlert('a1', 'default'))?.caseId).toBe('a1');
      const migrated = await store.getCase('a1', 'default');
      expect(migrated?.case).toEqual({ id: 'a1', tenant: 'default', customerKey: '12', assignee: null, createdAt: T0, updatedAt: T0 });
      expect(migrated?.alerts.map((a) => a.id)).toEqual(['a1']);
      expect(await store.getJob('j1', 'default')).toMatchObject({ tenant: 'default' });
      expect((await store.getApiKey('k-client'))?.tenant).toBe('default');
      expect((await store.getApiKey('k-analyst'))?.tenant).toBeNull();
      const fingerprint = createHash('sha256')
        .update(screenedPartyKey({ name: 'Kim Jong Un Park' }))
        .digest('hex');
      expect(await store.suppressionsOf('default', ['12'])).toEqual([
        {
          tenant: 'default',
          customerKey: '12',
          entityId: 'ofac:22603',
          partyFingerprint: fingerprint,
          entityVersion: 'v1',
          alertId: 'a1',
          createdAt: T0,
        },
      ]);
      // Customer key 12 can now be another tenant's customer too.
      await store.upsertCustomers([{ tenant: 'bank-b', customerKey: '12', party: { name: 'Bob' }, createdAt: T0, updatedAt: T0 }], null);
      expect(await store.countCustomers(null)).toBe(2);
    });

    it('keeps customers of two tenants apart: the same key is two customers', async () => {
      const store = await open(await newStoreConfig());
      const c = (tenant: string, name: string) => ({ tenant, customerKey: '12', party: { name }, createdAt: T0, updatedAt: T0 });
      await store.upsertCustomers([c('bank-a', 'Ann Able')], 'key-a');
      await store.upsertCustomers([c('bank-b', 'Bob Baker')], 'key-b');
      expect((await store.getCustomer('bank-a', '12'))?.party).toEqual({ name: 'Ann Able' });
      expect((await store.getCustomer('bank-b', '12'))?.party).toEqual({ name: 'Bob Baker' });
      expect(await store.getCustomer('bank-c', '12')).toBeUndefined();
      expect(await store.countCustomers('bank-a')).toBe(1);
      expect(await store.countCustomers(null)).toBe(2);
      // Across tenants: by tenant, then key; the cursor carries both.
      const all = await store.listCustomers(null, { limit: 1 });
      expect(all.map((x) => [x.tenant, x.customerKey])).toEqual([['bank-a', '12']]);
      const next = await store.listCustomers(null, { after: { tenant: 'bank-a', customerKey: '12' } });
      expect(next.map((x) => [x.tenant, x.customerKey])).toEqual([['bank-b', '12']]);
    });

    it('reads screenings, alerts and jobs within a tenant, or across tenants with null', async () => {
      const store = await open(await newStoreConfig());
      await store.recordScreening(screening('s1'), [alert('a1', 's1')]);
      await store.recordScreening(screening('s2', { tenant: 'bank-b' }), [alert('a2', 's2', { tenant: 'bank-b' })]);
      await store.createJob(job('j1', 0), []);
      expect((await store.getScreening('s1', 'bank-a'))?.tenant).toBe('bank-a');
      expect(await store.getScreening('s1', 'bank-b')).toBeUndefined();
      expect((await store.getAlert('a2', 'bank-b'))?.tenant).toBe('bank-b');
      expect(await store.getAlert('a2', 'bank-a')).toBeUndefined();
      expect((await store.getAlert('a2', null))?.id).toBe('a2');
      expect((await store.listAlerts({ tenant: 'bank-b' })).map((a) => a.id)).toEqual(['a2']);
      expect((await store.listAlerts()).map((a) => a.id).sort()).toEqual(['a1', 'a2']);
      expect((await store.getJob('j1', 'bank-a'))?.tenant).toBe('bank-a');
      expect(await store.getJob('j1', 'bank-b')).toBeUndefined();
    });

    it('opens the same customer key in another tenant although one is open in the first', async () => {
      const store = await open(await newStoreConfig());
      await store.recordScreening(screening('s1'), [alert('a1', 's1')]);
      const again = await store.recordScreening(screening('s2'), [alert('a2', 's2')]);
      expect(again.alertsOpened).toBe(0);
      const other = await store.recordScreening(screening('s3', { tenant: 'bank-b' }), [alert('a3', 's3', { tenant: 'bank-b' })]);
      expect(other.alertsOpened).toBe(1);
    });

    it('remembers a false positive for one tenant, customer and screened data only', async () => {
      const store = await open(await newStoreConfig());
      await store.recordScreening(screening('s1'), [alert('a1', 's1')]);
      const decision = { id: 'd1', alertId: 'a1', decidedAt: T0, actor: 'x', decision: 'false_positive' as const, reason: 'other person' };
      const suppression = {
        tenant: 'bank-a',
        customerKey: 'C-1',
        entityId: 'ofac:22603',
        partyFingerprint: 'kim-jong-un-park',
        entityVersion: 'v1',
        alertId: 'a1',
        createdAt: T0,
      };
      await store.recordDecision(decision, { expectedStatus: 'open', status: 'false_positive', suppression });
      expect(await store.findSuppression('bank-a', 'C-1', 'ofac:22603', 'kim-jong-un-park')).toEqual(suppression);
      expect(await store.findSuppression('bank-b', 'C-1', 'ofac:22603', 'kim-jong-un-park')).toBeUndefined();
      expect(await store.findSuppression('bank-a', 'C-1', 'ofac:22603', 'kim-jong-un')).toBeUndefined();
      expect(await store.suppressionsOf('bank-b', ['C-1'])).toEqual([]);
      // A second false positive on other data of the same customer is remembered beside the first.
      await store.recordScreening(screening('s2'), [alert('a2', 's2', { entityVersion: 'v1' })]);
      await store.recordDecision(
        { ...decision, id: 'd2', alertId: 'a2' },
        { expectedStatus: 'open', status: 'false_positive', suppression: { ...suppression, partyFingerprint: 'other', alertId: 'a2' } },
      );
      expect((await store.suppressionsOf('bank-a', ['C-1'])).map((x) => x.partyFingerprint).sort()).toEqual(['kim-jong-un-park', 'other']);
    });

    it('refuses a decision on an alert whose status moved meanwhile, and one on an unknown alert', async () => {
      const store = await open(await newStoreConfig());
      await store.recordScreening(screening('s1'), [alert('a1', 's1')]);
      const d = (id: string) => ({
        id,
        alertId: 'a1',
        decidedAt: T0,
        actor: 'x',
        person: 'x',
        decision: 'true_match' as const,
        reason: 'r',
      });
      await store.recordDecision(d('d1'), { expectedStatus: 'open', status: 'true_match' });
      const error = await store.recordDecision(d('d2'), { expectedStatus: 'open', status: 'true_match' }).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(EmbargoError);
      expect(error).toMatchObject({ code: 'STORE_CONFLICT' });
      expect(await store.decisionsFor('a1')).toHaveLength(1);
      await expect(
        store.recordDecision({ ...d('d3'), alertId: 'zz' }, { expectedStatus: 'open', status: 'true_match' }),
      ).rejects.toMatchObject({
        code: 'NOT_FOUND',
      });
    });

    it('upserts customers by key and pages through them', async () => {
      const store = await open(await newStoreConfig());
      const c = (key: string, name: string) => ({ tenant: 'bank-a', customerKey: key, party: { name }, createdAt: T0, updatedAt: T0 });
      await store.upsertCustomers([c('B', 'Bob'), c('A', 'Ann'), c('C', 'Cy')], 'admin');
      await store.upsertCustomers([{ ...c('B', 'Robert'), updatedAt: '2026-11-29T00:00:00.000Z' }], 'admin');
      expect(await store.countCustomers('bank-a')).toBe(3);
      expect((await store.getCustomer('bank-a', 'B'))?.party).toEqual({ name: 'Robert' });
      expect((await store.getCustomer('bank-a', 'B'))?.createdAt).toBe(T0);
      const after = (customerKey: string) => ({ tenant: 'bank-a', customerKey });
      expect((await store.listCustomers('bank-a', { limit: 2 })).map((x) => x.customerKey)).toEqual(['A', 'B']);
      expect((await store.listCustomers('bank-a', { after: after('B') })).map((x) => x.customerKey)).toEqual(['C']);
      expect(await store.listCustomers('bank-a', { after: after('C') })).toEqual([]);
    });

    it('finds customers by a part of their key or name, case ignored, and counts those it finds', async () => {
      const store = await open(await newStoreConfig());
      const c = (tenant: string, key: string, name: string) => ({
        tenant,
        customerKey: key,
        party: { name },
        createdAt: T0,
        updatedAt: T0,
      });
      await store.upsertCustomers(
        [
          c('bank-a', 'K-100', 'JANG Sung Nam'),
          c('bank-a', 'K-101', 'Đặng Văn Hùng'),
          c('bank-a', 'K-102', 'Kim 50% Trading'),
          c('bank-a', 'jang-7', 'Ann Smith'),
          c('bank-b', 'K-200', 'Jang Sung Nam'),
        ],
        'admin',
      );
      const keys = async (matching: string, tenant: string | null = 'bank-a') =>
        (await store.listCustomers(tenant, { matching })).map((x) => x.customerKey);
      // A name (any case, any script) or a key; the other tenant's namesake is not listed.
      expect(await keys('jang')).toEqual(['K-100', 'jang-7']);
      expect(await keys('ĐẶNG')).toEqual(['K-101']);
      expect(await keys('k-10')).toEqual(['K-100', 'K-101', 'K-102']);
      expect(await store.countCustomers('bank-a', 'jang')).toBe(2);
      expect(await store.countCustomers(null, 'sung nam')).toBe(2);
      // % and _ are letters here, not wildcards.
      expect(await keys('50%')).toEqual(['K-102']);
      expect(await keys('%')).toEqual(['K-102']);
      expect(await keys('k_1')).toEqual([]);
      // An empty text is no filter; a renamed customer is found by the new name only.
      expect(await keys('  ')).toHaveLength(4);
      await store.upsertCustomers([c('bank-a', 'K-100', 'Robert Park')], 'admin');
      expect(await keys('jang')).toEqual(['jang-7']);
      expect(await keys('park')).toEqual(['K-100']);
      // Paging continues within the filter.
      expect((await store.listCustomers('bank-a', { matching: 'k-', limit: 2 })).map((x) => x.customerKey)).toEqual(['K-100', 'K-101']);
      expect(
        (await store.listCustomers('bank-a', { matching: 'k-', after: { tenant: 'bank-a', customerKey: 'K-101' } })).map(
          (x) => x.customerKey,
        ),
      ).toEqual(['K-102']);
    });

    it("tells each customer's newest screening and its alerts waiting for a decision, within the tenant", async () => {
      const store = await open(await newStoreConfig());
      const later = '2026-11-29T10:00:00.000Z';
      await store.recordScreening(screening('s1', { customerKey: 'C-1' }), [alert('a1', 's1', { customerKey: 'C-1' })]);
      await store.recordScreening(screening('s2', { customerKey: 'C-1', createdAt: later, alerted: false, results: [] }), []);
      await store.recordScreening(screening('s3', { customerKey: 'C-2' }), [
        alert('a3', 's3', { customerKey: 'C-2', entityId: 'ofac:1' }),
        alert('a4', 's3', { customerKey: 'C-2', entityId: 'ofac:2' }),
        alert('a5', 's3', { customerKey: 'C-2', entityId: 'ofac:3' }),
      ]);
      await store.recordDecision(
        { id: 'd1', alertId: 'a5', decidedAt: later, actor: 'user:ann', person: 'ann', decision: 'false_positive', reason: 'other person' },
        { expectedStatus: 'open', status: 'false_positive' },
      );
      await store.recordDecision(
        { id: 'd2', alertId: 'a4', decidedAt: later, actor: 'user:ann', person: 'ann', decision: 'escalate', reason: 'look closer' },
        { expectedStatus: 'open', status: 'escalated' },
      );
      // The same key in another tenant is another customer.
      await store.recordScreening(screening('s9', { tenant: 'bank-b', customerKey: 'C-1', createdAt: '2026-12-01T00:00:00.000Z' }), [
        alert('a9', 's9', { tenant: 'bank-b', customerKey: 'C-1' }),
      ]);
      expect(await store.customerActivity('bank-a', ['C-2', 'C-1', 'C-3'])).toEqual([
        { customerKey: 'C-2', lastScreening: { id: 's3', at: T0, alerted: true }, openAlerts: 2 },
        { customerKey: 'C-1', lastScreening: { id: 's2', at: later, alerted: false }, openAlerts: 1 },
        { customerKey: 'C-3', lastScreening: null, openAlerts: 0 },
      ]);
      expect(await store.customerActivity('bank-b', ['C-1'])).toEqual([
        { customerKey: 'C-1', lastScreening: { id: 's9', at: '2026-12-01T00:00:00.000Z', alerted: true }, openAlerts: 1 },
      ]);
      expect(await store.customerActivity('bank-a', [])).toEqual([]);
    });

    it('migration 0011 makes the customers registered before it findable by name', async () => {
      const config = await newStoreConfig();
      const opened = openDialect(config);
      // eslint-disable-next-line @typescript-eslint/no-explicit-any
      const old = new Kysely<any>({ dialect: opened.dialect });
      try {
        await migrateThrough(old, opened, '0008-ownership');
        for (const [key, name] of [
          ['12', 'Kim Jong Un Park'],
          ['13', 'Ann Smith'],
        ])
          await old
            .insertInto('customers')
            .values({ tenant: 'bank-a', customer_key: key, party: JSON.stringify({ name }), created_at: T0, updated_at: T0 })
            .execute();
      } finally {
        await old.destroy();
      }
      const store = await open(config);
      expect((await store.listCustomers('bank-a', { matching: 'JONG UN' })).map((c) => c.customerKey)).toEqual(['12']);
      expect(await store.countCustomers('bank-a', 'smith')).toBe(1);
    });

    it('counts a customer given twice in one upsert once, with the party given last', async () => {
      const store = await open(await newStoreConfig());
      const c = (key: string, name: string) => ({ tenant: 'bank-a', customerKey: key, party: { name }, createdAt: T0, updatedAt: T0 });
      await store.upsertCustomers([c('A', 'Ann'), c('B', 'Bob'), c('A', 'Anna')], 'admin');
      expect(await store.listCustomers('bank-a')).toEqual([c('A', 'Anna'), c('B', 'Bob')]);
      await store.upsertCustomers([], 'admin');
      const trail = await store.listAudit({ kind: 'customer.register' });
      expect(trail.map((r) => [r.subject, r.details])).toEqual([['2 customers', { count: 2, tenants: ['bank-a'] }]]);
    });

    it('saves, lists and revokes API keys, auditing both', async () => {
      const store = await open(await newStoreConfig());
      const key: ApiKeyRecord = {
        id: 'k1',
        hash: '$argon2id$…',
        role: 'analyst',
        name: 'Ann',
        tenant: null,
        person: 'ann',
        createdAt: T0,
        revokedAt: null,
      };
      await store.saveApiKey(key, null);
      expect(await store.getApiKey('k1')).toEqual(key);
      await store.revokeApiKey('k1', '2026-11-29T00:00:00.000Z', 'admin');
      expect((await store.listApiKeys()).map((k) => k.revokedAt)).toEqual(['2026-11-29T00:00:00.000Z']);
      await expect(store.revokeApiKey('k2', T0, null)).rejects.toMatchObject({ code: 'NOT_FOUND' });
      expect((await store.listAudit()).map((r) => r.kind)).toEqual(['key.create', 'key.revoke']);
    });

    it('saves users, refuses a taken username, and keeps sessions by token hash until they are signed out or expire', async () => {
      const store = await open(await newStoreConfig());
      const ann: UserRecord = {
        username: 'ann',
        passwordHash: '$argon2id$…',
        role: 'analyst',
        tenant: null,
        createdAt: T0,
        disabledAt: null,
      };
      await store.saveUser(ann, 'admin-key');
      await expect(store.saveUser({ ...ann, role: 'admin' }, null)).rejects.toMatchObject({ code: 'STORE_CONFLICT' });
      expect(await store.getUser('ann')).toEqual(ann);
      expect(await store.getUser('bob')).toBeUndefined();
      expect(await store.listUsers()).toEqual([ann]);

      const old: SessionRecord = { tokenHash: 'h-old', username: 'ann', createdAt: T0, expiresAt: '2026-11-28T12:00:00.000Z' };
      await store.createSession(old);
      expect(await store.getSession('h-old')).toEqual({ session: old, user: ann });
      // A later sign-in drops the sessions that have expired by then.
      const later: SessionRecord = {
        tokenHash: 'h-new',
        username: 'ann',
        createdAt: '2026-11-29T00:00:00.000Z',
        expiresAt: '2026-11-29T08:00:00.000Z',
      };
      await store.createSession(later);
      expect(await store.getSession('h-old')).toBeUndefined();
      await store.deleteSession('h-new');
      expect(await store.getSession('h-new')).toBeUndefined();
      await store.deleteSession('h-unknown');
      expect((await store.listAudit()).map((r) => [r.kind, r.actor, r.subject])).toEqual([
        ['user.create', 'admin-key', 'ann'],
        ['user.signin', 'user:ann', 'ann'],
        ['user.signin', 'user:ann', 'ann'],
      ]);
      // Paging back through the trail, newest first, by actor.
      const newest = await store.listAudit({ actor: 'user:ann', newestFirst: true, limit: 1 });
      expect(newest.map((r) => r.seq)).toEqual([3]);
      expect((await store.listAudit({ actor: 'user:ann', before: newest[0].seq })).map((r) => r.seq)).toEqual([2]);
    });

    it('disables a user (ending their sessions at once), enables them again, and resets a password, auditing each', async () => {
      const store = await open(await newStoreConfig());
      const ann: UserRecord = { username: 'ann', passwordHash: 'h1', role: 'analyst', tenant: null, createdAt: T0, disabledAt: null };
      await store.saveUser(ann, 'user:admin');
      await store.createSession({ tokenHash: 't1', username: 'ann', createdAt: T0, expiresAt: '2026-11-28T18:00:00.000Z' });
      const at = '2026-11-28T11:00:00.000Z';
      expect(await store.setUserDisabled('ann', true, at, 'user:admin')).toBe(true);
      expect((await store.getUser('ann'))?.disabledAt).toBe(at);
      expect(await store.getSession('t1')).toBeUndefined();
      // Disabling a disabled user changes nothing and writes no row.
      expect(await store.setUserDisabled('ann', true, '2026-11-28T11:30:00.000Z', 'user:admin')).toBe(false);
      expect((await store.getUser('ann'))?.disabledAt).toBe(at);
      expect(await store.setUserDisabled('ann', false, '2026-11-28T12:00:00.000Z', 'user:admin')).toBe(true);
      expect((await store.getUser('ann'))?.disabledAt).toBeNull();

      await store.createSession({ tokenHash: 't2', username: 'ann', createdAt: T0, expiresAt: '2026-11-28T18:00:00.000Z' });
      await store.setUserPassword('ann', 'h2', { at: '2026-11-28T13:00:00.000Z', generated: true }, 'user:admin');
      expect((await store.getUser('ann'))?.passwordHash).toBe('h2');
      expect(await store.getSession('t2')).toBeUndefined();

      await expect(store.setUserDisabled('bob', true, at, null)).rejects.toMatchObject({ code: 'NOT_FOUND' });
      await expect(store.setUserPassword('bob', 'h', { at, generated: false }, null)).rejects.toMatchObject({ code: 'NOT_FOUND' });
      await expect(store.setUserDisabled('ann', true, 'soon', null)).rejects.toMatchObject({ code: 'INVALID_INPUT' });
      expect((await store.listAudit()).map((r) => [r.kind, r.actor, r.subject, r.details])).toEqual([
        ['user.create', 'user:admin', 'ann', { role: 'analyst', tenant: null }],
        ['user.signin', 'user:ann', 'ann', { expiresAt: '2026-11-28T18:00:00.000Z' }],
        ['user.disable', 'user:admin', 'ann', {}],
        ['user.enable', 'user:admin', 'ann', {}],
        ['user.signin', 'user:ann', 'ann', { expiresAt: '2026-11-28T18:00:00.000Z' }],
        ['user.password', 'user:admin', 'ann', { generated: true }],
      ]);
      expect(await store.verifyAudit()).toEqual({ ok: true, rows: 6 });
    });

    it("lists the audit rows of any of a person's credentials", async () => {
      const store = await open(await newStoreConfig());
      for (const actor of ['user:ann', 'k-ann', 'user:bob', 'k-ann', null])
        await store.appendAudit({ kind: 'x', actor, subject: 's', details: {} }, new Date(T0));
      expect((await store.listAudit({ actors: ['user:ann', 'k-ann'] })).map((r) => r.seq)).toEqual([1, 2, 4]);
      expect((await store.listAudit({ actors: ['user:ann', 'k-ann'], newestFirst: true, limit: 2 })).map((r) => r.seq)).toEqual([4, 2]);
      expect(await store.listAudit({ actors: [] })).toEqual([]);
    });

    it('acknowledges job results chunk by chunk, in order, and lists unfinished jobs', async () => {
      const store = await open(await newStoreConfig());
      const parties = Array.from({ length: 2500 }, (_, i) => ({ name: `Party ${i}` }));
      await store.createJob(job('j1', parties.length), parties);
      await store.createJob({ ...job('j2', 0), status: 'done' }, []);
      expect(await store.getJob('j1', null)).toEqual(job('j1', parties.length));
      expect(await store.getJob('j3', null)).toBeUndefined();
      expect(await store.jobParties('j1', 2498, 10)).toEqual([{ name: 'Party 2498' }, { name: 'Party 2499' }]);
      await store.setJobStatus('j1', 'running');
      const results = (from: number, n: number) => Array.from({ length: n }, (_, k) => ({ index: from + k }));
      await store.saveJobResults('j1', 0, results(0, 2100), [alert('a1', 'j1#5')]);
      await expect(store.saveJobResults('j1', 0, results(0, 10), [])).rejects.toMatchObject({ code: 'STORE_CONFLICT' });
      await store.saveJobResults('j1', 2100, results(2100, 400), []);
      expect(await store.getJob('j1', null)).toMatchObject({ completed: 2500, alerted: 1, status: 'running' });
      expect(await store.jobResults('j1', 2095, 10)).toEqual(results(2095, 10));
      expect((await store.unfinishedJobs()).map((j) => j.id)).toEqual(['j1']);
      await store.setJobStatus('j1', 'done');
      expect(await store.unfinishedJobs()).toEqual([]);
      await expect(store.setJobStatus('j3', 'done')).rejects.toMatchObject({ code: 'NOT_FOUND' });
    });

    it('refuses job results past the last party, and a job whose total is not its number of parties', async () => {
      const store = await open(await newStoreConfig());
      await store.createJob(job('j1', 3), [{ n: 0 }, { n: 1 }, { n: 2 }]);
      await expect(store.saveJobResults('j1', 0, [1, 2, 3, 4], [])).rejects.toMatchObject({ code: 'INVALID_INPUT' });
      await expect(store.saveJobResults('j9', 0, [1], [])).rejects.toMatchObject({ code: 'NOT_FOUND' });
      await expect(store.createJob(job('j2', 5), [{ n: 0 }])).rejects.toMatchObject({ code: 'INVALID_INPUT' });
      expect(await store.getJob('j2', null)).toBeUndefined();
      expect(await store.jobResults('j1', 0, 10)).toEqual([]);
    });

    it('keeps an intact audit chain across appends, and verifies it', async () => {
      const store = await open(await newStoreConfig());
      const appended = [];
      for (let i = 0; i < 5; i++) {
        appended.push(await store.appendAudit({ kind: 'list.load', actor: null, subject: `p${i}`, details: { i } }, new Date(T0)));
      }
      const rows = await store.listAudit();
      expect(rows).toEqual(appended);
      expect(rows[2]).toMatchObject({ seq: 3, at: T0, kind: 'list.load', actor: null, subject: 'p2', details: { i: 2 } });
      expect(rows[2].hash).toMatch(/^[0-9a-f]{64}$/);
      expect(await store.listAudit({ after: 3, limit: 1 })).toEqual([rows[3]]);
      expect(await store.listAudit({ subject: 'p4' })).toEqual([rows[4]]);
      expect(rows.map((r) => r.seq)).toEqual([1, 2, 3, 4, 5]);
      expect(rows[0].prevHash).toBe('');
      for (let i = 1; i < rows.length; i++) expect(rows[i].prevHash).toBe(rows[i - 1].hash);
      expect(await store.verifyAudit()).toEqual({ ok: true, rows: 5 });
    });

    it.skipIf(!concurrentWriters)('chains appends from two stores on one database without a fork', async () => {
      const config = await newStoreConfig();
      const [a, b] = [await open(config), await open(config)];
      await Promise.all(
        Array.from({ length: 40 }, (_, i) => (i % 2 ? a : b).appendAudit({ kind: 'x', actor: null, subject: String(i), details: {} })),
      );
      expect(await a.verifyAudit()).toEqual({ ok: true, rows: 40 });
    });

    it('commits concurrent writes together but rejects only the one that fails', async () => {
      const store = await open(await newStoreConfig());
      await store.recordScreening(screening('s0'), [alert('a0', 's0')]);
      const decide = (id: string) =>
        store.recordDecision(
          { id, alertId: 'a0', decidedAt: T0, actor: 'analyst', decision: 'true_match', reason: 'same person' },
          { expectedStatus: 'open', status: 'true_match' },
        );
      // Issued at once, so all but the first wait for the same transaction. s3 fails on its alert (a1 is
      // taken) after its screening row was written, and the second decision on a0 finds it decided.
      const outcomes = await Promise.allSettled([
        // (Other customers than a0's, whose alert on the same record is open and would not be opened twice.)
        store.recordScreening(screening('s1'), [alert('a1', 's1', { customerKey: 'C-2' })]),
        store.recordScreening(screening('s3'), [alert('a1', 's3', { customerKey: 'C-3' })]),
        decide('d1'),
        decide('d2'),
        store.recordScreening(screening('s2', { alerted: false, results: [] }), []),
      ]);
      expect(outcomes.map((o) => o.status)).toEqual(['fulfilled', 'rejected', 'fulfilled', 'rejected', 'fulfilled']);
      expect(outcomes[3]).toMatchObject({ reason: { code: 'STORE_CONFLICT' } });
      expect(await store.getScreening('s2', null)).toEqual(screening('s2', { alerted: false, results: [] }));
      expect(await store.getScreening('s3', null)).toBeUndefined();
      expect((await store.getAlert('a1', null))?.screeningId).toBe('s1');
      expect((await store.decisionsFor('a0')).map((d) => d.id)).toEqual(['d1']);
      const trail = await store.listAudit();
      expect(trail.map((r) => [r.kind, r.subject])).toEqual([
        ['screening', 's0'],
        ['alert.open', 'a0'],
        ['screening', 's1'],
        ['alert.open', 'a1'],
        ['decision', 'a0'],
        ['screening', 's2'],
      ]);
      expect(await store.verifyAudit()).toEqual({ ok: true, rows: 6 });
    });

    it('verifies the chain while rows are being appended', async () => {
      const config = await newStoreConfig();
      const writer = await open(config);
      // From a second store where the database allows it, so that the appends really run alongside.
      const verifier = concurrentWriters ? await open(config) : writer;
      let appending = true;
      const appends = (async () => {
        for (let i = 0; i < 300; i++) await writer.appendAudit({ kind: 'x', actor: null, subject: String(i), details: { i } });
        appending = false;
      })();
      const verdicts = [];
      do verdicts.push(await verifier.verifyAudit());
      while (appending);
      await appends;
      expect(verdicts.filter((v) => !v.ok)).toEqual([]);
      expect(await verifier.verifyAudit()).toEqual({ ok: true, rows: 300 });
    });

    it('verifies the chain and the decisions while decisions are being recorded', async () => {
      const config = await newStoreConfig();
      const writer = await open(config);
      const verifier = concurrentWriters ? await open(config) : writer;
      const alerts = Array.from({ length: 60 }, (_, i) => alert(`a${i}`, 's1', { score: 0.85, entityId: `e${i}` }));
      await writer.recordScreening(screening('s1'), alerts);
      let deciding = true;
      const decisions = (async () => {
        for (const a of alerts)
          await writer.recordDecision(
            { id: `d-${a.id}`, alertId: a.id, decidedAt: T0, actor: 'k1', person: 'ann', decision: 'true_match', reason: 'same passport' },
            { expectedStatus: 'open', status: 'true_match' },
          );
        deciding = false;
      })();
      const verdicts = [];
      do verdicts.push(await verifier.verifyAudit());
      while (deciding);
      await decisions;
      expect(verdicts.filter((v) => !v.ok)).toEqual([]);
      expect(await verifier.verifyAudit()).toEqual({ ok: true, rows: 1 + 60 + 60 });
    });

    it('refuses a record whose timestamp is not a date, writing nothing', async () => {
      const store = await open(await newStoreConfig());
      await expect(store.recordScreening(screening('s1', { createdAt: 'yesterday' }), [])).rejects.toMatchObject({ code: 'INVALID_INPUT' });
      expect(await store.getScreening('s1', null)).toBeUndefined();
      expect(await store.listAudit()).toEqual([]);
    });

    describe('detects tampering', () => {
      async function trailOf(n: number) {
        const config = await newStoreConfig();
        const store = await open(config);
        for (let i = 1; i <= n; i++) await store.appendAudit({ kind: 'decision', actor: `analyst-${i}`, subject: `a${i}`, details: { i } });
        return { config, store };
      }

      it('an edited row', async () => {
        const { config, store } = await trailOf(5);
        await rawSql(config, `update audit_events set actor = 'someone-else' where seq = 3`);
        expect(await store.verifyAudit()).toMatchObject({ ok: false, firstBad: { seq: 3, reason: expect.stringContaining('edited') } });
      });

      it('an edited row whose hash was recomputed (its signature no longer matches)', async () => {
        const { config, store } = await trailOf(5);
        await rawSql(config, `update audit_events set details = '{"i":99}' where seq = 2`);
        // A forger who recomputes row 2's hash cannot sign it (and breaks the link from row 3). Before
        // rows were signed (migration 0006) this was reported at row 3; the signature now names row 2 itself.
        const rows = await store.listAudit();
        const forged = auditHash({
          seq: 2,
          at: rows[1].at,
          kind: 'decision',
          actor: 'analyst-2',
          subject: 'a2',
          details: '{"i":99}',
          prev_hash: rows[1].prevHash,
        });
        await rawSql(config, `update audit_events set hash = '${forged}' where seq = 2`);
        expect(await store.verifyAudit()).toMatchObject({ ok: false, firstBad: { seq: 2, reason: expect.stringContaining('signature') } });
      });

      it('a deleted middle row', async () => {
        const { config, store } = await trailOf(5);
        await rawSql(config, `delete from audit_events where seq = 2`);
        expect(await store.verifyAudit()).toMatchObject({ ok: false, firstBad: { seq: 2, reason: expect.stringContaining('missing') } });
      });

      it('deleted newest rows', async () => {
        const { config, store } = await trailOf(5);
        await rawSql(config, `delete from audit_events where seq >= 4`);
        expect(await store.verifyAudit()).toMatchObject({ ok: false, rows: 3, firstBad: { seq: 4 } });
      });

      it('a row added at the end outside Embargo, even one that chains', async () => {
        const { config, store } = await trailOf(5);
        const [last] = await store.listAudit({ after: 4 });
        const row = { seq: 6, at: last.at, kind: 'decision', actor: 'intruder', subject: 'a9', details: '{}', prev_hash: last.hash };
        await rawSql(
          config,
          `insert into audit_events (seq, at, kind, actor, subject, details, prev_hash, hash) values ` +
            `(6, '${row.at}', 'decision', 'intruder', 'a9', '{}', '${row.prev_hash}', '${auditHash(row)}')`,
        );
        expect(await store.verifyAudit()).toMatchObject({
          ok: false,
          rows: 5,
          firstBad: { seq: 6, reason: expect.stringContaining('outside') },
        });
      });

      it('the newest row replaced by one with a recomputed hash', async () => {
        const { config, store } = await trailOf(5);
        const [last] = await store.listAudit({ after: 4 });
        const forged = auditHash({ ...last, actor: 'someone-else', details: JSON.stringify(last.details), prev_hash: last.prevHash });
        await rawSql(config, `update audit_events set actor = 'someone-else', hash = '${forged}' where seq = 5`);
        // No later row links to it, but its signature covers the old hash (before signing, only the head caught it).
        expect(await store.verifyAudit()).toMatchObject({ ok: false, firstBad: { seq: 5, reason: expect.stringContaining('signature') } });
      });

      it('the head row deleted', async () => {
        const { config, store } = await trailOf(3);
        await rawSql(config, `delete from audit_head`);
        expect(await store.verifyAudit()).toMatchObject({ ok: false, firstBad: { seq: 4, reason: expect.stringContaining('head') } });
        await expect(store.appendAudit({ kind: 'x', actor: null, subject: 'y', details: {} })).rejects.toMatchObject({
          code: 'STORE_CONFLICT',
        });
      });

      it('two rows swapped', async () => {
        const { config, store } = await trailOf(5);
        await rawSql(config, `update audit_events set seq = 100 where seq = 2`);
        await rawSql(config, `update audit_events set seq = 2 where seq = 3`);
        await rawSql(config, `update audit_events set seq = 3 where seq = 100`);
        expect(await store.verifyAudit()).toMatchObject({ ok: false, firstBad: { seq: 2 } });
      });

      /** A trail with a key, a user and a decision on it, as the server leaves one: 6 rows (the decision is row 5). */
      async function recordsOf() {
        const config = await newStoreConfig();
        const store = await open(config);
        await store.saveApiKey({ id: 'k1', hash: 'h', role: 'client', name: 'Bank', person: 'Bank', createdAt: T0, revokedAt: null }, null);
        await store.saveUser({ username: 'ann', passwordHash: 'h', role: 'analyst', createdAt: T0, disabledAt: null }, null);
        await store.recordScreening(screening('s1'), [alert('a1', 's1', { score: 0.85 })]);
        await store.recordDecision(
          { id: 'd1', alertId: 'a1', decidedAt: T0, actor: 'user:ann', person: 'ann', decision: 'false_positive', reason: 'born 1990' },
          { expectedStatus: 'open', status: 'false_positive' },
        );
        await store.appendAudit({ kind: 'list.load', actor: null, subject: 'p1', details: {} });
        return { config, store };
      }

      it('deleted newest rows with the head moved back to the last row left (its head signature does not match)', async () => {
        const { config, store } = await trailOf(5);
        await rawSql(config, `delete from audit_events where seq >= 4`);
        await rawSql(config, `update audit_head set seq = 3, hash = (select hash from audit_events where seq = 3) where id = 1`);
        expect(await store.verifyAudit()).toMatchObject({
          ok: false,
          rows: 3,
          firstBad: { seq: 4, reason: expect.stringContaining('head moved back') },
        });
      });

      it('every row from one on rewritten with recomputed hashes and head', async () => {
        const { config, store } = await trailOf(5);
        const rows = await store.listAudit();
        let prev = rows[1].hash;
        for (const row of rows.slice(2)) {
          const forged = {
            seq: row.seq,
            at: row.at,
            kind: row.kind,
            actor: 'someone-else',
            subject: row.subject,
            details: JSON.stringify(row.details),
            prev_hash: prev,
          };
          prev = auditHash(forged);
          await rawSql(
            config,
            `update audit_events set actor = 'someone-else', prev_hash = '${forged.prev_hash}', hash = '${prev}' where seq = ${row.seq}`,
          );
        }
        await rawSql(config, `update audit_head set hash = '${prev}' where id = 1`);
        expect(await store.verifyAudit()).toMatchObject({
          ok: false,
          rows: 2,
          firstBad: { seq: 3, reason: expect.stringContaining('signature') },
        });
      });

      it('an emptied trail, when the database holds records the trail should describe', async () => {
        const { config, store } = await recordsOf();
        await rawSql(config, `delete from audit_events`);
        await rawSql(config, `update audit_head set seq = 0, hash = '', signature = null where id = 1`);
        expect(await store.verifyAudit()).toMatchObject({
          ok: false,
          rows: 0,
          mismatch: { table: 'decisions', id: 'd1', reason: expect.stringContaining('no audit row') },
        });
      });

      it('a decision whose reason, person or actor was edited', async () => {
        for (const edit of [`reason = 'same passport'`, `person = 'bob'`, `actor = 'user:bob'`, `decision = 'true_match'`]) {
          const { config, store } = await recordsOf();
          expect(await store.verifyAudit()).toEqual({ ok: true, rows: 6 });
          await rawSql(config, `update decisions set ${edit} where id = 'd1'`);
          expect(await store.verifyAudit()).toMatchObject({
            ok: false,
            mismatch: { table: 'decisions', id: 'd1', reason: expect.stringContaining('differs from the one audit row 5 records') },
          });
        }
      });

      it('a decision deleted, or one added outside Embargo', async () => {
        const { config, store } = await recordsOf();
        await rawSql(config, `delete from decisions where id = 'd1'`);
        expect(await store.verifyAudit()).toMatchObject({ ok: false, mismatch: { id: 'd1', reason: expect.stringContaining('deleted') } });
        await rawSql(
          config,
          `insert into decisions (id, alert_id, decided_at, actor, person, decision, reason) values ('d1', 'a1', '${T0}', 'user:ann', 'ann', 'false_positive', 'born 1990')`,
        );
        await rawSql(
          config,
          `insert into decisions (id, alert_id, decided_at, actor, person, decision, reason) values ('d9', 'a1', '${T0}', 'x', 'x', 'true_match', 'r')`,
        );
        expect(await store.verifyAudit()).toMatchObject({ ok: false, mismatch: { table: 'decisions', id: 'd9' } });
      });

      it("a key's or a user's role raised", async () => {
        const first = await recordsOf();
        await rawSql(first.config, `update api_keys set role = 'admin' where id = 'k1'`);
        expect(await first.store.verifyAudit()).toMatchObject({
          ok: false,
          mismatch: { table: 'api_keys', id: 'k1', reason: expect.stringContaining('created it as client') },
        });
        const second = await recordsOf();
        await rawSql(second.config, `update users set role = 'admin' where username = 'ann'`);
        expect(await second.store.verifyAudit()).toMatchObject({ ok: false, mismatch: { table: 'users', id: 'ann' } });
      });

      it('a revoked key made usable again', async () => {
        const config = await newStoreConfig();
        const store = await open(config);
        await store.saveApiKey({ id: 'k1', hash: 'h', role: 'client', name: 'Bank', person: 'Bank', createdAt: T0, revokedAt: null }, null);
        await store.revokeApiKey('k1', T0, 'admin');
        expect(await store.verifyAudit()).toEqual({ ok: true, rows: 2 });
        await rawSql(config, `update api_keys set revoked_at = null where id = 'k1'`);
        expect(await store.verifyAudit()).toMatchObject({
          ok: false,
          mismatch: { table: 'api_keys', id: 'k1', reason: expect.stringContaining('made usable again') },
        });
      });

      it('a user enabled or disabled outside Embargo', async () => {
        const config = await newStoreConfig();
        const store = await open(config);
        const user = (username: string): UserRecord => ({
          username,
          passwordHash: 'h',
          role: 'analyst',
          tenant: null,
          createdAt: T0,
          disabledAt: null,
        });
        await store.saveUser(user('ann'), null);
        await store.saveUser(user('bob'), null);
        await store.setUserDisabled('ann', true, T0, 'user:admin');
        expect(await store.verifyAudit()).toEqual({ ok: true, rows: 3 });
        await rawSql(config, `update users set disabled_at = null where username = 'ann'`);
        expect(await store.verifyAudit()).toMatchObject({
          ok: false,
          mismatch: { table: 'users', id: 'ann', reason: expect.stringContaining('enabled outside Embargo') },
        });
        await rawSql(config, `update users set disabled_at = '${T0}' where username = 'ann'`);
        await rawSql(config, `update users set disabled_at = '${T0}' where username = 'bob'`);
        expect(await store.verifyAudit()).toMatchObject({
          ok: false,
          mismatch: { table: 'users', id: 'bob', reason: expect.stringContaining('disabled outside Embargo') },
        });
      });

      it('a trail signed with another audit key', async () => {
        const { config } = await trailOf(3);
        const other = await open({ ...config, auditKeyFile: join(mkdtempSync(join(tmpdir(), 'embargo-key-')), 'other.key') });
        expect(await other.verifyAudit()).toMatchObject({ ok: false, firstBad: { seq: 1, reason: expect.stringContaining('audit key') } });
      });
    });

    describe('checkpoints', () => {
      it('a checkpoint vouches for the trail up to its row; later rows are fine', async () => {
        const config = await newStoreConfig();
        const store = await open(config);
        for (let i = 1; i <= 4; i++) await store.appendAudit({ kind: 'list.load', actor: null, subject: `p${i}`, details: {} });
        const checkpoint = await store.auditCheckpoint(new Date(T0));
        expect(checkpoint).toMatchObject({ format: CHECKPOINT_FORMAT, seq: 4, rows: 4, at: T0, keyId: store.auditKeyId() });
        await store.appendAudit({ kind: 'list.load', actor: null, subject: 'p5', details: {} });
        expect(await store.verifyAudit({ checkpoint })).toMatchObject({ ok: true, rows: 5, checkpoint: { ok: true, seq: 4 } });
        // Parsed back from its file as the CLI does.
        expect(parseAuditCheckpoint(JSON.stringify(checkpoint), 'cp.json')).toEqual(checkpoint);
      });

      it('a tail cut and the head set back to an older signed head: only the checkpoint sees it, and names the missing rows', async () => {
        const config = await newStoreConfig();
        const store = await open(config);
        for (let i = 1; i <= 3; i++) await store.appendAudit({ kind: 'list.load', actor: null, subject: `p${i}`, details: {} });
        // An insider copies the head (signed by the store) while the trail has three rows …
        const [old] = await store.listAudit({ after: 2 });
        const oldHead = await store.auditCheckpoint(); // the same seq and hash as the head row holds now
        for (let i = 4; i <= 5; i++) await store.appendAudit({ kind: 'list.load', actor: null, subject: `p${i}`, details: {} });
        const checkpoint = await store.auditCheckpoint();
        // … and later cuts rows 4–5 and puts that head back, signature and all.
        await rawSql(config, `delete from audit_events where seq >= 4`);
        await rawSql(
          config,
          `update audit_head set seq = 3, hash = '${old.hash}', signature = '${headSignatureOf(config, 3, old.hash)}' where id = 1`,
        );
        expect(oldHead.headHash).toBe(old.hash);
        const verdict = await store.verifyAudit({ checkpoint });
        expect(verdict.ok).toBe(false);
        expect(verdict.checkpoint).toMatchObject({ ok: false, reason: expect.stringContaining('rows 4–5 are missing') });
      });

      it('an emptied trail with its head reset fails against a checkpoint', async () => {
        const config = await newStoreConfig();
        const store = await open(config);
        for (let i = 1; i <= 3; i++) await store.appendAudit({ kind: 'list.load', actor: null, subject: `p${i}`, details: {} });
        const checkpoint = await store.auditCheckpoint();
        await rawSql(config, `delete from audit_events`);
        await rawSql(config, `update audit_head set seq = 0, hash = '', signature = null where id = 1`);
        expect(await store.verifyAudit({ checkpoint })).toMatchObject({
          ok: false,
          checkpoint: { ok: false, reason: expect.stringContaining('the trail is empty, but the checkpoint') },
        });
      });

      it('a checkpoint whose figures were edited, or that another key signed', async () => {
        const config = await newStoreConfig();
        const store = await open(config);
        await store.appendAudit({ kind: 'list.load', actor: null, subject: 'p1', details: {} });
        const checkpoint = await store.auditCheckpoint();
        expect((await store.verifyAudit({ checkpoint: { ...checkpoint, seq: 0, rows: 0 } })).checkpoint).toMatchObject({
          ok: false,
          reason: expect.stringContaining('was altered'),
        });
        expect((await store.verifyAudit({ checkpoint: { ...checkpoint, keyId: '0123456789abcdef' } })).checkpoint).toMatchObject({
          ok: false,
          reason: expect.stringContaining('signed with audit key 0123456789abcdef'),
        });
      });

      it('refuses to checkpoint a broken trail', async () => {
        const { config, store } = await (async () => {
          const c = await newStoreConfig();
          const s = await open(c);
          for (let i = 1; i <= 3; i++) await s.appendAudit({ kind: 'list.load', actor: null, subject: `p${i}`, details: {} });
          return { config: c, store: s };
        })();
        await rawSql(config, `delete from audit_events where seq = 2`);
        await expect(store.auditCheckpoint()).rejects.toMatchObject({ code: 'STORE_CONFLICT', message: expect.stringContaining('row 2') });
      });
    });

    describe('rows written before signing began', () => {
      it('are reported as unsigned, and signing begins with an audit.signing row at the next append', async () => {
        const config = await newStoreConfig();
        const store = await open(config);
        for (let i = 1; i <= 3; i++) await store.appendAudit({ kind: 'list.load', actor: null, subject: `p${i}`, details: {} });
        // As a database migrated from before 0006 has them.
        await rawSql(config, `update audit_events set signature = null`);
        await rawSql(config, `update audit_head set signature = null`);
        expect(await store.verifyAudit()).toEqual({ ok: true, rows: 3, unsignedRows: 3 });
        await store.appendAudit({ kind: 'list.load', actor: null, subject: 'p4', details: {} });
        expect((await store.listAudit({ after: 3 })).map((r) => [r.seq, r.kind, r.details])).toEqual([
          [4, 'audit.signing', { unsignedRows: 3, keyId: store.auditKeyId() }],
          [5, 'list.load', {}],
        ]);
        expect(await store.verifyAudit()).toEqual({ ok: true, rows: 5, unsignedRows: 3 });
        // Stripping the signatures after that point is seen.
        await rawSql(config, `update audit_events set signature = null where seq = 5`);
        expect(await store.verifyAudit()).toMatchObject({ ok: false, firstBad: { seq: 5, reason: expect.stringContaining('not signed') } });
      });
    });

    describe('migration 0006 on a database from before it', () => {
      it('gives earlier keys their name as person, earlier decisions the user or the key’s person, and leaves earlier rows unsigned', async () => {
        const config = await newStoreConfig();
        let store = await open(config);
        await store.saveApiKey(
          { id: 'k1', hash: 'h', role: 'analyst', name: 'Ann laptop', person: 'Ann laptop', createdAt: T0, revokedAt: null },
          null,
        );
        await store.recordScreening(screening('s1'), [
          alert('a1', 's1', { score: 0.85 }),
          alert('a2', 's1', { score: 0.85, entityId: 'un:1' }),
        ]);
        const decided = (id: string, alertId: string, actor: string, person: string) =>
          store.recordDecision(
            { id, alertId, decidedAt: T0, actor, person, decision: 'true_match', reason: 'same passport' },
            { expectedStatus: 'open', status: 'true_match' },
          );
        await decided('d1', 'a1', 'k1', 'Ann laptop');
        await decided('d2', 'a2', 'user:bob', 'bob');
        await store.close();
        // Back to the schema before 0006, data kept.
        for (const statement of [
          'alter table api_keys drop column person',
          'alter table decisions drop column person',
          'alter table audit_events drop column signature',
          'alter table audit_head drop column signature',
          "delete from schema_migrations where name = '0006-persons-and-signatures'",
        ])
          await rawSql(config, statement);
        store = await open(config);
        expect((await store.getApiKey('k1'))?.person).toBe('Ann laptop');
        expect((await store.decisionsFor('a1')).map((d) => d.person)).toEqual(['Ann laptop']);
        expect((await store.decisionsFor('a2')).map((d) => d.person)).toEqual(['bob']);
        expect(await store.verifyAudit()).toEqual({ ok: true, rows: 6, unsignedRows: 6 });
        await store.appendAudit({ kind: 'list.load', actor: null, subject: 'p1', details: {} });
        expect(await store.verifyAudit()).toEqual({ ok: true, rows: 8, unsignedRows: 6 });
      });
    });

    describe('four eyes', () => {
      const proposal = (actor: string, person: string) => ({
        id: 'd1',
        alertId: 'a1',
        decidedAt: T0,
        actor,
        person,
        decision: 'false_positive' as const,
        reason: 'born 1990',
      });
      const approval = (id: string, actor: string, person: string) => ({
        id,
        alertId: 'a1',
        decidedAt: '2026-11-28T10:05:00.000Z',
        actor,
        person,
        decision: 'approve' as const,
        reason: 'agreed',
      });
      const approve = { expectedStatus: 'pending_approval' as const, status: 'false_positive' as const };

      it('refuses, in the transaction that records it, an approval by the person who proposed, with another credential', async () => {
        const store = await open(await newStoreConfig());
        await store.recordScreening(screening('s1'), [alert('a1', 's1')]);
        await store.recordDecision(proposal('key-1', 'ann'), { expectedStatus: 'open', status: 'pending_approval' });
        // Ann's web session, and another key of hers: one person, whatever the credential.
        for (const actor of ['user:ann', 'key-2'])
          await expect(store.recordDecision(approval(`d-${actor}`, actor, 'ann'), approve)).rejects.toMatchObject({
            code: 'FOUR_EYES_REQUIRED',
          });
        expect((await store.getAlert('a1', null))?.status).toBe('pending_approval');
        expect(await store.decisionsFor('a1')).toHaveLength(1);
        await store.recordDecision(approval('d2', 'user:bob', 'bob'), approve);
        expect((await store.getAlert('a1', null))?.status).toBe('false_positive');
        expect((await store.decisionsFor('a1')).map((d) => d.person)).toEqual(['ann', 'bob']);
      });
    });
  });
}

/** The head signature the store would write, computed from the key file beside the database (as an insider who had copied the head). */
function headSignatureOf(config: StoreConfig, seq: number, hash: string): string {
  return openAuditKey(config).signHead(seq, hash);
}
