import { describe, expect, it } from 'vitest';
import type { RecordIssue } from '@embargo/core';
import { addAddress, addAlias, nameStatement, primaryEntity, splitPrograms } from './mapping.js';
import type { OfacCsvRow } from './read-csv.js';

const primaryRow = (fields: Partial<Record<number, string>>, line = 4): OfacCsvRow => ({
  line,
  fields: Array.from({ length: 12 }, (_, i) => fields[i] ?? (i === 0 ? '1' : null)),
});

describe('primaryEntity', () => {
  it.each([
    { type: 'individual', schema: 'Person' },
    { type: 'vessel', schema: 'Vessel' },
    { type: 'aircraft', schema: 'Airplane' },
    { type: undefined, schema: 'Organization' },
  ])('SDN_Type $type is a $schema', ({ type, schema }) => {
    const issues: RecordIssue[] = [];
    const { entity } = primaryEntity(primaryRow({ 0: '7', 1: 'X', 2: type }), 'ofac-sdn', 'sdn.csv', issues);
    expect(entity.schema).toBe(schema);
    expect(issues).toEqual([]);
  });

  it('maps an individual: id, caption, name parts, programs, title and the remarks left for the caller', () => {
    const { entity, remarks } = primaryEntity(
      primaryRow({ 0: '21736', 1: 'JANG,  Sung Nam', 2: 'individual', 3: 'NPWMD] [IFSR', 4: 'Chief', 11: 'DOB 1970. ' }),
      'ofac-sdn',
      'sdn.csv',
      [],
    );
    expect(entity).toEqual({
      id: 'ofac:21736',
      source: 'ofac-sdn',
      schema: 'Person',
      caption: 'JANG, Sung Nam',
      properties: {
        name: [{ value: 'JANG, Sung Nam', original: 'JANG,  Sung Nam', parts: { family: 'JANG', given: 'Sung Nam' } }],
        program: [{ value: 'NPWMD' }, { value: 'IFSR' }],
        title: [{ value: 'Chief' }],
      },
    });
    expect(remarks).toBe('DOB 1970. ');
  });

  it('maps the vessel columns, the flag as an ISO code', () => {
    const { entity } = primaryEntity(
      primaryRow({
        1: 'ARTAVIL',
        2: 'vessel',
        3: 'IRAN',
        5: 'T2EU4',
        6: 'Crude Oil Tanker',
        7: '99,144',
        8: '56,068',
        9: 'Iran',
        10: 'NITC',
      }),
      'ofac-sdn',
      'sdn.csv',
      [],
    );
    expect(entity.properties).toMatchObject({
      callSign: [{ value: 'T2EU4' }],
      vesselType: [{ value: 'Crude Oil Tanker' }],
      tonnage: [{ value: '99,144' }],
      grossRegisteredTonnage: [{ value: '56,068' }],
      flag: [{ value: 'IR', original: 'Iran' }],
      owner: [{ value: 'NITC' }],
    });
  });

  it('does not report the "None Identified" flag, and reports an unknown one', () => {
    const issues: RecordIssue[] = [];
    const none = primaryEntity(primaryRow({ 1: 'A', 2: 'vessel', 9: 'None Identified' }), 'ofac-sdn', 'sdn.csv', issues).entity;
    expect(none.properties.flag).toBeUndefined();
    expect(issues).toEqual([]);
    primaryEntity(primaryRow({ 1: 'B', 2: 'vessel', 9: 'Atlantis' }, 9), 'ofac-sdn', 'sdn.csv', issues);
    expect(issues).toEqual([
      { file: 'sdn.csv', line: 9, recordId: 'ofac:1', field: 'Vess_flag', raw: 'Atlantis', message: 'unknown country "Atlantis"' },
    ]);
  });

  it('reports an unknown SDN_Type and reads the record as an organisation', () => {
    const issues: RecordIssue[] = [];
    expect(primaryEntity(primaryRow({ 1: 'A', 2: 'ship' }), 'ofac-sdn', 'sdn.csv', issues).entity.schema).toBe('Organization');
    expect(issues).toMatchObject([{ field: 'SDN_Type', raw: 'ship' }]);
  });
});

