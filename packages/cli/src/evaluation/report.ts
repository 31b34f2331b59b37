/**
 * @module evaluation/report
 * The evaluation report: one self-contained HTML page (inline CSS and SVG, no script, no external asset)
 * that a model-risk reviewer can archive beside the model's documentation.
 */
import type { EvaluatedQuery, EvaluationSummary } from '@embargo/core';
import { escapeXml, recallCurveSvg, scoreDistributionSvg } from './charts.js';
import { budgetLabel, budgetText, categoryRows, pct1, pct2 } from './summary-text.js';

/** What was evaluated, for the report's header. */
export interface EvaluationSources {
  queriesFile: string;
  truthFile: string;
  dataDir: string;
  records: number;
  /** When the evaluation ran (passed in: the report is a pure function of its inputs). */
  generatedAt: Date;
}

const STYLE = `
*{box-sizing:border-box}
body{font:15px/1.5 system-ui,-apple-system,"Segoe UI",sans-serif;color:#111827;margin:0;background:#f9fafb}
main{max-width:1040px;margin:0 auto;padding:24px 16px}
h1{font-size:1.5rem;margin:0 0 4px}h2{font-size:1.15rem;margin:28px 0 8px}
.sources{color:#4b5563;font-size:.85rem;overflow-wrap:anywhere}
.figures{display:grid;grid-template-columns:repeat(auto-fit,minmax(150px,1fr));gap:12px;margin:16px 0}
.figure{background:#fff;border:1px solid #e5e7eb;border-radius:8px;padding:12px}
.figure b{display:block;font-size:1.6rem}.figure span{color:#4b5563;font-size:.85rem}
.scroll{overflow-x:auto}
table{border-collapse:collapse;background:#fff;width:100%}
th,td{border-bottom:1px solid #e5e7eb;padding:6px 10px;text-align:left;vertical-align:top}
td.n{text-align:right;font-variant-numeric:tabular-nums}
figure{margin:0;background:#fff;border:1px solid #e5e7eb;border-radius:8px;padding:8px}
figure svg{width:100%;height:auto;display:block}
figcaption{color:#4b5563;font-size:.85rem;padding:4px 8px}
.charts{display:grid;grid-template-columns:repeat(auto-fit,minmax(min(100%,420px),1fr));gap:16px;margin-top:16px}
th.n{text-align:right}
td small{color:#4b5563}
`;

export function evaluationReportHtml(summary: EvaluationSummary, rows: readonly EvaluatedQuery[], sources: EvaluationSources): string {
  const e = escapeXml;
  const figure = (value: string, label: string) => `<div class="figure"><b>${e(value)}</b><span>${e(label)}</span></div>`;
  const budgets = [...summary.budgets, ...(summary.userBudget ? [summary.userBudget] : [])];
  const budgetRows = budgets
    .map(
      (b, i) =>
        `<tr><td>≤ ${e(budgetLabel(b.budget))}${i >= summary.budgets.length ? ' (yours)' : ''}</td>` +
        `<td class="n">${b.threshold === null ? '—' : e(String(b.threshold))}</td><td class="n">${e(pct1(b.recall))}</td>` +
        `<td class="n">${e(pct2(b.falseAlertRate))}</td></tr>`,
    )
    .join('');
  // Three columns, the counts under the figure: four were too narrow to read on a phone.
  const categories = categoryRows(summary)
    .map(
      ([name, n, fig, counts]) =>
        `<tr><td>${e(name!)}</td><td class="n">${e(n!)}</td><td>${e(fig!)}<br><small>${e(counts!)}</small></td></tr>`,
    )
    .join('');
  const own = summary.userBudget;
  const unscored = rows.filter((r) => r.positiveScore === -1 || r.negativeScore === -1).length;
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">
<title>Embargo filter evaluation</title><style>${STYLE}</style></head>
<body><main>
<h1>Filter evaluation</h1>
<p class="sources">${e(String(summary.queries))} queries from ${e(sources.queriesFile)}, labelled by ${e(sources.truthFile)};
screened against ${e(sources.records.toLocaleString('en'))} records in ${e(sources.dataDir)}; ${e(sources.generatedAt.toISOString())}.</p>
<h2>At the alert threshold in force (${e(String(summary.thresholdInForce))})</h2>
<div class="figures">${figure(pct1(summary.recall), 'recall: positives alerted on an expected record')}${figure(pct1(summary.top1), 'top-1: an expected record ranked first')}${figure(pct2(summary.falseAlertRate), 'false-alert rate on negatives')}${figure(`${summary.answered}/${summary.queries}`, 'queries answered')}</div>
<h2>Best recall within a false-alert budget</h2>
${own ? `<p>Your budget, ${e(budgetLabel(own.budget))}: ${own.threshold === null ? '' : `set <code>EMBARGO_ALERT_THRESHOLD=${e(String(own.threshold))}</code>, which gives `}${e(budgetText(own))}.</p>` : ''}
<div class="scroll"><table><thead><tr><th>budget</th><th class="n">threshold</th><th class="n">recall</th><th class="n">false alerts</th></tr></thead><tbody>${budgetRows}</tbody></table></div>
<div class="charts">
<figure>${recallCurveSvg(summary)}<figcaption>Recall against false-alert rate as the threshold moves: the ring is the threshold in force, the dots the best threshold within each budget (dashed lines).</figcaption></figure>
<figure>${scoreDistributionSvg(rows, summary.thresholdInForce)}<figcaption>Best score of an expected record for each positive (above the axis), and of a record it must not alert on for each negative (below); everything right of the dashed line alerts. ${e(String(unscored))} queries with no such record returned are not drawn.</figcaption></figure>
</div>
<h2>Per category</h2>
<div class="scroll"><table><thead><tr><th>category</th><th class="n">n</th><th>figure</th></tr></thead><tbody>${categories}</tbody></table></div>
</main></body></html>
`;
}
