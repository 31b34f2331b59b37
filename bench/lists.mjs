// npm run bench:lists — wall time and peak memory for loading OFAC SDN 2023-12-28 (sdn+add+alt) and
// UN 2026-02-27, each run in a fresh Node process so the peak RSS is the load's own, with the young-generation
// size the embargo command sets (packages/cli/bin/embargo.js).
// Target (issue 2): under 1.0 s and under 300 MB together on a 2-core machine.
// Beside it (issue 18), the same figures for each of the newer formats on its own: DFAT's workbook (bundled),
// Canada's file of 2020 (../shared/data/lists-more) and the EU fixture (6 records: it times the reader's start,
// not a full EU file, which is not available offline).
// It also prints the main thread's CPU time for the load (Linux only): on an idle machine the wall time is
// about that plus waits for the garbage collector's helper threads, and unlike the wall time it hardly moves
// when other processes keep the cores busy, so runs made at different times can be compared by it.
import { execFileSync } from 'node:child_process';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { join } from 'node:path';
import { existsSync } from 'node:fs';

const root = fileURLToPath(new URL('..', import.meta.url));
const shared = process.env.EMBARGO_SHARED_DIR ?? join(root, '..', 'shared');
const lists = join(shared, 'data', 'lists');
const runs = Number(process.env.BENCH_RUNS ?? 5);

const child = `
const { existsSync, readFileSync } = await import('node:fs');
// utime + stime of the main thread (whose id is the process id), in clock ticks of 10 ms.
const threadStat = \`/proc/self/task/\${process.pid}/stat\`;
const mainCpuMs = () => {
  if (!existsSync(threadStat)) return NaN;
  const fields = readFileSync(threadStat, 'utf8').split(') ')[1].split(' ');
  return (Number(fields[11]) + Number(fields[12])) * 10;
};
const { detectPublications, parsePublication } = await import('@embargo/lists');
const tImport = performance.now();
const cpu0 = mainCpuMs();
let records = 0;
for (const dir of process.argv.slice(1)) {
  const { publications } = await detectPublications(dir);
  for (const d of publications) records += (await parsePublication(d)).entities.length;
}
const t1 = performance.now();
const mainMs = mainCpuMs() - cpu0;
console.log(JSON.stringify({ loadMs: t1 - tImport, mainMs, records, maxRssMb: process.resourceUsage().maxRSS / 1024 }));
`;

const more = join(shared, 'data', 'lists-more');

/** Loads the folders `runs` times, each in a fresh process, and returns each run's figures. */
function measure(dirs) {
  const results = [];
  for (let i = 0; i < runs; i++) {
    const started = performance.now();
    const out = execFileSync(process.execPath, ['--max-semi-space-size=64', '--input-type=module', '-e', child, ...dirs], {
      cwd: root,
      encoding: 'utf8',
    });
    results.push({ ...JSON.parse(out), processMs: performance.now() - started });
  }
  return results;
}

const median = (xs) => xs.sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const fmt = (x) => x.toFixed(0).padStart(6);

const results = measure([join(lists, 'ofac-sdn', '2023-12-28'), join(lists, 'un-sc', '2026-02-27')]);
console.log('Loading OFAC SDN 2023-12-28 (sdn+add+alt) + UN 2026-02-27');
console.log(`records: ${results[0].records}   runs: ${runs}`);
console.log('                      median     max');
console.log(`parse (ms)            ${fmt(median(results.map((r) => r.loadMs)))}  ${fmt(Math.max(...results.map((r) => r.loadMs)))}`);
console.log(`  main-thread CPU (ms) ${fmt(median(results.map((r) => r.mainMs)))}  ${fmt(Math.max(...results.map((r) => r.mainMs)))}`);
console.log(`whole process (ms)    ${fmt(median(results.map((r) => r.processMs)))}  ${fmt(Math.max(...results.map((r) => r.processMs)))}`);
console.log(`peak RSS (MB)         ${fmt(median(results.map((r) => r.maxRssMb)))}  ${fmt(Math.max(...results.map((r) => r.maxRssMb)))}`);
console.log('target: < 1000 ms and < 300 MB');

const newer = [
  ['DFAT 2024-11-11 (xlsx)', join(root, 'data', 'au-dfat', '2024-11-11')],
  ['Canada 2020-04 (xml)', join(more, 'ca-sema', '2020-04')],
  ['EU fixture (xml)', join(root, 'packages', 'lists', 'testdata', 'eu-fsf', '2026-11-28')],
];
console.log('');
console.log('The newer formats, each alone (medians)   records  parse ms  main CPU ms  peak RSS MB');
for (const [label, dir] of newer) {
  if (!existsSync(dir)) {
    console.log(`${label.padEnd(40)} (missing: ${dir})`);
    continue;
  }
  const r = measure([dir]);
  const cols = [median(r.map((x) => x.loadMs)), median(r.map((x) => x.mainMs)), median(r.map((x) => x.maxRssMb))];
  console.log(
    `${label.padEnd(40)} ${String(r[0].records).padStart(8)} ${fmt(cols[0]).padStart(9)} ${fmt(cols[1]).padStart(12)} ${fmt(cols[2]).padStart(12)}`,
  );
}
