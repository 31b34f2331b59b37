// npm run bench:ownership — the ownership fixpoint at the issue's scale: a generated graph of 1,000,000
// parties and 2,000,000 edges with 20,000 designated persons, evaluated under OFAC, the EU and the UK;
// then proofs of a few derived entities, and incremental updates after one new designation and after one
// delisting. It prints figures and asserts nothing; no test or product code imports it. Needs the core
// built first (`npx tsc -b packages/core`, or `npm run build`).
//
// The graph is generated here from a seeded PRNG (BENCH_OWNERSHIP_SEED, default 15), so runs compare:
// - 30% people, 70% companies; 15,000 designated people and 5,000 designated companies, 2,000 user parties
//   matched to designated people (as the screening engine would match a customer file); the designated
//   records name no list, so all three regimes take them;
// - each company has 1–4 owners (25/35/30/10%) whose shares sum to 60–100%; an owner is a person (55%) or
//   an earlier company within 5,000 places (chains many levels deep), and 1 in 1,000 owners is a later
//   company (cycles); 5% of holdings are ranges as registers band them (e.g. 25–50%), 2% have no share;
//   0.5% of companies with several owners have them under one joint arrangement; 200 stated indirect
//   holdings, half of them summaries of a chain the graph holds;
// - the remaining edges: control (board, voting rights, other), directorships, family ties, associates
//   and list links, in the proportions 100:150:60:60:55.
// Sizes: BENCH_OWNERSHIP_NODES (1000000), BENCH_OWNERSHIP_EDGES (2000000), BENCH_OWNERSHIP_DESIGNATED (20000).
import { performance } from 'node:perf_hooks';
import {
  applyOwnershipChanges,
  compileOwnershipGraph,
  evaluateOwnership,
  exposurePaths,
  formatProof,
  ownershipStatusCounts,
  ownershipStatusJson,
  proveStatus,
  REGIME_IDS,
} from '../packages/core/dist/index.js';

const NODES = Number(process.env.BENCH_OWNERSHIP_NODES ?? 1_000_000);
const EDGES = Number(process.env.BENCH_OWNERSHIP_EDGES ?? 2_000_000);
const DESIGNATED = Number(process.env.BENCH_OWNERSHIP_DESIGNATED ?? 20_000);
const SEED = Number(process.env.BENCH_OWNERSHIP_SEED ?? 15);
const PEOPLE = Math.round(NODES * 0.3);
const MATCHED_PARTIES = Math.round(DESIGNATED / 10);
const INDIRECT = 200;

