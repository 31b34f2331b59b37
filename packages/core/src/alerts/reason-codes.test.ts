import { describe, expect, it } from 'vitest';
import { EmbargoError } from '../errors.js';
import { checkReasonCodeIn, checkReasonCodes, DEFAULT_REASON_CODES, type ReasonCode } from './reason-codes.js';

function fieldOf(run: () => unknown): string | undefined {
  try {
    run();
  } catch (e) {
    if (e instanceof EmbargoError && e.code === 'INVALID_INPUT') return e.context.field;
    throw e;
  }
  return undefined;
}

describe('reason codes', () => {
  it('the defaults are a valid list and name the reasons the issue asks for', () => {
    expect(checkReasonCodes(DEFAULT_REASON_CODES)).toBe(DEFAULT_REASON_CODES);
    const labels = DEFAULT_REASON_CODES.map((c) => c.label.toLowerCase());
    for (const wanted of [
      'different date of birth',
      'different nationality',
      'different gender',
      'common name',
      'partial name only',
      'true match confirmed',
    ])
      expect(labels).toContain(wanted);
  });

  const refused: { why: string; codes: ReasonCode[]; field: string }[] = [
    { why: 'an empty list', codes: [], field: 'codes' },
    { why: 'upper-case code', codes: [{ code: 'Common', label: 'Common name' }], field: 'codes/0/code' },
    {
      why: 'code with a space',
      codes: [
        { code: 'ok', label: 'Ok' },
        { code: 'common name', label: 'Common name' },
      ],
      field: 'codes/1/code',
    },
    {
      why: 'code twice',
      codes: [
        { code: 'a', label: 'A' },
        { code: 'a', label: 'B' },
      ],
      field: 'codes/1/code',
    },
    { why: 'blank label', codes: [{ code: 'a', label: '  ' }], field: 'codes/0/label' },
    { why: 'label with a trailing space (not trimmed for you)', codes: [{ code: 'a', label: 'A ' }], field: 'codes/0/label' },
    { why: 'too many codes', codes: Array.from({ length: 101 }, (_, i) => ({ code: `c${i}`, label: `C${i}` })), field: 'codes' },
  ];
  it.each(refused)('refuses $why, naming $field', ({ codes, field }) => {
    expect(fieldOf(() => checkReasonCodes(codes))).toBe(field);
  });

  it("a decision's code must be in the tenant's list", () => {
    expect(checkReasonCodeIn(DEFAULT_REASON_CODES, 'common-name').label).toBe('Common name');
    expect(fieldOf(() => checkReasonCodeIn([{ code: 'ours', label: 'Ours' }], 'common-name'))).toBe('reasonCode');
  });
});
