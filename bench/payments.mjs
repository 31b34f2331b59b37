// npm run bench:payments — payment screening speed, printed as one table: messages per second and p99 per
// message for (1) the parsers alone, (2) screening in-process (parse + decide, no storage), and (3) end to
// end through NATS JetStream with one and with two `embargo worker` processes sharing a database
// (PostgreSQL when it answers on 127.0.0.1:5432, else SQLite): publish to payments.in, decision stored and
// published to payments.decisions, message acknowledged. End to end is measured twice: flat out (throughput)
// and paced at 500 messages a second (latency from publication to the decision's arrival).
//
// The stream is generated from real sample messages (the CBPR+ p.2.1.2 MT103 and its pacs.008 twin in
// ../shared/data/payments), each with its own UETR, and with ordering customer and beneficiary drawn from
// the bundled lists' names (BENCH_LISTED_SHARE, default 5%) or made up by a seeded name generator: most
// names are new to the screening, as a bank's stream of first-time counterparties would be. The lists are
// the bundled ones (data/). Sizes: BENCH_PAYMENTS (default 6,000 messages), BENCH_PACED_SECONDS (10). To profile the
// workers: BENCH_WORKER_NODE_ARGS="--cpu-prof --cpu-prof-dir=DIR" (a profile per worker, written as it stops).
// It prints figures and asserts nothing. Needs a build (`npm run build`) and NATS with JetStream at
// EMBARGO_TEST_NATS_URL (default nats://127.0.0.1:4222).
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { setTimeout } from 'node:timers';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { PaymentScreener, ScreeningEngine } from '@embargo/core';
import { detectPublications, parsePublication } from '@embargo/lists';
import { parsePaymentMessages } from '@embargo/payments';
import { freshNamespace, natsReachable, natsTestClient, TEST_NATS_URL } from '../packages/worker/dist/nats-test-kit.js';
import { generatePaymentStream } from '../packages/worker/dist/generated-stream.js';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const SHARED = process.env.EMBARGO_SHARED_DIR ?? join(ROOT, '..', 'shared');
const SAMPLES = join(SHARED, 'data', 'payments');
const CLI = join(ROOT, 'packages', 'cli', 'bin', 'embargo.js');
const COUNT = Number(process.env.BENCH_PAYMENTS ?? 6000);
const PACED_SECONDS = Number(process.env.BENCH_PACED_SECONDS ?? 10);
const PACED_RATE = 500;
const LISTED_SHARE = Number(process.env.BENCH_LISTED_SHARE ?? 0.05);
/** Node options for the worker processes, e.g. BENCH_WORKER_NODE_ARGS="--cpu-prof --cpu-prof-dir=/tmp/w" to profile them. */
const WORKER_NODE_ARGS = (process.env.BENCH_WORKER_NODE_ARGS ?? '').split(' ').filter(Boolean);

const templates = [
  ['mt/wso2_cbpr_p212_MT103_AtoB.fin', 'GB Engineering', 'US Engines'],
  ['mx/wso2_cbpr_p212_pacs008_AtoB.xml', 'GB Engineering', 'US Engines'],
].map(([path, debtor, creditor]) => ({
  text: readFileSync(join(SAMPLES, path), 'utf8'),
  reference: 'A2B0506272708',
  uetr: '174c245f-2682-4291-ad67-2a41e530cd27',
  debtor,
  creditor,
}));

const percentile = (sorted, p) => sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * p))];
const rows = [];
function row(stage, workers, count, seconds, latencies) {
  const sorted = [...latencies].sort((a, b) => a - b);
  rows.push({
    stage,
    workers,
    messages: count,
    'msg/s': Math.round(count / seconds),
    'p50 ms': sorted.length ? percentile(sorted, 0.5).toFixed(2) : '',
    'p99 ms': sorted.length ? percentile(sorted, 0.99).toFixed(2) : '',
  });
  console.error(`  ${stage}${workers ? ` (${workers} worker${workers > 1 ? 's' : ''})` : ''}: ${Math.round(count / seconds)} msg/s`);
}

// ─── the lists and the stream ─────────────────────────────────────────────────────────────────────────
console.error('Loading the bundled lists');
const { publications } = await detectPublications(join(ROOT, 'data'));
const entities = [];
for (const d of publications) entities.push(...(await parsePublication(d)).entities);
const listedNames = entities.filter((e) => e.schema !== 'Person').map((e) => e.caption);
const stream = (seed, count = COUNT) => generatePaymentStream({ count, templates, names: listedNames, namedShare: LISTED_SHARE, seed });

// ─── 1. parsers ──────────────────────────────────────────────────────────────────────────────────────
{
  const messages = stream(1);
  for (const m of messages.slice(0, 500)) parsePaymentMessages(m.raw); // warm-up
  const latencies = [];
  const start = performance.now();
  for (const m of messages) {
    const t = performance.now();
    parsePaymentMessages(m.raw);
    latencies.push(performance.now() - t);
  }
  row('parse (MT103 and pacs.008, half each)', '', messages.length, (performance.now() - start) / 1000, latencies);
}

// ─── 2. in-process screening ─────────────────────────────────────────────────────────────────────────
{
  const screener = new PaymentScreener(new ScreeningEngine(entities));
  for (const m of stream(2, 1000)) screener.screen(parsePaymentMessages(m.raw)[0].payment); // warm-up, other names
  const messages = stream(3);
  const latencies = [];
  const start = performance.now();
  for (const m of messages) {
    const t = performance.now();
    const [result] = parsePaymentMessages(m.raw);
    screener.screen(result.payment);
    latencies.push(performance.now() - t);
  }
  row('parse + screen in-process', '', messages.length, (performance.now() - start) / 1000, latencies);
}

