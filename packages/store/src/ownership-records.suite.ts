/**
 * @module ownership-records.suite
 * The conformance suite for a tenant's ownership graph and derived statuses (issue 15), run on SQLite and
 * PostgreSQL from `serviceSuite`: files saved whole and read back exactly (share ranges with their open
 * or closed ends, sources to the row), one tenant's data invisible to another, a file loaded twice stored
 * once, deletion, the statuses in force replaced by evaluation generations, and an audit row for each.
 */
import type { GraphEdge, GraphNode, OwnershipStatements } from '@embargo/core';
import { afterEach, describe, expect, it } from 'vitest';
import type { StoreConfig } from './dialect.js';
import { openStore } from './open-store.js';
import type { OwnershipFileMeta } from './ownership-graph-records.js';
import type { OwnershipStatus, StoredOwnershipStatus } from './ownership-status-records.js';
import type { Store } from './store.js';

export interface OwnershipSuiteOptions {
  newStoreConfig: () => Promise<StoreConfig>;
  /** Whether two stores may write to one database from this one process (not SQLite: one thread). */
  concurrentWriters: boolean;
}

const T0 = '2026-12-07T10:00:00.000Z';
const sha = (c: string) => c.repeat(64);

function meta(fileName: string, sha256: string, overrides: Partial<OwnershipFileMeta> = {}): OwnershipFileMeta {
  return { fileName, format: 'bods-json', sha256, loadedAt: new Date(T0), loadedBy: 'key-analyst', ...overrides };
}

/**
 * A BODS-like register: a designated owner, joint and indirect holdings, a share known only as a range
 * with an exclusive end, control without a share, a director, family and list ties, and a party matched
 * to a listed record. Every optional field of the core's types is set somewhere, so a field the store
 * drops or rounds fails the round trip.
 */
function register(): OwnershipStatements {
  const fromFile = (row: number, statementId: string) => ({ kind: 'file' as const, file: 'register.json', row, statementId });
  const nodes: GraphNode[] = [
    {
      id: 'ofac:9647',
      name: 'KOREA MINING DEVELOPMENT TRADING CORPORATION',
      schema: 'Organization',
      countries: ['kp'],
      designated: true,
      source: { kind: 'list', recordId: 'ofac:9647', file: 'SDN_ADVANCED.XML', text: 'Owned or Controlled By' },
    },
    {
      id: 'bods:acme',
      name: 'Acme Holdings Ltd',
      schema: 'Company',
      countries: ['gb', 'cy'],
      identifiers: [
        { scheme: 'GB-COH', value: '01234567' },
        { scheme: 'XI-LEI', value: '5493001KJTIIGC8Y1R12' },
      ],
      source: fromFile(3, 'st-acme'),
    },
    {
      id: 'bods:kim',
      name: '김철수 (Kim Chol Su)',
      schema: 'Person',
      birthDate: '1962-03',
      countries: ['kp'],
      resolvedTo: { recordId: 'ofac:22603', score: 0.912345678901234, reason: 'name and birth date agree' },
      source: fromFile(4, 'st-kim'),
    },
    { id: 'bods:sub', name: 'Acme Shipping SA', source: fromFile(5, 'st-sub') },
  ];
  const edges: GraphEdge[] = [
    {
      id: 'e-exact',
      kind: 'ownership',
      from: 'ofac:9647',
      to: 'bods:acme',
      share: { min: 33.333333333333336, max: 33.333333333333336, minInclusive: true, maxInclusive: true },
      directness: 'direct',
      source: fromFile(10, 'oo-1'),
      date: '2024-01-31',
    },
    {
      id: 'e-range',
      kind: 'ownership',
      from: 'bods:kim',
      to: 'bods:acme',
      // BODS `exclusiveMinimum: 25, maximum: 50`: more than 25%, at most 50%.
      share: { min: 25, max: 50, minInclusive: false, maxInclusive: true },
      directness: 'indirect',
      jointArrangement: 'ja-1',
      source: fromFile(11, 'oo-2'),
      date: '2023-06',
    },
    { id: 'e-unknown-share', kind: 'ownership', from: 'bods:acme', to: 'bods:sub', directness: 'unknown', source: fromFile(12, 'oo-3') },
    {
      id: 'e-control',
      kind: 'control',
      from: 'bods:kim',
      to: 'bods:sub',
      basis: 'boardAppointment',
      detail: 'appoints majority of board',
      source: fromFile(13, 'oo-4'),
    },
    { id: 'e-director', kind: 'directorship', from: 'bods:kim', to: 'bods:acme', role: 'Director', source: fromFile(14, 'oo-5') },
    { id: 'e-family', kind: 'family', from: 'bods:kim', to: 'ofac:9647', relation: 'brother', source: fromFile(15, 'oo-6') },
    { id: 'e-associate', kind: 'associate', from: 'bods:sub', to: 'ofac:9647', label: 'Associate Of', source: fromFile(16, 'oo-7') },
    {
      id: 'e-list',
      kind: 'listLink',
      from: 'ofac:9647',
      to: 'ofac:22603',
      label: 'Linked To',
      source: { kind: 'list', recordId: 'ofac:9647', text: 'Linked To: KIM, Chol Su.' },
    },
  ];
  return { nodes, edges };
}

