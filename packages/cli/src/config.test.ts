import { describe, expect, it } from 'vitest';
import { readAlertThreshold, readListMaxAge, readListUpdateEvery, readScreenThreads } from './config.js';

describe('EMBARGO_ALERT_THRESHOLD', () => {
  it.each([
    { value: undefined, expected: undefined },
    { value: '', expected: undefined },
    { value: '0.85', expected: 0.85 },
    { value: '1', expected: 1 },
    { value: '0', expected: 0 },
    { value: '.9', expected: 0.9 },
  ])('reads $value as $expected', ({ value, expected }) => {
    expect(readAlertThreshold({ EMBARGO_ALERT_THRESHOLD: value })).toBe(expected);
  });

  it.each(['1.5', '-0.1', 'high', '0x1', '85%', '1e-1'])('refuses %s, naming the variable', (value) => {
    expect(() => readAlertThreshold({ EMBARGO_ALERT_THRESHOLD: value })).toThrow(
      `EMBARGO_ALERT_THRESHOLD is "${value}": expected a number from 0 to 1`,
    );
  });
});

describe('EMBARGO_SCREEN_THREADS', () => {
  it.each([
    { value: undefined, expected: undefined },
    { value: '', expected: undefined },
    { value: '1', expected: 1 },
    { value: '4', expected: 4 },
  ])('reads $value as $expected', ({ value, expected }) => {
    expect(readScreenThreads({ EMBARGO_SCREEN_THREADS: value })).toBe(expected);
  });

  it.each(['0', '-2', '1.5', 'all', '2 threads'])('refuses %s, naming the variable', (value) => {
    expect(() => readScreenThreads({ EMBARGO_SCREEN_THREADS: value })).toThrow(`EMBARGO_SCREEN_THREADS is "${value}"`);
  });
});

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;

describe('EMBARGO_UPDATE_EVERY', () => {
  it.each([
    { value: undefined, expected: 6 * HOUR, why: 'unset: every 6 hours' },
    { value: '', expected: 6 * HOUR, why: 'empty: every 6 hours' },
    { value: '0', expected: 0, why: '0 turns the checks off' },
    { value: '90s', expected: 90_000, why: 'seconds' },
    { value: '30m', expected: 30 * MINUTE, why: 'minutes' },
    { value: '12h', expected: 12 * HOUR, why: 'hours' },
    { value: '7d', expected: 168 * HOUR, why: 'days, up to a week' },
  ])('reads $value ($why)', ({ value, expected }) => {
    expect(readListUpdateEvery({ EMBARGO_UPDATE_EVERY: value })).toBe(expected);
  });

  it.each([
    { value: '6', why: 'a bare number: minutes or hours?' },
    { value: '6 hours', why: 'words' },
    { value: '1.5h', why: 'a fraction' },
    { value: '-1h', why: 'negative' },
    { value: '0h', why: 'zero with a unit (0 alone turns the checks off)' },
    { value: ' 6h', why: 'spaces' },
    { value: '6H', why: 'a unit in capitals' },
  ])('refuses $value ($why), naming the variable', ({ value }) => {
    expect(() => readListUpdateEvery({ EMBARGO_UPDATE_EVERY: value })).toThrow(
      `EMBARGO_UPDATE_EVERY is ${JSON.stringify(value)}: expected a whole number with a unit, s, m, h or d (e.g. 6h, 30m, 1d)`,
    );
  });

  it('refuses more than a week (timers overflow past 24.8 days)', () => {
    expect(() => readListUpdateEvery({ EMBARGO_UPDATE_EVERY: '8d' })).toThrow('EMBARGO_UPDATE_EVERY is "8d": at most 7d');
  });
});

describe('EMBARGO_LIST_MAX_AGE', () => {
  it.each([
    { env: {}, expected: 24 * HOUR, why: 'unset: a day' },
    { env: { EMBARGO_LIST_MAX_AGE: '2d' }, expected: 48 * HOUR, why: 'days' },
    { env: { EMBARGO_UPDATE_EVERY: '0', EMBARGO_LIST_MAX_AGE: '1h' }, expected: HOUR, why: 'any age when the checks are off' },
    { env: { EMBARGO_UPDATE_EVERY: '1h', EMBARGO_LIST_MAX_AGE: '90m' }, expected: 90 * MINUTE, why: 'longer than the interval' },
  ])('reads $env ($why)', ({ env, expected }) => {
    expect(readListMaxAge(env)).toBe(expected);
  });

  it('refuses a malformed value, naming the variable', () => {
    expect(() => readListMaxAge({ EMBARGO_LIST_MAX_AGE: '24' })).toThrow(
      'EMBARGO_LIST_MAX_AGE is "24": expected a whole number with a unit',
    );
  });

  it('refuses an age not longer than the interval: every list would be overdue between two checks', () => {
    expect(() => readListMaxAge({ EMBARGO_LIST_MAX_AGE: '6h' })).toThrow(
      'EMBARGO_LIST_MAX_AGE (6h) must be longer than EMBARGO_UPDATE_EVERY (6h)',
    );
    expect(() => readListMaxAge({ EMBARGO_UPDATE_EVERY: '2d' })).toThrow(
      'EMBARGO_LIST_MAX_AGE (24h) must be longer than EMBARGO_UPDATE_EVERY (2d)',
    );
  });
});
