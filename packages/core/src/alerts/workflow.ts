/**
 * @module alerts/workflow
 * What an analyst's decision does to an alert. Open or escalated alerts can be confirmed (true match),
 * escalated, or dismissed as a false positive; dismissing a high-scoring alert needs a second analyst's
 * approval ("four eyes") before it closes. Only a closed false positive is remembered, so the same
 * customer is not alerted again on the same, unchanged listed record.
 */
import { EmbargoError } from '../errors.js';

export type AlertStatus = 'open' | 'pending_approval' | 'escalated' | 'true_match' | 'false_positive' | 'suppressed';
export type DecisionKind = 'true_match' | 'false_positive' | 'escalate' | 'approve' | 'reject';

/** A false positive on a score at least this high needs a second analyst's approval. */
export const FOUR_EYES_MIN_SCORE = 0.9;

export interface PriorDecision {
  actor: string;
  decision: DecisionKind;
}

export interface DecisionOutcome {
  status: AlertStatus;
  /** Remember this customer's false positive on this record (the alert closed as a false positive). */
  rememberFalsePositive: boolean;
}

const FINAL: ReadonlySet<AlertStatus> = new Set(['true_match', 'false_positive', 'suppressed']);

function refuse(message: string): never {
  throw new EmbargoError('DECISION_NOT_ALLOWED', message);
}

/**
 * @example decide({ status: 'open', score: 0.95 }, [], { actor: 'ann', decision: 'false_positive' })
 *   // → { status: 'pending_approval', rememberFalsePositive: false }
 */
export function decide(
  alert: { status: AlertStatus; score: number },
  history: readonly PriorDecision[],
  next: PriorDecision,
): DecisionOutcome {
  if (FINAL.has(alert.status)) refuse(`The alert is closed (${alert.status}); it takes no more decisions.`);
  if (alert.status === 'pending_approval') {
    if (next.decision !== 'approve' && next.decision !== 'reject')
      refuse('The alert awaits a second analyst: approve or reject the false positive first.');
    const proposer = [...history].reverse().find((d) => d.decision === 'false_positive')?.actor;
    if (proposer === next.actor) refuse('Four eyes: the analyst who proposed the false positive cannot approve or reject it.');
    return next.decision === 'approve'
      ? { status: 'false_positive', rememberFalsePositive: true }
      : { status: 'open', rememberFalsePositive: false };
  }
  switch (next.decision) {
    case 'true_match':
      return { status: 'true_match', rememberFalsePositive: false };
    case 'escalate':
      if (alert.status === 'escalated') refuse('The alert is already escalated.');
      return { status: 'escalated', rememberFalsePositive: false };
    case 'false_positive':
      return alert.score >= FOUR_EYES_MIN_SCORE
        ? { status: 'pending_approval', rememberFalsePositive: false }
        : { status: 'false_positive', rememberFalsePositive: true };
    default:
      return refuse(`Nothing awaits approval on this alert; "${next.decision}" does not apply.`);
  }
}