/** A second file of the same tenant, naming a party of the first again (its own statement of it). */
function secondRegister(): OwnershipStatements {
  return {
    nodes: [
      { id: 'csv:sub', name: 'Acme Shipping SA', countries: ['pa'], source: { kind: 'file', file: 'second.csv', row: 2 } },
      { id: 'bods:acme', name: 'ACME HOLDINGS LIMITED', source: { kind: 'file', file: 'second.csv', row: 3 } },
    ],
    edges: [
      {
        id: 'csv-3',
        kind: 'ownership',
        from: 'bods:acme',
        to: 'csv:sub',
        share: { min: 50, max: 50, minInclusive: true, maxInclusive: true },
        directness: 'direct',
        source: { kind: 'file', file: 'second.csv', row: 3 },
        date: '2025-02-01',
      },
    ],
  };
}

function status(id: string, regime: string, overrides: Partial<OwnershipStatus> = {}): OwnershipStatus {
  return {
    id,
    name: `Name of ${id}`,
    regime,
    status: 'blocked',
    aggregate: { min: 50, max: 50 },
    proof: [{ designated: 'ofac:9647', path: ['ofac:9647', id], share: '50%', rule: 'OFAC FAQ 401', arithmetic: '50% ≥ 50% ⇒ blocked' }],
    ...overrides,
  };
}

/** What the store answers for a status stored by evaluation `generation` at `at`. */
const stored = (s: OwnershipStatus, generation: number, at = T0): StoredOwnershipStatus => ({ ...s, derivedAt: at, generation });

