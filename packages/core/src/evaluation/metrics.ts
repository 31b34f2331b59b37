/**
 * @module evaluation/metrics
 * How well the filter does on a labelled set of queries: a bank's own validation, as model-risk rules ask.
 * Each truth line says which records a query should alert on (`expect`) and which it must not (`forbid`);
 * the results are the matches the engine returned. The definitions are those of the dev set's reference
 * scorer (`shared/eval/score.mjs`), so `embargo evaluate` and that scorer print the same figures:
 *
 * - a positive query (one with `expect` ids) is **found** when an expected id is among its matches with
 *   `alert: true`, and **top-1** when the first match is an expected id;
 * - a query with `forbid` ids is a **false alert** when a forbidden id alerts (alerts on other records count
 *   neither way); a negative query without `forbid` ids is a false alert when any match alerts;
 * - the **threshold sweep** repeats this on `score >= t` for every best score `t` seen, and keeps the best
 *   recall whose false-alert rate stays within a budget.
 *
 * Rates are percentages (0–100), as the scorer prints them.
 */

/** One line of a truth file. */
export interface EvaluationTruth {
  id: string;
  category: string;
  /** Records the query should alert on; empty for a negative query. */
  expect: string[];
  /** Records the query must not alert on (a same-named person born elsewhere, a delisted party). */
  forbid: string[];
}

/** One match as the screening returned it (the fields of `embargo screen --input` output that count). */
export interface EvaluationMatch {
  id: string;
  score: number;
  alert: boolean;
}

/** A query scored against its truth line. */
export interface EvaluatedQuery {
  id: string;
  category: string;
  positive: boolean;
  /** Whether the screening returned an answer for the query at all (missing ones count as unanswered). */
  answered: boolean;
  found: boolean;
  top1: boolean;
  falseAlert: boolean;
  /** Best score of an expected record (-1 when none was returned); null for a negative query. */
  positiveScore: number | null;
  /**
   * Best score of a forbidden record, or for a negative without forbid ids of any record (-1 when none);
   * null for a positive query without forbid ids, which cannot raise a false alert.
   */
  negativeScore: number | null;
}

/** The share `part / whole` in percent, 0 for an empty whole (as the reference scorer computes it). */
export function percent(part: number, whole: number): number {
  return whole ? (100 * part) / whole : 0;
}

const bestScoreOf = (matches: readonly EvaluationMatch[], ids: readonly string[]): number =>
  Math.max(-1, ...matches.filter((m) => ids.includes(m.id)).map((m) => m.score));

const alertsOn = (matches: readonly EvaluationMatch[], ids: readonly string[]): boolean =>
  matches.some((m) => m.alert && ids.includes(m.id));

/**
 * Scores one query's matches (undefined: the query was not answered) against its truth line.
 * @example evaluateQuery({ id: 'q1', category: 'script_ru', expect: ['ofac:1'], forbid: [] },
 *   [{ id: 'ofac:1', score: 0.9, alert: true }]) // found, top1, positiveScore 0.9
 */
export function evaluateQuery(truth: EvaluationTruth, matches: readonly EvaluationMatch[] | undefined): EvaluatedQuery {
  const returned = matches ?? [];
  const positive = truth.expect.length > 0;
  const hasForbid = truth.forbid.length > 0;
  return {
    id: truth.id,
    category: truth.category,
    positive,
    answered: matches !== undefined,
    found: positive && alertsOn(returned, truth.expect),
    top1: positive && returned.length > 0 && truth.expect.includes(returned[0]!.id),
    falseAlert: hasForbid ? alertsOn(returned, truth.forbid) : !positive && returned.some((m) => m.alert),
    positiveScore: positive ? bestScoreOf(returned, truth.expect) : null,
    negativeScore: hasForbid ? bestScoreOf(returned, truth.forbid) : positive ? null : Math.max(-1, ...returned.map((m) => m.score)),
  };
}

/** Queries that can raise a false alert: negatives, and positives with forbid ids. */
const canFalselyAlert = (rows: readonly EvaluatedQuery[]) => rows.filter((r) => r.negativeScore !== null);

/** Recall, top-1 and false-alert rate at the alerts the engine raised (its threshold in force). */
export interface RatesAtThreshold {
  queries: number;
  answered: number;
  recall: number;
  top1: number;
  falseAlertRate: number;
}

export function ratesAtThresholdInForce(rows: readonly EvaluatedQuery[]): RatesAtThreshold {
  const positives = rows.filter((r) => r.positive);
  const negatives = canFalselyAlert(rows);
  return {
    queries: rows.length,
    answered: rows.filter((r) => r.answered).length,
    recall: percent(positives.filter((r) => r.found).length, positives.length),
    top1: percent(positives.filter((r) => r.top1).length, positives.length),
    falseAlertRate: percent(negatives.filter((r) => r.falseAlert).length, negatives.length),
  };
}

