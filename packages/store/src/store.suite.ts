/**
 * @module store.suite
 * The conformance suite every store implementation passes (as hono's routers share one case file).
 * `sqlite.test.ts` and `postgres.test.ts` run it, each giving a fresh, empty database per test.
 */
import { EmbargoError } from '@embargo/core';
import { afterEach, describe, expect, it } from 'vitest';
import type { StoreConfig } from './dialect.js';
import { openStore } from './open-store.js';
import { kimJongUn, manyPeople, publicationOf, sampleRelationships, shippingCompany, vessel } from './sample-publications.js';
import type { Store } from './store.js';

export interface StoreSuiteOptions {
  /** Config of a new, empty database; called once per test. */
  newStoreConfig: () => Promise<StoreConfig>;
  /** Config of a database that cannot be reached. */
  unreachableConfig: StoreConfig;
  /** Tests this implementation cannot run, each with the reason. */
  skip?: { concurrentOpen?: string };
}

const at = (iso: string) => ({ loadedAt: new Date(iso) });

export function storeSuite(name: string, { newStoreConfig, unreachableConfig, skip = {} }: StoreSuiteOptions): void {
  describe(`store conformance: ${name}`, () => {
    const opened: Store[] = [];
    const open = async (config: StoreConfig) => {
      const store = await openStore(config);
      opened.push(store);
      return store;
    };
    const fresh = async () => open(await newStoreConfig());
    afterEach(async () => {
      await Promise.all(opened.splice(0).map((s) => s.close()));
    });

    it('saves a publication and reads it back unchanged', async () => {
      const store = await fresh();
      const pub = publicationOf('ofac-sdn', '2023-12-28', [kimJongUn(), vessel(), shippingCompany()], sampleRelationships());
      const saved = await store.savePublication(pub, at('2024-01-02T03:04:05.678Z'));
      expect(saved).toEqual({
        id: expect.any(Number),
        source: 'ofac-sdn',
        published: '2023-12-28',
        loadedAt: '2024-01-02T03:04:05.678Z',
        files: pub.files,
        records: 3,
        schemata: { Person: 1, Vessel: 1, Company: 1 },
        issues: 1,
        current: true,
        missingFiles: [],
      });
      expect(await store.getPublication(saved.id)).toEqual(saved);
      expect(await store.listPublications()).toEqual([saved]);
      expect(await store.loadEntities(saved.id)).toEqual(pub.entities);
      expect(await store.loadRelationships(saved.id)).toEqual(pub.relationships);
    });

    it('keeps list order across insert batches and saves an empty publication', async () => {
      const store = await fresh();
      const people = manyPeople('un', 2_345).reverse();
      const big = await store.savePublication(publicationOf('un-sc', null, people), at('2024-01-01T00:00:00Z'));
      expect(big.records).toBe(2_345);
      expect(big.published).toBeNull();
      expect(await store.loadEntities(big.id)).toEqual(people);

      const empty = { ...publicationOf('uk-hmt', '2024-01-03', []), files: [], issues: [] };
      const saved = await store.savePublication(empty, at('2024-01-03T00:00:00Z'));
      expect(saved).toMatchObject({ records: 0, schemata: {}, issues: 0, files: [], current: true });
      expect(await store.loadEntities(saved.id)).toEqual([]);
      expect(await store.loadRelationships(saved.id)).toEqual([]);
    });

    it('makes the newer publication of a source current and keeps the others', async () => {
      const store = await fresh();
      const old = await store.savePublication(publicationOf('ofac-sdn', '2023-12-28', [kimJongUn()]), at('2024-01-01T00:00:00Z'));
      const un = await store.savePublication(publicationOf('un-sc', '2024-01-02', manyPeople('un', 3)), at('2024-01-02T00:00:00Z'));
      const newer = await store.savePublication(publicationOf('ofac-sdn', '2024-01-05', [vessel()]), at('2024-01-05T00:00:00Z'));

      expect(await store.currentPublications()).toEqual([newer, un]);
      expect((await store.listPublications()).map((p) => [p.id, p.current])).toEqual([
        [newer.id, true],
        [un.id, true],
        [old.id, false],
      ]);
      expect(await store.getPublication(old.id)).toMatchObject({ current: false, records: 1 });
      // The old publication is kept whole for history and diffs.
      expect(await store.loadEntities(old.id)).toEqual([kimJongUn()]);
    });

    it('finds an entity in the current publications only', async () => {
      const store = await fresh();
      const first = await store.savePublication(
        publicationOf('ofac-sdn', '2023-12-28', [kimJongUn(), vessel()]),
        at('2024-01-01T00:00:00Z'),
      );
      expect(await store.getEntity('ofac:22603')).toEqual({ entity: kimJongUn(), publicationId: first.id });

      const renamed = { ...kimJongUn(), caption: 'KIM, Jong-un' };
      const second = await store.savePublication(publicationOf('ofac-sdn', '2024-01-05', [renamed]), at('2024-01-05T00:00:00Z'));
      expect(await store.getEntity('ofac:22603')).toEqual({ entity: renamed, publicationId: second.id });
      // Delisted: the vessel is only in the superseded publication.
      expect(await store.getEntity('ofac:9647')).toBeUndefined();
      expect(await store.getEntity('ofac:0')).toBeUndefined();
    });

    it('lists every publication containing an entity, newest first', async () => {
      const store = await fresh();
      const a = await store.savePublication(publicationOf('ofac-sdn', '2023-12-28', [kimJongUn(), vessel()]), at('2024-01-01T00:00:00Z'));
      const b = await store.savePublication(publicationOf('ofac-sdn', '2024-01-05', [kimJongUn()]), at('2024-01-05T00:00:00Z'));
      await store.savePublication(publicationOf('un-sc', '2024-01-06', manyPeople('un', 2)), at('2024-01-06T00:00:00Z'));

      expect((await store.publicationsContaining('ofac:22603')).map((p) => p.id)).toEqual([b.id, a.id]);
      expect(await store.publicationsContaining('ofac:9647')).toEqual([{ ...a, current: false }]);
      expect(await store.publicationsContaining('un:999')).toEqual([]);
    });

    it('stores nothing of a publication that fails midway and keeps the previous one current', async () => {
      const store = await fresh();
      const before = await store.savePublication(publicationOf('un-sc', '2024-01-01', manyPeople('un', 5)), at('2024-01-01T00:00:00Z'));

      // The bad record comes after the first insert batch, so rows have already been written when it fails.
      const people = manyPeople('un-new', 2_500);
      people[2_100] = { ...people[2_100], caption: null as unknown as string };
      const failing = publicationOf('un-sc', '2024-01-02', people, sampleRelationships());
      await expect(store.savePublication(failing, at('2024-01-02T00:00:00Z'))).rejects.toThrow();

      expect(await store.currentPublications()).toEqual([before]);
      expect(await store.listPublications()).toEqual([before]);
      expect(await store.publicationsContaining('un-new:0')).toEqual([]);
      expect(await store.getEntity('un-new:0')).toBeUndefined();
      // The connection is usable again and the failed id leaves no trace.
      const after = await store.savePublication(publicationOf('un-sc', '2024-01-03', manyPeople('un', 2)), at('2024-01-03T00:00:00Z'));
      expect((await store.currentPublications()).map((p) => p.id)).toEqual([after.id]);
      expect((await store.listPublications()).map((p) => p.id)).toEqual([after.id, before.id]);
    });

    it('puts several publications in force in one transaction, with the audit row and a new generation', async () => {
      const store = await fresh();
      expect(await store.listsGeneration()).toBe(0);
      const un = await store.savePublication(publicationOf('un-sc', '2024-01-01', manyPeople('un', 3)), at('2024-01-01T00:00:00Z'));
      expect(await store.listsGeneration()).toBe(1);
      const { saved, generation } = await store.saveListLoad({
        publications: [
          publicationOf('ofac-sdn', '2024-02-01', [kimJongUn(), vessel()]),
          publicationOf('un-sc', '2024-02-01', manyPeople('un', 4)),
        ],
        loadedAt: new Date('2024-02-02T00:00:00Z'),
        audit: ({ ids, generation }) => [{ kind: 'list.load', actor: 'key-1', subject: `generation ${generation}`, details: { ids } }],
      });
      expect(generation).toBe(2);
      expect(await store.listsGeneration()).toBe(2);
      expect(saved.map((p) => [p.source, p.records, p.current])).toEqual([
        ['ofac-sdn', 2, true],
        ['un-sc', 4, true],
      ]);
      expect((await store.currentPublications()).map((p) => p.id)).toEqual(saved.map((p) => p.id));
      expect((await store.getPublication(un.id))?.current).toBe(false);
      expect(await store.listAudit({ kind: 'list.load' })).toMatchObject([
        { actor: 'key-1', subject: 'generation 2', details: { ids: saved.map((p) => p.id) } },
      ]);
      expect(await store.verifyAudit()).toMatchObject({ ok: true });
    });

    it('leaves the previous set in force when a load fails between sources', async () => {
      const store = await fresh();
      const first = await store.saveListLoad({
        publications: [publicationOf('ofac-sdn', '2024-01-01', [kimJongUn()]), publicationOf('un-sc', '2024-01-01', manyPeople('un', 3))],
        loadedAt: new Date('2024-01-01T00:00:00Z'),
        audit: () => [{ kind: 'list.load', actor: null, subject: 'first', details: {} }],
      });
      // The second source cannot be written (a value JSON cannot hold), after the first one's rows were.
      const broken = manyPeople('un-new', 3);
      broken[2] = { ...broken[2], properties: { name: [{ value: 'x', original: 1n as unknown as string }] } };
      await expect(
        store.saveListLoad({
          publications: [publicationOf('ofac-sdn', '2024-02-01', [kimJongUn(), vessel()]), publicationOf('un-sc', '2024-02-01', broken)],
          loadedAt: new Date('2024-02-01T00:00:00Z'),
          audit: () => [{ kind: 'list.load', actor: null, subject: 'second', details: {} }],
        }),
      ).rejects.toThrow();
      expect(await store.currentPublications()).toEqual(first.saved);
      expect(await store.listPublications()).toHaveLength(2);
      expect(await store.listsGeneration()).toBe(first.generation);
      expect((await store.listAudit({ kind: 'list.load' })).map((r) => r.subject)).toEqual(['first']);
    });

    it('refuses a load checked against lists another load has changed since, storing nothing', async () => {
      const store = await fresh();
      const first = await store.savePublication(publicationOf('un-sc', '2024-01-01', manyPeople('un', 3)), at('2024-01-01T00:00:00Z'));
      const meanwhile = await store.savePublication(publicationOf('un-sc', '2024-01-02', manyPeople('un', 4)), at('2024-01-02T00:00:00Z'));
      await expect(
        store.saveListLoad({
          publications: [publicationOf('un-sc', '2024-01-03', manyPeople('un', 5))],
          loadedAt: new Date('2024-01-03T00:00:00Z'),
          audit: () => [{ kind: 'list.load', actor: null, subject: 'late', details: {} }],
          expectInForce: { 'un-sc': first.id },
        }),
      ).rejects.toMatchObject({ code: 'STORE_CONFLICT' });
      expect((await store.currentPublications()).map((p) => p.id)).toEqual([meanwhile.id]);
      expect(await store.listAudit({ kind: 'list.load' })).toEqual([]);
      // Checked against what is in force (and a source with none yet), it goes through.
      const { saved } = await store.saveListLoad({
        publications: [publicationOf('un-sc', '2024-01-03', manyPeople('un', 5)), publicationOf('ofac-sdn', '2024-01-03', [kimJongUn()])],
        loadedAt: new Date('2024-01-03T00:00:00Z'),
        audit: () => [],
        expectInForce: { 'un-sc': meanwhile.id, 'ofac-sdn': null },
      });
      expect(saved.map((p) => p.source)).toEqual(['un-sc', 'ofac-sdn']);
    });

    it('audits a load whose files were all unchanged without a new generation', async () => {
      const store = await fresh();
      await store.savePublication(publicationOf('un-sc', '2024-01-01', manyPeople('un', 3)), at('2024-01-01T00:00:00Z'));
      const { saved, generation } = await store.saveListLoad({
        publications: [],
        loadedAt: new Date('2024-01-02T00:00:00Z'),
        audit: () => [{ kind: 'list.load', actor: null, subject: 'unchanged', details: { unchanged: ['un-sc'] } }],
      });
      expect(saved).toEqual([]);
      expect(generation).toBe(1);
      expect(await store.listAudit({ kind: 'list.load' })).toMatchObject([{ details: { unchanged: ['un-sc'] } }]);
    });

    it('stores earlier publications as history beside the one in force: never in force, marked, audited, no new generation for them', async () => {
      const store = await fresh();
      const { saved, history, generation } = await store.saveListLoad({
        publications: [publicationOf('ofac-sdn', '2023-12-28', [kimJongUn(), vessel(), shippingCompany()])],
        history: [
          { publication: publicationOf('ofac-sdn', '2015-01-17', [vessel()]), missingFiles: ['add.csv', 'alt.csv'] },
          { publication: publicationOf('ofac-sdn', '2018-01-26', [vessel(), kimJongUn()]), missingFiles: ['add.csv', 'alt.csv'] },
          { publication: publicationOf('un-sc', '2017-07-03', manyPeople('un', 2)), missingFiles: [] },
        ],
        loadedAt: new Date('2024-01-02T00:00:00Z'),
        audit: ({ ids, historyIds }) => [
          ...historyIds.map((id) => ({ kind: 'list.history', actor: 'cli', subject: String(id), details: {} })),
          { kind: 'list.load', actor: 'cli', subject: String(ids[0]), details: {} },
        ],
      });
      expect(generation).toBe(1);
      expect(saved.map((p) => [p.published, p.current, p.missingFiles])).toEqual([['2023-12-28', true, []]]);
      expect(history.map((p) => [p.source, p.published, p.current, p.missingFiles])).toEqual([
        ['ofac-sdn', '2015-01-17', false, ['add.csv', 'alt.csv']],
        ['ofac-sdn', '2018-01-26', false, ['add.csv', 'alt.csv']],
        ['un-sc', '2017-07-03', false, []],
      ]);
      // A history publication of a source with nothing in force does not put it in force either.
      expect((await store.currentPublications()).map((p) => p.id)).toEqual([saved[0].id]);
      expect(await store.getEntity('un:0')).toBeUndefined();
      expect((await store.listAudit({ kind: 'list.history' })).map((r) => r.subject).sort()).toEqual(
        history.map((p) => String(p.id)).sort(),
      );
      // A later load of history alone leaves the publication in force and the generation as they were.
      const later = await store.saveListLoad({
        publications: [],
        history: [{ publication: publicationOf('ofac-sdn', '2021-07-07', [vessel()]), missingFiles: [] }],
        loadedAt: new Date('2024-01-03T00:00:00Z'),
        audit: () => [],
      });
      expect(later.generation).toBe(1);
      expect(await store.listsGeneration()).toBe(1);
      expect((await store.currentPublications()).map((p) => p.id)).toEqual([saved[0].id]);
      expect(await store.listPublications()).toHaveLength(5);
    });

    it('refuses history whose missing files are not a list of names, storing nothing', async () => {
      const store = await fresh();
      await expect(
        store.saveListLoad({
          publications: [publicationOf('un-sc', '2024-01-01', manyPeople('un', 1))],
          history: [
            { publication: publicationOf('un-sc', '2023-01-01', manyPeople('un', 1)), missingFiles: 'alt.csv' as unknown as string[] },
          ],
          loadedAt: new Date('2024-01-02T00:00:00Z'),
          audit: () => [],
        }),
      ).rejects.toMatchObject({ code: 'INVALID_INPUT', message: expect.stringContaining('missingFiles') });
      expect(await store.listPublications()).toEqual([]);
    });

    it('finds the publication each record was first seen in: the earliest published, history included, undated last', async () => {
      const store = await fresh();
      await store.saveListLoad({
        publications: [publicationOf('ofac-sdn', '2023-12-28', [kimJongUn(), vessel(), shippingCompany()])],
        history: [
          { publication: publicationOf('ofac-sdn', '2018-01-26', [vessel(), kimJongUn()]), missingFiles: ['alt.csv'] },
          { publication: publicationOf('ofac-sdn', '2015-01-17', [vessel()]), missingFiles: ['alt.csv'] },
        ],
        loadedAt: new Date('2024-01-02T00:00:00Z'),
        audit: () => [],
      });
      // Loaded later but undated: a dated publication is still the first seen.
      await store.savePublication(publicationOf('ofac-sdn', null, [vessel(), shippingCompany()]), at('2024-02-01T00:00:00Z'));
      const first = await store.firstSeen(['ofac:9647', 'ofac:22603', 'ofac:9322', 'ofac:9647', 'ofac:404']);
      const byId = Object.fromEntries([...first].map(([id, f]) => [id, [f.source, f.published]]));
      expect(byId).toEqual({
        'ofac:9647': ['ofac-sdn', '2015-01-17'],
        'ofac:22603': ['ofac-sdn', '2018-01-26'],
        'ofac:9322': ['ofac-sdn', '2023-12-28'],
      });
      const pubs = await store.listPublications();
      expect(pubs.find((p) => p.id === first.get('ofac:9647')!.publicationId)?.published).toBe('2015-01-17');
      // More ids than one query binds.
      expect((await store.firstSeen(Array.from({ length: 2500 }, (_, i) => `ofac:x${i}`).concat('ofac:9322'))).size).toBe(1);
    });

    it('refuses a load with two publications of one source, storing nothing', async () => {
      const store = await fresh();
      await expect(
        store.saveListLoad({
          publications: [
            publicationOf('un-sc', '2024-01-01', manyPeople('un', 1)),
            publicationOf('un-sc', '2024-01-02', manyPeople('un', 2)),
          ],
          loadedAt: new Date('2024-01-02T00:00:00Z'),
          audit: () => [],
        }),
      ).rejects.toMatchObject({ code: 'INVALID_INPUT' });
      expect(await store.listPublications()).toEqual([]);
    });

    it("reads a publication's entities page by page, in list order", async () => {
      const store = await fresh();
      const people = manyPeople('un', 25);
      const saved = await store.savePublication(publicationOf('un-sc', '2024-01-01', people), at('2024-01-01T00:00:00Z'));
      const pages = [];
      for (let from = 0; from < 25; from += 10) pages.push(...(await store.loadEntities(saved.id, { from, count: 10 })));
      expect(pages).toEqual(people);
      expect(await store.loadEntities(saved.id, { from: 30, count: 10 })).toEqual([]);
    });

    it('refuses a publication that lists an entity twice, storing nothing', async () => {
      const store = await fresh();
      const twice = publicationOf('ofac-sdn', '2024-01-05', [kimJongUn(), vessel(), kimJongUn()]);
      const error = await store.savePublication(twice, at('2024-01-05T00:00:00Z')).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(EmbargoError);
      expect(error).toMatchObject({ code: 'INVALID_INPUT', context: { entityId: 'ofac:22603' } });
      expect(await store.listPublications()).toEqual([]);
    });

    it('answers unknown ids with undefined or NOT_FOUND', async () => {
      const store = await fresh();
      expect(await store.getPublication(42)).toBeUndefined();
      expect(await store.currentPublications()).toEqual([]);
      await expect(store.loadEntities(42)).rejects.toMatchObject({ code: 'NOT_FOUND' });
      await expect(store.loadRelationships(42)).rejects.toMatchObject({ code: 'NOT_FOUND' });
    });

    it('runs migrations once: reopening finds the schema and keeps the data', async () => {
      const config = await newStoreConfig();
      const first = await open(config);
      const saved = await first.savePublication(publicationOf('ofac-sdn', '2023-12-28', [kimJongUn()]), at('2024-01-01T00:00:00Z'));
      await first.close();
      const reopened = await open(config);
      expect(await reopened.listPublications()).toEqual([saved]);
      expect(await reopened.loadEntities(saved.id)).toEqual([kimJongUn()]);
    });

    it.skipIf(skip.concurrentOpen)('opens one fresh database from two stores at once', async () => {
      const config = await newStoreConfig();
      const [first, second] = await Promise.all([open(config), open(config)]);
      const saved = await first.savePublication(publicationOf('ofac-sdn', '2023-12-28', [kimJongUn()]), at('2024-01-01T00:00:00Z'));
      expect(await second.getPublication(saved.id)).toEqual(saved);
    });

    it('reports a database it cannot reach as STORE_UNAVAILABLE', async () => {
      const error = await openStore(unreachableConfig).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(EmbargoError);
      expect(error).toMatchObject({ code: 'STORE_UNAVAILABLE' });
    });
  });
}
