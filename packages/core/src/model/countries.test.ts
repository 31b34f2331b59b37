import { describe, expect, it } from 'vitest';
import { countryCode, countryName } from './countries.js';

describe('countryCode', () => {
  it.each([
    ['Korea, North', 'KP'],
    ["Democratic People's Republic of Korea", 'KP'],
    ['Burma', 'MM'],
    ['Iran (Islamic Republic of)', 'IR'],
    ['Russia', 'RU'],
    ['Russian Federation', 'RU'],
    ['China', 'CN'],
    ['Namibia', 'NA'],
    ['Singapore', 'SG'],
    ['Côte d’Ivoire', 'CI'],
    ['Pyongyang, Korea, North', 'KP'],
    ['kp', 'KP'],
  ])('%s → %s', (text, code) => expect(countryCode(text)).toBe(code));

  it('returns undefined for text that is no country', () => {
    expect(countryCode('Nowhereland')).toBeUndefined();
    expect(countryCode('')).toBeUndefined();
  });

  it('names codes in English', () => expect(countryName('KP')).toBe('North Korea'));
});
