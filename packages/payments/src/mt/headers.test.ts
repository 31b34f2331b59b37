import { describe, expect, it } from 'vitest';
import type { MtBlock } from './blocks.js';
import { bicOfLogicalTerminal, readMtHeaders } from './headers.js';

const block = (id: string, content: string, children: MtBlock[] = []): MtBlock => ({
  id,
  content,
  contentStart: 0,
  line: 3,
  children,
  end: 0,
});

describe('readMtHeaders', () => {
  it('output message: the sender is in block 2 (the MIR), the receiver in block 1', () => {
    const headers = readMtHeaders([block('1', 'F01CHASUS33XXXX0000000000'), block('2', 'O1031013210511CHASGB2LXXXX00000000002105111013N')]);
    expect(headers.value).toMatchObject({
      messageType: '103',
      sender: { bic: 'CHASGB2LXXX', source: '2' },
      receiver: { bic: 'CHASUS33XXX', source: '1' },
    });
  });

  it('input message: the sender is in block 1, the receiver in block 2', () => {
    const headers = readMtHeaders([block('1', 'F01AABSLKLXAXXX0000000000'), block('2', 'I103HANYUS33XXXXN')]);
    expect(headers.value).toMatchObject({
      messageType: '103',
      sender: { bic: 'AABSLKLXXXX', source: '1' },
      receiver: { bic: 'HANYUS33XXX', source: '2' },
    });
  });

  it("reads block 3's fields", () => {
    const headers = readMtHeaders([
      block('1', 'F01AABSLKLXAXXX0000000000'),
      block('2', 'I202HANYUS33XXXXN'),
      block('3', '', [block('119', 'COV')]),
    ]);
    expect(headers.value?.userHeader.get('119')).toBe('COV');
  });

  it('drops the terminal letter of a logical terminal address', () => {
    expect(bicOfLogicalTerminal('TESTAR00AXXX')).toBe('TESTAR00XXX');
  });

  it('reports a missing or malformed header with its block and line', () => {
    expect(readMtHeaders([block('2', 'I103HANYUS33XXXXN')]).problem).toMatchObject({ field: '1', line: 3 });
    expect(readMtHeaders([block('1', 'F01SHORT')]).problem).toMatchObject({
      field: '1',
      reason: expect.stringContaining("block 1 'F01SHORT'"),
    });
    expect(readMtHeaders([block('1', 'F01AABSLKLXAXXX0000000000')]).problem).toMatchObject({
      field: '2',
      reason: expect.stringContaining('message type is unknown'),
    });
    expect(readMtHeaders([block('1', 'F01AABSLKLXAXXX0000000000'), block('2', 'X103')]).problem).toMatchObject({ field: '2', line: 3 });
  });
});
