import { describe, expect, it } from 'vitest';
import { screenedPartyKey } from './screened-party-key.js';

describe('screenedPartyKey', () => {
  const kim = {
    name: 'Kim Jong Un',
    birthDate: '1984-01-08',
    country: 'KP',
    identifiers: [{ type: 'passportNumber', value: '563 120-368' }],
  };
  it.each([
    { why: 'case and spacing of the name do not count', other: { ...kim, name: '  kim   JONG un ' }, same: true },
    {
      why: 'identifier punctuation does not count',
      other: { ...kim, identifiers: [{ type: 'passportNumber', value: '563120368' }] },
      same: true,
    },
    { why: 'a word more in the name counts', other: { ...kim, name: 'Kim Jong Un Park' }, same: false },
    { why: 'another birth date counts', other: { ...kim, birthDate: '1984-01-09' }, same: false },
    { why: 'a missing birth date counts', other: { ...kim, birthDate: undefined }, same: false },
    { why: 'another country counts', other: { ...kim, country: 'KR' }, same: false },
    { why: 'another identifier counts', other: { ...kim, identifiers: [{ type: 'passportNumber', value: '563120369' }] }, same: false },
  ])('$why', ({ other, same }) => {
    expect(screenedPartyKey(other) === screenedPartyKey(kim)).toBe(same);
  });

  it('ignores the order of identifiers and fields outside the screened data', () => {
    const a = { name: 'X', identifiers: [{ value: 'A1' }, { value: 'B2' }] };
    const b = { name: 'X', identifiers: [{ value: 'B2' }, { value: 'A1' }], customerKey: 'C-1', schema: 'Person' };
    expect(screenedPartyKey(b)).toBe(screenedPartyKey(a));
  });
});
