/**
 * The evaluation metrics on a hand-made table of seven queries, every figure worked out by hand below.
 */
import { describe, expect, it } from 'vitest';
import {
  bestRecallWithinBudget,
  categoryFigures,
  evaluateQuery,
  ratesAtThresholdInForce,
  summariseEvaluation,
  thresholdSweep,
  type EvaluationMatch,
  type EvaluationTruth,
} from './metrics.js';

const truth = (id: string, category: string, expect: string[], forbid: string[] = []): EvaluationTruth => ({
  id,
  category,
  expect,
  forbid,
});
const m = (id: string, score: number, alert: boolean): EvaluationMatch => ({ id, score, alert });

// query → [truth, matches (undefined: not answered)]
const TABLE: [EvaluationTruth, EvaluationMatch[] | undefined][] = [
  [truth('p1', 'A', ['x1']), [m('x1', 0.9, true)]], // found, top-1, best 0.9
  [truth('p2', 'A', ['x2']), [m('y', 0.85, true), m('x2', 0.7, false)]], // not found, not top-1, best 0.7
  [truth('p3', 'A', ['x3']), undefined], // unanswered: best -1
  [truth('n1', 'N', []), [m('z', 0.82, true)]], // false alert, best 0.82
  [truth('n2', 'N', []), [m('z', 0.6, false)]], // no alert, best 0.6
  [truth('n3', 'N', []), []], // nothing returned, best -1
  [truth('f1', 'D', [], ['w']), [m('v', 0.95, true), m('w', 0.75, false)]], // an alert on another record is no false alert; best forbidden 0.75
];
const rows = TABLE.map(([t, matches]) => evaluateQuery(t, matches));

describe('evaluation metrics on a hand-made table', () => {
  it('scores each query as the reference scorer does', () => {
    expect(rows.map((r) => [r.id, r.found, r.top1, r.falseAlert, r.positiveScore, r.negativeScore, r.answered])).toEqual([
      ['p1', true, true, false, 0.9, null, true],
      ['p2', false, false, false, 0.7, null, true],
      ['p3', false, false, false, -1, null, false],
      ['n1', false, false, true, null, 0.82, true],
      ['n2', false, false, false, null, 0.6, true],
      ['n3', false, false, false, null, -1, true],
      ['f1', false, false, false, null, 0.75, true],
    ]);
  });

  it('a positive with forbid ids is a false alert only when a forbidden record alerts', () => {
    const t = truth('d', 'dob', ['a'], ['b']);
    expect(evaluateQuery(t, [m('a', 0.9, true), m('b', 0.85, true)])).toMatchObject({ found: true, falseAlert: true, negativeScore: 0.85 });
    expect(evaluateQuery(t, [m('a', 0.9, true), m('b', 0.7, false)])).toMatchObject({ found: true, falseAlert: false, negativeScore: 0.7 });
  });

  it('rates at the threshold in force: 1 of 3 positives found and top-1, 1 of 4 negatives alerted', () => {
    expect(ratesAtThresholdInForce(rows)).toEqual({ queries: 7, answered: 6, recall: 100 / 3, top1: 100 / 3, falseAlertRate: 25 });
  });

  it('sweeps every best score seen, leaving out the -1 of "nothing returned"', () => {
    expect(thresholdSweep(rows)).toEqual([
      { threshold: 0.6, recall: 200 / 3, falseAlertRate: 75 }, // p1 p2 | n1 n2 f1
      { threshold: 0.7, recall: 200 / 3, falseAlertRate: 50 }, // p1 p2 | n1 f1
      { threshold: 0.75, recall: 100 / 3, falseAlertRate: 50 }, // p1 | n1 f1
      { threshold: 0.82, recall: 100 / 3, falseAlertRate: 25 }, // p1 | n1
      { threshold: 0.9, recall: 100 / 3, falseAlertRate: 0 }, // p1 |
    ]);
  });

  it('the best recall within a budget comes with the lowest threshold giving it', () => {
    const sweep = thresholdSweep(rows);
    expect(bestRecallWithinBudget(sweep, 1)).toEqual({ budget: 1, recall: 100 / 3, threshold: 0.9, falseAlertRate: 0 });
    expect(bestRecallWithinBudget(sweep, 30)).toEqual({ budget: 30, recall: 100 / 3, threshold: 0.82, falseAlertRate: 25 });
    expect(bestRecallWithinBudget(sweep, 50)).toEqual({ budget: 50, recall: 200 / 3, threshold: 0.7, falseAlertRate: 50 });
    expect(bestRecallWithinBudget([], 1)).toEqual({ budget: 1, recall: 0, threshold: null, falseAlertRate: 0 });
  });

  it('per category: recall for positives, false-alert rate for negatives, sorted by name', () => {
    expect(categoryFigures(rows)).toEqual([
      { category: 'A', kind: 'positive', n: 3, found: 1, recall: 100 / 3, falseAlerts: 0 },
      { category: 'D', kind: 'negative', n: 1, falseAlerts: 0, falseAlertRate: 0 },
      { category: 'N', kind: 'negative', n: 3, falseAlerts: 1, falseAlertRate: 100 / 3 },
    ]);
  });

  it('the summary carries the standard budgets and the user’s', () => {
    const summary = summariseEvaluation(rows, 0.81, 30);
    expect(summary.thresholdInForce).toBe(0.81);
    expect(summary.budgets.map((b) => [b.budget, b.threshold])).toEqual([
      [1, 0.9],
      [0.5, 0.9],
      [0.1, 0.9],
    ]);
    expect(summary.userBudget).toMatchObject({ budget: 30, threshold: 0.82 });
    expect(summariseEvaluation(rows, 0.81).userBudget).toBeNull();
  });
});
