import { describe, expect, it } from 'vitest';
import { lineIndex } from './line-index.js';

describe('lineIndex', () => {
  it('gives the line (from 1) of an offset, LF and CRLF alike', () => {
    const lineOf = lineIndex('ab\ncd\r\nef\n');
    expect([0, 2, 3, 5, 6, 7, 9].map(lineOf)).toEqual([1, 1, 2, 2, 2, 3, 3]);
    expect(lineOf(10)).toBe(4);
  });
});
