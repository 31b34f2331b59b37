/**
 * Words for the ownership API: shares and aggregates as a person reads them, where a tie was stated, which
 * ids are listed records (their profile) and which are a user's parties (their node view), and the content
 * type a file is sent with.
 */
import { describe, expect, it } from 'vitest';
import { ownershipContentType } from '../api/embargo';
import { aggregateWords, isListedRecordId, partyPath, shareWords, sourceWords } from './ownership-words';

describe('aggregateWords', () => {
  it.each([
    [{ min: 55, max: 55 }, '55%'],
    [{ min: 25, max: 50, minInclusive: true, maxInclusive: true }, '25–50%'],
    [{ min: 35, max: 60, minInclusive: false, maxInclusive: true }, 'more than 35% and at most 60%'],
    [{ min: 0, max: 50, minInclusive: true, maxInclusive: false }, 'at least 0% and less than 50%'],
    [{ min: 33.333333, max: 33.333333 }, '33.33%'],
  ])('%j → %s', (range, words) => {
    expect(aggregateWords(range)).toBe(words);
  });

  it('takes a share the server words itself as it is', () => {
    expect(shareWords('25–50%')).toBe('25–50%');
    expect(shareWords(undefined)).toBeUndefined();
  });
});

describe('sourceWords', () => {
  it('names the file and row, or the list and record with its words', () => {
    expect(sourceWords({ kind: 'file', file: 'owners.csv', row: 3 })).toBe('owners.csv, row 3');
    expect(sourceWords({ kind: 'list', list: 'ofac-sdn', recordId: 'ofac:22606', text: 'Linked To: KOREA TANGUN TRADING.' })).toBe(
      'OFAC SDN list, record ofac:22606: “Linked To: KOREA TANGUN TRADING.”',
    );
    expect(sourceWords({ kind: 'file', file: 'fermcat.json', statementId: '0f31559c' })).toBe('fermcat.json, statement 0f31559c');
    expect(sourceWords({ kind: 'derived' })).toBe('derived here');
  });
});

describe('partyPath', () => {
  it('opens a listed record’s profile and a user’s party’s node view', () => {
    expect(isListedRecordId('ofac:22606')).toBe(true);
    expect(isListedRecordId('un:KPe.029')).toBe(true);
    expect(isListedRecordId('uk:12345')).toBe(true);
    expect(isListedRecordId('csv:acme')).toBe(false);
    expect(isListedRecordId('ofac')).toBe(false);
    expect(partyPath('ofac:22606')).toBe('/entities/ofac%3A22606');
    expect(partyPath('bods:1dc0e987-5c57-4a1c-b3ad-61353b66a9b7')).toBe('/ownership/nodes/bods%3A1dc0e987-5c57-4a1c-b3ad-61353b66a9b7');
  });
});

describe('ownershipContentType', () => {
  it.each([
    ['owners.csv', 'text/csv'],
    ['OWNERS.CSV', 'text/csv'],
    ['fermcat.json', 'application/json'],
    ['register.jsonl', 'application/x-ndjson'],
    ['register.ndjson', 'application/x-ndjson'],
    ['register.txt', 'text/plain'],
    ['register', 'text/plain'],
  ])('%s → %s', (name, type) => {
    expect(ownershipContentType(name)).toBe(type);
  });
});
