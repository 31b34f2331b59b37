// How long four concurrent list diffs hold the event loop (what /v1/screen waits behind), the way
// GET /v1/lists/diff computed them before (read both publications whole, diff at once) and now
// (ListDiffs: one at a time, read in pages, compared in steps). Bundled OFAC SDN 2023-12-28 and two
// edited copies, in a SQLite store in a temporary folder. Run after `npm run build`:
//   node bench/lists-diff-stall.mjs
import { mkdtempSync, rmSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { setInterval, clearInterval, setTimeout } from 'node:timers';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { diffEntities } from '../packages/core/dist/index.js';
import { loadListDirectory } from '../packages/lists/dist/index.js';
import { openStore } from '../packages/store/dist/index.js';
import { ListDiffs } from '../packages/server/dist/list-diffs.js';

const dir = mkdtempSync(join(tmpdir(), 'embargo-diff-bench-'));
const store = await openStore({ sqlitePath: join(dir, 'embargo.db') });
const [sdn] = await loadListDirectory(new URL('../data/ofac-sdn/2023-12-28', import.meta.url).pathname);
const edit = (every, tag) =>
  sdn.entities.filter((_, i) => i % 97 !== every).map((e, i) => (i % every === 0 ? { ...e, caption: `${e.caption} ${tag}` } : e));
const a = await store.savePublication(sdn, { loadedAt: new Date() });
const b = await store.savePublication({ ...sdn, entities: edit(40, 'B') }, { loadedAt: new Date() });
const c = await store.savePublication({ ...sdn, entities: edit(60, 'C') }, { loadedAt: new Date() });
const pairs = [
  [a, b],
  [b, a],
  [a, c],
  [c, a],
];

async function before([x, y]) {
  const [older, newer] = [await store.loadEntities(x.id), await store.loadEntities(y.id)];
  return diffEntities(older, newer);
}

async function measure(name, run) {
  // A timer every 5 ms, as a stand-in for screening requests: the longest gap between its ticks is the
  // longest a request would have waited for the event loop.
  let last = performance.now();
  let longest = 0;
  const ticker = setInterval(() => {
    const now = performance.now();
    longest = Math.max(longest, now - last);
    last = now;
  }, 5);
  const started = performance.now();
  await Promise.all(pairs.map(run));
  const total = performance.now() - started;
  await new Promise((r) => setTimeout(r, 20));
  clearInterval(ticker);
  console.log(`${name}: 4 diffs in ${(total / 1000).toFixed(2)} s; longest event-loop stall ${longest.toFixed(0)} ms`);
}

await measure('before (whole, at once)', before);
const diffs = new ListDiffs(store);
await measure('now (ListDiffs, in steps)', (p) => diffs.diff(...p));
await measure('now, the same four again (cached)', (p) => diffs.diff(...p));
await store.close();
rmSync(dir, { recursive: true, force: true });
