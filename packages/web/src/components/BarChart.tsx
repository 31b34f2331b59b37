/**
 * @module components/BarChart
 * Horizontal bars drawn as SVG by React, one row per bar with its label and figure as text beside it (so
 * the words stay readable at any width and a screen reader reads each row), and a stacked bar that splits
 * one whole into its parts with a legend. Tones are class names the stylesheet colours.
 * @example <BarChart title="Banned, by resolution" bars={[{ key: '2371', label: 'UNSCR 2371 (2017)', value: 1059, figure: '$1,059m · 35.3%', tone: 'r2371' }]} max={3000} />
 */

export interface Bar {
  key: string;
  label: string;
  value: number;
  /** The figure written beside the bar. */
  figure: string;
  tone: string;
  /** A line under the label (the source, a note). */
  note?: string;
}

export function BarChart({ title, bars, max }: { title: string; bars: Bar[]; max: number }) {
  return (
    <figure className="bar-chart">
      <figcaption className="bar-chart__title">{title}</figcaption>
      <ul className="bar-chart__rows">
        {bars.map((b) => (
          <li key={b.key} className="bar-chart__row">
            <span className="bar-chart__label">
              {b.label}
              {b.note && <span className="bar-chart__note">{b.note}</span>}
            </span>
            <svg className="bar-chart__bar" viewBox="0 0 100 10" preserveAspectRatio="none" aria-hidden="true" focusable="false">
              <rect className="bar-chart__track" x="0" y="0" width="100" height="10" />
              <rect className={`bar-chart__fill tone--${b.tone}`} x="0" y="0" width={max > 0 ? (100 * b.value) / max : 0} height="10" />
            </svg>
            <span className="bar-chart__figure">{b.figure}</span>
          </li>
        ))}
      </ul>
    </figure>
  );
}

/** One whole split into parts, left to right, with a legend naming each part and its figure. */
export function StackedBar({ title, parts, total }: { title: string; parts: Bar[]; total: number }) {
  let x = 0;
  return (
    <figure className="stacked-bar">
      <figcaption className="bar-chart__title">{title}</figcaption>
      <svg className="stacked-bar__bar" viewBox="0 0 100 10" preserveAspectRatio="none" aria-hidden="true" focusable="false">
        {parts.map((p) => {
          const width = total > 0 ? (100 * p.value) / total : 0;
          const rect = <rect key={p.key} className={`tone--${p.tone}`} x={x} y="0" width={width} height="10" />;
          x += width;
          return rect;
        })}
      </svg>
      <ul className="stacked-bar__legend">
        {parts.map((p) => (
          <li key={p.key}>
            <span className={`stacked-bar__swatch tone--${p.tone}`} aria-hidden="true" />
            {p.label}: <strong>{p.figure}</strong>
          </li>
        ))}
      </ul>
    </figure>
  );
}
