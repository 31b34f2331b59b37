import { describe, expect, it } from 'vitest';
import { readAlertThreshold, readScreenThreads } from './config.js';

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
