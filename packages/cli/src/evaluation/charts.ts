/**
 * @module evaluation/charts
 * The two charts of the evaluation report as inline SVG strings, drawn by hand (no chart library, no
 * script): recall against false-alert rate over the threshold sweep, and the distribution of the best
 * scores of positives and negatives with the threshold line. Pure functions of the figures.
 */
import type { EvaluatedQuery, EvaluationSummary } from '@embargo/core';

/** Text for SVG and HTML: a category name comes from the user's file. */
export function escapeXml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
}

// Drawn at about the size it is shown, so that 15px text stays readable from a phone (≈340 px wide) to a desktop column.
const WIDTH = 480;
const HEIGHT = 360;
const MARGIN = { left: 58, right: 12, top: 12, bottom: 46 };
const PLOT_W = WIDTH - MARGIN.left - MARGIN.right;
const PLOT_H = HEIGHT - MARGIN.top - MARGIN.bottom;
const COLOURS = { positive: '#2563eb', negative: '#ea580c', inForce: '#111827', budget: '#16a34a', grid: '#e5e7eb' };

const fmt = (n: number, digits = 2) => String(+n.toFixed(digits));

function axes(xTicks: [number, string][], yTicks: [number, string][], xLabel: string, yLabel: string): string {
  const parts: string[] = [];
  for (const [y, label] of yTicks)
    parts.push(
      `<line x1="${MARGIN.left}" x2="${MARGIN.left + PLOT_W}" y1="${fmt(y)}" y2="${fmt(y)}" stroke="${COLOURS.grid}"/>`,
      `<text x="${MARGIN.left - 6}" y="${fmt(y + 4)}" text-anchor="end">${label}</text>`,
    );
  for (const [x, label] of xTicks)
    parts.push(
      `<line x1="${fmt(x)}" x2="${fmt(x)}" y1="${MARGIN.top + PLOT_H}" y2="${MARGIN.top + PLOT_H + 4}" stroke="#6b7280"/>`,
      `<text x="${fmt(x)}" y="${MARGIN.top + PLOT_H + 18}" text-anchor="middle">${label}</text>`,
    );
  parts.push(
    `<rect x="${MARGIN.left}" y="${MARGIN.top}" width="${PLOT_W}" height="${PLOT_H}" fill="none" stroke="#6b7280"/>`,
    `<text x="${MARGIN.left + PLOT_W / 2}" y="${HEIGHT - 8}" text-anchor="middle">${escapeXml(xLabel)}</text>`,
    `<text transform="translate(16 ${MARGIN.top + PLOT_H / 2}) rotate(-90)" text-anchor="middle">${escapeXml(yLabel)}</text>`,
  );
  return parts.join('');
}

const svg = (title: string, body: string) =>
  `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${WIDTH} ${HEIGHT}" role="img" aria-label="${escapeXml(title)}" ` +
  `font-family="system-ui, sans-serif" font-size="15" fill="#111827"><title>${escapeXml(title)}</title>${body}</svg>`;

/**
 * Recall (y) against false-alert rate (x) at every threshold of the sweep, with the threshold in force and
 * each budget's threshold marked. The x axis stops a little past the largest budget: beyond a few percent
 * of false alerts no bank would set its threshold, and the interesting part would be squeezed to the left.
 */
export function recallCurveSvg(summary: EvaluationSummary): string {
  const budgets = [...summary.budgets, ...(summary.userBudget ? [summary.userBudget] : [])];
  const xMax = Math.max(2, Math.ceil(1.5 * Math.max(summary.falseAlertRate, ...budgets.map((b) => b.budget))));
  const shown = summary.sweep.filter((p) => p.falseAlertRate <= xMax);
  const lowestRecall = Math.min(summary.recall, ...shown.map((p) => p.recall), ...budgets.map((b) => b.recall));
  const yMin = Math.max(0, Math.floor(lowestRecall / 10) * 10 - 10);
  const x = (far: number) => MARGIN.left + (far / xMax) * PLOT_W;
  const y = (recall: number) => MARGIN.top + PLOT_H - ((recall - yMin) / (100 - yMin)) * PLOT_H;
  // The sweep runs from low thresholds (high rates) to high ones; draw it as a step line from the origin side.
  const points = [...shown].sort((a, b) => a.falseAlertRate - b.falseAlertRate || a.recall - b.recall);
  let path = '';
  let previous: { fx: number; ry: number } | undefined;
  for (const p of points) {
    const fx = x(p.falseAlertRate);
    const ry = y(p.recall);
    path += previous ? ` L${fmt(fx)},${fmt(previous.ry)} L${fmt(fx)},${fmt(ry)}` : `M${fmt(fx)},${fmt(ry)}`;
    previous = { fx, ry };
  }
  const xTicks: [number, string][] = [];
  const step = xMax <= 2 ? 0.5 : xMax <= 5 ? 1 : Math.ceil(xMax / 4);
  for (let t = 0; t <= xMax + 1e-9; t += step) xTicks.push([x(t), `${fmt(t)}%`]);
  const yTicks: [number, string][] = [];
  for (let r = yMin; r <= 100; r += (100 - yMin) / 4) yTicks.push([y(r), `${fmt(r, 0)}%`]);
  const marks: string[] = [];
  for (const b of budgets) {
    marks.push(
      `<line x1="${fmt(x(b.budget))}" x2="${fmt(x(b.budget))}" y1="${MARGIN.top}" y2="${MARGIN.top + PLOT_H}" stroke="${COLOURS.budget}" stroke-dasharray="4 3"/>`,
    );
    if (b.threshold !== null)
      marks.push(
        `<circle cx="${fmt(x(b.falseAlertRate))}" cy="${fmt(y(b.recall))}" r="5" fill="${COLOURS.budget}"><title>budget ${fmt(b.budget)}%: recall ${fmt(b.recall, 1)}% at score ≥ ${b.threshold}</title></circle>`,
      );
  }
  marks.push(
    `<circle cx="${fmt(x(summary.falseAlertRate))}" cy="${fmt(y(summary.recall))}" r="6" fill="none" stroke="${COLOURS.inForce}" stroke-width="2.5"><title>threshold in force ${summary.thresholdInForce}</title></circle>`,
  );
  const legend =
    `<g transform="translate(${MARGIN.left + PLOT_W - 206} ${MARGIN.top + PLOT_H - 56})">` +
    `<rect width="200" height="50" fill="#fff" stroke="${COLOURS.grid}"/>` +
    `<circle cx="14" cy="15" r="5" fill="none" stroke="${COLOURS.inForce}" stroke-width="2.5"/><text x="26" y="20">in force (${summary.thresholdInForce})</text>` +
    `<circle cx="14" cy="36" r="5" fill="${COLOURS.budget}"/><text x="26" y="41">best within a budget</text></g>`;
  return svg(
    'Recall against false-alert rate over the threshold sweep',
    axes(xTicks, yTicks, 'false-alert rate', 'recall') +
      `<path d="${path}" fill="none" stroke="${COLOURS.positive}" stroke-width="2"/>` +
      marks.join('') +
      legend,
  );
}

