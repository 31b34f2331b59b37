/**
 * @module components/ScoreMeter
 * A match score as a bar from 0 to 100% with the alert threshold marked: `role="meter"` with its value
 * for screen readers, the percentage as text for everyone.
 */
import { percent } from '../text/format';

export interface ScoreMeterProps {
  score: number;
  /** The alert threshold, drawn as a tick; scores at or above it are shown in the alert colour. */
  threshold?: number;
  label?: string;
}

export function ScoreMeter({ score, threshold, label = 'Score' }: ScoreMeterProps) {
  const value = Math.round(Math.max(0, Math.min(1, score)) * 100);
  const alerting = threshold !== undefined && score >= threshold;
  const text = threshold === undefined ? percent(score) : `${percent(score)}, alert threshold ${percent(threshold)}`;
  return (
    <div className="score">
      <div
        className={`score-meter${alerting ? ' score-meter--alert' : ''}`}
        role="meter"
        aria-label={label}
        aria-valuemin={0}
        aria-valuemax={100}
        aria-valuenow={value}
        aria-valuetext={text}
      >
        <span className="score-meter__fill" style={{ width: `${value}%` }} />
        {threshold !== undefined && <span className="score-meter__threshold" style={{ left: `${Math.round(threshold * 100)}%` }} />}
      </div>
      <span className="score__value" aria-hidden="true">
        {percent(score)}
      </span>
    </div>
  );
}
