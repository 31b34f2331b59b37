// node bench/ownership-store.mjs — how long the store takes to save and read back a tenant's ownership graph
// at the scale of issue 15 (1,000,000 parties, 2,000,000 edges), and to apply a full evaluation's statuses.
// Prints one table per database: SQLite (a file in a temporary folder) and, when it answers, PostgreSQL
// (a fresh database through EMBARGO_TEST_DATABASE_URL, default postgres://postgres@127.0.0.1:5432/postgres,
// dropped afterwards; BENCH_SKIP_POSTGRES=1 skips it).
//
// The graph is generated (seeded, so every run stores the same one): parties `gen:<n>`, a tenth of them
// people; edges mostly ownership with exact shares or BODS-style ranges, some control and directorship,
// each with its file, row and date, as a parser would give them. Sizes: BENCH_PARTIES (1,000,000),
// BENCH_EDGES (2,000,000), BENCH_STATUSES (60,000: about what 20,000 designated persons block under three
// regimes). It prints figures and asserts nothing beyond "read back as many as saved". Needs a build
// (`npx tsc -b packages/store`).
import { createHash } from 'node:crypto';
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import pg from 'pg';
import { openStore } from '../packages/store/dist/index.js';

const PARTIES = Number(process.env.BENCH_PARTIES ?? 1_000_000);
const EDGES = Number(process.env.BENCH_EDGES ?? 2_000_000);
const STATUSES = Number(process.env.BENCH_STATUSES ?? 60_000);
const ADMIN_URL = process.env.EMBARGO_TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';

