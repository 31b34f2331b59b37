// npm run bench:screen-ab -- <other checkout> [rounds] — this checkout's screening engine against another
// checkout's (say main's, built in a second git worktree), in one Node process: both engines are built over
// the same dev lists, warmed up on listed captions, then screen the dev queries as `embargo screen --input`
// does (limit 10, minScore 0.4, each answer written as its JSON line) in chunks of 250, alternating which
// engine goes first. On a machine shared with other work, two runs a minute apart differ by tens of
// percent; chunks interleaved within one process see the same load, so their ratio is steadier.
//
// Prints each engine's index build (CPU ms), its screening rate (queries per CPU second of the process,
// garbage collection included), the speed-up of this checkout, and whether both wrote identical lines for
// every query (a speed change must not change an answer). Needs both checkouts built (`npm run build`).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import v8 from 'node:v8';

// As the CLI sets it (packages/cli/bin/embargo.js).
v8.setFlagsFromString('--max-semi-space-size=64');

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const DEV = join(process.env.EMBARGO_SHARED_DIR ?? join(ROOT, '..', 'shared'), 'eval', 'dev');
const CHUNK = 250;
const [other, roundsArg] = process.argv.slice(2);
if (!other) {
  console.error('usage: npm run bench:screen-ab -- <other checkout> [rounds]');
  process.exit(2);
}
const rounds = Number(roundsArg ?? 1);

const queries = readFileSync(join(DEV, 'queries.jsonl'), 'utf8')
  .split('\n')
  .filter((l) => l.trim())
  .map((l) => JSON.parse(l));
const lists = await import(join(ROOT, 'packages/lists/dist/index.js'));
const { publications } = await lists.detectPublications(join(DEV, 'lists'));
const entities = [];
for (const d of publications) entities.push(...(await lists.parsePublication(d)).entities);

const cpuMs = () => {
  const { user, system } = process.cpuUsage();
  return (user + system) / 1000;
};

async function engineOf(checkout) {
  const { ScreeningEngine } = await import(join(checkout, 'packages/core/dist/index.js'));
  const started = cpuMs();
  const engine = new ScreeningEngine(entities);
  const buildMs = cpuMs() - started;
  for (let i = 0; i < entities.length; i += 12)
    engine.screen({ name: entities[i].caption, schema: entities[i].schema }, { limit: 10, minScore: 0.4 });
  return { checkout, engine, buildMs, screenMs: 0, screened: 0, lines: [] };
}

function screenChunk(e, from) {
  const started = cpuMs();
  for (let k = from; k < Math.min(from + CHUNK, queries.length); k++) {
    const { id, ...query } = queries[k];
    const matches = e.engine.screen(query, { limit: 10, minScore: 0.4 }).map((m) => ({
      id: m.id,
      score: m.score,
      alert: m.alert,
      name: m.entity.caption,
      schema: m.entity.schema,
      explanation: m.explanation,
    }));
    const line = JSON.stringify({ id, matches });
    if (e.lines.length < queries.length) e.lines.push(line);
    e.screened++;
  }
  e.screenMs += cpuMs() - started;
}

const engines = [await engineOf(other), await engineOf(ROOT)];
for (let r = 0; r < rounds; r++)
  for (let from = 0, n = 0; from < queries.length; from += CHUNK, n++) {
    const order = (n + r) % 2 === 0 ? [0, 1] : [1, 0];
    for (const i of order) screenChunk(engines[i], from);
  }
const [base, here] = engines;
const differing = base.lines.filter((line, i) => line !== here.lines[i]).length;
for (const e of engines)
  console.log(
    `${e === here ? 'this checkout ' : 'other checkout'}  build ${e.buildMs.toFixed(0)} ms CPU  screening ${(e.screened / (e.screenMs / 1000)).toFixed(0)} queries/CPU s  (${e.checkout})`,
  );
console.log(
  `speed-up ${(base.screenMs / base.screened / (here.screenMs / here.screened)).toFixed(3)}×; answers ${differing === 0 ? 'identical' : `differ on ${differing} of ${queries.length} queries`}`,
);
