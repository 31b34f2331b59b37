import { describe, expect, test } from 'vitest';
import { ukDate } from './dates.js';

describe('ukDate', () => {
  test.each([
    { why: 'a full date', text: '17/08/1957', expect: '1957-08-17' },
    { why: '00 for an unknown day and month', text: '00/00/1955', expect: '1955' },
    { why: '00 for an unknown day', text: '00/03/1955', expect: '1955-03' },
    { why: 'month and year (2025 sheet)', text: '03/1955', expect: '1955-03' },
    { why: 'a bare year (2025 sheet)', text: '1951', expect: '1951' },
    { why: 'a day without a month is not a date', text: '12/00/1955', expect: undefined },
    { why: 'a day that does not exist (29 Feb 1969 in the 2014 file)', text: '29/02/1969', expect: undefined },
    { why: 'month 13', text: '01/13/1960', expect: undefined },
    { why: 'words', text: 'circa 1960', expect: undefined },
  ])('$why', ({ text, expect: iso }) => {
    expect(ukDate(text)).toBe(iso);
  });
});
