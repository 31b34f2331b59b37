import { describe, expect, it } from 'vitest';
import { birthDateProblem, controlCharacterProblem, MAX_NAME_WORDS, nameProblem, partyProblem } from './party-input.js';

describe('birthDateProblem', () => {
  it.each([
    { why: 'a year', value: '1969' },
    { why: 'a month', value: '1969-07' },
    { why: 'a full date', value: '1969-07-16' },
    { why: 'a leap day in a leap year', value: '2024-02-29' },
    { why: 'a leap day in a century divisible by 400', value: '2000-02-29' },
  ])('reads $why ($value)', ({ value }) => expect(birthDateProblem(value)).toBeUndefined());

  it.each([
    { why: 'month 13, day 45', value: '1984-13-45', reason: 'month 13 does not exist' },
    { why: 'February 30', value: '2023-02-30', reason: 'day 30 does not exist in 2023-02' },
    { why: 'a leap day outside a leap year', value: '2023-02-29', reason: 'day 29 does not exist in 2023-02' },
    { why: 'a leap day in 1900', value: '1900-02-29', reason: 'day 29 does not exist in 1900-02' },
    { why: 'month 00', value: '1984-00', reason: 'month 00 does not exist' },
    { why: 'day 00', value: '1984-01-00', reason: 'day 00 does not exist in 1984-01' },
    { why: 'April 31', value: '1984-04-31', reason: 'day 31 does not exist in 1984-04' },
    { why: 'year 0', value: '0000', reason: 'year 0000 does not exist' },
    { why: 'unpadded (refused, with the padded form)', value: '1969-7-16', reason: 'write months and days with two digits ("1969-07-16")' },
    { why: 'unpadded month', value: '1969-7', reason: '("1969-07")' },
    { why: 'a day-first date', value: '16/07/1969', reason: 'is not a date written YYYY, YYYY-MM or YYYY-MM-DD' },
    { why: 'a time', value: '1969-07-16T00:00:00Z', reason: 'is not a date written' },
    { why: 'empty', value: '', reason: 'is not a date written' },
  ])('refuses $why ($value)', ({ value, reason }) => expect(birthDateProblem(value)).toContain(reason));
});

describe('nameProblem', () => {
  it.each([
    { why: 'Latin', name: 'Kim Jong Un' },
    { why: 'Hangul', name: '김정은' },
    { why: 'Arabic', name: 'شعبان' },
    { why: 'a single digit', name: '7' },
  ])('reads a name in $why', ({ name }) => expect(nameProblem(name)).toBeUndefined());

  it.each([
    { why: 'spaces', name: '   ' },
    { why: 'punctuation', name: '-- .. ,,' },
    { why: 'zero-width space', name: '\u200b' },
    { why: 'byte-order mark', name: '\ufeff\ufeff' },
    { why: 'NUL', name: '\u0000' },
    { why: 'no-break spaces and a joiner', name: '\u00a0\u200d\u00a0' },
  ])('refuses a name of only $why', ({ name }) => expect(nameProblem(name)).toContain('holds no letter or digit'));

  it(`refuses a name of more than ${MAX_NAME_WORDS} words`, () => {
    expect(nameProblem(Array.from({ length: MAX_NAME_WORDS }, () => 'Kim').join(' '))).toBeUndefined();
    expect(nameProblem(Array.from({ length: MAX_NAME_WORDS + 1 }, () => 'Kim').join(' '))).toContain(`at most ${MAX_NAME_WORDS}`);
  });
});

describe('controlCharacterProblem and partyProblem', () => {
  it('names the control character; line breaks only where free text allows them', () => {
    expect(controlCharacterProblem('a\u0000b')).toBe('holds the control character U+0000');
    expect(controlCharacterProblem('a\u007fb')).toBe('holds the control character U+007F');
    expect(controlCharacterProblem('line one\nline two\ttab')).toBeUndefined();
    expect(controlCharacterProblem('line one\nline two', false)).toBe('holds the control character U+000A');
  });

  it('names the field of a party that cannot be screened', () => {
    expect(partyProblem({ name: 'Kim Jong Un', birthDate: '1984-01-08' })).toBeUndefined();
    expect(partyProblem({ name: 'Kim\u0000' })).toEqual({ field: 'name', reason: 'holds the control character U+0000' });
    expect(partyProblem({ name: '\u200b' })?.field).toBe('name');
    // The UN list wraps a long name over two lines; a name copied from it is screened, the break a space.
    expect(partyProblem({ name: 'حركة التوحيد والجهاد في\n        غرب إفريقيا' })).toBeUndefined();
    expect(partyProblem({ name: 'Kim\tJong Un' })).toBeUndefined();
    expect(partyProblem({ name: 'Kim', birthDate: '1984-13-45' })).toEqual({ field: 'birthDate', reason: 'month 13 does not exist' });
    expect(partyProblem({ name: 'Kim', country: 'K\u0000P' })?.field).toBe('country');
    expect(partyProblem({ name: 'Kim', identifiers: [{ value: '12\u00003456' }] })?.field).toBe('identifiers');
  });
});
