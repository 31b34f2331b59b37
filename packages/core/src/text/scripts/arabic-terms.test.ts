/**
 * English readings of organisations' names written in Arabic script, checked on examples and on the
 * UN list, which gives both the original-script name and the English one of many groups.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { sharedList, unXmlField } from '../../../../../test/shared-data.js';
import { translateArabicOrganisationName } from './arabic-terms.js';
import { latinReadings } from './index.js';

describe('translateArabicOrganisationName', () => {
  it.each([
    ['الجماعة الإسلامية المقاتلة الليبية', 'group islamic fighting libyan'],
    ['الدولة الإسلامية في العراق والشام', 'state islamic in iraq and levant'],
    ['حركة التوحيد والجهاد في غرب إفريقيا', 'movement unity and jihad in west africa'],
    // bi- written onto a word without the article: ببلاد is bi + bilad.
    ['تنظيم القاعدة ببلاد المغرب الإسلامي', 'organization qaida in lands maghreb islamic'],
    // Persian and Urdu letters: صرافی, شبکه, the Urdu ھ of المھاجرین.
    ['تنظیم جیش المھاجرین و الأنصار', 'organization army emigrants and supporters'],
    ['صرافی روشان', 'exchange rushan'],
    ['شبکه حقانی', 'network haqqani'],
    // HAMAS's full name; the National Iranian Oil and Tanker Companies.
    ['حركة المقاومة الإسلامية', 'movement resistance islamic'],
    ['شركة النفط الوطنية الإيرانية', 'company oil national iranian'],
    ['الشركة الوطنية الإيرانية للناقلات', 'company national iranian for tanker'],
  ])('%s → %s', (arabic, english) => {
    expect(translateArabicOrganisationName(arabic)[0]).toBe(english);
  });

  it('gives each usual translation of a word, within a bound', () => {
    expect(translateArabicOrganisationName('الجماعة التونسية المقاتلة')).toEqual(['group tunisian fighting', 'group tunisian combatant']);
    expect(translateArabicOrganisationName('الدولة الإسلامية في العراق والشام - المغرب').length).toBeLessThanOrEqual(4);
  });

  it('keeps Latin words as they are, whatever they spell', () => {
    expect(translateArabicOrganisationName('جماعة constructor')).toEqual(['group constructor']);
  });

  it('leaves names without a word for a kind of organisation alone: people are not translated', () => {
    expect(translateArabicOrganisationName('محمد الليبي')).toEqual([]);
    expect(translateArabicOrganisationName('جمال نصر الإسلام')).toEqual([]);
  });

  it('adds the English reading to the transliteration, which stays first', () => {
    expect(latinReadings('الجماعة التونسية المقاتلة')).toEqual([
      'al jamaa al tunsya al mqatla',
      'group tunisian fighting',
      'group tunisian combatant',
    ]);
  });
});

describe('UN consolidated list 2026-02-27, names in Arabic script', () => {
  const xml = readFileSync(sharedList('un-sc/2026-02-27/consolidated.xml'), 'utf8');
  const named = (kind: 'ENTITY' | 'INDIVIDUAL') =>
    xml
      .split(`<${kind}>`)
      .slice(1)
      .map((block) => ({ original: unXmlField(block, 'NAME_ORIGINAL_SCRIPT'), english: unXmlField(block, 'FIRST_NAME') }))
      .filter((n) => /[\u0600-\u06ff]/.test(n.original));
  const SMALL_WORDS = new Set(['the', 'of', 'al', 'in', 'and', 'for']);

  it("reads most groups' names with three in four words of the English name the UN gives them, or more", () => {
    const entities = named('ENTITY');
    const agreeing = entities.filter(({ original, english }) => {
      const words = english
        .toLowerCase()
        .split(/[^a-z]+/)
        .filter((w) => w !== '' && !SMALL_WORDS.has(w));
      return translateArabicOrganisationName(original).some((reading) => {
        const read = new Set(reading.split(' '));
        return words.filter((w) => read.has(w)).length >= 0.75 * words.length;
      });
    });
    // Measured 2026-12: 9 of the 39 groups; most others are listed by transliteration (ASBAT AL-ANSAR).
    expect(entities.length).toBe(39);
    expect(agreeing.map((n) => n.english)).toEqual(
      expect.arrayContaining(['LIBYAN ISLAMIC FIGHTING GROUP', 'ISLAMIC STATE IN IRAQ AND THE LEVANT - YEMEN', 'ARMED ISLAMIC GROUP']),
    );
    expect(agreeing.length).toBeGreaterThanOrEqual(9);
  });

  it('translates none of the 327 individuals', () => {
    const individuals = named('INDIVIDUAL');
    expect(individuals.length).toBe(327);
    expect(individuals.filter((n) => translateArabicOrganisationName(n.original).length > 0)).toEqual([]);
  });
});
