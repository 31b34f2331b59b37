import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { hasSharedOwnership, SHARED_OWNERSHIP } from '../../../../test/shared-data.js';
import { ALL_OWNERSHIP_REGIMES, OWNERSHIP_REGIMES } from './regimes.js';

describe('OWNERSHIP_REGIMES', () => {
  it('holds the three rules as the guidance states them', () => {
    expect(ALL_OWNERSHIP_REGIMES.map((r) => [r.id, r.threshold, r.inclusive, r.aggregation, r.controlBlocks])).toEqual([
      ['ofac', 50, true, 'acrossDesignated', false],
      ['eu', 50, true, 'acrossDesignated', true],
      ['uk', 50, false, 'perDesignatedPerson', true],
    ]);
  });

  it('every citation says what it is, where it was read and what was checked', () => {
    for (const regime of ALL_OWNERSHIP_REGIMES) {
      for (const citation of Object.values(regime.citations)) {
        expect(citation.label).not.toBe('');
        expect(citation.quote.length).toBeGreaterThan(40);
        expect(citation.url).toMatch(/^https:\/\//);
        expect(citation.verified.length).toBeGreaterThan(40);
        // An official citation is on the publisher's own site.
        if (citation.status === 'official') expect(citation.url).toMatch(/^https:\/\/(ofac\.treasury\.gov|www\.gov\.uk)\//);
      }
    }
  });
});

describe.skipIf(!hasSharedOwnership())('the official quotes match the stored copies in ownership_rules_quotes.md', () => {
  const quotes = readFileSync(join(SHARED_OWNERSHIP, 'ownership_rules_quotes.md'), 'utf8');
  it('OFAC FAQ 398 and 401, word for word', () => {
    expect(quotes).toContain(OWNERSHIP_REGIMES.ofac.citations.control.quote);
    for (const part of OWNERSHIP_REGIMES.ofac.citations.indirect.quote.split(' … ')) expect(quotes).toContain(part);
  });
});
