import { describe, expect, it } from 'vitest';
import { readMtBlock } from './blocks.js';
import { readMtFields } from './fields.js';
import { lineIndex } from './line-index.js';

function fieldsOf(text: string) {
  const lineOf = lineIndex(text);
  const block = readMtBlock(text, text.indexOf('{4:'), lineOf).block;
  if (!block) throw new Error('test text has no block 4');
  return readMtFields(block, lineOf);
}

describe('readMtFields', () => {
  it('starts a field at each ":TAG:" line and continues it on the lines after, with the file line', () => {
    expect(fieldsOf('{1:F01X}{4:\n:20:REF\n:50K:/123\nNAME\nSTREET\n:71A:SHA\n-}').value).toEqual([
      { tag: '20', lines: ['REF'], line: 2 },
      { tag: '50K', lines: ['/123', 'NAME', 'STREET'], line: 3 },
      { tag: '71A', lines: ['SHA'], line: 6 },
    ]);
  });

  it('keeps lines as written, trailing spaces included, and drops only the CR of CRLF', () => {
    expect(fieldsOf('{4:\r\n:70:AUG\r\nUST   \r\n-}').value).toEqual([{ tag: '70', lines: ['AUG', 'UST   '], line: 2 }]);
  });

  it('does not take a colon inside a line for a tag', () => {
    expect(fieldsOf('{4:\n:70:INV NO :14255639\nDATE :20:X\n-}').value).toEqual([
      { tag: '70', lines: ['INV NO :14255639', 'DATE :20:X'], line: 2 },
    ]);
  });

  it('reports a line before any field tag, with its line', () => {
    expect(fieldsOf('{4:\nREF\n:20:X\n-}').problem).toEqual({
      field: '4',
      line: 2,
      reason: "line 'REF' comes before any field tag (a field starts with ':20:', ':32A:', …)",
    });
  });
});
