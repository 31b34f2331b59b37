/** The numbers a name states, in digits, in words or as a series' roman numeral, and only those. */
import { beforeAll, describe, expect, it } from 'vitest';
import { ScreeningEngine } from '../engine.js';
import { nameForms } from '../name-form.js';
import { tokenSimilarity } from '../token-similarity.js';
import { romanNumeralValue } from '../../text/number-words.js';
import { numbersIn } from './number-conflict.js';
import { bundledSdnEntities } from '../../../../../test/bundled-sdn.js';

const numbers = (name: string) => [...numbersIn(nameForms(name, 'organisation')[0])];

describe('numbersIn', () => {
  it('reads digits, ordinals and number words', () => {
    expect(numbers('JI SONG 6')).toEqual(['6']);
    expect(numbers('558TH REGIMENT')).toEqual(['558']);
    expect(numbers('THE SEVENTH GENERAL BUREAU')).toEqual(['7']);
  });

  it('takes no other word for a number, not even the names of object properties', () => {
    expect(numbers('CONSTRUCTOR TOSTRING COMPANY')).toEqual([]);
  });

  it("reads a firm's or vessel's last word as a roman numeral, not a person's", () => {
    expect(numbers('SEA STAR III')).toEqual(['3']);
    expect(numbers('BICENTENARIO XII')).toEqual(['12']);
    expect(numbers('IVORY TRADING')).toEqual([]);
    expect([...numbersIn(nameForms('NGUYEN Thuy Vi', 'person')[0])]).toEqual([]);
    expect(romanNumeralValue('xiv')).toBe(14);
    expect(romanNumeralValue('vv')).toBeUndefined();
    expect(romanNumeralValue('')).toBeUndefined();
  });

  it('compares a number in digits with the same number in words or roman numerals as one number', () => {
    const token = (w: string) => nameForms(w, 'organisation')[0].tokens[0];
    expect(tokenSimilarity(token('3'), token('iii')).similarity).toBeGreaterThan(0.9);
    expect(tokenSimilarity(token('4'), token('iii')).similarity).toBe(0);
    expect(tokenSimilarity(token('1st'), token('first')).similarity).toBeGreaterThan(0.9);
    expect(tokenSimilarity(token('7'), token('seventh')).similarity).toBeGreaterThan(0.9);
    expect(tokenSimilarity(token('8'), token('seventh')).similarity).toBe(0);
  });
});

describe('a series of vessels on the bundled OFAC SDN list (BICENTENARIO I, II, V…)', () => {
  let engine: ScreeningEngine;
  beforeAll(async () => {
    engine = new ScreeningEngine(await bundledSdnEntities());
  }, 120_000);

  const alerts = (name: string) =>
    engine
      .screen({ name, schema: 'Vessel' })
      .filter((m) => m.alert)
      .map((m) => m.entity.caption);

  it('finds the vessel by its number in digits, and not its sisters by another numeral', () => {
    expect(alerts('BICENTENARIO 1')).toContain('BICENTENARIO I');
    expect(alerts('BICENTENARIO XII')).not.toContain('BICENTENARIO II');
    expect(alerts('BICENTENARIO V')).not.toContain('BICENTENARIO II');
  });
});
