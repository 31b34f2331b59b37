import { describe, expect, it } from 'vitest';
import { readAmount } from './amount.js';

const amount = (tag: string, text: string) => readAmount({ tag, lines: [text], line: 4 });

describe('readAmount', () => {
  it.each([
    ['210511USD136500,', '136500'],
    ['190425USD1321,00', '1321.00'],
    ['190425USD1417,8', '1417.8'],
  ])('32A %s → %s', (text, value) => {
    expect(amount('32A', text).value).toEqual({ currency: 'USD', value });
  });

  it('32B has no date', () => {
    expect(amount('32B', 'CNY14,00').value).toEqual({ currency: 'CNY', value: '14.00' });
  });

  it.each(['210511USD136500', '2105USD1,', '211311USD1,', 'USD1,00', '210511usd1,'])(
    '32A %s is an error naming the field and line',
    (text) => {
      expect(amount('32A', text).problem).toMatchObject({
        field: '32A',
        line: 4,
        reason: expect.stringContaining('is not YYMMDD value date'),
      });
    },
  );

  it('32B without a decimal comma is an error', () => {
    expect(amount('32B', 'EUR100').problem).toMatchObject({ field: '32B', line: 4 });
  });
});