/** mulberry32: a small seeded generator, so runs are comparable. */
function random(seed) {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function generateGraph() {
  const next = random(15);
  const file = 'generated-register.csv';
  const nodes = Array.from({ length: PARTIES }, (_, n) => ({
    id: `gen:${n}`,
    name: n % 10 === 0 ? `Person ${n}` : `Company ${n} Holdings Ltd`,
    schema: n % 10 === 0 ? 'Person' : 'Company',
    countries: [['kp', 'ru', 'ir', 'gb', 'de', 'cn'][n % 6]],
    source: { kind: 'file', file, row: n + 2 },
  }));
  const edges = Array.from({ length: EDGES }, (_, e) => {
    const from = `gen:${Math.floor(next() * PARTIES)}`;
    const to = `gen:${Math.floor(next() * PARTIES)}`;
    const base = { id: `edge:${e}`, from, to, source: { kind: 'file', file, row: e + 2 }, date: '2024-01-31' };
    const pick = next();
    if (pick < 0.8) {
      const exact = Math.round(next() * 1000) / 10;
      const share =
        pick < 0.6
          ? { min: exact, max: exact, minInclusive: true, maxInclusive: true }
          : { min: 25, max: 50, minInclusive: false, maxInclusive: true };
      return { ...base, kind: 'ownership', share, directness: 'direct' };
    }
    if (pick < 0.9) return { ...base, kind: 'control', basis: 'boardAppointment', detail: 'appoints majority of board' };
    return { ...base, kind: 'directorship', role: 'Director' };
  });
  return { nodes, edges };
}

function generateStatuses() {
  const regimes = ['ofac', 'eu', 'uk'];
  return Array.from({ length: STATUSES }, (_, k) => ({
    id: `gen:${k * 7}`,
    name: `Company ${k * 7} Holdings Ltd`,
    regime: regimes[k % 3],
    status: k % 5 === 0 ? 'possibly_blocked' : 'blocked',
    aggregate: { min: 50, max: k % 5 === 0 ? 75 : 50 },
    proof: [{ designated: 'ofac:9647', path: ['ofac:9647', `gen:${k * 7}`], share: '50%', source: 'generated-register.csv:2' }],
  }));
}

const seconds = (start) => ((performance.now() - start) / 1000).toFixed(1);
const megabytes = (bytes) => `${Math.round(bytes / 1024 / 1024)} MB`;

async function measure(label, config, graph, statuses, sizeOf) {
  const rows = [];
  const store = await openStore(config);
  try {
    const sha256 = createHash('sha256').update(`${PARTIES}/${EDGES}`).digest('hex');
    const meta = { fileName: 'generated-register.csv', format: 'csv', sha256, loadedAt: new Date(), loadedBy: null };
    let start = performance.now();
    const { file } = await store.saveOwnershipFile('bench', meta, graph);
    rows.push([
      `save ${PARTIES.toLocaleString('en')} nodes + ${EDGES.toLocaleString('en')} edges (one transaction)`,
      `${seconds(start)} s`,
    ]);
    if (sizeOf) rows.push(['database size after saving', sizeOf()]);

    start = performance.now();
    await store.saveOwnershipFile('bench', { ...meta, loadedAt: new Date() }, graph);
    rows.push(['save the same file again (no-op by sha256)', `${seconds(start)} s`]);

    start = performance.now();
    let pages = 0;
    let readEdges = 0;
    for await (const page of store.ownershipGraphPages('bench')) {
      pages++;
      readEdges += page.edges.length;
    }
    rows.push([`read the graph page by page (${pages} pages, nothing kept)`, `${seconds(start)} s`]);

    globalThis.gc?.();
    const heapBefore = process.memoryUsage().heapUsed;
    start = performance.now();
    const loaded = await store.loadOwnershipGraph('bench');
    const loadTime = seconds(start);
    globalThis.gc?.();
    const heapHeld = process.memoryUsage().heapUsed - heapBefore;
    rows.push([`loadOwnershipGraph (${loaded.edges.length.toLocaleString('en')} edges)`, `${loadTime} s`]);
    rows.push(['heap held by the loaded graph', globalThis.gc ? megabytes(heapHeld) : 'run with --expose-gc']);
    if (loaded.edges.length !== EDGES || loaded.nodes.length !== PARTIES || readEdges !== EDGES)
      throw new Error('the graph read back is not the one saved');

    start = performance.now();
    const probe = Array.from({ length: 1000 }, (_, k) => `gen:${k * 997}`);
    const [held, holders] = [await store.ownershipEdgesOf('bench', probe, 'from'), await store.ownershipEdgesOf('bench', probe, 'to')];
    rows.push([
      `ownershipEdgesOf 1,000 parties, both ends (${held.length + holders.length} edges)`,
      `${(performance.now() - start).toFixed(0)} ms`,
    ]);

    const small = { nodes: graph.nodes.slice(0, 500), edges: graph.edges.slice(0, 1000).map((e) => ({ ...e, id: `small:${e.id}` })) };
    start = performance.now();
    const { file: smallFile } = await store.saveOwnershipFile('bench', { ...meta, fileName: 'small.csv', sha256: 'b'.repeat(64) }, small);
    rows.push(['save a second file of 500 nodes + 1,000 edges beside the big one', `${(performance.now() - start).toFixed(0)} ms`]);
    start = performance.now();
    await store.deleteOwnershipFile('bench', smallFile.id);
    rows.push(['delete that second file', `${(performance.now() - start).toFixed(0)} ms`]);

    start = performance.now();
    const applied = await store.replaceOwnershipStatuses('bench', { upsert: statuses, remove: [] }, 1);
    rows.push([
      `replaceOwnershipStatuses: ${applied.upserted.toLocaleString('en')} statuses in force (full evaluation)`,
      `${seconds(start)} s`,
    ]);
    start = performance.now();
    await store.replaceOwnershipStatuses(
      'bench',
      { upsert: statuses.slice(0, 10), remove: [{ nodeId: statuses[20].id, regime: statuses[20].regime }] },
      2,
    );
    rows.push(['replaceOwnershipStatuses: 10 changed, 1 removed (incremental)', `${(performance.now() - start).toFixed(1)} ms`]);

    start = performance.now();
    await store.deleteOwnershipFile('bench', file.id);
    rows.push(['deleteOwnershipFile (the whole graph)', `${seconds(start)} s`]);
  } finally {
    await store.close();
  }
  console.log(`\n${label}`);
  const width = Math.max(...rows.map(([name]) => name.length));
  for (const [name, value] of rows) console.log(`  ${name.padEnd(width)}  ${value}`);
}

async function postgresDatabase() {
  if (process.env.BENCH_SKIP_POSTGRES === '1') return undefined;
  const name = `embargo_bench_${Date.now()}`;
  const client = new pg.Client({ connectionString: ADMIN_URL });
  try {
    await client.connect();
    await client.query(`create database ${name}`);
  } catch (error) {
    console.log(`\nPostgreSQL skipped: ${error.message}`);
    return undefined;
  } finally {
    await client.end().catch(() => undefined);
  }
  const url = new URL(ADMIN_URL);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    drop: async () => {
      const admin = new pg.Client({ connectionString: ADMIN_URL });
      await admin.connect();
      await admin.query(`drop database if exists ${name} with (force)`);
      await admin.end();
    },
  };
}

let start = performance.now();
const graph = generateGraph();
const statuses = generateStatuses();
console.log(`generated ${PARTIES.toLocaleString('en')} parties and ${EDGES.toLocaleString('en')} edges in ${seconds(start)} s`);

const dir = mkdtempSync(join(tmpdir(), 'embargo-ownership-bench-'));
try {
  const path = join(dir, 'embargo.db');
  const size = () => megabytes(statSync(path).size + (statSync(`${path}-wal`, { throwIfNoEntry: false })?.size ?? 0));
  await measure('SQLite (file, WAL)', { sqlitePath: path }, graph, statuses, size);
} finally {
  rmSync(dir, { recursive: true, force: true });
}

const database = await postgresDatabase();
if (database) {
  const keyDir = mkdtempSync(join(tmpdir(), 'embargo-ownership-bench-key-'));
  try {
    start = performance.now();
    await measure('PostgreSQL', { databaseUrl: database.url, auditKeyFile: join(keyDir, 'audit.key') }, graph, statuses);
  } finally {
    await database.drop();
    rmSync(keyDir, { recursive: true, force: true });
  }
}
