/**
 * The name index is an optimisation, not a filter: on the dev evaluation set, `engine.screen` raises
 * exactly the alerts that comparing the query with every listed name would raise.
 *
 * The brute force is the same engine whose index hands back every name instead of a few hundred
 * (`NameIndex.candidates` is a public method, replaced on one instance). Aligning all 37,000 dev names
 * costs ~250 ms per query reading, too slow for the ~300 queries we want, so the "every name" engine
 * first drops the names that cannot align at all: a name aligns only if one of its tokens, or two
 * neighbouring tokens read as one, pairs with the query (that is how `alignNames` builds its options),
 * and a name with no pair scores 0, below any alert. Those pieces are asked of `alignNames` itself, on
 * one- and two-token slices of each name. A few queries are also run with no pruning at all, to check
 * that the pruning changes nothing.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { detectPublications, parsePublication } from '@embargo/lists';
import type { Entity } from '../model/entity.js';
import { MIN_TOKEN_SIMILARITY } from './align.js';
import { ScreeningEngine } from './engine.js';
import { tokenKeys, type NameForm, type NameToken } from './name-form.js';
import type { ScreeningQuery } from './query.js';
import { tokenSimilarity } from './token-similarity.js';
import { SHARED_DIR } from '../../../../test/shared-data.js';

const DEV = join(SHARED_DIR, 'eval', 'dev');
/** Queries per category at most; the whole sample is ~300 (every category, the small ones whole). */
const SAMPLE_SIZE = 300;
/** Queries checked against the unpruned brute force too (each costs ~0.3–1.5 s). */
const UNPRUNED_CHECKS = 12;

interface DevQuery extends ScreeningQuery {
  id: string;
  category: string;
}

function readJsonl<T>(path: string): T[] {
  return readFileSync(path, 'utf8')
    .split('\n')
    .filter((l) => l.trim())
    .map((l) => JSON.parse(l) as T);
}

/** Every k-th query of each category, in file order: deterministic, and every category is represented. */
function stratifiedSample(queries: DevQuery[], size: number): DevQuery[] {
  const byCategory = new Map<string, DevQuery[]>();
  for (const q of queries) byCategory.set(q.category, [...(byCategory.get(q.category) ?? []), q]);
  const out: DevQuery[] = [];
  for (const group of byCategory.values()) {
    const take = Math.max(Math.min(group.length, 4), Math.round((size * group.length) / queries.length));
    const step = group.length / take;
    for (let k = 0; k < take; k++) out.push(group[Math.floor(k * step)]);
  }
  return out;
}

/** Two neighbouring tokens read as one, as `alignNames` does (`Tong`+`Chol` → `tongchol`). */
function joinedToken(a: NameToken, b: NameToken): NameToken {
  const text = a.text + b.text;
  return { text, ...tokenKeys(text), role: a.role === 'word' || b.role === 'word' ? 'word' : a.role };
}

/** `alignNames` joins neighbours only up to 16 letters and ±2 from the other token: looser here, to keep a superset. */
const JOINED_MAX_LENGTH = 18;
const JOINED_LENGTH_SLACK = 3;

/**
 * The lowest name score that can still alert: the threshold less everything the other scorers can add
 * (each scorer's value is at most 1; the identifier scorer adds nothing without query identifiers), less
 * the 0.05 a weak alias loses when the engine picks an entity's best name, so that pruning a name can
 * never change which name is picked for an entity that alerts.
 */
function lowestAlertingNameScore(engine: ScreeningEngine): number {
  const bonus = engine.algorithm.scorers
    .filter((s) => s.name !== 'nameSimilarity' && s.name !== 'identifierMatch')
    .reduce((sum, s) => sum + Math.max(0, s.weight), 0);
  return engine.algorithm.threshold - bonus - 0.05 - 0.01;
}

/**
 * Replaces the engine's index lookup with every listed name; with `prune`, only those whose name score
 * could reach `lowestAlertingNameScore`: a listed token counts towards the score only when it pairs with a
 * query token (or with two joined, or two listed neighbours joined pair with one), so the score is at
 * most (query weight + weight of listed tokens that can pair) / (query weight + listed weight).
 */
