import { isEmbargoError, values, type Entity } from '@embargo/core';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, test } from 'vitest';
import { hasSharedArchive, sharedList } from '../../../../../test/shared-data.js';
import type { ParsedList } from '../../format.js';
import { listFile } from '../../io.js';
import { parseUkHmtCsv, readUkHmtCsv } from './index.js';
import { decodeHmtWindows1252 } from './read-csv.js';

/** These tests read the archive of older publications in ../shared. */
const ARCHIVE = hasSharedArchive();

const NAME = 'uk-hmt-conlist/2014-04-02/sanctionsconlist.csv';
const file = () => listFile(sharedList(NAME), NAME);
const isDprk = (text: string) => /Democratic People's Republic of Korea|North Korea/.test(text);

describe.skipIf(!ARCHIVE)(NAME, () => {
  let list: ParsedList;
  const byId = (id: string): Entity => list.entities.find((e) => e.id === id)!;
  beforeAll(async () => {
    list = await parseUkHmtCsv(file());
  });

  test('counts of PROVENANCE.md: rows, groups, DPRK regime', async () => {
    const { rows } = await readUkHmtCsv(file());
    expect(rows).toHaveLength(8950);
    expect(rows.filter((r) => isDprk(r.cells.Regime))).toHaveLength(209);
    expect(list.entities).toHaveLength(2297);
    expect(new Set(list.entities.map((e) => e.id)).size).toBe(2297);
    expect(list.entities.filter((e) => values(e, 'program').some(isDprk))).toHaveLength(63);
  });

  test('the "Last Updated" line dates the list', () => {
    expect(list.published).toBe('2014-04-02');
    expect([list.format, list.source]).toEqual(['uk-hmt-csv', 'uk-hmt']);
  });

  test('Windows-1252: 0x92 is a right single quote', () => {
    expect(values(byId('uk:12871'), 'notes')[0]).toContain('development of the DPRK’s advanced weapons systems');
  });

  test('a DPRK entity: name, aliases, regime, address, dates', () => {
    const e = byId('uk:12871');
    expect(e.schema).toBe('Organization');
    expect(e.caption).toBe('SECOND ACADEMY OF NATURAL SCIENCES');
    expect(values(e, 'alias')).toContain('2ND ACADEMY OF NATURAL SCIENCES');
    expect(values(e, 'program')).toEqual(["North Korea (Democratic People's Republic of Korea)"]);
    expect(e.properties.address).toEqual([{ value: 'Pyongyang, DPRK', country: 'KP' }]);
    expect(e.properties.listingDate).toEqual([{ value: '2013-04-23', original: '23/04/2013' }]);
  });

  test('a DPRK individual: surname in Name 6, passport, year of birth', () => {
    const e = byId('uk:11036');
    expect(e.caption).toBe('JAE-GYONG, Pak');
    expect(e.properties.name).toEqual([{ value: 'JAE-GYONG, Pak', parts: { family: 'JAE-GYONG', given: 'Pak' } }]);
    expect(e.properties.passportNumber).toEqual([{ value: '554410661', kind: 'Passport' }]);
    expect(e.properties.birthDate).toEqual([{ value: '1933', original: '00/00/1933' }]);
  });

  test('one designation from 252 rows: every date of birth, the places of birth paired with their countries', () => {
    const e = byId('uk:7877');
    expect(e.caption).toBe('AL-TRABELSI, Mourad Ben Ali Ben Al-Basheer');
    expect(e.properties.birthDate).toHaveLength(14);
    expect(e.properties.birthPlace).toEqual([
      { value: 'Manzil Tmim, Tunisia', country: 'TN' },
      ...['LY', 'DZ', 'MA', 'LB'].map((country) => expect.objectContaining({ country })),
    ]);
    expect(e.properties.passportNumber).toEqual([
      { value: 'G827238', kind: 'Passport', country: 'TN', original: 'G827238 (Tunisian). Issued on 1 June 1996. Expired on 31 May 2001' },
    ]);
  });

  test('an unquoted field with doubled quotes (group 12562) reads as one quote', () => {
    expect(values(byId('uk:12562'), 'position')).toEqual(['In charge of counter-terrorist unit of the KGB "Alpha" unit']);
  });

  test('29/02/1969 is reported and kept as its year', () => {
    const issue = list.issues.find((i) => i.raw === '29/02/1969')!;
    expect(issue).toMatchObject({ file: NAME, field: 'DOB' });
    expect(byId(issue.recordId!).properties.birthDate).toContainEqual({ value: '1969', original: '29/02/1969' });
  });
});

