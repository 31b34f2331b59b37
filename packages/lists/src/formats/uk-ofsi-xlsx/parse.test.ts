import { values, type Entity } from '@embargo/core';
import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, test } from 'vitest';
import { sharedList } from '../../../../../test/shared-data.js';
import type { ParsedList } from '../../format.js';
import { listFile } from '../../io.js';
import { parseUkOfsiXlsx, readUkOfsiXlsx } from './index.js';

const NAME = 'uk-hmt-conlist/2025-04-14/ConList.xlsx';
const file = () => listFile(sharedList(NAME), NAME);
const isDprk = (text: string) => /Democratic People's Republic of Korea|North Korea/.test(text);

describe(NAME, () => {
  let list: ParsedList;
  const byId = (id: string): Entity => list.entities.find((e) => e.id === id)!;
  beforeAll(async () => {
    list = await parseUkOfsiXlsx(file());
  });

  test('counts of PROVENANCE.md: rows, groups, DPRK regime rows and groups', () => {
    const { rows } = readUkOfsiXlsx(file(), readFileSync(file().path));
    expect(rows).toHaveLength(18798);
    expect(rows.filter((r) => isDprk(r.cells.Regime))).toHaveLength(789);
    expect(list.entities).toHaveLength(4688);
    expect(list.entities.filter((e) => values(e, 'program').some(isDprk))).toHaveLength(239);
  });

  test('cell B1 dates the list', () => {
    expect(list.published).toBe('2025-04-14');
    expect([list.format, list.source]).toEqual(['uk-ofsi-xlsx', 'uk-hmt']);
  });

  test('UN KPi.057 as HMT lists it: Name 6 "SUNG NAM", Name 1 "JANG"', () => {
    const e = byId('uk:13530');
    expect(e.caption).toBe('SUNG NAM, JANG');
    expect(e.properties.passportNumber).toEqual([
      { value: '563120368', kind: 'Passport', note: 'issued on 22 March 2013 and expires on 22 March 2018' },
    ]);
    expect(values(e, 'birthDate')).toEqual(['1970-07-14']);
    expect(e.properties.nationality).toEqual([{ value: 'KP', original: 'North Korea' }]);
    expect(e.properties.listingDate).toEqual([{ value: '2017-08-07', original: '07/08/2017' }]);
    expect(values(e, 'notes')[0]).toContain('(UN Ref):KPi.057.');
  });

  test('a DPRK ship with IMO number and flag from Other Information', () => {
    const e = byId('uk:13651');
    expect(e.schema).toBe('Vessel');
    expect(e.caption).toBe('SAM JONG 2');
    expect(values(e, 'imoNumber')).toEqual(['7408873']);
    expect(values(e, 'flag')).toEqual(['KP']);
    expect(values(e, 'alias')).toContain('AKTIVA');
  });

  test('Name Non-Latin Script becomes an alias in its script', () => {
    expect(byId('uk:16816').properties.alias).toContainEqual({ value: '김영복', script: 'Hang', note: 'Korean' });
  });

  test('"Low quality" aliases are weak', () => {
    expect(byId('uk:13559').properties.weakAlias).toContainEqual({
      value: 'SOK MIN, Choe',
      parts: { family: 'SOK MIN', given: 'Choe' },
      weak: true,
    });
  });

  test('the two designations without a "Primary name" row are reported and still named', () => {
    const reported = list.issues.filter((i) => i.message.startsWith('designation has no primary name row')).map((i) => i.recordId);
    expect(reported).toEqual(['uk:16601', 'uk:16789']);
    expect(byId('uk:16789').caption).toBe('PREMERA (H.K.) INTERNATIONAL CO, LIMITED');
  });
});