function compareWithEveryName(engine: ScreeningEngine, prune: boolean): void {
  const index = engine.index;
  const everyName = index.names.map((_, id) => id);
  const weight = index.tokenWeight;
  const floor = lowestAlertingNameScore(engine);
  index.candidates = (form: NameForm): number[] => {
    if (!prune) return everyName;
    const q = form.tokens;
    const queryJoined = q.slice(1).map((t, i) => joinedToken(q[i], t));
    const against = [...q, ...queryJoined];
    const queryWeight = q.reduce((sum, t) => sum + weight(t), 0);
    const close = (a: NameToken, b: NameToken, unwrittenVowels: boolean) => tokenSimilarity(a, b, { unwrittenVowels }).similarity >= MIN_TOKEN_SIMILARITY;
    // Listed tokens are shared objects with small ids (the index interns them): 0 unknown, 1 pairs, 2 does not.
    const singles = [new Uint8Array(1 << 20), new Uint8Array(1 << 20)];
    const neighbours = new Map<number, boolean>();
    const pairs = (t: NameToken, arabic: boolean): boolean => {
      const known = singles[+arabic];
      if (known[t.id!] === 0) known[t.id!] = against.some((a) => close(a, t, arabic)) ? 1 : 2;
      return known[t.id!] === 1;
    };
    const neighboursPair = (a: NameToken, b: NameToken, arabic: boolean): boolean => {
      const length = a.text.length + b.text.length;
      if (length > JOINED_MAX_LENGTH || !q.some((t) => Math.abs(t.text.length - length) <= JOINED_LENGTH_SLACK)) return false;
      const key = (a.id! * (1 << 20) + b.id!) * 2 + +arabic;
      let known = neighbours.get(key);
      if (known === undefined) {
        const joined = joinedToken(a, b);
        neighbours.set(key, (known = q.some((t) => close(t, joined, arabic))));
      }
      return known;
    };
    const __t = performance.now(); const __r = everyName.filter((id) => {
      const name = index.names[id].form;
      const arabic = name.script === 'Arab' || form.script === 'Arab';
      const t = name.tokens;
      let listedWeight = 0;
      let pairable = 0;
      for (let j = 0; j < t.length; j++) {
        const w = weight(t[j]);
        listedWeight += w;
        const joinsNext = j + 1 < t.length && neighboursPair(t[j], t[j + 1], arabic);
        const joinsPrevious = j > 0 && neighboursPair(t[j - 1], t[j], arabic);
        if (joinsNext || joinsPrevious || pairs(t[j], arabic)) pairable += w;
      }
      return (queryWeight + pairable) / (queryWeight + listedWeight) >= floor;
    });
    (globalThis as any).__prof.push([form.reading, __r.length, performance.now() - __t]);
    return __r;
  };
}

const alertIds = (engine: ScreeningEngine, q: ScreeningQuery): string[] =>
  engine
    .screen({ name: q.name, schema: q.schema, birthDate: q.birthDate, country: q.country }, { limit: 1000 })
    .filter((m) => m.alert)
    .map((m) => m.id)
    .sort();

describe('name index on the dev evaluation set', () => {
  let sample: DevQuery[];
  let indexed: ScreeningEngine;
  let pruned: ScreeningEngine;

  beforeAll(async () => {
    const queries = readJsonl<DevQuery>(join(DEV, 'queries.jsonl'));
    const truth = new Map(readJsonl<{ id: string; category: string }>(join(DEV, 'truth.jsonl')).map((t) => [t.id, t.category]));
    sample = stratifiedSample(
      queries.map((q) => ({ ...q, category: truth.get(q.id)! })),
      SAMPLE_SIZE,
    );
    const { publications } = await detectPublications(join(DEV, 'lists'));
    const entities: Entity[] = [];
    for (const d of publications) entities.push(...(await parsePublication(d)).entities);
    indexed = new ScreeningEngine(entities);
    pruned = new ScreeningEngine(entities);
    compareWithEveryName(pruned, true);
  }, 120_000);

  it('samples every category', () => {
    expect(new Set(sample.map((q) => q.category)).size).toBe(18);
    expect(sample.length).toBeGreaterThanOrEqual(280);
  });

  it.only('raises the same alerts as comparing every listed name', () => {
    const differences: { id: string; name: string; indexed: string[]; everyName: string[] }[] = [];
    let alerting = 0;
    (globalThis as any).__prof = [];
    for (const q of sample) {
      const __t0 = performance.now();
      const viaIndex = alertIds(indexed, q);
      const viaEveryName = alertIds(pruned, q);
      if (viaIndex.length) alerting++;
      const __p = (globalThis as any).__prof.splice(0); console.log(q.category, (performance.now()-__t0).toFixed(0), JSON.stringify(__p.map((x: any) => [x[0], x[1], Math.round(x[2])])));
      if (viaIndex.join() !== viaEveryName.join()) differences.push({ id: q.id, name: q.name, indexed: viaIndex, everyName: viaEveryName });
    }
    // A sample where nothing alerts would make the comparison empty.
    expect(alerting).toBeGreaterThan(sample.length / 4);
    expect(differences).toEqual([]);
  }, 120_000);

  it('prunes only names that cannot alert (checked against no pruning at all)', async () => {
    const { publications } = await detectPublications(join(DEV, 'lists'));
    const entities: Entity[] = [];
    for (const d of publications) entities.push(...(await parsePublication(d)).entities);
    const everyName = new ScreeningEngine(entities);
    compareWithEveryName(everyName, false);
    const step = Math.floor(sample.length / UNPRUNED_CHECKS);
    const checks = sample.filter((_, k) => k % step === 0).slice(0, UNPRUNED_CHECKS);
    const alerts = (engine: ScreeningEngine, q: ScreeningQuery) =>
      engine.screen(q, { limit: 1000 }).filter((m) => m.alert).map((m) => [m.id, m.score]);
    for (const q of checks) expect(alerts(pruned, q), q.name).toEqual(alerts(everyName, q));
  }, 120_000);
});
