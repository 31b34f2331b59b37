// @vitest-environment jsdom
/**
 * Marking aligned words in names as the lists write them: case, accents, punctuation and joined
 * pairs, and whole words only.
 */
import { describe, expect, it } from 'vitest';
import { allWordsFound, highlightSegments } from './highlight';

const marked = (text: string, words: string[]) =>
  highlightSegments(text, words)
    .filter((s) => s.marked)
    .map((s) => s.text);

describe('highlightSegments', () => {
  it('marks the folded tokens in the name as written and keeps the rest', () => {
    expect(highlightSegments('KIM, Tong-Un', ['kim', 'un'])).toEqual([
      { text: 'KIM', marked: true },
      { text: ', Tong-', marked: false },
      { text: 'Un', marked: true },
    ]);
  });

  it('matches accented letters and whole words only', () => {
    expect(marked('Hüseyin ÖZTÜRK', ['huseyin', 'ozturk'])).toEqual(['Hüseyin', 'ÖZTÜRK']);
    expect(marked('UNITED UN TRADING', ['un'])).toEqual(['UN']);
  });

  it('looks for each word of a joined pair', () => {
    expect(marked('KIM, Tong Chol', ['kim', 'tong chol'])).toEqual(['KIM', 'Tong', 'Chol']);
  });

  it('finds nothing to mark in another script', () => {
    expect(marked('장성남', ['jang', 'song', 'nam'])).toEqual([]);
    expect(allWordsFound('장성남', ['jang', 'song', 'nam'])).toBe(false);
    expect(allWordsFound('JANG, Sung Nam', ['jang', 'nam', 'sung'])).toBe(true);
  });
});