test('decodeHmtWindows1252 maps 0x80–0x9F to Windows-1252 letters', () => {
  expect(decodeHmtWindows1252(Uint8Array.from([0x44, 0x92, 0x73, 0x20, 0x80, 0x96, 0xe9]))).toBe('D’s €–é');
});

describe('fatal problems name the file and line', () => {
  const dir = mkdtempSync(join(tmpdir(), 'embargo-uk-csv-'));
  const HEADER = 'Name 6,Name 1,Group Type,Alias Type,Regime,Group ID';
  const csvFile = (text: string) => {
    const path = join(dir, `${Math.random().toString(36).slice(2)}.csv`);
    writeFileSync(path, Buffer.from(text, 'latin1'));
    return listFile(path, 'cases/conlist.csv');
  };
  const failure = async (text: string) => {
    const error = await parseUkHmtCsv(csvFile(text)).then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(isEmbargoError(error)).toBe(true);
    return (error as Error).message;
  };

  test('a small well-formed file parses, without a newline at the end', async () => {
    const list = await parseUkHmtCsv(csvFile(`Last Updated,02/04/2014\r\n${HEADER}\r\nKIM,Il,Individual,Prime Alias,Syria,1`));
    expect(list.entities.map((e) => e.caption)).toEqual(['KIM, Il']);
  });

  test('a quoted field that is never closed', async () => {
    const text = `Last Updated,02/04/2014\r\n${HEADER}\r\nKIM,Il,Individual,Prime Alias,Syria,1\r\n"LEE,Ok,Individual,Prime Alias,Syria,2\r\nPAK,Su,Individual,AKA,Syria,3`;
    expect(await failure(text)).toBe('cases/conlist.csv:4: quoted field is never closed');
  });

  test('quotes inside an unquoted field are text, as HMT writes them (not an error)', async () => {
    const text = `Last Updated,02/04/2014\r\n${HEADER}\r\nKIM,Il ""Tiger"",Individual,Prime Alias,Syria,1\r\n"LEE, Ok",,Individual,Prime Alias,Syria,2`;
    const list = await parseUkHmtCsv(csvFile(text));
    expect(list.entities.map((e) => e.caption)).toEqual(['KIM, Il "Tiger"', 'LEE, Ok']);
  });

  test('a row with a different number of fields', async () => {
    const text = `Last Updated,02/04/2014\r\n${HEADER}\r\nKIM,Il,Individual,Prime Alias,Syria,1\r\nLEE,Individual,Prime Alias,Syria,2`;
    expect(await failure(text)).toBe('cases/conlist.csv:4: expected 6 fields as in the header, found 5');
  });

  test('an empty file', async () => {
    expect(await failure('')).toBe('cases/conlist.csv: file is empty');
  });

  test('not an HMT list: no "Last Updated" line, or a header without the needed columns', async () => {
    expect(await failure(`ent_num,SDN_Name\r\n1,KIM`)).toMatch(/^cases\/conlist\.csv:1: expected "Last Updated"/);
    expect(await failure(`Last Updated,02/04/2014\r\nName 6,Name 1\r\nKIM,Il`)).toMatch(
      /^cases\/conlist\.csv:2: not an HMT\/OFSI consolidated list header: missing column\(s\) "Group Type", "Alias Type", "Regime", "Group ID"/,
    );
  });
});
