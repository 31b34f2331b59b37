/**
 * German, Polish and Czech files spell Russian and other Cyrillic names their own way: j for the y of
 * English spellings, and (German) sch for zh (Jurij Tschaika ~ CHAYKA, Yuriy; Jewgenij Prigoschin ~
 * PRIGOZHIN, Yevgeniy). The reading applies only to persons listed as nationals or citizens of a country
 * that wrote Cyrillic, and finds them through its own blocking key; elsewhere j is another sound.
 */
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { ScreeningEngine } from './engine.js';
import { germanReading } from './token-similarity.js';
import { bundledSdnEntities, listedAs } from '../../../../test/bundled-sdn.js';
import { expectNationalSpelling, expectNeverLowers, personToken } from '../../../../test/national-readings.js';

const token = personToken;

describe('tokenSimilarity with German spellings of Cyrillic names', () => {
  it.each([
    ['yuriy', 'jurij'],
    ['yevgeniy', 'jewgenij'],
    ['prigozhin', 'prigoschin'],
    ['marya', 'marja'],
  ])('%s ~ %s for a person of a country that wrote Cyrillic, less otherwise', (listed, query) =>
    expectNationalSpelling(query, listed, { germanSpelling: true }),
  );

  it('reads sch as zh but leaves tsch (ch) alone', () => {
    expect(germanReading(token('prigoschin')).text).toBe('prigozhin');
    expect(germanReading(token('tschaika')).text).toBe('tschaika');
  });

  it('never lowers a similarity', () => {
    expectNeverLowers({ germanSpelling: true }, fc.stringMatching(/^[a-z]{2,6}(j|sch)?[a-z]{0,5}$/));
  });
});

describe('German spellings of Russian listed persons, on the bundled OFAC SDN list', () => {
  let engine: ScreeningEngine;
  const ids: Record<string, string> = {};

  beforeAll(async () => {
    const entities = await bundledSdnEntities();
    // By their listed names only; and the same names listed as Spanish nationals, whom the reading is not for.
    const russians = ['CHAYKA, Yuriy Yakovlevich', 'PRIGOZHIN, Yevgeniy Viktorovich'].map((c) => listedAs(entities, c));
    for (const e of russians) ids[e.caption] = e.id;
    const spanish = russians.map((e, i) => ({
      ...e,
      id: `test:es-${i}`,
      properties: { ...e.properties, nationality: [{ value: 'ES' }], citizenship: undefined },
    }));
    engine = new ScreeningEngine([...entities.filter((e) => !russians.some((r) => r.id === e.id)), ...russians, ...spanish]);
  }, 120_000);

  it.each([
    ['Jurij Tschaika', 'CHAYKA, Yuriy Yakovlevich', 'test:es-0'],
    ['Jewgenij Prigoschin', 'PRIGOZHIN, Yevgeniy Viktorovich', 'test:es-1'],
  ])('%s alerts on %s, and not on the same name listed as Spanish', (name, caption, spanish) => {
    const matches = engine.screen({ name, schema: 'Person' });
    expect(matches.find((m) => m.id === ids[caption])?.alert).toBe(true);
    expect(matches.find((m) => m.id === spanish)?.alert ?? false).toBe(false);
  });
});
