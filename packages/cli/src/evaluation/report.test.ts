/**
 * The evaluation report and its charts as pure functions: a category name from the user's file is text,
 * never markup; the score histogram's bins; the marks of the recall curve.
 */
import { describe, expect, it } from 'vitest';
import { evaluateQuery, summariseEvaluation } from '@embargo/core';
import { binScores, recallCurveSvg, scoreDistributionSvg } from './charts.js';
import { evaluationReportHtml } from './report.js';

const rows = [
  evaluateQuery({ id: 'p', category: '<script>alert(1)</script>', expect: ['a'], forbid: [] }, [{ id: 'a', score: 0.9, alert: true }]),
  evaluateQuery({ id: 'n', category: 'negative & co', expect: [], forbid: [] }, [{ id: 'b', score: 0.5, alert: false }]),
];
const summary = summariseEvaluation(rows, 0.81, 2);
const sources = {
  queriesFile: 'q.jsonl',
  truthFile: 't.jsonl',
  dataDir: 'data',
  records: 10,
  generatedAt: new Date('2026-12-06T00:00:00Z'),
};

describe('evaluation report', () => {
  it('escapes the names from the user’s files', () => {
    const html = evaluationReportHtml(summary, rows, sources);
    expect(html).not.toContain('<script');
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(html).toContain('negative &amp; co');
    expect(html).toContain('2026-12-06T00:00:00.000Z');
  });

  it('bins scores by width from the low end; a score of 1 falls in the last bin', () => {
    // 0.6 - 0.4 is 0.1999…96 in floating point: 0.6 still starts the second bin.
    expect(binScores([0.4, 0.41, 0.6, 0.999, 1], 0.4, 0.2)).toEqual([2, 1, 2]);
  });

  it('the curve marks the threshold in force and each budget; the histogram draws the threshold line', () => {
    const curve = recallCurveSvg(summary);
    expect(curve).toContain('threshold in force 0.81');
    expect(curve.match(/budget \d/g)).toHaveLength(4); // 1%, 0.5%, 0.1% and the user's 2%
    const histogram = scoreDistributionSvg(rows, 0.81);
    expect(histogram).toContain('threshold 0.81');
    expect(histogram).toContain('1 positives scoring 0.9–0.92');
    expect(histogram).toContain('1 negatives scoring 0.5–0.52');
  });
});
