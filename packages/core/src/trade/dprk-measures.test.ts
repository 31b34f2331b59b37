/**
 * The rules file's own consistency: every row cites its resolution and paragraph as decisions print them,
 * says how far it was checked and against what, and its HS codes, dates and replacements hold together.
 */
import { describe, expect, it } from 'vitest';
import { DPRK_MEASURES } from './dprk-measures.js';
import { hsCodeProblem } from './hs-codes.js';

/** The resolutions' adoption dates, as the UN 1718 Committee's resolutions page gives them. */
const ADOPTED: Record<string, string> = {
  '2270 (2016)': '2016-03-02',
  '2321 (2016)': '2016-11-30',
  '2371 (2017)': '2017-08-05',
  '2375 (2017)': '2017-09-11',
  '2397 (2017)': '2017-12-22',
};

const { measures, countryRules } = DPRK_MEASURES;

describe('the DPRK measures as data', () => {
  it('has a version of the form YYYY-MM-DD.n', () => {
    expect(DPRK_MEASURES.version).toMatch(/^\d{4}-\d{2}-\d{2}\.\d+$/);
  });

  it('covers the five resolutions of the issue, and only them', () => {
    expect(new Set(measures.map((m) => m.resolution))).toEqual(new Set(Object.keys(ADOPTED)));
  });

  it.each(measures.map((m) => [m.id, m] as const))('%s cites its own resolution and paragraph and was adopted that day', (_id, m) => {
    expect(m.citation).toBe(`UNSCR ${m.resolution} para ${m.paragraph}`);
    expect(m.id).toMatch(new RegExp(`^unscr-${m.resolution.slice(0, 4)}-${m.paragraph}(-[a-z]+)?$`));
    expect(m.adopted).toBe(ADOPTED[m.resolution]);
  });

  it.each(measures.map((m) => [m.id, m] as const))('%s says what was checked, what was not, and against which sources', (_id, m) => {
    expect(['checked', 'partly-checked']).toContain(m.verification.state);
    expect(m.verification.checked.length).toBeGreaterThan(20);
    expect(m.verification.unchecked.length).toBeGreaterThan(10);
    expect(m.verification.sources.length).toBeGreaterThan(0);
    for (const source of m.verification.sources) expect(source).toMatch(/https?:\/\/|Regulation|report/);
  });

  it.each(measures.map((m) => [m.id, m] as const))(
    '%s has HS codes that exist, and caps with limits where the text gives them',
    (_id, m) => {
      expect(m.hs.length).toBeGreaterThan(0);
      for (const { code } of m.hs) {
        const range = /^(\d{2})-(\d{2})$/.exec(code);
        if (range) expect(Number(range[1])).toBeLessThan(Number(range[2]));
        else expect(hsCodeProblem(code)).toBeUndefined();
      }
      expect(m.kind === 'cap').toBe(m.cap !== undefined);
    },
  );

  // `checked` means the paragraph number was found quoted with the goods: a source the row cites must name
  // both the resolution and that paragraph ("para 31", "paras 6 and 14", "paragraph 26 (b)", "OP4").
  it.each(measures.filter((m) => m.verification.state === 'checked').map((m) => [m.id, m] as const))(
    '%s is checked, and a source it cites names its resolution and paragraph',
    (_id, m) => {
      const paragraph = new RegExp(`\\b(?:paras?|paragraphs?|OP)\\s*(?:\\d+\\s*(?:,|and)\\s*)*${m.paragraph}\\b`, 'i');
      const naming = m.verification.sources.filter((s) => s.includes(m.resolution.slice(0, 4)) && paragraph.test(s));
      expect(naming, `${m.id}: no source names ${m.resolution} para ${m.paragraph}`).not.toHaveLength(0);
    },
  );

  it('replaces only with measures that exist, in the same direction, from the later one’s adoption or a date the text sets', () => {
    for (const m of measures.filter((x) => x.replaced)) {
      const by = measures.find((x) => x.id === m.replaced!.by);
      expect(by, `${m.id} is replaced by ${m.replaced!.by}`).toBeDefined();
      expect(by!.direction).toBe(m.direction);
      expect(m.replaced!.on >= by!.adopted).toBe(true);
    }
  });

  it('keeps the HS codes resolution 2397 names itself, as "resolution" codes', () => {
    const para6 = measures.find((m) => m.id === 'unscr-2397-6')!;
    expect(para6.hsSource).toBe('resolution');
    expect(para6.hs.map((h) => h.code)).toEqual(['12', '08', '07', '84', '85', '25', '44', '89']);
    const para7 = measures.find((m) => m.id === 'unscr-2397-7')!;
    expect(para7.hs.map((h) => h.code)).toEqual(['84', '85', '86-89', '72-83']);
  });

  it('writes the caps as the texts give them', () => {
    const cap = (id: string) => measures.find((m) => m.id === id)!.cap!.limits.map((l) => `${l.quantity} ${l.unit}`);
    expect(cap('unscr-2321-26')).toEqual(['400870018 usd', '7500000 tonnes']);
    expect(cap('unscr-2375-14')).toEqual(['500000 barrels', '2000000 barrels']);
    expect(cap('unscr-2397-4')).toEqual(['4000000 barrels', '525000 tonnes']);
    expect(cap('unscr-2397-5')).toEqual(['500000 barrels']);
  });

  it('cites the cargo-inspection paragraph for every country rule', () => {
    expect(countryRules.map((r) => r.citation)).toEqual(countryRules.map(() => 'UNSCR 2270 (2016) para 18'));
    expect(countryRules.every((r) => r.verification.state === 'checked')).toBe(true);
  });
});
