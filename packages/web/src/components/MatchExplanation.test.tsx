// @vitest-environment jsdom
/**
 * The explanation in words. The fixtures are real engine answers (name-logic-v1 on the bundled lists):
 * the Hangul query 장성남 born 1982-03-02 against OFAC's "JANG, Sung Nam" (born 14 Jul 1970), and
 * Андрей Сербин against a weak alias. They are typed with @embargo/core's own MatchExplanation, so the
 * web copy of the type (api/types.ts) cannot drift from the core without this file failing to compile.
 */
import type { MatchExplanation as CoreMatchExplanation } from '@embargo/core';
import { cleanup, render, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { MatchExplanation } from './MatchExplanation';

afterEach(cleanup);

/** 장성남, born 1982: the names align through a romanisation variant (song ~ sung), the birth date conflicts. */
const koreanWithBirthDateConflict = {
  algorithm: 'name-logic-v1',
  threshold: 0.81,
  query: { name: '장성남', reading: 'jang song nam', script: 'Hang' },
  matched: { name: 'JANG, Sung Nam', property: 'name', weak: false, reading: 'jang sung nam', script: 'Latn' },
  tokens: [
    { query: 'jang', listed: 'jang', similarity: 1, how: 'exact' },
    { query: 'nam', listed: 'nam', similarity: 1, how: 'exact' },
    { query: 'song', listed: 'sung', similarity: 0.95, how: 'romanisation' },
  ],
  unmatched: { query: [], listed: [] },
  scorers: [
    {
      name: 'nameSimilarity',
      label: 'Name similarity',
      value: 0.983,
      weight: 1,
      contribution: 0.983,
      detail: 'aligned jang~jang, nam~nam, song~sung',
    },
    {
      name: 'nameContained',
      label: 'One name contains the other',
      value: 1,
      weight: 0.05,
      contribution: 0.05,
      detail: 'the names are the same words',
    },
    {
      name: 'birthDateConflict',
      label: 'Birth date conflicts',
      value: 1,
      weight: -0.3,
      contribution: -0.3,
      detail: 'born 1982-03-02; listed 14 Jul 1970',
    },
  ],
  summary:
    'Matched primary name "JANG, Sung Nam" (query in Hangul, romanised as "jang song nam") on jang, nam, song≈sung (romanisation); ' +
    'one name contains the other +0.05; birth date conflicts -0.30: no alert (0.73 < 0.81).',
} satisfies CoreMatchExplanation;

/** Андрей Сербин against OFAC's weak alias "Serbian": a vowel variant, capped below the threshold. */
const cyrillicOnWeakAlias = {
  algorithm: 'name-logic-v1',
  threshold: 0.81,
  query: { name: 'Андрей Сербин', reading: 'andrey serbin', script: 'Cyrl' },
  matched: { name: 'Serbian', property: 'weakAlias', weak: true, reading: 'serbian', script: 'Latn' },
  tokens: [{ query: 'serbin', listed: 'serbian', similarity: 0.86, how: 'vowels' }],
  unmatched: { query: ['andrey'], listed: [] },
  scorers: [
    { name: 'nameSimilarity', label: 'Name similarity', value: 0.699, weight: 1, contribution: 0.699, detail: 'aligned serbin~serbian' },
    {
      name: 'weakAliasOnly',
      label: 'Weak alias only',
      value: 1,
      weight: 0,
      contribution: 0,
      detail: 'matched only the weak alias "Serbian"',
      ceiling: 0.76,
    },
  ],
  summary: 'Matched weak alias "Serbian" … weak alias only: capped at 0.76: no alert (0.70 < 0.81).',
} satisfies CoreMatchExplanation;

/** Text as a screen reader meets it: decorative (aria-hidden) parts left out, whitespace collapsed. */
function text(el: Element): string {
  const copy = el.cloneNode(true) as Element;
  copy.querySelectorAll('[aria-hidden="true"]').forEach((hidden) => hidden.remove());
  return (copy.textContent ?? '').replace(/\s+/g, ' ').trim();
}

describe('MatchExplanation', () => {
  it('says which query name aligned with which listed name, and how the Hangul was romanised', () => {
    const { container } = render(<MatchExplanation explanation={koreanWithBirthDateConflict} score={0.733} />);
    expect(text(container)).toContain(
      'The query name “장성남” (Hangul (Korean), romanised as “jang song nam”) aligned with the listed primary name “JANG, Sung Nam”.',
    );
  });

  it("names the other list's record when the name matched is that record's", () => {
    const viaUn = {
      ...koreanWithBirthDateConflict,
      matched: {
        ...koreanWithBirthDateConflict.matched,
        name: 'JANG SUNG NAM',
        record: { id: 'un:KPi.057', caption: 'JANG SUNG NAM', reason: 'passportNumber', value: '563120368' },
      },
    } satisfies CoreMatchExplanation;
    const { container } = render(<MatchExplanation explanation={viaUn} score={0.733} />);
    expect(text(container)).toContain(
      '“JANG SUNG NAM” of un:KPi.057, which another list keeps for the same party (same passport 563120368).',
    );
  });

  it('names the kind of match of every word pair, the romanisation variant included', () => {
    render(<MatchExplanation explanation={koreanWithBirthDateConflict} score={0.733} />);
    const rows = screen.getAllByRole('row').slice(1);
    expect(rows.map((r) => within(r).getAllByRole('cell')[0].textContent)).toEqual(['jang', 'nam', 'song']);
    const song = rows[2];
    expect(within(song).getAllByRole('cell')[1].textContent).toBe('sung');
    expect(text(song)).toContain('romanisation variant');
    expect(text(song)).toContain('the same name in another romanisation');
    expect(text(song)).toContain('95%');
    // An exact pair says so once: not "exact — exact: the same word" (issue 16 point 3).
    expect(within(rows[0]).getAllByRole('cell').map(text)).toEqual(['jang', 'jang', 'exact', '100%']);
  });

  it('says what raised and what lowered the score, by how much and why', () => {
    render(<MatchExplanation explanation={koreanWithBirthDateConflict} score={0.733} />);
    const items = screen.getAllByRole('listitem').map(text);
    expect(items).toEqual([
      'Name similarity set the base score at 98% — aligned jang~jang, nam~nam, song~sung.',
      'One name contains the other: raised the score by 5 percentage points — the names are the same words.',
      'Birth date conflicts: lowered the score by 30 percentage points — born 1982-03-02; listed 14 Jul 1970.',
    ]);
  });

  it('gives the verdict against the alert threshold', () => {
    const { container, rerender } = render(<MatchExplanation explanation={koreanWithBirthDateConflict} score={0.733} />);
    expect(text(container)).toContain('Final score 73% is below the alert threshold of 81%: no alert.');
    rerender(<MatchExplanation explanation={koreanWithBirthDateConflict} score={0.95} />);
    expect(text(container)).toContain('Final score 95% is at or above the alert threshold of 81%: alert.');
  });

  it('marks a weak alias, lists query words that found no partner, and leaves out a cap the score never reached', () => {
    const { container } = render(<MatchExplanation explanation={cyrillicOnWeakAlias} score={0.699} />);
    const all = text(container);
    expect(all).toContain('(Cyrillic, transliterated as “andrey serbin”) aligned with the listed weak alias “Serbian”.');
    expect(screen.getByText('weak')).toBeTruthy();
    expect(all).toContain('Query words not found in the listed name: andrey.');
    expect(all).toContain('vowel variant — the same consonants with other vowels');
    // The cap at 76% never touched a score of 70%: not a move, only a line among the checks without effect.
    const shown = container.cloneNode(true) as Element;
    shown.querySelector('.explanation__summary')?.remove();
    expect(text(shown)).not.toContain('capped');
    const moves = [...container.querySelectorAll('.explanation__scorers li')].map(text);
    expect(moves).toEqual(['Name similarity set the base score at 70% — aligned serbin~serbian.']);
    const unmoved = screen.getByText('Also checked, no change to the score (1)').closest('details')!;
    expect(unmoved.open).toBe(false);
    expect(text(unmoved)).toContain('Weak alias only: no change to the score — matched only the weak alias "Serbian".');
  });

  it('keeps the engine summary, as recorded, out of the way', () => {
    render(<MatchExplanation explanation={koreanWithBirthDateConflict} score={0.733} />);
    expect(screen.getByText('Summary as recorded').closest('details')?.open).toBe(false);
    expect(screen.getByText(koreanWithBirthDateConflict.summary)).toBeTruthy();
    // The algorithm's name is an internal: kept with the recorded summary, not in the verdict.
    expect(screen.getByText('Algorithm name-logic-v1.').closest('details')).toBeTruthy();
  });
});