describe('splitPrograms', () => {
  it.each([
    { field: 'SDGT', expect: ['SDGT'] },
    { field: 'SDGT] [IRGC', expect: ['SDGT', 'IRGC'] },
    { field: 'SDGT] [SYRIA] [IRGC] [IFSR', expect: ['SDGT', 'SYRIA', 'IRGC', 'IFSR'] },
    { field: '[DPRK3]', expect: ['DPRK3'] },
    { field: null, expect: [] },
  ])('"$field"', ({ field, expect: expected }) => {
    expect(splitPrograms(field)).toEqual(expected);
  });
});

describe('addAddress', () => {
  const entity = () => primaryEntity(primaryRow({ 0: '306', 1: 'BANCO' }), 'ofac-sdn', 'sdn.csv', []).entity;
  const row = (fields: (string | null)[]): OfacCsvRow => ({ line: 2, fields: ['306', '199', ...fields] });

  it('joins street, city and country with ", " and gives the ISO code', () => {
    const e = entity();
    addAddress(e, row(['Zweierstrasse 35', 'Zurich CH-8022', 'Switzerland', null]), 'add.csv', []);
    expect(e.properties.address).toEqual([{ value: 'Zweierstrasse 35, Zurich CH-8022, Switzerland', country: 'CH' }]);
    expect(e.properties.country).toEqual([{ value: 'CH', original: 'Switzerland' }]);
  });

  it('a row with only a country gives a country and no address; an all-null row gives nothing', () => {
    const e = entity();
    addAddress(e, row([null, null, 'Region: Gaza', null]), 'add.csv', []);
    addAddress(e, row([null, null, null, null]), 'add.csv', []);
    expect(e.properties.address).toBeUndefined();
    expect(e.properties.country).toEqual([{ value: 'PS', original: 'Region: Gaza' }]);
  });

  it('keeps the address and reports a country it does not know', () => {
    const e = entity();
    const issues: RecordIssue[] = [];
    addAddress(e, row(['Street 1', null, 'Region: Kafia Kingi', 'by the river']), 'add.csv', issues);
    expect(e.properties.address).toEqual([{ value: 'Street 1, Region: Kafia Kingi', note: 'by the river' }]);
    expect(issues).toMatchObject([{ file: 'add.csv', line: 2, recordId: 'ofac:306', field: 'Country', raw: 'Region: Kafia Kingi' }]);
  });
});

describe('addAlias', () => {
  const person = () => primaryEntity(primaryRow({ 1: 'KIM, Jong Un', 2: 'individual' }), 'ofac-sdn', 'sdn.csv', []).entity;
  const row = (type: string, name: string, remark: string | null = null): OfacCsvRow => ({
    line: 5,
    fields: ['1', '12', type, name, remark],
  });

  it('aka and nka are aliases, fka a previous name, with name parts for individuals', () => {
    const e = person();
    addAlias(e, row('aka', 'KIM, Jong-un'), 'alt.csv', []);
    addAlias(e, row('nka', 'KIM JONG UN'), 'alt.csv', []);
    addAlias(e, row('fka', 'KIM, Jong Woon'), 'alt.csv', []);
    expect(e.properties.alias).toEqual([{ value: 'KIM, Jong-un', parts: { family: 'KIM', given: 'Jong-un' } }, { value: 'KIM JONG UN' }]);
    expect(e.properties.previousName).toEqual([{ value: 'KIM, Jong Woon', parts: { family: 'KIM', given: 'Jong Woon' } }]);
  });

  it('an alt_remarks that says weak makes a weak alias; an unknown type is reported and read as aka', () => {
    const e = person();
    const issues: RecordIssue[] = [];
    addAlias(e, row('aka', 'THE TALL', 'weak a.k.a.'), 'alt.csv', issues);
    addAlias(e, row('xka', 'OTHER'), 'alt.csv', issues);
    expect(e.properties.weakAlias).toEqual([{ value: 'THE TALL', note: 'weak a.k.a.', weak: true }]);
    expect(e.properties.alias).toEqual([{ value: 'OTHER' }]);
    expect(issues).toMatchObject([{ file: 'alt.csv', line: 5, field: 'alt_type', raw: 'xka' }]);
  });
});

describe('nameStatement', () => {
  it('splits only individuals, and only at the first comma', () => {
    expect(nameStatement('AL-ZAWAHIRI, Ayman, Dr.', 'Person').parts).toEqual({ family: 'AL-ZAWAHIRI', given: 'Ayman, Dr.' });
    expect(nameStatement('ANGLO-CARIBBEAN CO., LTD.', 'Organization').parts).toBeUndefined();
  });
});
