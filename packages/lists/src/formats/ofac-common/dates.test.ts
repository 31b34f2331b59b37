import { describe, expect, it } from 'vitest';
import { parseOfacDate, yearIn } from './dates.js';

describe('parseOfacDate', () => {
  it.each([
    { why: 'exact date', text: '15 Jan 1962', expect: { value: '1962-01-15' } },
    { why: 'one-digit day', text: '9 Apr 1970', expect: { value: '1970-04-09' } },
    { why: 'month precision', text: 'Jan 1962', expect: { value: '1962-01' } },
    { why: 'year precision', text: '1962', expect: { value: '1962' } },
    { why: 'circa year', text: 'circa 1962', expect: { value: '1962', approximate: true } },
    { why: 'circa exact date', text: 'circa 01 Jan 1959', expect: { value: '1959-01-01', approximate: true } },
    { why: 'year range', text: '1960 to 1962', expect: { value: '1960', until: '1962' } },
    { why: 'date range', text: '01 Jan 1964 to 31 Dec 1965', expect: { value: '1964-01-01', until: '1965-12-31' } },
    { why: 'month range', text: 'Aug 1961 to Sep 1961', expect: { value: '1961-08', until: '1961-09' } },
    { why: 'circa range with a hyphen', text: 'circa 1979-1982', expect: { value: '1979', until: '1982', approximate: true } },
    { why: 'final period of the remarks', text: '1962.', expect: { value: '1962' } },
    { why: 'month spelled out', text: '15 January 1962', expect: { value: '1962-01-15' } },
  ])('$why: "$text"', ({ text, expect: expected }) => {
    expect(parseOfacDate(text)).toEqual(expected);
  });

  it.each([
    { why: 'day that does not exist', text: '31 Feb 1962' },
    { why: 'unknown month', text: '15 Foo 1962' },
    { why: 'range that ends before it starts', text: '1962 to 1960' },
    { why: 'free text', text: 'unknown' },
    { why: 'day without month', text: '15 1962' },
    { why: 'two ranges', text: '1960 to 1962 to 1964' },
  ])('rejects $why: "$text"', ({ text }) => {
    expect(parseOfacDate(text)).toBeUndefined();
  });
});

describe('yearIn', () => {
  it('finds the year of a date that cannot be read', () => {
    expect(yearIn('31 Feb 1962')).toBe('1962');
    expect(yearIn('unknown')).toBeUndefined();
  });
});
