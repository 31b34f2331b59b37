/** The evidence of a cross-list link in words: what is shared, strongest first, no name said twice. */
import { describe, expect, it } from 'vitest';
import { linkEvidenceSentence, linkEvidenceWords, sameName } from './link-words';

describe('linkEvidenceWords', () => {
  it('names the document and its number', () => {
    expect(linkEvidenceWords({ reason: 'passportNumber', value: '563120368' })).toBe('same passport 563120368');
    expect(linkEvidenceWords({ reason: 'imoNumber', value: '9191735' })).toBe('same IMO number 9191735');
  });

  it('says "same name and birth date" with the date alone when both primary names are that name', () => {
    const evidence = { reason: 'nameAndBirthDate', value: 'JANG SUNG NAM (1970-07-14)' };
    expect(linkEvidenceWords(evidence, { self: 'JANG SUNG NAM', other: 'JANG, Sung Nam' })).toBe('same name and birth date (1970-07-14)');
    // Linked through an alias: the name shared is worth saying.
    expect(
      linkEvidenceWords(
        { reason: 'nameAndBirthDate', value: 'Andrei ZADACHIN (1962-03-01)' },
        { self: 'ZADACHIN, Andrey', other: 'ZADACHIN, Andrei' },
      ),
    ).toBe('same name “Andrei ZADACHIN” and birth date (1962-03-01)');
  });

  it('does not say "same name" of organisations whose primary names are the same', () => {
    const captions = { self: 'KOREA MINING DEVELOPMENT TRADING CORPORATION', other: 'Korea Mining Development Trading Corporation' };
    const words = linkEvidenceWords({ reason: 'organisationName', value: 'KOREA MINING DEVELOPMENT TRADING CORPORATION' }, captions);
    expect(words).toBe('identical primary names');
    expect(words).not.toMatch(/same name/);
    // Also when the name core reports is a shared alias (the smallest of the shared names).
    expect(linkEvidenceWords({ reason: 'organisationName', value: 'CHANGGWANG SINYONG CORPORATION' }, captions)).toBe(
      'identical primary names',
    );
    // Through an alias of one of them, the name is the evidence.
    expect(
      linkEvidenceWords(
        { reason: 'organisationName', value: 'KOMID' },
        { self: 'KOMID', other: 'KOREA MINING DEVELOPMENT TRADING CORPORATION' },
      ),
    ).toBe('same name “KOMID”');
  });

  it('reads a name within another on the same birth date', () => {
    expect(linkEvidenceWords({ reason: 'namePartsAndBirthDate', value: 'KIM Il ⊂ KIM Il Sung (1960-01-01)' })).toBe(
      'same birth date (1960-01-01), “KIM Il” within “KIM Il Sung”',
    );
  });
});

describe('linkEvidenceSentence', () => {
  it('puts a document number before a name', () => {
    const sentence = linkEvidenceSentence(
      [
        { reason: 'nameAndBirthDate', value: 'JANG SUNG NAM (1970-07-14)' },
        { reason: 'passportNumber', value: '563120368' },
      ],
      { self: 'JANG SUNG NAM', other: 'JANG, Sung Nam' },
    );
    expect(sentence).toBe('same passport 563120368; same name and birth date (1970-07-14)');
  });
});

describe('sameName', () => {
  it('ignores case, punctuation, accents and word order, and nothing else', () => {
    expect(sameName('JANG, Sung Nam', 'Sung Nam JANG')).toBe(true);
    expect(sameName('Müller, José', 'MULLER JOSE')).toBe(true);
    expect(sameName('JANG, Sung Nam', 'JANG, Song Nam')).toBe(false);
    expect(sameName('JANG', undefined)).toBe(false);
  });
});
