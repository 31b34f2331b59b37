import { describe, expect, test } from 'vitest';
import { numberedItems } from './numbered.js';

describe('numberedItems', () => {
  test.each([
    { why: 'an unnumbered cell is one item', text: 'Tabankort', expect: [{ value: 'Tabankort' }] },
    { why: 'an empty cell has none', text: '  ', expect: [] },
    { why: 'a lone dash means not known', text: '-', expect: [] },
    {
      why: 'numbered items, "-" items dropped, no space after a marker',
      text: '(1) Uganda (2) - (3)Uganda',
      expect: [
        { index: 1, value: 'Uganda' },
        { index: 3, value: 'Uganda' },
      ],
    },
    {
      why: '"(1)-(2)" gives one value to both numbers',
      text: '(1)-(2) Tunisia (3) Libya',
      expect: [
        { index: 1, value: 'Tunisia' },
        { index: 2, value: 'Tunisia' },
        { index: 3, value: 'Libya' },
      ],
    },
    {
      why: '"(1-3)" likewise (2025 sheet)',
      text: '(1-3) Libya (4) Morocco',
      expect: [1, 2, 3].map((index) => ({ index, value: 'Libya' })).concat([{ index: 4, value: 'Morocco' }]),
    },
    {
      why: 'a range of unknown items ends nothing: "(1) Manzil Tmim (2)-(6) -"',
      text: '(1) Manzil Tmim (2)-(6) -',
      expect: [{ index: 1, value: 'Manzil Tmim' }],
    },
    {
      why: 'a period that ends an item is not part of it',
      text: '(1) Central African Republic. (2) South Sudan',
      expect: [
        { index: 1, value: 'Central African Republic' },
        { index: 2, value: 'South Sudan' },
      ],
    },
    {
      why: 'brackets without a number are text',
      text: 'Iranian (Iranian citizenship)',
      expect: [{ value: 'Iranian (Iranian citizenship)' }],
    },
  ])('$why', ({ text, expect: items }) => {
    expect(numberedItems(text)).toEqual(items);
  });
});
