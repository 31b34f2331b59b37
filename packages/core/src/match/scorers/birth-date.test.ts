/**
 * Birth dates one typing error away from a listed one (issue 13 point 1): which errors count, and that they
 * cost a little instead of conflicting.
 */
import { describe, expect, it } from 'vitest';
import { birthDateSlip } from './birth-date.js';

const listed = (value: string, extra: { until?: string; approximate?: boolean } = {}) => ({ value, ...extra });

describe('birthDateSlip', () => {
  it.each([
    { why: 'a year one off', query: '1971-03-14', on: '1970-03-14', slip: 'year off by one' },
    { why: 'a year one off across a decade', query: '1969-03-14', on: '1970-03-14', slip: 'year off by one' },
    { why: 'a year one off, at year precision', query: '1971', on: '1970-03-14', slip: 'year off by one' },
    { why: 'a month one digit off', query: '1970-08-14', on: '1970-03-14', slip: 'one digit differs' },
    { why: 'a day one digit off', query: '1970-03-15', on: '1970-03-14', slip: 'one digit differs' },
    { why: 'a year one digit off', query: '1976-03-14', on: '1970-03-14', slip: 'one digit differs' },
    { why: 'day and month swapped', query: '1970-04-03', on: '1970-03-04', slip: 'day and month swapped' },
    { why: 'two digits of the day transposed', query: '1970-03-21', on: '1970-03-12', slip: 'two digits transposed' },
    { why: 'two digits of the year transposed', query: '1907-03-14', on: '1970-03-14', slip: 'two digits transposed' },
  ])('reads $why as one typing error', ({ query, on, slip }) => expect(birthDateSlip(query, listed(on))).toBe(slip));

  it.each([
    { why: 'the same date', query: '1970-03-14', on: '1970-03-14' },
    { why: 'years apart', query: '1966-03-14', on: '1970-03-14' },
    { why: 'day, month and year all different', query: '1968-08-07', on: '1966-01-28' },
    { why: 'two digits apart, not adjacent', query: '1970-05-19', on: '1970-03-14' },
    { why: 'a year two off, at year precision (1966 is not 1968)', query: '1966', on: '1968-08-07' },
    { why: 'a year transposed, at year precision', query: '1907', on: '1970-03-14' },
    { why: 'a circa date (it has its own tolerance)', query: '1975', on: '1970', approximate: true },
    { why: 'a range (it has its own tolerance)', query: '1980', on: '1970', until: '1972' },
  ])('does not read $why as one', ({ query, on, approximate, until }) =>
    expect(birthDateSlip(query, listed(on, { approximate, until }))).toBeNull(),
  );
});