/** Recall and false-alert rate had the threshold been `threshold` (alert when score >= threshold). */
export interface SweepPoint {
  threshold: number;
  recall: number;
  falseAlertRate: number;
}

/** Every best score seen (ascending, without the -1 of "nothing returned"): the thresholds worth trying. */
export function sweepThresholds(rows: readonly EvaluatedQuery[]): number[] {
  const scores = rows.flatMap((r) => [r.positiveScore, r.negativeScore]).filter((s): s is number => s !== null && s >= 0);
  return [...new Set(scores)].sort((a, b) => a - b);
}

/** The recall and false-alert rate at each threshold of `sweepThresholds` (a recall / false-alert curve). */
export function thresholdSweep(rows: readonly EvaluatedQuery[]): SweepPoint[] {
  const positives = rows.filter((r) => r.positive);
  const negatives = canFalselyAlert(rows);
  return sweepThresholds(rows).map((threshold) => ({
    threshold,
    recall: percent(positives.filter((r) => r.positiveScore! >= threshold).length, positives.length),
    falseAlertRate: percent(negatives.filter((r) => r.negativeScore! >= threshold).length, negatives.length),
  }));
}

/** The best recall within a false-alert budget, and the threshold giving it (null: no threshold meets it). */
export interface BudgetFigure {
  /** The false-alert budget, in percent. */
  budget: number;
  recall: number;
  threshold: number | null;
  falseAlertRate: number;
}

/**
 * The lowest threshold that gives the best recall while the false-alert rate stays at or under `budget`
 * percent. With none (every threshold exceeds the budget, or none finds anything) the recall is 0 and the
 * threshold null, as the reference scorer reports it.
 * @example bestRecallWithinBudget(thresholdSweep(rows), 1) // { budget: 1, recall: 92.4, threshold: 0.83, falseAlertRate: 0.9 }
 */
export function bestRecallWithinBudget(sweep: readonly SweepPoint[], budget: number): BudgetFigure {
  let best: BudgetFigure = { budget, recall: 0, threshold: null, falseAlertRate: 0 };
  for (const point of sweep) {
    if (point.falseAlertRate > budget) continue;
    if (point.recall > best.recall) best = { budget, ...point };
  }
  return best;
}

/** A category's figures: recall for a category of positives, false-alert rate for one of negatives. */
export type CategoryFigures =
  | { category: string; kind: 'positive'; n: number; found: number; recall: number; falseAlerts: number }
  | { category: string; kind: 'negative'; n: number; falseAlerts: number; falseAlertRate: number };

/**
 * Per category (sorted by name): a category is one of positives when its first query is positive, as in the
 * reference scorer (the dev set's categories are never mixed); recall and false-alert rate are over all its queries.
 */
export function categoryFigures(rows: readonly EvaluatedQuery[]): CategoryFigures[] {
  const byCategory = new Map<string, { n: number; found: number; falseAlerts: number; positive: boolean }>();
  for (const r of rows) {
    const c = byCategory.get(r.category) ?? { n: 0, found: 0, falseAlerts: 0, positive: r.positive };
    c.n += 1;
    c.found += r.found ? 1 : 0;
    c.falseAlerts += r.falseAlert ? 1 : 0;
    byCategory.set(r.category, c);
  }
  return [...byCategory.entries()]
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([category, c]) =>
      c.positive
        ? { category, kind: 'positive', n: c.n, found: c.found, recall: percent(c.found, c.n), falseAlerts: c.falseAlerts }
        : { category, kind: 'negative', n: c.n, falseAlerts: c.falseAlerts, falseAlertRate: percent(c.falseAlerts, c.n) },
    );
}

/** The false-alert budgets every evaluation reports (percent), as model-risk reviews usually ask. */
export const STANDARD_FALSE_ALERT_BUDGETS = [1, 0.5, 0.1] as const;

/** Everything an evaluation reports. */
export interface EvaluationSummary extends RatesAtThreshold {
  /** The alert threshold the screening ran with. */
  thresholdInForce: number;
  budgets: BudgetFigure[];
  /** The figure for the budget the user asked for, when they asked. */
  userBudget: BudgetFigure | null;
  categories: CategoryFigures[];
  sweep: SweepPoint[];
}

export function summariseEvaluation(rows: readonly EvaluatedQuery[], thresholdInForce: number, userBudget?: number): EvaluationSummary {
  const sweep = thresholdSweep(rows);
  return {
    ...ratesAtThresholdInForce(rows),
    thresholdInForce,
    budgets: STANDARD_FALSE_ALERT_BUDGETS.map((b) => bestRecallWithinBudget(sweep, b)),
    userBudget: userBudget === undefined ? null : bestRecallWithinBudget(sweep, userBudget),
    categories: categoryFigures(rows),
    sweep,
  };
}
