// npm run bench:network — facilitator discovery measured on the generated world (issue 17, point 5): how
// fast `embargo network rank` ranks a transactions file, how much memory it takes, and how many of the
// planted facilitators it ranks in its top 100. The world (bench/network-world.mjs: 1,000,000 rows among
// 100,000 firms, seed 17) is generated into var/network-world/ when it is not there yet (or with
// BENCH_REGENERATE=1); the ranking runs in this process through the CLI's own entry point, on the bundled
// lists, so its peak RSS includes the screening threads. The truth file is read only here, after the ranking.
// Sizes: BENCH_NETWORK_ROWS, BENCH_NETWORK_FIRMS, BENCH_NETWORK_FACILITATORS, BENCH_NETWORK_SEED.
// It prints figures and asserts nothing: the totals, then where the time went phase by phase (the CLI's
// own "Phases:" line), and what screening one distinct name cost. Needs a build (`npm run build`).
import { existsSync, readFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { run } from '../packages/cli/dist/main.js';
import { DEFAULT_WORLD, generateWorld } from './network-world.mjs';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const settings = {
  rows: Number(process.env.BENCH_NETWORK_ROWS ?? DEFAULT_WORLD.rows),
  firms: Number(process.env.BENCH_NETWORK_FIRMS ?? DEFAULT_WORLD.firms),
  facilitators: Number(process.env.BENCH_NETWORK_FACILITATORS ?? DEFAULT_WORLD.facilitators),
  seed: Number(process.env.BENCH_NETWORK_SEED ?? DEFAULT_WORLD.seed),
};
const isDefault = Object.entries(DEFAULT_WORLD).every(([k, v]) => settings[k] === v);
const out = join(
  ROOT,
  'var',
  isDefault ? 'network-world' : `network-world-${settings.rows}-${settings.firms}-${settings.facilitators}-${settings.seed}`,
);
const csv = join(out, 'transactions.csv');
if (!existsSync(csv) || process.env.BENCH_REGENERATE) {
  console.error(`Generating the world into ${out}…`);
  await generateWorld({ ...settings, out });
}

const lines = [];
const messages = [];
const io = { out: (s) => lines.push(s), err: (s) => messages.push(s) && console.error(`  ${s}`), errIsTty: false };
const TOP = 100;
console.error(`Ranking ${csv}…`);
const started = performance.now();
const cpuBefore = process.cpuUsage();
const loadBefore = loadavg()[0];
const code = await run(['node', 'embargo', 'network', 'rank', csv, '--top', String(TOP), '--json'], io);
const seconds = (performance.now() - started) / 1000;
const peakRss = process.resourceUsage().maxRSS * 1024;
// CPU time of every thread of the process (the screening threads too): on a machine shared with other
// work, the wall-clock figures depend on the load; this one much less.
const cpu = process.cpuUsage(cpuBefore);
const cpuSeconds = (cpu.user + cpu.system) / 1e6;
if (code !== 0) throw new Error(`embargo network rank exited with ${code}: ${messages.join(' / ')}`);

const ranked = lines.map((l) => JSON.parse(l));
const truth = JSON.parse(readFileSync(join(out, 'truth.json'), 'utf8'));
const facilitators = new Set(truth.facilitators.map((f) => f.name));
const kinds = [
  ['slip (one small payment)', new Set(truth.decoys.slips)],
  ['hub', new Set(truth.decoys.hubs)],
  ['trades with look-alike names', new Set(truth.decoys.lookalikeTraders)],
];
const planted = ranked.filter((r) => facilitators.has(r.name)).length;
const others = new Map();
for (const r of ranked) {
  if (facilitators.has(r.name)) continue;
  const kind = kinds.find(([, names]) => names.has(r.name))?.[0] ?? 'other (ordinary firm)';
  others.set(kind, (others.get(kind) ?? 0) + 1);
}
const rows = truth.rows;
console.table([
  {
    rows: rows.toLocaleString('en-US'),
    firms: truth.firms.toLocaleString('en-US'),
    planted: facilitators.size,
    'rows/s': Math.round(rows / seconds).toLocaleString('en-US'),
    'total s': seconds.toFixed(1),
    'peak RSS MB': Math.round(peakRss / 1e6),
    'CPU s': cpuSeconds.toFixed(1),
    load: `${loadBefore.toFixed(1)}→${loadavg()[0].toFixed(1)}`,
    [`planted in top ${TOP}`]: planted,
  },
]);
// The CLI's last line on stderr: "Phases: parse 2.1 s · names 0.0 s · … · screening 29.3 s (100,660 names: …) · …".
const phasesLine = messages.findLast((m) => m.startsWith('Phases: ')) ?? '';
const phases = [...phasesLine.matchAll(/(\w+) ([\d.]+) s/g)].map(([, phase, s]) => ({
  phase,
  s: Number(s),
  share: `${((Number(s) / seconds) * 100).toFixed(0)}%`,
}));
console.table(phases);
const perName = /\(([\d,]+) names: ([\d.]+) ms a name on (\d+) threads?\)/.exec(phasesLine);
if (perName)
  console.log(
    `Screening: ${perName[1]} distinct names, ${perName[2]} ms a name on ${perName[3]} threads (${(Number(perName[2]) * Number(perName[3])).toFixed(2)} ms of one thread a name)`,
  );
if (others.size > 0) console.log(`Others in the top ${TOP}: ${[...others].map(([k, n]) => `${n} ${k}`).join(', ')}`);
const missed = [...facilitators].filter((n) => !ranked.some((r) => r.name === n));
if (missed.length > 0) console.log(`Planted facilitators not in the top ${TOP}: ${missed.length}`);
