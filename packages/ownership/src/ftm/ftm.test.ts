/**
 * parseFtm on a register extract written for these tests (testdata/ftm/hongfa-register.ftm.jsonl: two
 * companies, two people, a vessel, and their ties to two records designated on 22 August 2017, DANDONG
 * ZHICHENG METALLIC MATERIAL (ofac:22603) and its chairman CHI Yupeng (ofac:22612)), and on broken ones.
 */
import { describe, expect, it } from 'vitest';
import { OwnershipParseError } from '../errors.js';
import { edgeLine, nodeLine, testdataFile } from '../test-support.js';
import { parseFtm } from './index.js';

const REGISTER = 'ftm/hongfa-register.ftm.jsonl';

describe('parseFtm on a register extract', () => {
  const parsed = parseFtm('hongfa-register.ftm.jsonl', testdataFile(REGISTER));

  it('makes a node of each party, with countries from lower-case codes, identifiers and birth dates', () => {
    expect(parsed.format).toBe('ftm');
    expect(parsed.nodes.map(nodeLine)).toEqual([
      'cn-hongfa Company "Liaoning Hongfa Trading Co., Ltd." CN registrationNumber 91210600MA0QCX1234',
      'hk-hongfa-shipping Company "Hongfa Shipping Limited" HK registrationNumber 2761234',
      'p-wang-lei Person "Wang Lei" CN born 1971-04-12 idNumber 210602197104120512',
      'p-liu-fang Person "Liu Fang" CN born 1974',
      'v-hongfa-star Vessel "HONGFA STAR" PA imoNumber 9123456',
    ]);
  });

  it('makes an edge of each current tie, from owner, director, agent or person to what they hold or are tied to', () => {
    expect(parsed.edges.map(edgeLine)).toEqual([
      'ofac:22603 → cn-hongfa ownership 35% unknown',
      'p-wang-lei → cn-hongfa ownership 40.5% unknown',
      'cn-hongfa → hk-hongfa-shipping ownership 100% unknown',
      'p-liu-fang → cn-hongfa ownership unknown',
      'p-wang-lei → cn-hongfa directorship Legal representative',
      'ofac:22612 → hk-hongfa-shipping directorship Director',
      'p-wang-lei → p-liu-fang family spouse',
      'p-wang-lei → ofac:22612 associate Associate: business partner',
      'hk-hongfa-shipping → ofac:22603 associate UnknownLink: shared office address',
      'p-liu-fang → hk-hongfa-shipping associate Representation: company secretary',
      'hk-hongfa-shipping → v-hongfa-star ownership 100% unknown',
    ]);
  });

  it('keeps the file, line, entity id and words of each edge, and its start date', () => {
    const own1 = parsed.edges.find((e) => e.id === 'ftm:own-1')!;
    expect(own1).toMatchObject({
      date: '2016-05-10',
      source: { kind: 'file', file: 'hongfa-register.ftm.jsonl', row: 5, statementId: 'own-1', text: 'Shareholder' },
    });
    expect(parsed.edges.find((e) => e.id === 'ftm:own-3')!.source.text).toBe('10000 shares');
    expect(parsed.edges.find((e) => e.id === 'ftm:own-6')!.date).toBe('2018-02-01');
  });

  it('leaves out and lists an ended ownership, an address, and a tie to the address', () => {
    expect(parsed.leftOut.map((l) => `line ${l.line} ${l.field ?? ''}: ${l.reason}`)).toEqual([
      'line 9 : the Ownership ended on 2017-09-30',
      'line 16 schema: an Address is neither a party nor a tie between parties',
      'line 19 properties.asset: a tie to an Address, which is not a party',
    ]);
  });

  it('keeps an ownership that has not ended on the day asked about', () => {
    const asOf = parseFtm('hongfa-register.ftm.jsonl', testdataFile(REGISTER), { asOf: '2016-12-31' });
    expect(asOf.edges.map(edgeLine)).toContain('p-liu-fang → hk-hongfa-shipping ownership 20% unknown');
    // own-6 starts on 2018-02-01, after that day.
    expect(asOf.edges.map((e) => e.id)).not.toContain('ftm:own-6');
  });
});

