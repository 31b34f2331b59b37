/** The numbers a name states, in digits or in words, and only those. */
import { describe, expect, it } from 'vitest';
import { nameForms } from '../name-form.js';
import { numbersIn } from './number-conflict.js';

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
});
