import { describe, expect, it } from 'vitest';
import { numberWordsAsDigits } from './number-words.js';

describe('numberWordsAsDigits', () => {
  it.each([
    { why: 'a hyphenated number', name: 'Unit Twenty-Nine', digits: 'Unit 29' },
    { why: 'a number with spaces', name: 'UNIT TWENTY NINE', digits: 'UNIT 29' },
    { why: 'a number read out in groups', name: 'Military Unit Twenty-Nine One Fifty-Five', digits: 'Military Unit 29155' },
    { why: 'hundreds with "and"', name: 'Brigade One Hundred and Five', digits: 'Brigade 105' },
    { why: 'thousands', name: 'Two Thousand Twenty Trading', digits: '2020 Trading' },
    { why: 'a teen after a hundred', name: 'Three Hundred Fifteen', digits: '315' },
    { why: 'digits read one by one', name: 'Sea Star One One Two', digits: 'Sea Star 112' },
    { why: 'zero in a group', name: 'Agent Zero Zero Seven', digits: 'Agent 007' },
    { why: 'forty misspelled fourty', name: 'Brigade Fourty-Four', digits: 'Brigade 44' },
  ])('reads $why', ({ name, digits }) => expect(numberWordsAsDigits(name)).toBe(digits));

  it.each([
    { why: 'no number word', name: 'Kim Jong Un' },
    { why: 'a number word inside another word', name: 'TENNESSEE ONEGA STONE' },
    { why: 'digits already', name: 'MILITARY UNIT 29155' },
    { why: '"and" alone', name: 'Smith and Sons' },
  ])('leaves $why alone', ({ name }) => expect(numberWordsAsDigits(name)).toBeUndefined());
});
