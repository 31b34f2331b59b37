import { countBySchema, values, type Entity } from '@embargo/core';
import { beforeAll, describe, expect, test } from 'vitest';
import { join } from 'node:path';
import { BUNDLED_DATA, hasShared, sharedList } from '../../../../../test/shared-data.js';
import type { ParsedList } from '../../format.js';
import { listFile } from '../../io.js';
import { parseUnXml } from './index.js';

const unFile = (date: string) => listFile(sharedList(`un-sc/${date}/consolidated.xml`), `un-sc/${date}/consolidated.xml`);
const byId = (list: ParsedList, id: string): Entity => {
  const entity = list.entities.find((e) => e.id === id);
  if (!entity) throw new Error(`${id} not found`);
  return entity;
};
const referencesWith = (list: ParsedList, prefix: string) => list.entities.filter((e) => e.id.startsWith(`un:${prefix}.`)).length;

// Counts from PROVENANCE.md.
const PUBLICATIONS = [
  { date: '2017-07-03', individuals: 650, entities: 371, KPi: 53, KPe: 46 },
  { date: '2018-10-29', individuals: 703, entities: 390, KPi: 80, KPe: 75 },
  { date: '2026-02-27', individuals: 730, entities: 273, KPi: 80, KPe: 75 },
];

describe.each(PUBLICATIONS.filter((p) => hasShared(`un-sc/${p.date}/consolidated.xml`)))('un-sc/$date/consolidated.xml', (expected) => {
  let list: ParsedList;
  beforeAll(async () => {
    list = await parseUnXml(unFile(expected.date));
  });

  test('states its date and source', () => {
    expect(list.published).toBe(expected.date);
    expect(list.format).toBe('un-xml');
    expect(list.source).toBe('un-sc');
  });

  test('has every individual and entity of PROVENANCE.md', () => {
    expect(countBySchema(list.entities)).toEqual({ Person: expected.individuals, Organization: expected.entities });
    expect(referencesWith(list, 'KPi')).toBe(expected.KPi);
    expect(referencesWith(list, 'KPe')).toBe(expected.KPe);
  });

  test('every record has a name and the UN list it is on', () => {
    for (const e of list.entities) {
      expect(e.caption, e.id).not.toBe('');
      expect(values(e, 'program'), e.id).toHaveLength(1);
    }
  });
});

describe('un-sc/2026-02-27 record facts', () => {
  let list: ParsedList;
  beforeAll(async () => {
    list = await parseUnXml(unFile('2026-02-27'));
  });

  test('KPi.057 JANG SUNG NAM, listed 2017-08-05, passport 563120368', () => {
    const e = byId(list, 'un:KPi.057');
    expect(e.schema).toBe('Person');
    expect(e.caption).toBe('JANG SUNG NAM');
    expect(e.properties.name).toEqual([{ value: 'JANG SUNG NAM', parts: { ordered: ['JANG', 'SUNG NAM'] } }]);
    expect(values(e, 'listingDate')).toEqual(['2017-08-05']);
    expect(e.properties.passportNumber).toEqual([
      { value: '563120368', kind: 'Passport', note: 'issued 2013-03-22; Passport expiration date: March 22, 2018' },
    ]);
    expect(e.properties.nationality).toEqual([{ value: 'KP', original: "Democratic People's Republic of Korea" }]);
    expect(values(e, 'birthDate')).toEqual(['1970-07-14']);
    expect(values(e, 'program')).toEqual(['DPRK']);
  });

  test('BETWEEN dates of birth become a year range', () => {
    expect(byId(list, 'un:KPi.066').properties.birthDate).toEqual([{ value: '1967', until: '1969' }]);
  });

  test('APPROXIMATELY marks the date approximate, beside an exact one', () => {
    expect(byId(list, 'un:CDi.014').properties.birthDate).toEqual([{ value: '1962-03-17' }, { value: '1966', approximate: true }]);
  });

  test('a month in the NOTE of a YEAR date of birth is read into the date', () => {
    expect(byId(list, 'un:QDi.395').properties.birthDate).toContainEqual({ value: '1958-09', original: 'Sep. 1958' });
  });

  test('a Hijri date of birth is reported, not guessed', () => {
    expect(list.issues).toContainEqual(expect.objectContaining({ recordId: 'un:QDi.291', raw: '24/06/1402 (Hijri Calendar)' }));
  });

  test('alias QUALITY Low is a weak alias, f.k.a. a previous name', () => {
    expect(byId(list, 'un:KPi.064').properties.weakAlias).toContainEqual({ value: 'Choe Sok Min', weak: true });
    expect(values(byId(list, 'un:KPe.002'), 'previousName')).toContain('LYONGAKSAN GENERAL TRADING CORPORATION');
  });

  test('several names in one ALIAS_NAME become one alias each, notes in brackets dropped', () => {
    const ghul = values(byId(list, 'un:QDi.306'), 'alias');
    expect(ghul).toEqual(expect.arrayContaining(['حسن غول', 'Hassan Ghul', 'Hassan Gul', 'Hasan Gul']));
    expect(ghul.some((v) => v.includes(';') || v.includes('('))).toBe(false);
    expect(values(byId(list, 'un:IRi.003'), 'alias')).toEqual(expect.arrayContaining(['Azim Adhajani', 'Azim Agha-Jani']));
    for (const e of list.entities)
      for (const p of ['alias', 'weakAlias', 'previousName'] as const) expect(values(e, p).filter((v) => v.includes(';'))).toEqual([]);
  });

  test('NAME_ORIGINAL_SCRIPT is an alias with its script', () => {
    expect(byId(list, 'un:QDi.001').properties.alias).toContainEqual({ value: 'محمد صلاح الدين عبدالحليم زيدان', script: 'Arab' });
  });

  test('empty alias placeholders are skipped; GENDER and a year-only EXACT date are read', () => {
    const e = byId(list, 'un:CDi.001');
    expect(e.properties.alias).toBeUndefined();
    expect(values(e, 'gender')).toEqual(['male']);
    expect(values(e, 'birthDate')).toEqual(['1971']);
    expect(e.properties.country).toEqual([{ value: 'RW', original: 'Rwanda', note: 'as of early 2016' }]);
  });

  test('entity addresses keep their parts and country', () => {
    const e = byId(list, 'un:KPe.001');
    expect(e.schema).toBe('Organization');
    expect(e.properties.address).toEqual([{ value: "Central District, Pyongyang, Democratic People's Republic of Korea", country: 'KP' }]);
    expect(values(e, 'alias')).toContain('KOMID');
  });

  test('a document NUMBER written as a phrase gives the number, the phrase kept', () => {
    const passports = list.entities.flatMap((e) => e.properties.passportNumber ?? []);
    expect(passports).toContainEqual(expect.objectContaining({ value: '513519', original: 'Libyan passport No. 513519' }));
  });
});

