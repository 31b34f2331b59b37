/**
 * @module evaluation/summary-text
 * The evaluation's figures as the terminal prints them, and as the `--json` output shapes them.
 */
import type { BudgetFigure, EvaluationSummary } from '@embargo/core';
import { table } from '../output.js';

export const pct1 = (n: number) => `${n.toFixed(1)}%`;
export const pct2 = (n: number) => `${n.toFixed(2)}%`;
/** A budget as the user wrote it: 1%, 0.5%, 0.1%. */
export const budgetLabel = (b: number) => `${+b.toFixed(4)}%`;

/** One budget's line: the recall, the threshold giving it, or why none meets the budget. */
export function budgetText(b: BudgetFigure): string {
  return b.threshold === null
    ? `no threshold keeps false alerts within ${budgetLabel(b.budget)} while finding anything`
    : `recall ${pct1(b.recall)} at score ≥ ${b.threshold} (false-alert rate ${pct2(b.falseAlertRate)})`;
}

const falseAlerts = (n: number) => `${n} false alert${n === 1 ? '' : 's'}`;

export function categoryRows(summary: EvaluationSummary): string[][] {
  return summary.categories.map((c) =>
    c.kind === 'positive'
      ? [c.category, String(c.n), `recall ${pct1(c.recall)}`, `${c.found} found, ${falseAlerts(c.falseAlerts)}`]
      : [c.category, String(c.n), `false-alert rate ${pct1(c.falseAlertRate)}`, falseAlerts(c.falseAlerts)],
  );
}

/** The readable summary: figures at the threshold in force, the budgets, the user's budget, the categories. */
export function summaryText(summary: EvaluationSummary): string {
  const lines = [
    `Queries ${summary.queries} (answered ${summary.answered}). At the alert threshold in force, ${summary.thresholdInForce}:`,
    `  recall ${pct1(summary.recall)}   top-1 ${pct1(summary.top1)}   false-alert rate ${pct2(summary.falseAlertRate)}`,
    'Best recall within a false-alert budget (the threshold swept over the best scores):',
    ...summary.budgets.map((b) => `  ≤ ${budgetLabel(b.budget).padEnd(5)}  ${budgetText(b)}`),
  ];
  const own = summary.userBudget;
  if (own)
    lines.push(
      own.threshold === null
        ? `Your budget, ${budgetLabel(own.budget)}: ${budgetText(own)}.`
        : `Your budget, ${budgetLabel(own.budget)}: EMBARGO_ALERT_THRESHOLD=${own.threshold} gives ${budgetText(own)}.`,
    );
  lines.push('', 'Per category:', table(categoryRows(summary), ['category', 'n', 'figure', 'counts']));
  return lines.join('\n');
}

/** The `--json` output: the summary without the sweep's every point (the report draws those). */
export function summaryJson(summary: EvaluationSummary) {
  const { sweep: _sweep, ...figures } = summary;
  return figures;
}
