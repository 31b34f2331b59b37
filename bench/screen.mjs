// npm run bench:screen — Embargo's screening engine against two general-purpose fuzzy-search baselines
// (fuse.js, minisearch) on the dev evaluation set (../shared/eval/dev: queries, truth, lists), printing one
// table: recall and false-alert rate at each engine's own threshold, best recall with false alerts ≤ 1%,
// queries per second, p50/p99 latency, index build time and peak memory. It prints figures and asserts
// nothing; no test or product code imports it.
//
// Each engine runs in its own Node process (so that each peak RSS is its own), one query at a time, and
// writes its results as JSON lines; the accuracy figures come from the evaluation set's own scorer
// (`eval/score.mjs --json`), run on those files. Needs a build first (`npm run build`).
//
// Baselines, as a developer would set them up for name screening:
//   fuse.js 7: one item per listed name or alias; keys ['name'], includeScore, threshold 0.4, and
//     ignoreLocation (a name may match anywhere in a long firm name); score = 1 − fuse score, best per
//     entity. Alerts at score ≥ 0.7 (FUSE_ALERT).
//   minisearch 7: the same items, field 'name', search with { fuzzy: 0.2, prefix: true } (terms OR-ed).
//     Its BM25 scores are unbounded, so each hit's score is divided by the top hit's and multiplied by the
//     share of query and listed words that matched ((matched query terms + matched name terms) /
//     (query terms + name terms)): an exact name scores 1, a lone common word little. Alerts at ≥ 0.7.
//   Both skip listed records of a schema the query rules out (a Person query is never a Vessel), as
//   Embargo does; neither reads birth dates or countries.
// Embargo runs as `embargo screen --input` does: limit 10, minScore 0.4, its algorithm's threshold.
//
// Before the timed run each engine screens a warm-up of listed records' captions (never evaluation
// queries), a fifth as many as it has queries: a screening batch runs for hours, and its first few hundred
// queries, while V8 compiles the code, are not its speed. The warm-up's own rate is printed beside it.
//
// The baselines are slow on 37,000 names (fuse.js ~0.5 s a query), so they run on a deterministic sample
// of the queries (evenly spaced within each category, every category kept); the table then also shows
// Embargo on the same sample. Sizes: BENCH_FUSE_SAMPLE (default 200), BENCH_MINISEARCH_SAMPLE (2500).
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { performance } from 'node:perf_hooks';
import { join } from 'node:path';

/** Warm-up queries per timed query (see above). */
const WARM_UP_SHARE = 0.2;
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const SHARED = process.env.EMBARGO_SHARED_DIR ?? join(ROOT, '..', 'shared');
const DEV = join(SHARED, 'eval', 'dev');
const SCORER = join(SHARED, 'eval', 'score.mjs');
const FUSE_ALERT = 0.7;
const MINISEARCH_ALERT = 0.7;
const LIMIT = 10;

const jsonl = (path) =>
  readFileSync(path, 'utf8')
    .split('\n')
    .filter((l) => l.trim())
    .map((l) => JSON.parse(l));

/** Evenly spaced queries of each category (the small ones whole), in file order. */
function stratifiedSample(truth, size) {
  if (size >= truth.length) return new Set(truth.map((t) => t.id));
  const byCategory = new Map();
  for (const t of truth) byCategory.set(t.category, [...(byCategory.get(t.category) ?? []), t.id]);
  const ids = new Set();
  for (const group of byCategory.values()) {
    const take = Math.max(Math.min(group.length, 4), Math.round((size * group.length) / truth.length));
    for (let k = 0; k < take; k++) ids.add(group[Math.floor((k * group.length) / take)]);
  }
  return ids;
}

// ─── child: one engine ──────────────────────────────────────────────────────────────────────────────

const NAME_PROPERTIES = ['name', 'alias', 'previousName', 'weakAlias'];

function listedNames(entities) {
  const items = [];
  entities.forEach((e, entity) => {
    for (const p of NAME_PROPERTIES) for (const s of e.properties[p] ?? []) items.push({ id: items.length, entity, name: s.value });
  });
  return items;
}

