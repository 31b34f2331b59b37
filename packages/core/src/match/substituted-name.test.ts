/**
 * A name in place of another counts against a match beyond the words' share of the names; a name left out
 * does not. On the bundled SDN list of 2023-12-28: each listed person's name of three words or more is
 * screened with its middle word left out, and with that word replaced by another listed person's name.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import type { Entity } from '../model/entity.js';
import { nameTokens } from '../text/normalize.js';
import { consonantSkeleton } from '../text/equivalences.js';
import { ScreeningEngine } from './engine.js';
import { nameForms } from './name-form.js';
import { bundledSdnEntities } from '../../../../test/bundled-sdn.js';

/** Given names to put in another's place, of consonants no listed name below shares with them. */
const OTHERS = ['KHALIL', 'DMITRY', 'ZHONGWEI'];

describe('another name in the place of one, on the bundled OFAC SDN list', () => {
  let engine: ScreeningEngine;
  let cases: { record: Entity; words: string[]; middle: number }[];

  beforeAll(async () => {
    const entities = await bundledSdnEntities();
    engine = new ScreeningEngine(entities);
    cases = [];
    for (const e of entities) {
      if (e.schema !== 'Person' || cases.length >= 300) continue;
      const words = nameTokens(e.caption);
      if (words.length < 3) continue;
      const tokens = nameForms(e.caption, 'person')[0].tokens;
      const middle = Math.floor(words.length / 2);
      if (tokens.length !== words.length || tokens[middle].role !== 'word') continue;
      cases.push({ record: e, words, middle });
    }
  }, 120_000);

  const scored = (name: string, record: Entity) =>
    engine.screen({ name, schema: 'Person' }, { limit: 50, minScore: 0 }).find((m) => m.id === record.id);

  it('counts a name put in place of another, and never a name left out', () => {
    expect(cases.length).toBeGreaterThan(100);
    const wrong: string[] = [];
    for (const { record, words, middle } of cases) {
      const other = OTHERS.find((o) => words.every((w) => consonantSkeleton(o.toLowerCase()) !== consonantSkeleton(w)))!;
      const omitted = [...words.slice(0, middle), ...words.slice(middle + 1)].join(' ');
      const replaced = [...words.slice(0, middle), other, ...words.slice(middle + 1)].join(' ');
      const left = scored(omitted, record);
      const put = scored(replaced, record);
      const counts = (m: typeof put) => m?.explanation.scorers.some((s) => s.name === 'substitutedName') ?? false;
      if (counts(left)) wrong.push(`${omitted}: a name left out counted`);
      // (Where the record's best name is an alias without the word, nothing was put in its place.)
      const inPlace = put?.explanation.unmatched.listed.some((w) => nameTokens(w).includes(words[middle])) ?? false;
      if (put && inPlace && !counts(put)) wrong.push(`${replaced}: not counted`);
      if (put && left && put.score > left.score) wrong.push(`${replaced} (${put.score}) above ${omitted} (${left.score})`);
    }
    expect(wrong).toEqual([]);
  });
});
