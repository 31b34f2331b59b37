import { values } from '@embargo/core';
import { describe, expect, test } from 'vitest';
import { mapUkRows } from './mapping.js';
import type { UkRow } from './rows.js';

let line = 2;
const row = (cells: Record<string, string>): UkRow => ({ line: ++line, cells: { 'Group Type': 'Individual', Regime: 'Syria', ...cells } });

describe('mapUkRows', () => {
  test('the rows of one Group ID are one designation; Alias Type and Alias Quality choose the name property', () => {
    const issues: never[] = [];
    const [e, ...rest] = mapUkRows(
      [
        row({
          'Group ID': '100',
          'Name 6': 'ABBAS',
          'Name 1': 'Faysal',
          'Alias Type': 'AKA',
          DOB: '00/00/1955',
          'Last Updated': '28/02/2012',
        }),
        row({
          'Group ID': '100',
          'Name 6': 'ABBAS',
          'Name 1': 'Fayssal',
          Title: 'Dr',
          'Alias Type': 'Prime Alias',
          DOB: '00/00/1955',
          'Last Updated': '31/05/2013',
        }),
        row({ 'Group ID': '100', 'Name 6': 'ABASS', 'Name 1': 'Faisal', 'Alias Type': 'AKA', 'Alias Quality': 'Low quality' }),
        row({ 'Group ID': '100', 'Name 6': 'ABBAS', 'Name 1': 'F.', 'Alias Type': 'Primary name variation' }),
        row({ 'Group ID': '100', 'Name 6': 'AL-ABBAS', 'Name 1': 'Faysal', 'Alias Type': 'FKA' }),
      ],
      'list.csv',
      issues,
    );
    expect(rest).toEqual([]);
    expect(issues).toEqual([]);
    expect(e.id).toBe('uk:100');
    expect(e.schema).toBe('Person');
    expect(e.caption).toBe('ABBAS, Fayssal');
    expect(e.properties.name).toEqual([{ value: 'ABBAS, Fayssal', parts: { family: 'ABBAS', given: 'Fayssal' } }]);
    expect(values(e, 'alias')).toEqual(['ABBAS, Faysal', 'ABBAS, F.']);
    expect(e.properties.weakAlias).toEqual([{ value: 'ABASS, Faisal', parts: { family: 'ABASS', given: 'Faisal' }, weak: true }]);
    expect(values(e, 'previousName')).toEqual(['AL-ABBAS, Faysal']);
    expect(e.properties.birthDate).toEqual([{ value: '1955', original: '00/00/1955' }]);
    expect(values(e, 'title')).toEqual(['Dr']);
    // the latest "Last Updated" of the rows
    expect(values(e, 'modifiedAt')).toEqual(['2013-05-31']);
  });

  test('towns and countries of birth are paired by number; a country without a town is a place by itself', () => {
    const [e] = mapUkRows(
      [
        row({
          'Group ID': '7',
          'Name 6': 'X',
          'Alias Type': 'Prime Alias',
          'Town of Birth': '(1) Manzil Tmim (2)-(3) -',
          'Country of Birth': '(1)-(2) Tunisia (3) Libya',
        }),
      ],
      'list.csv',
      [],
    );
    expect(e.properties.birthPlace).toEqual([
      { value: 'Manzil Tmim, Tunisia', country: 'TN' },
      { value: 'Libya', country: 'LY' },
    ]);
  });

  test('a ship with its labelled Other Information fields', () => {
    const [e] = mapUkRows(
      [
        row({
          'Group ID': '13651',
          'Group Type': 'Ship',
          'Name 6': 'SAM JONG 2',
          'Alias Type': 'Primary name',
          'Other Information':
            '(UK Sanctions List Ref):DPR0100. Listed as asset. (IMO number):7408873 (Current owners):Korea Samjong Shipping (Flag of ship):North Korea (Type of ship):Oil tanker (Tonnage of ship):1676',
        }),
      ],
      'ConList.xlsx',
      [],
    );
    expect(e.schema).toBe('Vessel');
    expect(values(e, 'imoNumber')).toEqual(['7408873']);
    expect(e.properties.flag).toEqual([{ value: 'KP', original: 'North Korea' }]);
    expect(values(e, 'owner')).toEqual(['Korea Samjong Shipping']);
    expect(values(e, 'vesselType')).toEqual(['Oil tanker']);
    expect(values(e, 'tonnage')).toEqual(['1676']);
    expect(values(e, 'notes')[0]).toMatch(/^\(UK Sanctions List Ref\):DPR0100/);
  });

  test('problems are reported once per designation, with the row they were found on', () => {
    const issues: unknown[] = [];
    const entities = mapUkRows(
      [
        row({ 'Group ID': '5', 'Group Type': 'Aircraft', 'Name 6': 'ACME', 'Alias Type': 'AKA', Country: 'Atlantis' }),
        row({ 'Group ID': '5', 'Group Type': 'Aircraft', 'Name 6': 'ACME LTD', 'Alias Type': 'AKA', Country: 'Atlantis' }),
        row({ 'Name 6': 'NOBODY', 'Alias Type': 'AKA' }),
        row({ 'Group ID': '6', 'Name 6': 'DOE', 'Name 1': 'John', 'Alias Type': 'Nickname', DOB: '31/02/1960' }),
      ],
      'list.csv',
      issues as never[],
    );
    expect(entities.map((e) => [e.id, e.schema, e.caption])).toEqual([
      ['uk:5', 'Organization', 'ACME'],
      ['uk:6', 'Person', 'DOE, John'],
    ]);
    expect(entities[1].properties.birthDate).toEqual([{ value: '1960', original: '31/02/1960' }]);
    expect(issues).toEqual([
      expect.objectContaining({ field: 'Group ID', line: line - 1 }),
      expect.objectContaining({ recordId: 'uk:5', field: 'Group Type', raw: 'Aircraft' }),
      expect.objectContaining({ recordId: 'uk:5', field: 'Country', raw: 'Atlantis', line: line - 3 }),
      expect.objectContaining({
        recordId: 'uk:5',
        field: 'Alias Type',
        message: 'designation has no primary name row; the first name is the caption',
      }),
      expect.objectContaining({ recordId: 'uk:6', field: 'Alias Type', raw: 'Nickname' }),
      expect.objectContaining({ recordId: 'uk:6', field: 'DOB', raw: '31/02/1960' }),
      expect.objectContaining({
        recordId: 'uk:6',
        field: 'Alias Type',
        message: 'designation has no primary name row; the first name is the caption',
      }),
    ]);
  });
});
