import { describe, expect, it } from 'vitest';
import { readMtBatch } from './batch.js';
import { lineIndex } from './line-index.js';

const batch = (text: string) => readMtBatch(text, lineIndex(text));
const MESSAGE = (ref: string) => `{1:F01BANKBEBBAXXX0000000000}{2:I103BANKDEFFXXXXN}{4:\n:20:${ref}\n-}`;
const ACK = '{1:F21BANKBEBBAXXX0000000000}{4:{177:1704260717}{451:0}}';
const referenceOf = (entry: ReturnType<typeof batch>[number]) => entry.blocks?.find((b) => b.id === '4')?.content.trim();

describe('readMtBatch', () => {
  it('cuts an RJE batch at "$", on its own line or straight after "-}"', () => {
    const entries = batch(`${MESSAGE('A')}\n$\n${MESSAGE('B')}$${MESSAGE('C')}\n$`);
    expect(entries.map(referenceOf)).toEqual([':20:A', ':20:B', ':20:C']);
    expect(entries.map((e) => e.blocks && e.line)).toEqual([1, 5, 7]);
  });

  it('starts a new message at each basic header even without "$"', () => {
    expect(batch(`${MESSAGE('A')}${MESSAGE('B')}`).map(referenceOf)).toEqual([':20:A', ':20:B']);
  });

  it('keeps the trailer blocks with their message', () => {
    expect(batch(`${MESSAGE('A')}{5:{CHK:46E46A6460F2}}`)[0].blocks?.map((b) => b.id)).toEqual(['1', '2', '4', '5']);
  });

  it('folds an accepted ACK into the message after it', () => {
    expect(batch(`${ACK}${MESSAGE('A')}$${ACK}${MESSAGE('B')}$`).map(referenceOf)).toEqual([':20:A', ':20:B']);
  });

  it('reports the message after a NAK as refused, with the error code of field 405', () => {
    const nak = '{1:F21BANKBEBBAXXX0000000000}{4:{177:1704260717}{451:1}{405:T13}}';
    expect(batch(`${nak}${MESSAGE('A')}$\n${MESSAGE('B')}`)).toEqual([
      { problem: { field: '405', line: 1, reason: 'SWIFT refused this message (NAK on line 1, error code T13)' } },
      expect.objectContaining({ line: 4 }),
    ]);
    expect(batch(`{1:F21BANKBEBBAXXX0000000000}{4:{451:1}}${MESSAGE('A')}`)[0].problem).toMatchObject({
      field: '451',
      reason: expect.stringContaining('no error code given'),
    });
  });

  it('reports an ACK with nothing after it, or without field 451', () => {
    expect(batch(`${MESSAGE('A')}$\n${ACK}`)[1].problem?.reason).toBe(
      'the acknowledgement (F21) on line 4 is followed by the end of the file, not by the message it acknowledges',
    );
    expect(batch(`{1:F21BANKBEBBAXXX0000000000}{4:{177:1}}${MESSAGE('A')}`)[0].problem?.field).toBe('451');
  });

  it('passes over a lone "{" before the separator (prowide_MT103-out-ack.rje, twelfth message)', () => {
    expect(batch(`${MESSAGE('A')}{\n$\n${MESSAGE('B')}`).map(referenceOf)).toEqual([':20:A', ':20:B']);
  });

  it('reports an unterminated block in its own message and goes on with the next', () => {
    const entries = batch(`${MESSAGE('A')}\n$\n{1:F01BANKBEBBAXXX0000000000}{2:I103BANKDEFFXXXXN}{4:\n:20:B\n$\n${MESSAGE('C')}`);
    expect(entries.map((e) => e.problem?.field ?? referenceOf(e))).toEqual([':20:A', '4', ':20:C']);
    expect(entries[1].problem?.line).toBe(5);
  });

  it('reports text outside any block', () => {
    expect(batch(`hello ${MESSAGE('A')}`)[0].problem).toMatchObject({
      line: 1,
      reason: expect.stringContaining("text outside any block: 'hello'"),
    });
  });
});
