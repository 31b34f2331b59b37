// npm run bench:lists — wall time and peak memory for loading OFAC SDN 2023-12-28 (sdn+add+alt) and
// UN 2026-02-27, each run in a fresh Node process so the peak RSS is the load's own, with the young-generation
// size the embargo command sets (packages/cli/bin/embargo.js).
// Target (issue 2): under 1.0 s and under 300 MB together on a 2-core machine.
import { execFileSync } from 'node:child_process';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { join } from 'node:path';

const root = fileURLToPath(new URL('..', import.meta.url));
const shared = process.env.EMBARGO_SHARED_DIR ?? join(root, '..', 'shared');
const lists = join(shared, 'data', 'lists');
const runs = Number(process.env.BENCH_RUNS ?? 5);

const child = `

const { detectPublications, parsePublication } = await import('@embargo/lists');
const tImport = performance.now();
let records = 0;
for (const dir of process.argv.slice(1)) {
  const { publications } = await detectPublications(dir);
  for (const d of publications) records += (await parsePublication(d)).entities.length;
}
const t1 = performance.now();
console.log(JSON.stringify({ loadMs: t1 - tImport, records, maxRssMb: process.resourceUsage().maxRSS / 1024 }));
`;

const dirs = [join(lists, 'ofac-sdn', '2023-12-28'), join(lists, 'un-sc', '2026-02-27')];
const results = [];
for (let i = 0; i < runs; i++) {
  const started = performance.now();
  const out = execFileSync(process.execPath, ['--max-semi-space-size=64', '--input-type=module', '-e', child, ...dirs], {
    cwd: root,
    encoding: 'utf8',
  });
  results.push({ ...JSON.parse(out), processMs: performance.now() - started });
}
const median = (xs) => xs.sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const fmt = (x) => x.toFixed(0).padStart(6);
console.log('Loading OFAC SDN 2023-12-28 (sdn+add+alt) + UN 2026-02-27');
console.log(`records: ${results[0].records}   runs: ${runs}`);
console.log('                      median     max');
console.log(`parse (ms)            ${fmt(median(results.map((r) => r.loadMs)))}  ${fmt(Math.max(...results.map((r) => r.loadMs)))}`);
console.log(`whole process (ms)    ${fmt(median(results.map((r) => r.processMs)))}  ${fmt(Math.max(...results.map((r) => r.processMs)))}`);
console.log(`peak RSS (MB)         ${fmt(median(results.map((r) => r.maxRssMb)))}  ${fmt(Math.max(...results.map((r) => r.maxRssMb)))}`);
console.log('target: < 1000 ms and < 300 MB');