/** Keeps each entity's best hit, best first: [{ id, score }]. */
function bestPerEntity(hits, entities, limit) {
  const best = new Map();
  for (const h of hits) if (!best.has(h.entity) || best.get(h.entity) < h.score) best.set(h.entity, h.score);
  return [...best]
    .map(([entity, score]) => ({ id: entities[entity].id, score: Math.round(score * 1000) / 1000 }))
    .sort((a, b) => b.score - a.score || a.id.localeCompare(b.id))
    .slice(0, limit);
}

const ENGINES = {
  async embargo(entities) {
    const { ScreeningEngine } = await import('@embargo/core');
    const engine = new ScreeningEngine(entities);
    return {
      threshold: engine.algorithm.threshold,
      screen: (q) =>
        engine
          .screen({ name: q.name, schema: q.schema, birthDate: q.birthDate, country: q.country }, { limit: LIMIT, minScore: 0.4 })
          .map((m) => ({ id: m.id, score: m.score, alert: m.alert })),
    };
  },

  async fuse(entities) {
    const { default: Fuse } = await import('fuse.js');
    const { schemataCompatible } = await import('@embargo/core');
    const items = listedNames(entities);
    const fuse = new Fuse(items, { keys: ['name'], includeScore: true, threshold: 0.4, ignoreLocation: true });
    return {
      threshold: FUSE_ALERT,
      screen: (q) => {
        const hits = fuse
          .search(q.name, { limit: 5 * LIMIT })
          .filter((r) => !q.schema || schemataCompatible(q.schema, entities[r.item.entity].schema))
          .map((r) => ({ entity: r.item.entity, score: 1 - r.score }));
        return bestPerEntity(hits, entities, LIMIT).map((m) => ({ ...m, alert: m.score >= FUSE_ALERT }));
      },
    };
  },

  async minisearch(entities) {
    const { default: MiniSearch } = await import('minisearch');
    const { schemataCompatible } = await import('@embargo/core');
    const items = listedNames(entities);
    const index = new MiniSearch({ fields: ['name'], storeFields: ['entity', 'name'] });
    index.addAll(items);
    const tokenize = MiniSearch.getDefault('tokenize');
    const words = (text) => tokenize(text).filter((w) => w.length > 0).length || 1;
    return {
      threshold: MINISEARCH_ALERT,
      screen: (q) => {
        const results = index.search(q.name, { fuzzy: 0.2, prefix: true });
        const top = results[0]?.score ?? 1;
        const queryWords = words(q.name);
        const hits = results
          .slice(0, 20 * LIMIT)
          .filter((r) => !q.schema || schemataCompatible(q.schema, entities[r.entity].schema))
          .map((r) => {
            const coverage = (r.queryTerms.length + r.terms.length) / (queryWords + words(r.name));
            return { entity: r.entity, score: (r.score / top) * Math.min(1, coverage) };
          });
        return bestPerEntity(hits, entities, LIMIT).map((m) => ({ ...m, alert: m.score >= MINISEARCH_ALERT }));
      },
    };
  },
};