describe('the bundled data/un-sc/2026-02-27: aliases without the quotes the list writes around them', () => {
  let list: ParsedList;
  beforeAll(async () => {
    list = await parseUnXml(listFile(join(BUNDLED_DATA, 'un-sc/2026-02-27/consolidated.xml'), 'un-sc/2026-02-27/consolidated.xml'));
  });

  test('KOMID\'s alias is KOMID (the list writes "KOMID"), and no name keeps a double quote', () => {
    const komid = byId(list, 'un:KPe.001');
    expect(values(komid, 'alias')).toContain('KOMID');
    expect(values(komid, 'alias').filter((a) => /["“”]/.test(a))).toEqual([]);
    // Straight and curly quotes alike, around the whole alias or one word of it.
    const quoted = list.entities.flatMap((e) => [...values(e, 'alias'), ...values(e, 'weakAlias'), ...values(e, 'previousName')]);
    expect(quoted.filter((a) => /["“”„‟]/.test(a))).toEqual([]);
    expect(quoted).toEqual(expect.arrayContaining(['Chief Kahwa', 'General Sidiki', 'GODANE', 'The Base']));
    // A single quote is a letter (an ayn) and stays.
    expect(quoted).toContain('‘Abd al-Rahman');
  });
});

describe.skipIf(!hasShared('un-sc/2017-07-03', 'un-sc/2018-10-29'))('older generators', () => {
  test('2017-07-03: KPi.057 is not yet listed (UNSCR 2371, 5 Aug 2017)', async () => {
    const list = await parseUnXml(unFile('2017-07-03'));
    expect(list.entities.some((e) => e.id === 'un:KPi.057')).toBe(false);
    // LISTED_ON with a time-zone suffix, as this generator writes some.
    expect(byId(list, 'un:YEi.004').properties.listingDate).toEqual([{ value: '2015-04-14', original: '2015-04-14-04:00' }]);
    // FIRST_NAME " RI " is trimmed.
    expect(byId(list, 'un:KPi.033').caption).toBe('RI WON HO');
  });

  test('2018-10-29: Tigrinya names are Ethiopic script, the language in the note', async () => {
    const list = await parseUnXml(unFile('2018-10-29'));
    expect(byId(list, 'un:LYi.022').properties.alias).toContainEqual({ value: 'ፍትዊ ዓብዱረዛቕ', script: 'Ethi', note: 'Tigrinya' });
  });
});
