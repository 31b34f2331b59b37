import { describe, expect, it } from 'vitest';
import { nameVocabulary, textWindows } from './text-windows.js';

const vocabulary = nameVocabulary([
  'VELMUR MANAGEMENT PTE LTD',
  'TRANSATLANTIC PARTNERS PTE. LTD.',
  'AUGUST TRADING LTD',
  ...Array.from({ length: 60 }, (_, i) => `TRADING COMPANY NUMBER ${i}`),
]);
const texts = (lines: string[]) => textWindows(lines, vocabulary).map((w) => w.text);

describe('textWindows', () => {
  it('counts each word once per listed name', () => {
    expect(vocabulary.get('pte')).toBe(2);
    expect(vocabulary.get('trading')).toBe(61);
  });

  it('reads windows of listed words holding a distinctive one, and nothing of prose', () => {
    expect(texts(['INVOICE 12 VELMUR MANAGEMENT PTE LTD'])).toEqual(
      expect.arrayContaining(['velmur', 'velmur management', 'velmur management pte', 'velmur management pte ltd']),
    );
    expect(texts(['PAYMENT FOR TRADING COMPANY GOODS'])).toEqual([]);
  });

  it('joins a word cut at a line end when the joined word is a listed one, and says so', () => {
    const windows = textWindows(['FEES JULY AND AUG', 'UST TRADING'], vocabulary);
    expect(windows).toContainEqual({ text: 'august trading', firstLine: 0, lastLine: 1, joined: true });
    const split = textWindows(['GASOIL VELMUR MANA', 'GEMENT PTE LTD'], vocabulary);
    expect(split.find((w) => w.text === 'velmur management pte ltd')).toEqual({
      text: 'velmur management pte ltd',
      firstLine: 0,
      lastLine: 1,
      joined: true,
    });
  });

  it('lets one unknown word stand inside a window (a typing error), never at its ends', () => {
    expect(texts(['VELMUR MANAGMENT PTE LTD'])).toContain('velmur managment pte ltd');
    expect(texts(['VELMUR MANAGMENT'])).not.toContain('velmur managment');
  });

  it('keeps windows to six words', () => {
    expect(Math.max(...texts(['VELMUR MANAGEMENT PTE LTD TRANSATLANTIC PARTNERS PTE LTD']).map((t) => t.split(' ').length))).toBe(6);
  });
});
