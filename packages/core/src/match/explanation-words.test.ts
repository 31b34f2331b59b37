/**
 * What an explanation's summary says must be what happened: a score just below the threshold is not
 * printed equal to it, and the words of two legal forms that agree are not listed as words the other name
 * lacks.
 */
import { describe, expect, it } from 'vitest';
import { ScreeningEngine } from './engine.js';
import { verdictFigures } from './explain.js';
import { listedFirm } from '../../../../test/hand-made.js';

describe('verdictFigures', () => {
  it('prints two places, or three where two would print a score below the threshold as equal to it', () => {
    expect(verdictFigures(0.912, 0.81)).toEqual(['0.91', '0.81']);
    expect(verdictFigures(0.805, 0.81)).toEqual(['0.805', '0.810']);
    expect(verdictFigures(0.81, 0.81)).toEqual(['0.81', '0.81']);
  });

  it('never prints "x < x" for a score below the threshold (generated)', () => {
    for (let score = 0; score < 0.81; score = Math.round((score + 0.001) * 1000) / 1000) {
      const [shown, threshold] = verdictFigures(score, 0.81);
      expect(shown, String(score)).not.toBe(threshold);
    }
  });
});

describe('the words of legal forms in an explanation', () => {
  const engine = new ScreeningEngine([listedFirm('lehua', 'LE-HUA ELECTRONIC CO. LIMITED'), listedFirm('acme', 'ACME TRADING LLC')]);
  const explanation = (query: string, id: string) =>
    engine.screen({ name: query, schema: 'Company' }, { minScore: 0 }).find((m) => m.id === id)!.explanation;

  it('are not words the other name lacks where the legal forms agree (LTD, LIMITED)', () => {
    const e = explanation('LE-HUA ELECTRONIC CO. LTD', 'test:lehua');
    expect(e.unmatched).toEqual({ query: [], listed: [] });
    expect(e.summary).not.toContain('not on the list');
  });

  it('are, where they differ (GMBH, LLC)', () => {
    const e = explanation('ACME TRADING GMBH', 'test:acme');
    expect(e.unmatched).toEqual({ query: ['gmbh'], listed: ['llc'] });
    expect(e.summary).toContain('legal forms differ');
  });
});
