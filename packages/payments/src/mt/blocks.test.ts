import { describe, expect, it } from 'vitest';
import { readMtBlock } from './blocks.js';
import { lineIndex } from './line-index.js';

const read = (text: string, at = 0) => readMtBlock(text, at, lineIndex(text));

describe('readMtBlock', () => {
  it('reads a flat header block and where it ends', () => {
    const result = read('{1:F01BANKBEBBAXXX0000000000}{2:I103BANKDEFFXXXXN}');
    expect(result.block).toMatchObject({ id: '1', content: 'F01BANKBEBBAXXX0000000000', children: [], line: 1, end: 29 });
  });

  it('reads the user header and trailer as sub-blocks in braces', () => {
    const result = read('{3:{108:MUR1}{119:COV}{121:174c245f-2682-4291-ad67-2a41e530cd27}}');
    expect(result.block?.children.map((c) => [c.id, c.content])).toEqual([
      ['108', 'MUR1'],
      ['119', 'COV'],
      ['121', '174c245f-2682-4291-ad67-2a41e530cd27'],
    ]);
    expect(read('{5:{MAC:D9D8FA56}{CHK:46E46A6460F2}}').block?.children.map((c) => c.id)).toEqual(['MAC', 'CHK']);
  });

  it('ends the text block at the line "-}", not at a brace inside it, and keeps its line', () => {
    const text = 'x\n{4:\n:20:A}B\n:72:/INS/X\n-}{5:}';
    const result = read(text, 2);
    expect(result.block).toMatchObject({ id: '4', content: '\n:20:A}B\n:72:/INS/X', line: 2, contentStart: 5 });
    expect(text.slice(result.block?.end)).toBe('{5:}');
  });

  it('ends a CRLF text block at "\\r\\n-}"', () => {
    expect(read('{4:\r\n:20:A\r\n-}').block?.content).toBe('\r\n:20:A');
  });

  it('reads a system message text block (an ACK) as sub-blocks', () => {
    expect(read('{4:{177:1704260717}{451:0}}').block?.children.map((c) => [c.id, c.content])).toEqual([
      ['177', '1704260717'],
      ['451', '0'],
    ]);
  });

  it('reports a header block whose "}" is missing, with its line, resuming at the next block', () => {
    const text = '\n{1:F01BANKBEBBAXXX0000000000{2:I103BANKDEFFXXXXN}';
    const result = read(text, 1);
    expect(result.problem).toEqual({
      field: '1',
      line: 2,
      reason: expect.stringContaining("block {1: starting on line 2 is not closed by '}'"),
    });
    expect(result.problem ? text.slice(result.resumeAt) : '').toMatch(/^\{2:/);
  });

  it('reports block 3 unclosed when a top-level block opens inside it', () => {
    const result = read('{3:{108:X}{4:\n:20:A\n-}');
    expect(result.problem).toMatchObject({ field: '3', line: 1 });
  });

  it('reports block 4 without its closing line "-}", before the RJE separator or at the end of the file', () => {
    expect(read('{4:\n:20:A\n:32A:x\n$\n{1:F01…}').problem).toEqual({
      field: '4',
      line: 1,
      reason: "block 4 (the text) starting on line 1 is not closed by a line '-}' before '$'",
    });
    expect(read('{4:\n:20:A\n').problem?.reason).toContain('before the end of the file');
  });

  it('reports a brace not followed by a block number', () => {
    expect(read('{x}').problem?.reason).toContain("'{' is not followed by a block number");
  });
});