/** mulberry32: a small seeded PRNG, uniform in [0, 1). */
function prng(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
const random = prng(SEED);
const int = (n) => Math.floor(random() * n);
const pick = (weights) => {
  let r = random() * weights.reduce((a, b) => a + b, 0);
  for (let i = 0; i < weights.length; i++) if ((r -= weights[i]) < 0) return i;
  return weights.length - 1;
};

const mb = (bytes) => `${Math.round(bytes / 1048576)} MB`;
const ms = (t) => `${t.toFixed(t < 10 ? 2 : 0)} ms`;
function memory(label) {
  globalThis.gc?.();
  const m = process.memoryUsage();
  console.log(`  ${label}: heap used ${mb(m.heapUsed)}, RSS ${mb(m.rss)}, peak RSS ${mb(process.resourceUsage().maxRSS * 1024)}`);
}
function timed(label, fn) {
  const start = performance.now();
  const result = fn();
  const took = performance.now() - start;
  console.log(`${label}: ${ms(took)}`);
  return [result, took];
}

// ─── the graph ───────────────────────────────────────────────────────────────────────────────────────
function generate() {
  const nodes = [];
  const personId = (i) => `p:${i}`;
  const companyId = (i) => `c:${i}`;
  for (let i = 0; i < PEOPLE; i++)
    nodes.push({ id: personId(i), name: `Person ${i}`, schema: 'Person', source: { kind: 'file', file: 'parties.csv', row: i + 2 } });
  const companies = NODES - PEOPLE;
  for (let i = 0; i < companies; i++)
    nodes.push({
      id: companyId(i),
      name: `Company ${i} Ltd`,
      schema: 'Company',
      source: { kind: 'file', file: 'parties.csv', row: PEOPLE + i + 2 },
    });
  const designatedPeople = [];
  const designated = new Set();
  while (designated.size < DESIGNATED) {
    const person = designated.size < DESIGNATED * 0.75;
    const v = person ? int(PEOPLE) : PEOPLE + int(companies);
    if (designated.has(v)) continue;
    designated.add(v);
    if (person) designatedPeople.push(v);
    nodes[v].designated = true;
    nodes[v].source = { kind: 'list', recordId: nodes[v].id };
  }
  for (let k = 0; k < MATCHED_PARTIES; k++) {
    const v = int(PEOPLE);
    if (designated.has(v)) continue;
    nodes[v].resolvedTo = { recordId: nodes[designatedPeople[int(designatedPeople.length)]].id, score: 0.95, reason: 'passport number' };
  }

  const edges = [];
  let row = 2;
  const file = (name) => ({ kind: 'file', file: name, row: row++ });
  const ownerOf = (company) => {
    if (random() < 0.55) return personId(int(PEOPLE));
    if (random() < 0.001) return companyId(Math.min(companies - 1, company + 1 + int(5000)));
    return company === 0 ? personId(int(PEOPLE)) : companyId(Math.max(0, company - 1 - int(5000)));
  };
  const share = (percent) => {
    const r = random();
    if (r < 0.02) return undefined;
    if (r < 0.07) {
      const min = Math.min(75, Math.floor(percent / 25) * 25);
      return { min, max: Math.min(100, min + 25), minInclusive: true, maxInclusive: random() < 0.5 };
    }
    return { min: percent, max: percent, minInclusive: true, maxInclusive: true };
  };
  const ownershipTarget = Math.round(EDGES * 0.7875);
  const companyOwners = [];
  for (let c = 0; c < companies && edges.length < ownershipTarget; c++) {
    const k = 1 + pick([25, 35, 30, 10]);
    const total = 60 + int(41);
    const weights = Array.from({ length: k }, () => 1 + random());
    const sum = weights.reduce((a, b) => a + b, 0);
    const joint = k > 1 && random() < 0.005 ? `bench-pact-${c}` : undefined;
    const owners = new Set();
    for (let j = 0; j < k; j++) {
      const owner = ownerOf(c);
      if (owners.has(owner) || owner === companyId(c)) continue;
      owners.add(owner);
      const percent = Math.round(((total * weights[j]) / sum) * 100) / 100;
      edges.push({
        id: `own:${edges.length}`,
        kind: 'ownership',
        from: owner,
        to: companyId(c),
        share: share(percent),
        directness: 'direct',
        jointArrangement: joint,
        source: file('register.csv'),
      });
    }
    companyOwners[c] = [...owners];
  }
  let indirect = 0;
  while (indirect < INDIRECT) {
    const c = int(companies);
    const parent = companyOwners[c]?.find((o) => o.startsWith('c:'));
    const grand = parent === undefined ? undefined : companyOwners[Number(parent.slice(2))]?.[0];
    if (grand === undefined) continue;
    // Half summarise the chain grand → parent → c; half name a holder with no chain in the graph.
    const from = indirect % 2 === 0 ? grand : personId(int(PEOPLE));
    const percent = 10 + int(40);
    const stated = { min: percent, max: percent, minInclusive: true, maxInclusive: true };
    edges.push({
      id: `ind:${indirect}`,
      kind: 'ownership',
      from,
      to: companyId(c),
      share: stated,
      directness: 'indirect',
      source: file('bods.jsonl'),
    });
    indirect++;
  }
  const rest = EDGES - edges.length;
  const kinds = ['control', 'directorship', 'family', 'associate', 'listLink'];
  const counts = [100, 150, 60, 60, 55].map((w) => Math.floor((rest * w) / 425));
  counts[0] += rest - counts.reduce((a, b) => a + b, 0);
  const bases = ['boardAppointment', 'votingRights', 'other'];
  const designatedList = [...designated];
  const anyone = () => (random() < 0.3 ? personId(int(PEOPLE)) : companyId(int(companies)));
  kinds.forEach((kind, k) => {
    for (let i = 0; i < counts[k]; i++) {
      const id = `${kind}:${i}`;
      if (kind === 'control')
        edges.push({ id, kind, from: anyone(), to: companyId(int(companies)), basis: bases[int(3)], source: file('control.csv') });
      else if (kind === 'directorship')
        edges.push({
          id,
          kind,
          from: personId(int(PEOPLE)),
          to: companyId(int(companies)),
          role: 'Director',
          source: file('officers.csv'),
        });
      else if (kind === 'family')
        edges.push({ id, kind, from: personId(int(PEOPLE)), to: personId(int(PEOPLE)), relation: 'sibling', source: file('family.csv') });
      else if (kind === 'associate') edges.push({ id, kind, from: anyone(), to: anyone(), source: file('associates.csv') });
      else {
        const from = nodes[designatedList[int(designatedList.length)]].id;
        edges.push({ id, kind, from, to: anyone(), label: 'Linked To', source: { kind: 'list', recordId: from } });
      }
    }
  });
  return { nodes, edges, designated };
}

console.log(
  `bench:ownership — ${NODES.toLocaleString('en')} parties, ${EDGES.toLocaleString('en')} edges, ${DESIGNATED.toLocaleString('en')} designated (seed ${SEED})`,
);
const [statements] = timed('generate statements (not part of the figures)', generate);
const ownershipEdges = statements.edges.filter((e) => e.kind === 'ownership').length;
console.log(
  `  ${statements.nodes.length.toLocaleString('en')} parties, ${statements.edges.length.toLocaleString('en')} edges (${ownershipEdges.toLocaleString('en')} ownership)`,
);
memory('after generating');

// ─── build and full evaluation ───────────────────────────────────────────────────────────────────────
const [graph, buildMs] = timed('graph build (intern ids, typed arrays, CSR, indirect chains)', () => compileOwnershipGraph(statements));
const problemKinds = {};
for (const p of graph.problems) problemKinds[p.kind] = (problemKinds[p.kind] ?? 0) + 1;
console.log(`  problems reported: ${JSON.stringify(problemKinds)}`);
const [evaluation, evaluateMs] = timed('full evaluation, OFAC + EU + UK', () => evaluateOwnership(graph));
memory('after evaluation');
const counts = ownershipStatusCounts(evaluation);
for (const regime of REGIME_IDS) {
  const c = counts[regime];
  const state = evaluation.states.get(regime);
  let deepest = 0;
  for (let s = 0; s < state.pairCount; s++) if (state.levelBlocked[s] !== 0x7fffffff) deepest = Math.max(deepest, state.levelBlocked[s]);
  console.log(
    `  ${regime}: ${c.designated.toLocaleString('en')} designated, ${c.blocked.toLocaleString('en')} blocked, ${c.possibly_blocked.toLocaleString('en')} possibly blocked; deepest chain ${deepest} rounds; ${state.pairCount.toLocaleString('en')} (entity, holder) pairs`,
  );
}

// ─── proofs ──────────────────────────────────────────────────────────────────────────────────────────
{
  const state = evaluation.states.get('ofac');
  const byDepth = [];
  for (let v = 0; v < graph.nodes.length; v++) if (state.status(v) === 'blocked') byDepth.push([state.nodeLevelBlocked[v], v]);
  byDepth.sort((a, b) => b[0] - a[0]);
  const chosen = [byDepth[0], byDepth[Math.floor(byDepth.length / 2)], byDepth.at(-1)].map(([, v]) => graph.nodes[v].id);
  for (const regime of REGIME_IDS) {
    const ids = regime === 'ofac' ? chosen : [];
    if (regime !== 'ofac') {
      const other = evaluation.states.get(regime);
      for (let v = 0; v < graph.nodes.length && ids.length < 3; v++)
        if (other.status(v) === 'blocked' && other.nodeLevelBlocked[v] > 1) ids.push(graph.nodes[v].id);
    }
    for (const id of ids) {
      const [proof] = timed(`  proof of ${id} under ${regime}`, () => proveStatus(evaluation, id, regime));
      console.log(
        `    ${proof.steps.length} steps, ${proof.roots.length} designated roots, aggregate ${proof.aggregate.min}–${proof.aggregate.max}%; JSON ${ms(timeOf(() => ownershipStatusJson(evaluation, id, regime)))}; ${formatProof(proof).at(-1)}`,
      );
    }
  }
}
function timeOf(fn) {
  const start = performance.now();
  fn();
  return performance.now() - start;
}

// ─── exposure ────────────────────────────────────────────────────────────────────────────────────────
for (const id of ['c:123456', 'c:654321', 'p:4242']) {
  if (!graph.nodeIndex.has(id)) continue;
  const [targets] = timed(`exposure of ${id}, depth 3`, () => exposurePaths(graph, id, { depth: 3 }));
  console.log(
    `  ${targets.length} designated persons within 3 steps${targets.length ? `; strongest ${targets[0].nodeId} at ${targets[0].strongest.strength.toFixed(3)}` : ''}`,
  );
}

// ─── incremental ─────────────────────────────────────────────────────────────────────────────────────
const holdings = new Map();
for (const e of statements.edges)
  if (e.kind === 'ownership' && e.share && e.share.min >= 50 && e.from.startsWith('p:'))
    holdings.set(e.from, (holdings.get(e.from) ?? 0) + 1);
const undesignatedHolders = [...holdings.entries()]
  .filter(([id]) => !statements.nodes[graph.nodeIndex.get(id)].designated)
  .sort((a, b) => b[1] - a[1]);
const designationTimes = [];
for (const [id, majority] of undesignatedHolders.slice(0, 5)) {
  const [update, took] = timed(`incremental: designate ${id} (majority holder in ${majority} companies)`, () =>
    applyOwnershipChanges(evaluation, { designated: [id] }),
  );
  designationTimes.push(took);
  console.log(
    `  newly blocked ${update.newlyBlocked.length}, newly possibly blocked ${update.newlyPossiblyBlocked.length}, unblocked ${update.unblocked.length}; ${update.touched} statuses looked at`,
  );
}
const designatedHolders = [...holdings.entries()]
  .filter(([id]) => statements.nodes[graph.nodeIndex.get(id)].designated)
  .sort((a, b) => b[1] - a[1]);
const delistingTimes = [];
for (const [id, majority] of designatedHolders.slice(0, 5)) {
  const [update, took] = timed(`incremental: delist ${id} (majority holder in ${majority} companies)`, () =>
    applyOwnershipChanges(evaluation, { undesignated: [id] }),
  );
  delistingTimes.push(took);
  console.log(
    `  unblocked ${update.unblocked.length}, newly possibly blocked ${update.newlyPossiblyBlocked.length}, newly blocked ${update.newlyBlocked.length}; ${update.touched} statuses looked at`,
  );
}
{
  // A new ownership file of one row: a designated person takes 60% of a company nobody blocked owns.
  const sdn = designatedHolders[5][0]; // the first five were delisted above
  const target = statements.nodes.find(
    (n) => n.id.startsWith('c:') && evaluation.states.get('ofac').status(graph.nodeIndex.get(n.id)) === 'none',
  ).id;
  const edge = {
    id: 'bench:new-holding',
    kind: 'ownership',
    from: sdn,
    to: target,
    share: { min: 60, max: 60, minInclusive: true, maxInclusive: true },
    directness: 'direct',
    source: { kind: 'file', file: 'new.csv', row: 2 },
  };
  const [added] = timed(`incremental: one new holding (${sdn} 60% of ${target})`, () =>
    applyOwnershipChanges(evaluation, { edgesAdded: [edge] }),
  );
  console.log(`  newly blocked ${added.newlyBlocked.length}; ${added.touched} statuses looked at`);
  const [removed] = timed('incremental: the same holding removed', () => applyOwnershipChanges(evaluation, { edgesRemoved: [edge] }));
  console.log(`  unblocked ${removed.unblocked.length}; ${removed.touched} statuses looked at`);
}
{
  // A publication rather than one name: a thousand new designations, then the same thousand lifted.
  const batch = undesignatedHolders.slice(5, 1005).map(([id]) => id);
  const [added] = timed(`incremental: one publication designating ${batch.length} persons`, () =>
    applyOwnershipChanges(evaluation, { designated: batch }),
  );
  console.log(
    `  newly blocked ${added.newlyBlocked.length}, newly possibly blocked ${added.newlyPossiblyBlocked.length}; ${added.touched} statuses looked at`,
  );
  const [lifted] = timed(`incremental: one publication delisting the same ${batch.length}`, () =>
    applyOwnershipChanges(evaluation, { undesignated: batch }),
  );
  console.log(
    `  unblocked ${lifted.unblocked.length}, newly possibly blocked ${lifted.newlyPossiblyBlocked.length}; ${lifted.touched} statuses looked at`,
  );
}
memory('at the end');

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
console.log('\nSummary');
console.log(`  graph build ${ms(buildMs)}; full evaluation of three regimes ${ms(evaluateMs)} (target ≤ 10 s)`);
console.log(
  `  one new designation: first ${ms(designationTimes[0])}, median of ${designationTimes.length} ${ms(median(designationTimes))} (target ≤ 100 ms)`,
);
console.log(`  one delisting: first ${ms(delistingTimes[0])}, median of ${delistingTimes.length} ${ms(median(delistingTimes))}`);
console.log(`  peak RSS ${mb(process.resourceUsage().maxRSS * 1024)} (target ≤ 2 GB)`);
