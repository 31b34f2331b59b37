import { describe, expect, it } from 'vitest';
import { instructingInstitutions } from './sender-to-receiver.js';

const institutions = (text: string, alreadyFound = 0) =>
  instructingInstitutions({ tag: '72', lines: text.split('\n'), line: 9 }, '72', alreadyFound);

describe('instructingInstitutions', () => {
  it('a BIC after /INS/ is a bank by BIC', () => {
    expect(institutions('/INS/INGBROBUXXX')).toEqual([
      { role: 'previousInstructingAgent1', kind: 'bank', source: '72', bic: 'INGBROBUXXX', addressLines: [], identifiers: [] },
    ]);
  });

  it('a name continued on "//" lines is joined; other codes end it', () => {
    expect(institutions('/INS/DEUTSCHE BANK TRUST CO.\n//AMERICAS NEW YORK, NY 10015\n/BNF/INVOICE 1\n//MORE')).toEqual([
      {
        role: 'previousInstructingAgent1',
        kind: 'bank',
        source: '72',
        name: 'DEUTSCHE BANK TRUST CO. AMERICAS NEW YORK, NY 10015',
        addressLines: [],
        identifiers: [],
      },
    ]);
  });

  it('numbers several /INS/ after those already found, the fourth and later staying third', () => {
    expect(institutions('/INS/AAAABEBB\n/INS/BBBBBEBB\n/INS/CCCCBEBB', 1).map((p) => p.role)).toEqual([
      'previousInstructingAgent2',
      'previousInstructingAgent3',
      'previousInstructingAgent3',
    ]);
  });

  it('no /INS/, or an empty one, names no one', () => {
    expect(institutions('/ACC/ 00940060752415000231\n/INS/')).toEqual([]);
  });
});
