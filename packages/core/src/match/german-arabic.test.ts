/**
 * German files spell Arabic and Persian names their own way: ch for the kh of English spellings, sch for
 * sh, dsch for j and j for y (Chamenei ~ KHAMENEI, Scheich ~ SHEIKH, Dschamal ~ JAMAL, Ijad ~ IYAD). The
 * reading applies only to persons listed as nationals or citizens of a country that writes Arabic script,
 * and finds them through its own blocking key; elsewhere ch and j are other sounds.
 */
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Entity } from '../model/entity.js';
import { ScreeningEngine } from './engine.js';
import { germanArabicReading } from './token-similarity.js';
import { bundledSdnEntities, withoutAliases } from '../../../../test/bundled-sdn.js';
import { expectNationalSpelling, expectNeverLowers, personToken } from '../../../../test/national-readings.js';

const token = personToken;

describe('tokenSimilarity with German spellings of Arabic names', () => {
  it.each([
    ['khalid', 'chalid'],
    ['sheikh', 'scheich'],
    ['jamal', 'dschamal'],
    ['iyad', 'ijad'],
    ['yusuf', 'jusuf'],
  ])('%s ~ %s for a person of a country that writes Arabic script, less otherwise', (listed, query) =>
    expectNationalSpelling(query, listed, { germanArabic: true }),
  );

  it('reads each German letter group as the English one', () => {
    expect(germanArabicReading(token('dschaafar')).text).toBe('yaafar');
    expect(germanArabicReading(token('jaafar')).text).toBe('yaafar');
    expect(germanArabicReading(token('scheich')).text).toBe('sheikh');
    expect(germanArabicReading(token('hassan')).text).toBe('hassan');
  });

  it('never lowers a similarity', () => {
    expectNeverLowers({ germanArabic: true }, fc.stringMatching(/^[a-z]{2,6}(j|ch|sch|dsch)?[a-z]{0,5}$/));
  });
});

/** A name as a German file writes it: kh as ch, sh as sch, j as dsch, y before a vowel as j. */
function germanSpelling(name: string): string {
  return name.toLowerCase().replace(/kh|sh|j|y(?=[aeiou])/g, (letters) => ({ kh: 'ch', sh: 'sch', j: 'dsch', y: 'j' })[letters]!);
}

const ARABIC_SCRIPT = new Set(['IQ', 'SY', 'SA', 'YE', 'EG', 'LB', 'JO', 'KW', 'AE', 'QA', 'BH', 'OM', 'LY', 'SD', 'SO', 'PS', 'IR', 'AF']);

describe('German spellings of listed persons of Arabic-script countries, on the bundled OFAC SDN list', () => {
  let engine: ScreeningEngine;
  let persons: Entity[];
  let relabelled: Entity[];

  beforeAll(async () => {
    const entities = (await bundledSdnEntities()).map(withoutAliases);
    const national = (e: Entity) => e.properties.nationality?.some((n) => ARABIC_SCRIPT.has(n.value)) ?? false;
    // Persons whose listed name a German file would write otherwise, by their listed names only; and the
    // same names listed as Spanish nationals, whom the reading is not for.
    persons = entities.filter((e) => e.schema === 'Person' && national(e) && germanSpelling(e.caption) !== e.caption.toLowerCase());
    relabelled = persons.map((e) => ({
      ...e,
      id: `test:es-${e.id}`,
      properties: { ...e.properties, nationality: [{ value: 'ES' }], citizenship: undefined },
    }));
    engine = new ScreeningEngine([...entities, ...relabelled]);
  }, 120_000);

  it('finds nearly all of them written the German way, and far fewer of the same names listed as Spanish', () => {
    expect(persons.length).toBeGreaterThan(150);
    let found = 0;
    let foundSpanish = 0;
    for (const [k, person] of persons.entries()) {
      const matches = engine.screen({ name: germanSpelling(person.caption), schema: 'Person' }, { limit: 20 });
      if (matches.find((m) => m.id === person.id)?.alert) found++;
      if (matches.find((m) => m.id === relabelled[k].id)?.alert) foundSpanish++;
    }
    expect(found / persons.length).toBeGreaterThan(0.95);
    expect(foundSpanish).toBeLessThan(found * 0.8);
  });
});