export function ownershipSuite(name: string, { newStoreConfig, concurrentWriters }: OwnershipSuiteOptions): void {
  describe(`ownership records: ${name}`, () => {
    const opened: Store[] = [];
    const open = async (config?: StoreConfig) => {
      const store = await openStore(config ?? (await newStoreConfig()));
      opened.push(store);
      return store;
    };
    afterEach(async () => {
      await Promise.all(opened.splice(0).map((s) => s.close()));
    });

    describe('files and the graph', () => {
      it('saves a file and gives its graph back exactly: shares, ranges with open ends, sources, matches', async () => {
        const store = await open();
        const graph = register();
        const { stored: saved, file } = await store.saveOwnershipFile('bank-a', meta('register.json', sha('a')), graph);
        expect(saved).toBe(true);
        expect(file).toEqual({
          id: file.id,
          tenant: 'bank-a',
          fileName: 'register.json',
          format: 'bods-json',
          sha256: sha('a'),
          loadedAt: T0,
          loadedBy: 'key-analyst',
          nodes: 4,
          edges: 8,
        });
        expect(await store.loadOwnershipGraph('bank-a')).toEqual(graph);
        // Exactly, not just alike: no field lost or added on the way (toEqual overlooks undefined ones).
        expect(JSON.stringify(await store.loadOwnershipGraph('bank-a'))).toBe(JSON.stringify(graph));
        expect(await store.listOwnershipFiles('bank-a')).toEqual([file]);
      });

      it('records the load in the audit trail with ids and figures, never the parties’ names', async () => {
        const store = await open();
        const { file } = await store.saveOwnershipFile('bank-a', meta('register.json', sha('a')), register());
        const trail = await store.listAudit();
        expect(trail.map((r) => [r.kind, r.actor, r.subject, r.at])).toEqual([['ownership.load', 'key-analyst', String(file.id), T0]]);
        expect(trail[0].details).toEqual({ tenant: 'bank-a', format: 'bods-json', sha256: sha('a'), nodes: 4, edges: 8 });
        for (const text of ['Acme', 'Kim', '김철수', 'KOREA']) expect(JSON.stringify(trail)).not.toContain(text);
        expect(await store.verifyAudit()).toEqual({ ok: true, rows: 1 });
      });

      it('reads every file of the tenant: all nodes, then all edges, in load order, a party once per file that names it', async () => {
        const store = await open();
        const first = register();
        const second = secondRegister();
        await store.saveOwnershipFile('bank-a', meta('register.json', sha('a')), first);
        await store.saveOwnershipFile(
          'bank-a',
          meta('second.csv', sha('b'), { format: 'csv', loadedAt: new Date('2026-12-07T11:00:00Z') }),
          second,
        );
        const graph = await store.loadOwnershipGraph('bank-a');
        expect(graph).toEqual({ nodes: [...first.nodes, ...second.nodes], edges: [...first.edges, ...second.edges] });
        expect(graph.nodes.filter((n) => n.id === 'bods:acme').map((n) => n.name)).toEqual(['Acme Holdings Ltd', 'ACME HOLDINGS LIMITED']);
        expect((await store.listOwnershipFiles('bank-a')).map((f) => f.fileName)).toEqual(['second.csv', 'register.json']);
        await store.saveOwnershipFile('bank-0', meta('other.csv', sha('c'), { format: 'csv' }), secondRegister());
        expect(await store.ownershipTenants()).toEqual(['bank-0', 'bank-a']);
      });

      it('saves a bulk load and reads it back in bounded pages that add up to it', async () => {
        const store = await open();
        // 8,900 edges: nine INSERTs of at most 1,000, pages of 700 rows; 10,100 rows in all, a bulk load
        // after which PostgreSQL's statistics are refreshed.
        const nodes: GraphNode[] = Array.from({ length: 1_200 }, (_, n) => ({
          id: `csv:${n}`,
          name: `Party ${n}`,
          source: { kind: 'file', file: 'big.csv', row: n + 2 },
        }));
        const edges: GraphEdge[] = Array.from({ length: 8_900 }, (_, e) => ({
          id: `csv-edge-${e}`,
          kind: 'ownership',
          from: `csv:${e % 1_200}`,
          to: `csv:${(e * 7 + 1) % 1_200}`,
          share: { min: (e % 1000) / 10, max: (e % 1000) / 10 + 0.1, minInclusive: e % 2 === 0, maxInclusive: e % 3 === 0 },
          directness: 'direct',
          source: { kind: 'file', file: 'big.csv', row: e + 2 },
        }));
        await store.saveOwnershipFile('bank-a', meta('big.csv', sha('c'), { format: 'csv' }), { nodes, edges });
        const pages = [];
        for await (const page of store.ownershipGraphPages('bank-a', 700)) pages.push(page);
        expect(pages.map((p) => [p.nodes.length, p.edges.length])).toEqual([
          [700, 0],
          [500, 0],
          ...Array.from({ length: 12 }, () => [0, 700]),
          [0, 500],
        ]);
        expect({ nodes: pages.flatMap((p) => p.nodes), edges: pages.flatMap((p) => p.edges) }).toEqual({ nodes, edges });
        expect(await store.loadOwnershipGraph('bank-a')).toEqual({ nodes, edges });
        // And by either end, for more nodes than one look-up takes (500).
        const ids = nodes.slice(0, 600).map((n) => n.id);
        expect(await store.ownershipEdgesOf('bank-a', ids, 'from')).toEqual(edges.filter((e) => ids.includes(e.from)));
        expect(await store.ownershipEdgesOf('bank-a', ids, 'to')).toEqual(edges.filter((e) => ids.includes(e.to)));
      });

      it('finds the edges at either end of a party, across files, in load and file order', async () => {
        const store = await open();
        await store.saveOwnershipFile('bank-a', meta('register.json', sha('a')), register());
        await store.saveOwnershipFile('bank-a', meta('second.csv', sha('b'), { format: 'csv' }), secondRegister());
        const ids = (edges: GraphEdge[]) => edges.map((e) => e.id);
        expect(ids(await store.ownershipEdgesOf('bank-a', ['bods:acme'], 'from'))).toEqual(['e-unknown-share', 'csv-3']);
        expect(ids(await store.ownershipEdgesOf('bank-a', ['bods:acme'], 'to'))).toEqual(['e-exact', 'e-range', 'e-director']);
        expect(ids(await store.ownershipEdgesOf('bank-a', ['bods:kim', 'ofac:9647'], 'from'))).toEqual([
          'e-exact',
          'e-range',
          'e-control',
          'e-director',
          'e-family',
          'e-list',
        ]);
        expect(ids(await store.ownershipEdgesOf('bank-a', ['ofac:22603'], 'to'))).toEqual(['e-list']);
        expect(await store.ownershipEdgesOf('bank-a', ['nobody'], 'from')).toEqual([]);
        expect(await store.ownershipEdgesOf('bank-a', [], 'to')).toEqual([]);
        await expect(store.ownershipEdgesOf('bank-a', ['bods:acme'], 'sideways' as 'from')).rejects.toMatchObject({
          code: 'INVALID_INPUT',
        });
      });

      it('stores a file loaded again once: the same bytes answer the first file, and append nothing', async () => {
        const store = await open();
        const first = await store.saveOwnershipFile('bank-a', meta('register.json', sha('a')), register());
        // The same bytes under another name, later, by someone else, even parsed otherwise: nothing is stored.
        const again = await store.saveOwnershipFile(
          'bank-a',
          meta('copy-of-register.json', sha('a'), { loadedAt: new Date('2026-12-08T09:00:00Z'), loadedBy: null }),
          secondRegister(),
        );
        expect(again).toEqual({ stored: false, file: first.file });
        expect(await store.listOwnershipFiles('bank-a')).toEqual([first.file]);
        expect(await store.loadOwnershipGraph('bank-a')).toEqual(register());
        expect((await store.listAudit()).map((r) => r.kind)).toEqual(['ownership.load']);
      });

      it('deletes a file with its graph, keeps the others, records it, and can load it again afterwards', async () => {
        const store = await open();
        const { file: first } = await store.saveOwnershipFile('bank-a', meta('register.json', sha('a')), register());
        const { file: second } = await store.saveOwnershipFile('bank-a', meta('second.csv', sha('b'), { format: 'csv' }), secondRegister());
        await store.deleteOwnershipFile('bank-a', first.id, { actor: 'key-admin', at: new Date('2026-12-07T12:00:00Z') });
        expect(await store.listOwnershipFiles('bank-a')).toEqual([second]);
        expect(await store.loadOwnershipGraph('bank-a')).toEqual(secondRegister());
        expect((await store.ownershipEdgesOf('bank-a', ['bods:acme', 'ofac:9647', 'bods:kim'], 'from')).map((e) => e.id)).toEqual([
          'csv-3',
        ]);
        expect(await store.ownershipEdgesOf('bank-a', ['bods:acme'], 'to')).toEqual([]);
        const deleted = (await store.listAudit({ kind: 'ownership.delete' }))[0];
        expect(deleted).toMatchObject({ actor: 'key-admin', subject: String(first.id), at: '2026-12-07T12:00:00.000Z' });
        expect(deleted.details).toEqual({ tenant: 'bank-a', format: 'bods-json', sha256: sha('a'), nodes: 4, edges: 8 });
        await expect(store.deleteOwnershipFile('bank-a', first.id)).rejects.toMatchObject({ code: 'NOT_FOUND' });
        // Its bytes are no longer stored, so loading them again stores them again.
        expect((await store.saveOwnershipFile('bank-a', meta('register.json', sha('a')), register())).stored).toBe(true);
        expect(await store.verifyAudit()).toEqual({ ok: true, rows: 4 });
      });

      it('refuses a graph it could not give back as given, naming the file and the node or edge, and stores nothing', async () => {
        const store = await open();
        const graph = register();
        const withEdge = (k: number, edge: object) => ({ ...graph, edges: graph.edges.map((e, i) => (i === k ? (edge as GraphEdge) : e)) });
        const refusals: [OwnershipFileMeta, OwnershipStatements, string][] = [
          [meta('register.json', 'ABC'), graph, 'register.json: the sha256 must be 64 lowercase hex digits'],
          [meta('register.json', sha('A')), graph, 'register.json: the sha256'],
          [meta('', sha('a')), graph, 'needs its name'],
          [meta('register.json', sha('a'), { format: '' }), graph, 'register.json: the format'],
          [meta('register.json', sha('a'), { loadedAt: new Date('not a date') }), graph, 'register.json: loadedAt'],
          [
            meta('register.json', sha('a')),
            { ...graph, nodes: [...graph.nodes, graph.nodes[1]] },
            'register.json: node 4 (bods:acme) repeats an id',
          ],
          [
            meta('register.json', sha('a')),
            withEdge(7, { ...graph.edges[7], id: 'e-exact' }),
            'register.json: edge 7 (e-exact) repeats an id',
          ],
          [
            meta('register.json', sha('a')),
            withEdge(2, { ...graph.edges[2], kind: 'owns' }),
            'register.json: edge 2 (e-unknown-share): kind "owns"',
          ],
          [
            meta('register.json', sha('a')),
            withEdge(0, { ...graph.edges[0], share: { ...exactFifty, max: Number.NaN } }),
            'finite numbers',
          ],
          [
            meta('register.json', sha('a')),
            withEdge(3, { ...graph.edges[3], to: '' }),
            'register.json: edge 3 (e-control): "to" names no node',
          ],
          [meta('register.json', sha('a')), withEdge(1, { ...graph.edges[1], id: '' }), 'register.json: edge 1 has no id'],
          [
            meta('register.json', sha('a')),
            {
              ...graph,
              nodes: graph.nodes.map((n, i) => (i === 2 ? { ...n, resolvedTo: { recordId: 'ofac:1', score: Infinity, reason: '' } } : n)),
            },
            'register.json: node 2 (bods:kim): the score',
          ],
        ];
        for (const [m, statements, message] of refusals) {
          const refused = store.saveOwnershipFile('bank-a', m, statements);
          await expect(refused).rejects.toMatchObject({ code: 'INVALID_INPUT' });
          await expect(refused).rejects.toThrow(message);
        }
        await expect(store.saveOwnershipFile('', meta('register.json', sha('a')), graph)).rejects.toMatchObject({ code: 'INVALID_INPUT' });
        expect(await store.listOwnershipFiles('bank-a')).toEqual([]);
        expect(await store.loadOwnershipGraph('bank-a')).toEqual({ nodes: [], edges: [] });
        expect(await store.listAudit()).toEqual([]);
      });

      it('fails a read during which a file is deleted, rather than hand over half of it', async () => {
        const store = await open();
        const nodes: GraphNode[] = Array.from({ length: 30 }, (_, n) => ({ id: `csv:${n}`, name: `P${n}`, source: { kind: 'file' } }));
        const { file } = await store.saveOwnershipFile('bank-a', meta('p.csv', sha('d'), { format: 'csv' }), { nodes, edges: [] });
        const pages = store.ownershipGraphPages('bank-a', 10)[Symbol.asyncIterator]();
        expect((await pages.next()).value?.nodes).toHaveLength(10);
        await store.deleteOwnershipFile('bank-a', file.id);
        await expect(pages.next()).rejects.toMatchObject({ code: 'STORE_CONFLICT' });
      });

      it.skipIf(!concurrentWriters)('stores a file once when two processes load it at once', async () => {
        const config = await newStoreConfig();
        const [a, b] = [await open(config), await open(config)];
        const answers = await Promise.all([a, b].map((s) => s.saveOwnershipFile('bank-a', meta('register.json', sha('a')), register())));
        expect(answers.map((x) => x.stored).sort()).toEqual([false, true]);
        expect(answers[0].file).toEqual(answers[1].file);
        expect(await a.loadOwnershipGraph('bank-a')).toEqual(register());
        expect(await a.verifyAudit()).toEqual({ ok: true, rows: 1 });
      });
    });

    describe('tenants', () => {
      it("keeps one tenant's files, graph, statuses and generation out of another's sight and reach", async () => {
        const store = await open();
        const { file } = await store.saveOwnershipFile('bank-a', meta('register.json', sha('a')), register());
        await store.replaceOwnershipStatuses('bank-a', { upsert: [status('bods:acme', 'ofac')], remove: [] }, 1, { at: new Date(T0) });

        expect(await store.listOwnershipFiles('bank-b')).toEqual([]);
        expect(await store.loadOwnershipGraph('bank-b')).toEqual({ nodes: [], edges: [] });
        expect(await store.ownershipEdgesOf('bank-b', ['ofac:9647', 'bods:acme'], 'from')).toEqual([]);
        expect(await store.ownershipEdgesOf('bank-b', ['bods:acme'], 'to')).toEqual([]);
        expect(await store.listOwnershipStatuses('bank-b')).toEqual([]);
        expect(await store.getOwnershipStatuses('bank-b', 'bods:acme')).toEqual([]);
        expect(await store.ownershipGeneration('bank-b')).toBe(0);
        // Nor can it delete the other's file, or remove its statuses.
        await expect(store.deleteOwnershipFile('bank-b', file.id)).rejects.toMatchObject({ code: 'NOT_FOUND' });
        await store.replaceOwnershipStatuses('bank-b', { upsert: [], remove: [{ nodeId: 'bods:acme', regime: 'ofac' }] }, 1);
        expect(await store.getOwnershipStatuses('bank-a', 'bods:acme')).toEqual([stored(status('bods:acme', 'ofac'), 1)]);

        // The same bytes loaded by another tenant are that tenant's own file.
        const theirs = await store.saveOwnershipFile('bank-b', meta('register.json', sha('a')), secondRegister());
        expect(theirs.stored).toBe(true);
        expect(theirs.file.id).not.toBe(file.id);
        expect(await store.loadOwnershipGraph('bank-b')).toEqual(secondRegister());
        expect(await store.loadOwnershipGraph('bank-a')).toEqual(register());
        expect((await store.ownershipEdgesOf('bank-a', ['bods:acme'], 'from')).map((e) => e.id)).toEqual(['e-unknown-share']);
        expect((await store.ownershipEdgesOf('bank-b', ['bods:acme'], 'from')).map((e) => e.id)).toEqual(['csv-3']);
        await store.deleteOwnershipFile('bank-b', theirs.file.id);
        expect(await store.loadOwnershipGraph('bank-a')).toEqual(register());
        expect(await store.listOwnershipFiles('bank-a')).toEqual([file]);
      });
    });

    describe('statuses in force', () => {
      it('stores an evaluation’s statuses and reads them back exactly, per entity and as a filtered list', async () => {
        const store = await open();
        const statuses = [
          status('bods:acme', 'ofac', { aggregate: { min: 66.66666666666667, max: 66.66666666666667 } }),
          status('bods:acme', 'eu'),
          status('bods:sub', 'ofac', {
            status: 'possibly_blocked',
            aggregate: { min: 25, max: 75 },
            proof: { nested: [{ a: 1 }, null, 'x'] },
          }),
          status('bods:sub', 'uk', { status: 'possibly_blocked', aggregate: { min: 0.1, max: 100 } }),
        ];
        const applied = await store.replaceOwnershipStatuses('bank-a', { upsert: statuses, remove: [] }, 1, { at: new Date(T0) });
        expect(applied).toEqual({ generation: 1, upserted: 4, removed: 0, blocked: 2, possiblyBlocked: 2 });
        expect(await store.ownershipGeneration('bank-a')).toBe(1);
        expect(await store.getOwnershipStatuses('bank-a', 'bods:acme')).toEqual([stored(statuses[1], 1), stored(statuses[0], 1)]);
        expect(await store.getOwnershipStatuses('bank-a', 'bods:kim')).toEqual([]);
        const ids = async (filter?: Parameters<Store['listOwnershipStatuses']>[1]) =>
          (await store.listOwnershipStatuses('bank-a', filter)).map((s) => `${s.id}/${s.regime}`);
        expect(await ids()).toEqual(['bods:acme/eu', 'bods:acme/ofac', 'bods:sub/ofac', 'bods:sub/uk']);
        expect(await ids({ regime: 'ofac' })).toEqual(['bods:acme/ofac', 'bods:sub/ofac']);
        expect(await ids({ status: 'possibly_blocked' })).toEqual(['bods:sub/ofac', 'bods:sub/uk']);
        expect(await ids({ regime: 'uk', status: 'blocked' })).toEqual([]);
        expect(await ids({ limit: 2 })).toEqual(['bods:acme/eu', 'bods:acme/ofac']);
        expect(await ids({ limit: 2, offset: 2 })).toEqual(['bods:sub/ofac', 'bods:sub/uk']);
        expect(await store.listOwnershipStatuses('bank-a', { regime: 'ofac', status: 'possibly_blocked' })).toEqual([
          stored(statuses[2], 1),
        ]);
      });

      it('applies a later evaluation’s changes: replaced, removed, untouched; and records each in the audit trail', async () => {
        const store = await open();
        const first = [
          status('bods:acme', 'ofac'),
          status('bods:sub', 'ofac', { status: 'possibly_blocked', aggregate: { min: 25, max: 75 } }),
          status('bods:sub', 'eu'),
        ];
        await store.replaceOwnershipStatuses('bank-a', { upsert: first, remove: [] }, 1, { at: new Date(T0), actor: 'key-admin' });
        // A share became known (sub now blocked under OFAC), a delisting unblocked sub under the EU, and
        // a removal of something not in force changes nothing.
        const later = new Date('2026-12-08T08:00:00Z');
        const raised = status('bods:sub', 'ofac', { aggregate: { min: 75, max: 75 } });
        const applied = await store.replaceOwnershipStatuses(
          'bank-a',
          {
            upsert: [raised],
            remove: [
              { nodeId: 'bods:sub', regime: 'eu' },
              { nodeId: 'bods:kim', regime: 'uk' },
            ],
          },
          2,
          { at: later },
        );
        expect(applied).toEqual({ generation: 2, upserted: 1, removed: 1, blocked: 2, possiblyBlocked: 0 });
        expect(await store.listOwnershipStatuses('bank-a')).toEqual([stored(first[0], 1), stored(raised, 2, later.toISOString())]);
        expect(await store.ownershipGeneration('bank-a')).toBe(2);

        // An evaluation that finds nothing to change is recorded too: the statuses were checked.
        expect(await store.replaceOwnershipStatuses('bank-a', { upsert: [], remove: [] }, 5, { at: later })).toEqual({
          generation: 5,
          upserted: 0,
          removed: 0,
          blocked: 2,
          possiblyBlocked: 0,
        });
        const trail = await store.listAudit({ kind: 'ownership.statuses' });
        expect(trail.map((r) => [r.actor, r.subject, r.at, r.details])).toEqual([
          ['key-admin', 'bank-a', T0, { generation: 1, upserted: 3, removed: 0, blocked: 2, possiblyBlocked: 1 }],
          [null, 'bank-a', later.toISOString(), { generation: 2, upserted: 1, removed: 1, blocked: 2, possiblyBlocked: 0 }],
          [null, 'bank-a', later.toISOString(), { generation: 5, upserted: 0, removed: 0, blocked: 2, possiblyBlocked: 0 }],
        ]);
        expect(JSON.stringify(trail)).not.toContain('Name of');
        expect(await store.verifyAudit()).toEqual({ ok: true, rows: 3 });
      });

      it('refuses an evaluation older than the statuses in force, and changes that contradict themselves, writing nothing', async () => {
        const store = await open();
        await store.replaceOwnershipStatuses('bank-a', { upsert: [status('bods:acme', 'ofac')], remove: [] }, 3, { at: new Date(T0) });
        for (const generation of [3, 2]) {
          const refused = store.replaceOwnershipStatuses(
            'bank-a',
            { upsert: [], remove: [{ nodeId: 'bods:acme', regime: 'ofac' }] },
            generation,
          );
          await expect(refused).rejects.toMatchObject({ code: 'STORE_CONFLICT', context: { tenant: 'bank-a', generation, inForce: 3 } });
        }
        const invalid: [Parameters<Store['replaceOwnershipStatuses']>[1], number, string][] = [
          [{ upsert: [], remove: [] }, 0, 'a whole number from 1'],
          [{ upsert: [], remove: [] }, 4.5, 'a whole number from 1'],
          [{ upsert: [status('x', 'ofac'), status('x', 'ofac')], remove: [] }, 4, 'Status 1 (x, ofac) is given twice'],
          [{ upsert: [status('x', 'ofac')], remove: [{ nodeId: 'x', regime: 'ofac' }] }, 4, 'Removal 0 (x, ofac) is also upserted'],
          [
            { upsert: [status('x', 'ofac', { status: 'blocked?' as 'blocked' })], remove: [] },
            4,
            'status must be blocked or possibly_blocked',
          ],
          [{ upsert: [status('x', 'ofac', { aggregate: { min: 60, max: 50 } })], remove: [] }, 4, 'min ≤ max'],
          [{ upsert: [status('x', 'ofac', { aggregate: { min: Number.NaN, max: 50 } })], remove: [] }, 4, 'finite numbers'],
          [{ upsert: [status('x', '')], remove: [] }, 4, 'names no regime'],
          [{ upsert: [], remove: [{ nodeId: '', regime: 'ofac' }] }, 4, 'Removal 0 must name an entity and a regime'],
        ];
        for (const [changes, generation, message] of invalid) {
          const refused = store.replaceOwnershipStatuses('bank-a', changes, generation);
          await expect(refused).rejects.toMatchObject({ code: 'INVALID_INPUT' });
          await expect(refused).rejects.toThrow(message);
        }
        expect(await store.listOwnershipStatuses('bank-a')).toEqual([stored(status('bods:acme', 'ofac'), 3)]);
        expect(await store.ownershipGeneration('bank-a')).toBe(3);
        expect(await store.listAudit()).toHaveLength(1);
      });

      it('applies one of two evaluations made from the same statuses at once; the other must evaluate again', async () => {
        const store = await open();
        // Issued together, so they are committed in one group, each in its savepoint (see write-transaction.ts).
        const outcomes = await Promise.allSettled([
          store.replaceOwnershipStatuses('bank-a', { upsert: [status('bods:acme', 'ofac')], remove: [] }, 1),
          store.replaceOwnershipStatuses('bank-a', { upsert: [status('bods:sub', 'ofac')], remove: [] }, 1),
        ]);
        expect(outcomes.map((o) => o.status)).toEqual(['fulfilled', 'rejected']);
        expect((outcomes[1] as PromiseRejectedResult).reason).toMatchObject({ code: 'STORE_CONFLICT' });
        expect((await store.listOwnershipStatuses('bank-a')).map((s) => s.id)).toEqual(['bods:acme']);
        expect(await store.verifyAudit()).toEqual({ ok: true, rows: 1 });
      });

      it('replaces thousands of statuses in one evaluation (more than one statement holds)', async () => {
        const store = await open();
        const many = Array.from({ length: 2_345 }, (_, k) => status(`csv:${String(k).padStart(5, '0')}`, ['ofac', 'eu', 'uk'][k % 3]));
        await store.replaceOwnershipStatuses('bank-a', { upsert: many, remove: [] }, 1, { at: new Date(T0) });
        const gone = many.filter((_, k) => k % 2 === 0);
        const applied = await store.replaceOwnershipStatuses(
          'bank-a',
          { upsert: [], remove: gone.map((s) => ({ nodeId: s.id, regime: s.regime })) },
          2,
        );
        expect(applied).toMatchObject({ upserted: 0, removed: gone.length, blocked: many.length - gone.length });
        const kept = await store.listOwnershipStatuses('bank-a', { limit: 10_000 });
        expect(kept).toEqual(many.filter((_, k) => k % 2 === 1).map((s) => stored(s, 1)));
      });
    });
  });
}

const exactFifty = { min: 50, max: 50, minInclusive: true, maxInclusive: true };