async function runChild(engineName, sampleFile, resultsFile) {
  const { detectPublications, parsePublication } = await import('@embargo/lists');
  const sample = new Set(JSON.parse(readFileSync(sampleFile, 'utf8')));
  const queries = jsonl(join(DEV, 'queries.jsonl')).filter((q) => sample.has(q.id));
  const t0 = performance.now();
  const { publications } = await detectPublications(join(DEV, 'lists'));
  const entities = [];
  for (const d of publications) entities.push(...(await parsePublication(d)).entities);
  const t1 = performance.now();
  const rssLoaded = process.memoryUsage().rss;
  const engine = await ENGINES[engineName](entities);
  const t2 = performance.now();
  // Warm-up, untimed for the table: the captions of evenly spaced listed records (never the evaluation
  // queries), so that the figures are those of a batch past its first queries, with the code compiled.
  const warmUp = Math.round(WARM_UP_SHARE * queries.length);
  const step = Math.max(1, Math.floor(entities.length / Math.max(warmUp, 1)));
  const warmStarted = performance.now();
  let warmed = 0;
  for (let i = 0; i < entities.length && warmed < warmUp; i += step, warmed++)
    engine.screen({ name: entities[i].caption, schema: entities[i].schema });
  const warmUpMs = performance.now() - warmStarted;
  const latencies = [];
  const lines = [];
  for (const q of queries) {
    const started = performance.now();
    const matches = engine.screen(q);
    latencies.push(performance.now() - started);
    lines.push(JSON.stringify({ id: q.id, matches }));
  }
  const batchMs = latencies.reduce((a, b) => a + b, 0);
  writeFileSync(resultsFile, lines.join('\n') + '\n');
  latencies.sort((a, b) => a - b);
  const pct = (p) => latencies[Math.min(latencies.length - 1, Math.floor((p / 100) * latencies.length))];
  const stats = {
    engine: engineName,
    threshold: engine.threshold,
    queries: queries.length,
    records: entities.length,
    loadMs: t1 - t0,
    buildMs: t2 - t1,
    qps: queries.length / (batchMs / 1000),
    warmUpQps: warmed > 0 ? warmed / (warmUpMs / 1000) : undefined,
    p50: pct(50),
    p99: pct(99),
    rssLoadedMb: rssLoaded / 2 ** 20,
    peakRssMb: process.resourceUsage().maxRSS / 1024,
  };
  process.stdout.write(JSON.stringify(stats) + '\n');
}

// ─── parent: run each engine, score, print ──────────────────────────────────────────────────────────

function spawnNode(args) {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, args, { cwd: ROOT, stdio: ['ignore', 'pipe', 'inherit'] });
    let out = '';
    child.stdout.on('data', (d) => (out += d));
    child.on('error', reject);
    child.on('close', (code) => (code === 0 ? resolve(out) : reject(new Error(`${args.join(' ')} exited with ${code}`))));
  });
}

async function score(dir, name, truth, ids, resultsFile) {
  const truthFile = join(dir, `truth-${name}.jsonl`);
  writeFileSync(
    truthFile,
    truth
      .filter((t) => ids.has(t.id))
      .map((t) => JSON.stringify(t))
      .join('\n') + '\n',
  );
  return JSON.parse(await spawnNode([SCORER, '--truth', truthFile, '--results', resultsFile, '--json']));
}

function filterResults(from, to, ids) {
  writeFileSync(
    to,
    jsonl(from)
      .filter((r) => ids.has(r.id))
      .map((r) => JSON.stringify(r))
      .join('\n') + '\n',
  );
}

