import { describe, expect, it } from 'vitest';
import type { Entity } from '../model/entity.js';
import { comparePublicationSize, describeShrink, exceedsShare, publicationSize } from './shrink.js';

const record = (id: string, program: string | null, aliases: number): Entity => ({
  id,
  source: 'ofac-sdn',
  schema: 'Person',
  caption: id,
  properties: {
    name: [{ value: id }],
    ...(program ? { program: [{ value: program }] } : {}),
    ...(aliases ? { alias: Array.from({ length: aliases }, (_, i) => ({ value: `${id} ${i}` })) } : {}),
  },
});

const list = (counts: Record<string, number>, aliasesEach = 1): Entity[] =>
  Object.entries(counts).flatMap(([program, n]) => Array.from({ length: n }, (_, i) => record(`${program}-${i}`, program, aliasesEach)));

describe('publication shrink', () => {
  it.each([
    { why: 'a list cut to 60 % is beyond 5 %', before: { SDGT: 60, DPRK: 40 }, after: { SDGT: 60 }, exceeds: true },
    { why: 'a whole small programme delisted stays within 5 %', before: { SDGT: 97, BALKANS: 3 }, after: { SDGT: 97 }, exceeds: false },
    { why: 'growth never exceeds', before: { SDGT: 10 }, after: { SDGT: 20 }, exceeds: false },
    { why: 'nothing in force before never exceeds', before: {}, after: { SDGT: 1 }, exceeds: false },
  ])('$why', ({ before, after, exceeds }) => {
    const shrink = comparePublicationSize('ofac-sdn', publicationSize(list(before)), publicationSize(list(after)));
    expect(exceedsShare(shrink, 0.05)).toBe(exceeds);
  });

  it('counts aliases apart from records: a list that kept its records but lost its aliases shrank', () => {
    const shrink = comparePublicationSize('ofac-sdn', publicationSize(list({ SDGT: 100 }, 2)), publicationSize(list({ SDGT: 100 }, 0)));
    expect(shrink.records).toEqual({ before: 100, after: 100 });
    expect(shrink.aliases).toEqual({ before: 200, after: 0 });
    expect(exceedsShare(shrink, 0.05)).toBe(true);
  });

  it('says what shrank: records, aliases and the programmes that lost the most records', () => {
    const shrink = comparePublicationSize(
      'ofac-sdn',
      publicationSize(list({ SDGT: 6000, DPRK: 2000, IRAN: 1000 })),
      publicationSize(list({ SDGT: 4000, DPRK: 1900, IRAN: 1000 })),
    );
    expect(describeShrink(shrink)).toBe(
      'ofac-sdn: records 9,000 → 6,900 (−23.3 %), aliases 9,000 → 6,900 (−23.3 %); programmes that lost the most records: SDGT 6,000 → 4,000, DPRK 2,000 → 1,900',
    );
  });
});
