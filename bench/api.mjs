// npm run bench:api — the HTTP API under load, over loopback, as a client would see it. Needs a build
// first (`npm run build`): it starts the built `embargo serve` as a child process and builds nothing.
//
// 1. `POST /v1/screen` on SQLite (a temporary file) and then on PostgreSQL (a throwaway database on
//    postgres://postgres@127.0.0.1:5432, dropped afterwards): the server loads the bundled lists on first
//    start, a client key is made with `embargo keys create`, and autocannon drives 16 connections for at
//    most 10 s or 20,000 requests, the bodies rotating through the dev evaluation set's queries (the
//    queries file only; never the truth file). A warm-up of 3,000 requests comes first and is not
//    counted: the engine's first couple of thousand queries run several times slower (JIT, comparison memo).
// 2. A 100,000-party batch on the SQLite server (names cycled from the same queries, each with a customer
//    key), timed from submission to `done`.
// It prints requests/s, p50/p99 latency and names/s beside the targets on this 2-core machine, and asserts
// nothing; no test or product code imports it.
//
// Knobs: BENCH_API_SECONDS (10), BENCH_API_REQUESTS (20000), BENCH_API_CONNECTIONS (16),
// BENCH_API_BATCH (100000; 0 skips), BENCH_API_POSTGRES=0 skips PostgreSQL, EMBARGO_TEST_DATABASE_URL.
/* global fetch -- Node 20's */
import { execFile, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { setTimeout as sleep } from 'node:timers/promises';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import autocannon from 'autocannon';
import pg from 'pg';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const BIN = join(ROOT, 'packages', 'cli', 'bin', 'embargo.js');
const SHARED = process.env.EMBARGO_SHARED_DIR ?? join(ROOT, '..', 'shared');
const QUERIES = join(SHARED, 'eval', 'dev', 'queries.jsonl');
const ADMIN_URL = process.env.EMBARGO_TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';

const SECONDS = Number(process.env.BENCH_API_SECONDS ?? 10);
const REQUESTS = Number(process.env.BENCH_API_REQUESTS ?? 20_000);
const CONNECTIONS = Number(process.env.BENCH_API_CONNECTIONS ?? 16);
const WARM_UP = 3_000;
const BATCH = Number(process.env.BENCH_API_BATCH ?? 100_000);

// The targets on this 2-core machine.
const TARGET_RPS = 1_500;
const TARGET_P99_MS = 25;
const TARGET_BATCH_NAMES_PER_S = 2_000;

/** The dev queries as API parties (name, schema, birth date where given). */
const parties = readFileSync(QUERIES, 'utf8')
  .split('\n')
  .filter((l) => l.trim())
  .map((l) => {
    const { name, schema, birthDate, country } = JSON.parse(l);
    return Object.fromEntries(Object.entries({ name, schema, birthDate, country }).filter(([, v]) => v !== undefined));
  });

const run = promisify(execFile);

async function asAdmin(statement) {
  const client = new pg.Client({ connectionString: ADMIN_URL });
  await client.connect();
  try {
    await client.query(statement);
  } finally {
    await client.end();
  }
}

/** A fresh database: its environment for the CLI, and how to remove it. */
async function freshDatabase(backend) {
  if (backend === 'sqlite') {
    const dir = mkdtempSync(join(tmpdir(), 'embargo-bench-api-'));
    return { env: { EMBARGO_SQLITE_PATH: join(dir, 'embargo.db') }, drop: async () => rmSync(dir, { recursive: true, force: true }) };
  }
  const name = `embargo_bench_${randomBytes(6).toString('hex')}`;
  await asAdmin(`create database ${name}`);
  const url = new URL(ADMIN_URL);
  url.pathname = `/${name}`;
  return { env: { EMBARGO_DATABASE_URL: url.toString() }, drop: () => asAdmin(`drop database if exists ${name} with (force)`) };
}

/** `embargo serve --port 0` on the bundled lists; resolves with its URL once it prints `listening <url>`. */
function startServer(env) {
  const started = performance.now();
  const child = spawn(
    process.execPath,
    [...(process.env.BENCH_API_NODE_OPTIONS ?? '').split(' ').filter(Boolean), BIN, 'serve', '--port', '0', '--quiet'],
    { env, stdio: ['ignore', 'pipe', 'pipe'] },
  );
  let stderr = '';
  child.stderr.setEncoding('utf8').on('data', (chunk) => (stderr += chunk));
  return new Promise((resolve, reject) => {
    let stdout = '';
    child.stdout.setEncoding('utf8').on('data', (chunk) => {
      stdout += chunk;
      const ready = /^listening (\S+)$/m.exec(stdout);
      if (ready) resolve({ child, url: ready[1], startSeconds: (performance.now() - started) / 1000 });
    });
    child.once('exit', (code) => reject(new Error(`embargo serve exited (${code}) before listening:\n${stderr}`)));
  });
}

function stopServer(server) {
  return new Promise((resolve) => {
    server.child.once('exit', resolve);
    server.child.kill('SIGTERM');
  });
}

/** autocannon over POST /v1/screen, each request the next dev query. */
function screenLoad(server, key, { seconds, requests }) {
  let next = 0;
  return autocannon({
    url: `${server.url}/v1/screen`,
    connections: CONNECTIONS,
    duration: seconds,
    maxOverallRequests: requests,
    headers: { authorization: `Bearer ${key}`, 'content-type': 'application/json' },
    requests: [
      {
        method: 'POST',
        setupRequest: (request) => ({ ...request, body: JSON.stringify(parties[next++ % parties.length]) }),
      },
    ],
  });
}

async function benchScreen(backend) {
  const db = await freshDatabase(backend);
  const env = { ...process.env, ...db.env };
  delete env.EMBARGO_DATA_DIR; // the bundled lists
  if (backend === 'sqlite') delete env.EMBARGO_DATABASE_URL;
  const server = await startServer(env);
  try {
    const { stdout } = await run(process.execPath, [BIN, 'keys', 'create', '--role', 'client', '--name', 'bench'], {
      env,
      encoding: 'utf8',
    });
    const key = stdout.trim();
    await screenLoad(server, key, { seconds: 60, requests: WARM_UP });
    const r = await screenLoad(server, key, { seconds: SECONDS, requests: REQUESTS });
    const screen = {
      backend,
      startSeconds: server.startSeconds,
      requests: r['2xx'],
      failed: r.non2xx + r.errors + r.timeouts,
      seconds: r.duration,
      rps: r['2xx'] / r.duration,
      p50: r.latency.p50,
      p99: r.latency.p99,
    };
    const batch = backend === 'sqlite' && BATCH > 0 ? await benchBatch(server, key) : undefined;
    return { screen, batch };
  } finally {
    await stopServer(server);
    await db.drop();
  }
}

async function benchBatch(server, key) {
  const headers = { authorization: `Bearer ${key}`, 'content-type': 'application/json' };
  const body = JSON.stringify({
    parties: Array.from({ length: BATCH }, (_, i) => ({ ...parties[i % parties.length], customerKey: `bench-${i}` })),
  });
  const started = performance.now();
  const submitted = await fetch(`${server.url}/v1/screen/batch`, { method: 'POST', headers, body });
  if (submitted.status !== 202) throw new Error(`batch refused: ${submitted.status} ${await submitted.text()}`);
  const accepted = performance.now();
  const { jobId } = await submitted.json();
  let job;
  do {
    await sleep(250);
    job = await (await fetch(`${server.url}/v1/jobs/${jobId}`, { headers })).json();
  } while (job.status === 'queued' || job.status === 'running');
  const seconds = (performance.now() - started) / 1000;
  if (job.status !== 'done') throw new Error(`batch job ${job.status}: ${job.error}`);
  return { parties: BATCH, seconds, submitSeconds: (accepted - started) / 1000, namesPerSecond: BATCH / seconds, alerted: job.alerted };
}

const mark = (ok) => (ok ? 'meets target' : 'BELOW TARGET');
const int = (n) => Math.round(n).toLocaleString('en');

const backends = process.env.BENCH_API_POSTGRES === '0' ? ['sqlite'] : ['sqlite', 'postgres'];
console.log(
  `bench:api — POST /v1/screen, ${CONNECTIONS} connections, at most ${SECONDS} s or ${int(REQUESTS)} requests after ${int(WARM_UP)} warm-up; ` +
    `${int(parties.length)} dev queries in rotation; bundled lists`,
);
// Other work on the machine takes cores from the server: the load average says whether the figures are its own.
const load = () => loadavg()[0].toFixed(1);
console.log(`load average at start ${load()}`);
const results = [];
for (const backend of backends) {
  const result = await benchScreen(backend);
  results.push(result);
  const s = result.screen;
  console.log(
    `${backend.padEnd(10)} ${int(s.rps).padStart(6)} req/s  p50 ${String(s.p50).padStart(3)} ms  p99 ${String(s.p99).padStart(3)} ms  ` +
      `(${int(s.requests)} answered in ${s.seconds.toFixed(1)} s, ${s.failed} failed; server ready in ${s.startSeconds.toFixed(1)} s)` +
      (backend === 'sqlite'
        ? `  target ≥ ${int(TARGET_RPS)} req/s, p99 ≤ ${TARGET_P99_MS} ms: ${mark(s.rps >= TARGET_RPS && s.p99 <= TARGET_P99_MS)}`
        : ''),
  );
}
const batch = results.find((r) => r.batch)?.batch;
if (batch)
  console.log(
    `batch      ${int(batch.parties)} parties on sqlite in ${batch.seconds.toFixed(1)} s (upload ${batch.submitSeconds.toFixed(1)} s): ` +
      `${int(batch.namesPerSecond)} names/s, ${int(batch.alerted)} alerts  target ≥ ${int(TARGET_BATCH_NAMES_PER_S)} names/s: ` +
      mark(batch.namesPerSecond >= TARGET_BATCH_NAMES_PER_S),
  );
console.log(`load average at end ${load()}`);