// ─── 3. end to end through JetStream ─────────────────────────────────────────────────────────────────
if (!(await natsReachable())) {
  console.error(`No NATS at ${TEST_NATS_URL}: end-to-end figures skipped.`);
} else {
  const dir = mkdtempSync(join(tmpdir(), 'embargo-bench-payments-'));
  const env = { ...process.env, EMBARGO_AUDIT_KEY_FILE: join(dir, 'audit.key'), EMBARGO_SQLITE_PATH: join(dir, 'embargo.db') };
  let dropDatabase = async () => undefined;
  let database = 'SQLite';
  try {
    const admin = new pg.Client({ connectionString: 'postgres://postgres@127.0.0.1:5432/postgres' });
    await admin.connect();
    const name = `embargo_bench_${process.pid}`;
    await admin.query(`create database ${name}`);
    await admin.end();
    env.EMBARGO_DATABASE_URL = `postgres://postgres@127.0.0.1:5432/${name}`;
    database = 'PostgreSQL';
    dropDatabase = async () => {
      const c = new pg.Client({ connectionString: 'postgres://postgres@127.0.0.1:5432/postgres' });
      await c.connect();
      await c.query(`drop database if exists ${name} with (force)`);
      await c.end();
    };
  } catch {
    // PostgreSQL is not running: the workers share the SQLite file.
  }
  console.error(`Loading the bundled lists into ${database}`);
  const load = spawnSync(process.execPath, [CLI, 'lists', 'load', join(ROOT, 'data')], { env, encoding: 'utf8' });
  if (load.status !== 0) throw new Error(load.stderr);

  const startWorkers = async (n, namespace) => {
    const children = [];
    for (let i = 0; i < n; i++) {
      const child = spawn(
        process.execPath,
        [...WORKER_NODE_ARGS, CLI, 'worker', '--nats', TEST_NATS_URL, '--nats-namespace', namespace, '--max-in-flight', '128'],
        {
          env,
          stdio: ['ignore', 'ignore', 'pipe'],
        },
      );
      let said = '';
      child.stderr.on('data', (d) => (said += d));
      children.push({ child, ready: () => said.includes('Ctrl-C stops it'), said: () => said });
    }
    while (!children.every((c) => c.ready())) {
      if (children.some((c) => c.child.exitCode !== null)) throw new Error(children.map((c) => c.said()).join('\n'));
      await new Promise((r) => setTimeout(r, 200));
    }
    return children;
  };

  /** Receives decisions as they are published: messageId → arrival time. */
  const listen = async (client) => {
    const arrivals = new Map();
    const sub = client.nc.subscribe(client.topology.subjects.decisions);
    (async () => {
      for await (const m of sub) arrivals.set(JSON.parse(m.string()).messageId, performance.now());
    })();
    return { arrivals, stop: () => sub.unsubscribe() };
  };

  const waitFor = async (condition, timeoutMs) => {
    const start = Date.now();
    while (!condition()) {
      if (Date.now() - start > timeoutMs) throw new Error('timed out');
      await new Promise((r) => setTimeout(r, 20));
    }
  };

  for (const workers of [1, 2]) {
    const namespace = freshNamespace('bench');
    const client = await natsTestClient(namespace);
    const children = await startWorkers(workers, namespace);
    try {
      const { arrivals, stop } = await listen(client);
      // Warm-up: the workers' first messages pay for compiling the code.
      const warm = stream(10 + workers, 1000);
      await client.publishRaw(warm.map((m) => m.raw));
      await waitFor(() => arrivals.size >= warm.length, 300_000);

      // Flat out: everything published at once; from the first publication to the last decision.
      const flat = stream(20 + workers);
      arrivals.clear();
      const start = performance.now();
      await client.publishRaw(flat.map((m) => m.raw));
      await waitFor(() => arrivals.size >= flat.length, 600_000);
      row(`end to end, flat out (${database})`, workers, flat.length, (performance.now() - start) / 1000, []);

      // Paced at 500 messages a second: latency from publication to the decision's arrival.
      const paced = stream(30 + workers, PACED_RATE * PACED_SECONDS);
      arrivals.clear();
      const published = new Map();
      const t0 = performance.now();
      for (const [i, m] of paced.entries()) {
        const due = t0 + (i * 1000) / PACED_RATE;
        const wait = due - performance.now();
        if (wait > 1) await new Promise((r) => setTimeout(r, wait));
        published.set(m.messageId, performance.now());
        void client.publishRaw([m.raw]);
      }
      await waitFor(() => arrivals.size >= paced.length, 300_000);
      const latencies = paced.map((m) => arrivals.get(m.messageId) - published.get(m.messageId));
      row(`end to end, paced at ${PACED_RATE}/s (${database})`, workers, paced.length, (performance.now() - t0) / 1000, latencies);
      stop();
    } finally {
      for (const c of children) c.child.kill('SIGTERM');
      await client.cleanUp();
    }
  }
  await dropDatabase();
  rmSync(dir, { recursive: true, force: true });
}

console.log(
  `\nPayment screening on ${COUNT.toLocaleString('en')} generated messages (${Math.round(LISTED_SHARE * 100)}% of names listed):`,
);
console.table(rows);
