/**
 * A higher minScore gives the same alerts as a lower one, only fewer matches below them. Payment and
 * shipment screening ask for matches at their hold threshold (0.81) and must alert where `embargo screen`
 * does: the engine's early cut on poorly aligned names once followed minScore up, and left out matches
 * that the scorers then lift above it (a listed name wholly inside the query gives back part of what its
 * leftover words took). Checked on the bundled SDN and UN lists, with their names written as customers write
 * them: words dropped, added or swapped, the family name first.
 */
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { detectPublications, parsePublication } from '@embargo/lists';
import type { Entity } from '../model/entity.js';
import { ScreeningEngine } from './engine.js';
import { BUNDLED_DATA } from '../../../../test/shared-data.js';

async function load(folder: string): Promise<Entity[]> {
  const { publications } = await detectPublications(join(BUNDLED_DATA, folder));
  return (await parsePublication(publications[0])).entities;
}

const HOLD = 0.81;

describe('minScore at the alert threshold, on the bundled SDN and UN lists', () => {
  let engine: ScreeningEngine;
  let queries: string[] = [];

  beforeAll(async () => {
    const entities = [...(await load('ofac-sdn/2023-12-28')), ...(await load('un-sc/2026-02-27'))];
    engine = new ScreeningEngine(entities);
    // Every 8th listed person or firm, its name rewritten four ways.
    const names = entities.filter((_, i) => i % 8 === 0).map((e) => e.caption.replace(/,/g, ''));
    queries = names.flatMap((name) => {
      const words = name.split(/\s+/).filter(Boolean);
      return [
        words.slice(0, -1).join(' '),
        [...words, 'Trading'].join(' '),
        [...words.slice(1), words[0]].join(' '),
        words.length > 2 ? [words[0], words[words.length - 1]].join(' ') : `${name} Ali`,
      ].filter((q) => q.length > 3);
    });
  }, 120_000);

  it('has queries to try', () => expect(queries.length).toBeGreaterThan(1500));

  it('alerts as a low minScore does, on every query', () => {
    const differing: string[] = [];
    for (const name of queries) {
      const low = engine
        .screen({ name }, { minScore: 0.4, limit: 50 })
        .filter((m) => m.score >= HOLD)
        .map((m) => `${m.id} ${m.score}`);
      const high = engine.screen({ name }, { minScore: HOLD, limit: 50 }).map((m) => `${m.id} ${m.score}`);
      if (low.join() !== high.join()) differing.push(`${name}: ${low.join(', ')} | ${high.join(', ')}`);
    }
    expect(differing).toEqual([]);
  });

  it('alerts on the listed MAAROUFI, Tarek Ben Habib for "Tarek MAAROUFI" at the hold threshold too', () => {
    const low = engine.screen({ name: 'Tarek MAAROUFI' }, { minScore: 0.4 }).filter((m) => m.alert);
    expect(low.length).toBeGreaterThan(0);
    const high = engine.screen({ name: 'Tarek MAAROUFI' }, { minScore: HOLD });
    expect(high.map((m) => m.id)).toEqual(low.map((m) => m.id));
  });
});
