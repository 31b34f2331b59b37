import { describe, expect, it } from 'vitest';
import { dateRangeStatement, isoDay } from './date-range.js';

describe('dateRangeStatement', () => {
  it.each([
    { why: 'a whole year is the year', range: { from: '1962-01-01', to: '1962-12-31' }, expect: { value: '1962' } },
    { why: 'a whole month is the month', range: { from: '1960-02-01', to: '1960-02-29' }, expect: { value: '1960-02' } },
    { why: 'one day is the day', range: { from: '1963-10-14', to: '1963-10-14' }, expect: { value: '1963-10-14' } },
    { why: 'whole years are a year range', range: { from: '1953-01-01', to: '1954-12-31' }, expect: { value: '1953', until: '1954' } },
    {
      why: 'whole months are a month range',
      range: { from: '1953-03-01', to: '1953-05-31' },
      expect: { value: '1953-03', until: '1953-05' },
    },
    {
      why: 'other periods keep their days',
      range: { from: '1953-03-02', to: '1953-05-31' },
      expect: { value: '1953-03-02', until: '1953-05-31' },
    },
    { why: 'February of a common year ends on the 28th', range: { from: '1961-02-01', to: '1961-02-28' }, expect: { value: '1961-02' } },
    { why: 'reversed bounds are put in order', range: { from: '1962-12-31', to: '1962-01-01' }, expect: { value: '1962' } },
    {
      why: 'approximate is kept',
      range: { from: '1962-01-01', to: '1962-12-31', approximate: true },
      expect: { value: '1962', approximate: true },
    },
  ])('$why', ({ range, expect: expected }) => {
    expect(dateRangeStatement(range)).toEqual(expected);
  });

  it('keeps the list text as original only where it differs', () => {
    expect(dateRangeStatement({ from: '1962-01-01', to: '1962-12-31' }, '1962')).toEqual({ value: '1962' });
    expect(dateRangeStatement({ from: '1963-10-14', to: '1963-10-14' }, '14 Oct 1963')).toEqual({
      value: '1963-10-14',
      original: '14 Oct 1963',
    });
  });
});

describe('isoDay', () => {
  it.each([
    [['2019', '3', '14'], '2019-03-14'],
    [['2020', '2', '29'], '2020-02-29'],
    [['2019', '2', '29'], undefined],
    [['19', '3', '14'], undefined],
    [['', '', ''], undefined],
  ] as const)('%j → %s', ([y, m, d], expected) => {
    expect(isoDay(y, m, d)).toBe(expected);
  });
});