async function main() {
  for (const path of [join(DEV, 'queries.jsonl'), join(DEV, 'truth.jsonl'), join(DEV, 'lists'), SCORER])
    if (!existsSync(path)) throw new Error(`missing ${path} (set EMBARGO_SHARED_DIR to the shared folder)`);
  if (!existsSync(join(ROOT, 'packages', 'lists', 'dist', 'index.js')))
    throw new Error('the packages are not built: run `npm run build` first');
  const truth = jsonl(join(DEV, 'truth.jsonl'));
  const dir = mkdtempSync(join(tmpdir(), 'embargo-bench-screen-'));
  const started = performance.now();
  try {
    const plans = [
      { engine: 'embargo', ids: stratifiedSample(truth, Infinity) },
      { engine: 'minisearch', ids: stratifiedSample(truth, Number(process.env.BENCH_MINISEARCH_SAMPLE ?? 2500)) },
      { engine: 'fuse', ids: stratifiedSample(truth, Number(process.env.BENCH_FUSE_SAMPLE ?? 200)) },
    ];
    const rows = [];
    let embargoResults;
    for (const { engine, ids } of plans) {
      process.stderr.write(`bench:screen: ${engine} on ${ids.size} queries…\n`);
      const sampleFile = join(dir, `sample-${engine}.json`);
      const resultsFile = join(dir, `results-${engine}.jsonl`);
      writeFileSync(sampleFile, JSON.stringify([...ids]));
      const stats = JSON.parse(await spawnNode([fileURLToPath(import.meta.url), '--child', engine, sampleFile, resultsFile]));
      rows.push({ label: engine, stats, accuracy: await score(dir, engine, truth, ids, resultsFile) });
      if (engine === 'embargo') embargoResults = resultsFile;
      else {
        // Embargo's accuracy on the baseline's sample, for a like-for-like comparison.
        const subset = join(dir, `results-embargo-on-${engine}.jsonl`);
        filterResults(embargoResults, subset, ids);
        rows.push({ label: `  embargo, same ${ids.size}`, accuracy: await score(dir, `embargo-on-${engine}`, truth, ids, subset) });
      }
    }
    printTable(rows, truth.length, (performance.now() - started) / 1000);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

function printTable(rows, total, seconds) {
  const f = (x, digits = 1) => (x === undefined ? '' : x.toFixed(digits));
  const header = [
    'engine',
    'queries',
    'alert at',
    'recall',
    'top-1',
    'false alerts',
    'recall @≤1% FA (score ≥)',
    'q/s',
    'warm-up q/s',
    'p50 ms',
    'p99 ms',
    'build ms',
    'peak RSS MB',
  ];
  const body = rows.map(({ label, stats, accuracy: a }) => [
    label,
    String(a.queries),
    stats ? f(stats.threshold, 2) : '',
    `${f(a.recall)}%`,
    `${f(a.top1)}%`,
    `${f(a.falseAlertRate, 2)}%`,
    `${f(a.recallAtFar1.recall)}% (${a.recallAtFar1.threshold ?? '–'})`,
    stats ? f(stats.qps, 0) : '',
    stats?.warmUpQps ? f(stats.warmUpQps, 0) : '',
    stats ? f(stats.p50, 2) : '',
    stats ? f(stats.p99, 1) : '',
    stats ? f(stats.buildMs, 0) : '',
    stats ? f(stats.peakRssMb, 0) : '',
  ]);
  const widths = header.map((h, i) => Math.max(h.length, ...body.map((r) => r[i].length)));
  const line = (r) => r.map((c, i) => (i === 0 ? c.padEnd(widths[i]) : c.padStart(widths[i]))).join('  ');
  const loaded = rows.find((r) => r.stats?.engine === 'embargo').stats;
  console.log(
    `Screening on the dev evaluation set: ${total} queries, ${loaded.records} listed records (OFAC SDN 2023-12-28 + UN 2026-02-27, dev copies)`,
  );
  console.log(line(header));
  console.log(widths.map((w) => '─'.repeat(w)).join('  '));
  for (const r of body) console.log(line(r));
  console.log('');
  console.log('recall / top-1 / false alerts: at the engine\'s own alert threshold ("alert at"); false alerts are the share of');
  console.log('non-matching queries with any alert. recall @≤1% FA: best recall over all score thresholds keeping false alerts ≤ 1%');
  console.log('(eval/score.mjs). q/s: one query at a time in one thread after loading and a warm-up of listed names (a fifth as');
  console.log('many, rate in "warm-up q/s"); p50/p99: per query. build: index over the');
  console.log(
    `loaded records (list parsing, ${f(loaded.loadMs, 0)} ms, and ${f(loaded.rssLoadedMb, 0)} MB RSS for the loaded lists are the same for all).`,
  );
  console.log('Baselines ran on deterministic samples (evenly spaced within each category); the "embargo, same N" rows score');
  console.log('Embargo on the same sample. On a sample of ~200 queries (~110 non-matching) the 1% budget allows one false alert,');
  console.log(`so that column is noisy there. Total ${seconds.toFixed(0)} s.`);
}

if (process.argv[2] === '--child') await runChild(process.argv[3], process.argv[4], process.argv[5]);
else
  await main().catch((e) => {
    console.error(`bench:screen: ${e.message}`);
    process.exitCode = 1;
  });
