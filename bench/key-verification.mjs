// node bench/key-verification.mjs — what API-key verification costs under a flood of wrong keys, over
// loopback. Needs a build first (`npx tsc -b packages/cli`). Starts the built app in-process on a
// temporary SQLite file (no lists: the measured route is `GET /v1/lists`, which reads the store only)
// and prints, without asserting anything:
// 1. the p50/p99 of a verified key's requests alone, and while 75 wrong-secret requests a second arrive
//    (each with a new secret, so none is refused from memory), once with the per-address limit of failed
//    verifications raised out of the way (the worst case: every wrong key costs argon2) and once with the
//    default (30 a minute: the flood turns into 429s answered without argon2);
// 2. the median time to refuse a wrong secret for a known key id and for an unknown one.
/* global fetch -- Node 20's */
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { setTimeout as sleep } from 'node:timers/promises';
import { buildApp, createApiKey, DEFAULT_SERVER_CONFIG, ScreeningService } from '../packages/server/dist/index.js';
import { openStore } from '../packages/store/dist/index.js';

const SAMPLES = Number(process.env.BENCH_KEYS_SAMPLES ?? 400);
const FLOOD_PER_S = Number(process.env.BENCH_KEYS_FLOOD ?? 75);

const quantile = (values, q) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))];
};
const ms = (v) => `${v.toFixed(1)} ms`;
const wrongSecret = (id) => `emb_${id}_${randomBytes(32).toString('base64url')}`;

async function withServer(failedKeyAttemptsPerMinute, work) {
  const dir = mkdtempSync(join(tmpdir(), 'embargo-bench-keys-'));
  const store = await openStore({ sqlitePath: join(dir, 'embargo.db') });
  const deps = {
    store,
    screening: await ScreeningService.fromStore(store),
    clock: () => new Date(),
    newId: () => randomBytes(16).toString('hex'),
    config: { ...DEFAULT_SERVER_CONFIG, dataDir: dir, failedKeyAttemptsPerMinute },
  };
  const app = await buildApp(deps);
  const url = await app.listen({ host: '127.0.0.1', port: 0 });
  const { key, record } = await createApiKey(store, { role: 'client', name: 'bench' }, new Date());
  try {
    return await work({ url, key, id: record.id });
  } finally {
    await app.close();
    await deps.screening.close();
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

async function timed(url, key) {
  const started = performance.now();
  const res = await fetch(`${url}/v1/lists`, { headers: { authorization: `Bearer ${key}` } });
  await res.arrayBuffer();
  return { ms: performance.now() - started, status: res.status };
}

/** p50/p99 of `SAMPLES` sequential requests with the good key, with or without a concurrent flood. */
async function latency({ url, key, id }, flood) {
  let flooding = flood;
  const statuses = {};
  const flooder = (async () => {
    const pending = [];
    while (flooding) {
      pending.push(
        timed(url, wrongSecret(id)).then((r) => {
          statuses[r.status] = (statuses[r.status] ?? 0) + 1;
        }),
      );
      await sleep(1000 / FLOOD_PER_S);
    }
    await Promise.all(pending);
  })();
  await timed(url, key); // verified once, then remembered
  const times = [];
  for (let i = 0; i < SAMPLES; i++) times.push((await timed(url, key)).ms);
  flooding = false;
  await flooder;
  return { p50: quantile(times, 0.5), p99: quantile(times, 0.99), statuses };
}

async function refusal({ url, id }) {
  const known = [];
  const unknown = [];
  for (let i = 0; i < 60; i++) {
    known.push((await timed(url, wrongSecret(id))).ms);
    unknown.push((await timed(url, wrongSecret(randomBytes(8).toString('hex')))).ms);
  }
  return { known: quantile(known, 0.5), unknown: quantile(unknown, 0.5) };
}

await withServer(1_000_000, async (server) => {
  const alone = await latency(server, false);
  console.log(`verified key alone:                      p50 ${ms(alone.p50)}, p99 ${ms(alone.p99)}`);
  const flooded = await latency(server, true);
  console.log(
    `with ${FLOOD_PER_S} wrong keys/s, no address limit:  p50 ${ms(flooded.p50)}, p99 ${ms(flooded.p99)}  (flood answered ${JSON.stringify(flooded.statuses)})`,
  );
  const refused = await refusal(server);
  console.log(`refusing a wrong secret, median:         known key id ${ms(refused.known)}, unknown key id ${ms(refused.unknown)}`);
});
await withServer(DEFAULT_SERVER_CONFIG.failedKeyAttemptsPerMinute, async (server) => {
  const flooded = await latency(server, true);
  console.log(
    `with ${FLOOD_PER_S} wrong keys/s, default limit (${DEFAULT_SERVER_CONFIG.failedKeyAttemptsPerMinute}/min): p50 ${ms(flooded.p50)}, p99 ${ms(flooded.p99)}  (flood answered ${JSON.stringify(flooded.statuses)})`,
  );
});