describe('parseFtm percentages', () => {
  function owning(percentage: string): string {
    const lines = [
      { id: 'c', schema: 'Company', properties: { name: ['Acme'] } },
      { id: 'o', schema: 'Ownership', properties: { owner: ['ofac:1'], asset: ['c'], percentage: [percentage] } },
    ];
    try {
      const { edges } = parseFtm('p.jsonl', lines.map((l) => JSON.stringify(l)).join('\n'));
      return edgeLine(edges[0]);
    } catch (e) {
      return (e as Error).message;
    }
  }
  const cases = [
    { written: '25', expect: 'ofac:1 → c ownership 25% unknown' },
    { written: '25%', expect: 'ofac:1 → c ownership 25% unknown' },
    { written: '25.5', expect: 'ofac:1 → c ownership 25.5% unknown' },
    { written: ' 100 % ', expect: 'ofac:1 → c ownership 100% unknown' },
    {
      written: 'about a quarter',
      expect: 'p.jsonl: line 2 (id o), properties.percentage: "about a quarter" is not a percentage (write 25, 25.5 or 25%)',
    },
    { written: '25,5', expect: 'p.jsonl: line 2 (id o), properties.percentage: "25,5" is not a percentage (write 25, 25.5 or 25%)' },
    { written: '-5', expect: 'p.jsonl: line 2 (id o), properties.percentage: "-5" is not a percentage (write 25, 25.5 or 25%)' },
    { written: '120', expect: 'p.jsonl: line 2 (id o), properties.percentage: 120 is more than 100%' },
  ];
  for (const c of cases) it(`"${c.written}"`, () => expect(owning(c.written)).toBe(c.expect));
});

describe('parseFtm refuses a broken file, naming each line and field', () => {
  it('a percentage in words, and an owner that is neither in the file nor a listed id', () => {
    try {
      parseFtm('hongfa-bad-percentage.ftm.jsonl', testdataFile('ftm/hongfa-bad-percentage.ftm.jsonl'));
      throw new Error('parsed');
    } catch (e) {
      expect(e).toBeInstanceOf(OwnershipParseError);
      expect((e as OwnershipParseError).problems).toEqual([
        {
          line: 2,
          statementId: 'own-1',
          field: 'properties.percentage',
          reason: '"about a quarter" is not a percentage (write 25, 25.5 or 25%)',
        },
        {
          line: 3,
          statementId: 'own-2',
          field: 'properties.owner',
          reason: '"p-nobody" is not the id of an entity in this file, nor a listed record\'s id (ofac:…, un:…, uk:…)',
        },
        { line: 3, statementId: 'own-2', field: 'properties.percentage', reason: '120 is more than 100%' },
      ]);
    }
  });

  const cases: { why: string; lines: unknown[]; expect: string }[] = [
    {
      why: 'a party without a name',
      lines: [{ id: 'p', schema: 'Person', properties: { nationality: ['ru'] } }],
      expect: 'f.jsonl: line 1 (id p), properties.name: is required for a Person',
    },
    {
      why: 'a property that is not an array of strings',
      lines: [{ id: 'p', schema: 'Person', properties: { name: 'Ivan Petrov' } }],
      expect: 'f.jsonl: line 1 (id p), properties.name: must be an array of strings, not "Ivan Petrov"',
    },
    {
      why: 'an ownership without its asset',
      lines: [{ id: 'o', schema: 'Ownership', properties: { owner: ['ofac:1'] } }],
      expect: 'f.jsonl: line 1 (id o), properties.asset: is required for an Ownership',
    },
    {
      why: 'two owners in one Ownership',
      lines: [
        { id: 'c', schema: 'Company', properties: { name: ['Acme'] } },
        { id: 'o', schema: 'Ownership', properties: { owner: ['ofac:1', 'ofac:2'], asset: ['c'] } },
      ],
      expect: 'f.jsonl: line 2 (id o), properties.owner: has 2 values (ofac:1, ofac:2); an Ownership takes one',
    },
    {
      why: 'a birth date that does not exist',
      lines: [{ id: 'p', schema: 'Person', properties: { name: ['Ivan Petrov'], birthDate: ['1971-02-30'] } }],
      expect: 'f.jsonl: line 1 (id p), properties.birthDate: day 30 does not exist in 1971-02',
    },
    {
      why: 'an end before the start',
      lines: [
        { id: 'c', schema: 'Company', properties: { name: ['Acme'] } },
        { id: 'o', schema: 'Ownership', properties: { owner: ['ofac:1'], asset: ['c'], startDate: ['2020-05-01'], endDate: ['2019'] } },
      ],
      expect: 'f.jsonl: line 2 (id o), properties.endDate: 2019 is before the start date 2020-05-01',
    },
    {
      why: 'two entities with one id',
      lines: [
        { id: 'c', schema: 'Company', properties: { name: ['Acme'] } },
        { id: 'c', schema: 'Company', properties: { name: ['Acme Two'] } },
      ],
      expect: 'f.jsonl: line 2 (id c), id: "c" is the id of an earlier entity too',
    },
    {
      why: 'an entity without a schema',
      lines: [{ id: 'c', properties: { name: ['Acme'] } }],
      expect: 'f.jsonl: line 1 (id c), schema: is required',
    },
  ];
  for (const c of cases)
    it(c.why, () => {
      expect(() => parseFtm('f.jsonl', c.lines.map((l) => JSON.stringify(l)).join('\n'))).toThrow(c.expect);
    });

  it('a line that is not JSON', () => {
    expect(() => parseFtm('f.jsonl', '{"id":"c","schema":"Company","properties":{"name":["Acme"]}}\n{"id": "d",')).toThrow(
      /^f\.jsonl: line 2: not JSON/,
    );
  });
});