/** Counts of scores per bin of `width` from `low` to 1 (a score of exactly 1 falls in the last bin). */
export function binScores(scores: readonly number[], low: number, width: number): number[] {
  const bins = new Array<number>(Math.round((1 - low) / width)).fill(0);
  for (const s of scores) bins[Math.min(bins.length - 1, Math.max(0, Math.floor((s - low) / width + 1e-9)))]! += 1;
  return bins;
}

/**
 * Histogram of the best scores: positives' best expected record above the axis, negatives' best (forbidden
 * or any) record below it, with the alert threshold as a vertical line. Counts are drawn on a square-root
 * scale so that the few negatives near the threshold stay visible beside hundreds of low scores. Queries
 * with nothing returned (best score -1) are counted in the caption, not drawn.
 */
export function scoreDistributionSvg(rows: readonly EvaluatedQuery[], threshold: number): string {
  const positives = rows.flatMap((r) => (r.positiveScore !== null && r.positiveScore >= 0 ? [r.positiveScore] : []));
  const negatives = rows.flatMap((r) => (r.negativeScore !== null && r.negativeScore >= 0 ? [r.negativeScore] : []));
  const width = 0.02;
  const low = Math.min(0.4, Math.floor(Math.min(1, ...positives, ...negatives) / width) * width);
  const pos = binScores(positives, low, width);
  const neg = binScores(negatives, low, width);
  const maxCount = Math.max(1, ...pos, ...neg);
  const half = PLOT_H / 2;
  const axisY = MARGIN.top + half;
  const x = (score: number) => MARGIN.left + ((score - low) / (1 - low)) * PLOT_W;
  const h = (count: number) => (Math.sqrt(count) / Math.sqrt(maxCount)) * (half - 4);
  const bars: string[] = [];
  const barW = (width / (1 - low)) * PLOT_W - 1;
  pos.forEach((c, i) => {
    if (c > 0)
      bars.push(
        `<rect x="${fmt(x(low + i * width) + 0.5)}" y="${fmt(axisY - h(c))}" width="${fmt(barW)}" height="${fmt(h(c))}" fill="${COLOURS.positive}"><title>${c} positives scoring ${fmt(low + i * width)}–${fmt(low + (i + 1) * width)}</title></rect>`,
      );
  });
  neg.forEach((c, i) => {
    if (c > 0)
      bars.push(
        `<rect x="${fmt(x(low + i * width) + 0.5)}" y="${fmt(axisY)}" width="${fmt(barW)}" height="${fmt(h(c))}" fill="${COLOURS.negative}"><title>${c} negatives scoring ${fmt(low + i * width)}–${fmt(low + (i + 1) * width)}</title></rect>`,
      );
  });
  const xTicks: [number, string][] = [];
  for (let t = Math.ceil(low * 10) / 10; t <= 1 + 1e-9; t += 0.2) xTicks.push([x(t), fmt(t, 1)]);
  const yTicks: [number, string][] = [
    [MARGIN.top + half - h(maxCount), String(maxCount)],
    [axisY, '0'],
    [axisY + h(maxCount), String(maxCount)],
  ];
  const tx = x(threshold);
  const labels =
    `<text x="${MARGIN.left + 6}" y="${MARGIN.top + 16}" fill="${COLOURS.positive}">positives (${positives.length})</text>` +
    `<text x="${MARGIN.left + 6}" y="${MARGIN.top + PLOT_H - 8}" fill="${COLOURS.negative}">negatives (${negatives.length})</text>` +
    `<line x1="${fmt(tx)}" x2="${fmt(tx)}" y1="${MARGIN.top}" y2="${MARGIN.top + PLOT_H}" stroke="${COLOURS.inForce}" stroke-width="2" stroke-dasharray="6 3"/>` +
    `<text x="${fmt(tx - 4)}" y="${MARGIN.top + 16}" text-anchor="end">threshold ${threshold}</text>`;
  return svg(
    'Distribution of the best scores of positives and negatives',
    axes(xTicks, yTicks, 'best score', 'queries (square-root scale)') +
      `<line x1="${MARGIN.left}" x2="${MARGIN.left + PLOT_W}" y1="${axisY}" y2="${axisY}" stroke="#6b7280"/>` +
      bars.join('') +
      labels,
  );
}
