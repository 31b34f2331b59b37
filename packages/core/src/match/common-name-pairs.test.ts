/**
 * A name of two common words in other spellings than the listed ones: "Abdullah Muhammad" against the
 * listed MOHAMMED, Abdallah. Each word's own spelling selects hundreds of names, and the listed spellings
 * share with the query only keys too common to select on (a skeleton of every Abdallah, a key of every
 * Muhammad); the names holding both are few, and must be aligned. Generated on the bundled OFAC SDN list:
 * each record of two common words, screened with every other spelling of both.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import type { Entity } from '../model/entity.js';
import { ScreeningEngine } from './engine.js';
import { bundledSdnEntities } from '../../../../test/bundled-sdn.js';

/** Spellings of one name each, as the lists and customer files write them. */
const SPELLINGS = {
  muhammad: ['Muhammad', 'Mohammed', 'Mohamed', 'Mohammad'],
  abdullah: ['Abdullah', 'Abdallah', 'Abdalla'],
  ahmad: ['Ahmad', 'Ahmed'],
  hussein: ['Hussein', 'Husayn', 'Hossein', 'Husain'],
};
/** Family name, given name. */
const PAIRS: [keyof typeof SPELLINGS, keyof typeof SPELLINGS][] = [
  ['muhammad', 'abdullah'],
  ['ahmad', 'muhammad'],
  ['hussein', 'muhammad'],
];

describe('two common words in other spellings, on the bundled OFAC SDN list', () => {
  let engine: ScreeningEngine;
  const cases: { query: string; id: string; listed: string }[] = [];

  beforeAll(async () => {
    const records: Entity[] = [];
    for (const [family, given] of PAIRS)
      for (const f of SPELLINGS[family])
        for (const g of SPELLINGS[given]) {
          const id = `test:${records.length}`;
          const listed = `${f.toUpperCase()}, ${g}`;
          records.push({ id, source: 'test', schema: 'Person', caption: listed, properties: { name: [{ value: listed }] } });
          for (const f2 of SPELLINGS[family])
            for (const g2 of SPELLINGS[given]) if (f2 !== f && g2 !== g) cases.push({ query: `${g2} ${f2}`, id, listed });
        }
    engine = new ScreeningEngine([...(await bundledSdnEntities()), ...records]);
  }, 120_000);

  it('alerts on the listed name', () => {
    const missed = cases.filter(
      ({ query, id }) => !engine.screen({ name: query }, { minScore: 0.4, limit: 50 }).some((m) => m.id === id && m.alert),
    );
    expect(cases.length).toBeGreaterThan(150);
    expect(missed.map((c) => `${c.query} → ${c.listed}`)).toEqual([]);
  });
});
