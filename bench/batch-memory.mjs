// node bench/batch-memory.mjs — peak memory of an oversized batch upload (issue 12 point 15). Needs a build
// first (`npx tsc -b packages/cli`): it imports the built server and injects one request, no sockets.
//
// A 60 MB JSON batch of tiny parties (`{"name":"a1"}`, about 4.5 million of them, 45 times the 100,000 a job
// takes) is sent to `POST /v1/screen/batch` on a fresh SQLite store holding the bundled UN list; the
// script samples the process's resident memory every 5 ms while the request runs and prints the answer's
// status, the time to answer and the peak RSS above the RSS before the request. It asserts nothing.
// Knobs: BENCH_BATCH_MB (60), BENCH_BATCH_CSV=1 sends the same parties as text/csv.
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { clearInterval, setInterval } from 'node:timers';
import { fileURLToPath } from 'node:url';
import { loadListDirectory } from '../packages/lists/dist/index.js';
import { openStore } from '../packages/store/dist/index.js';
import { buildApp, DEFAULT_SERVER_CONFIG, ScreeningService, createApiKey } from '../packages/server/dist/index.js';

const UN = fileURLToPath(new URL('../data/un-sc/2026-02-27', import.meta.url));
const megabytes = Number(process.env.BENCH_BATCH_MB || 60);
const csv = process.env.BENCH_BATCH_CSV === '1';

const dir = mkdtempSync(join(tmpdir(), 'embargo-batch-memory-'));
const store = await openStore({ sqlitePath: join(dir, 'embargo.db') });
for (const p of await loadListDirectory(UN)) await store.savePublication(p, { loadedAt: new Date() });
const deps = {
  store,
  screening: await ScreeningService.fromStore(store),
  clock: () => new Date(),
  newId: randomUUID,
  config: { ...DEFAULT_SERVER_CONFIG, dataDir: UN },
};
const app = await buildApp(deps);
const { key } = await createApiKey(store, { role: 'client', name: 'bench' }, new Date());

const parts = [];
let bytes = 0;
for (let i = 0; bytes < megabytes * 1e6; i++) {
  const part = csv ? `a${i}\n` : `{"name":"a${i}"},`;
  parts.push(part);
  bytes += part.length;
}
const payload = csv ? `name\n${parts.join('')}` : `{"parties":[${parts.join('').slice(0, -1)}]}`;
parts.length = 0;
const before = process.memoryUsage().rss;
let peak = before;
const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 5);
const started = performance.now();
const res = await app.inject({
  method: 'POST',
  url: '/v1/screen/batch',
  headers: { authorization: `Bearer ${key}`, 'content-type': csv ? 'text/csv' : 'application/json' },
  payload,
});
const ms = performance.now() - started;
clearInterval(sampler);
peak = Math.max(peak, process.memoryUsage().rss);
const mb = (n) => `${Math.round(n / 1024 / 1024)} MB`;
console.log(
  `${csv ? 'CSV' : 'JSON'} batch of ${(payload.length / 1e6).toFixed(1)} MB: ${res.statusCode} in ${Math.round(ms)} ms; ` +
    `RSS before ${mb(before)}, peak ${mb(peak)} (+${mb(peak - before)})`,
);
console.log(`  ${res.body.slice(0, 160)}`);
await app.close();
await deps.screening.close();
await store.close();
rmSync(dir, { recursive: true, force: true });
