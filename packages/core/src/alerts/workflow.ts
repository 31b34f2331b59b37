/**
 * @module alerts/workflow
 * What an analyst's decision does to an alert. Open or escalated alerts can be confirmed (true match),
 * escalated, or dismissed as a false positive; dismissing a high-scoring alert needs a second analyst's
 * approval ("four eyes") before it closes. Only a closed false positive is remembered, so the same
 * customer is not alerted again on the same, unchanged listed record. Pure: the caller loads the alert
 * and its history and stores the outcome.
 */
import { EmbargoError } from '../errors.js';

export const ALERT_STATUSES = ['open', 'pending_approval', 'escalated', 'true_match', 'false_positive', 'suppressed'] as const;
export type AlertStatus = (typeof ALERT_STATUSES)[number];

export const DECISION_KINDS = ['true_match', 'false_positive', 'escalate', 'approve', 'reject'] as const;
export type DecisionKind = (typeof DECISION_KINDS)[number];

/**
 * A false positive on a score at least this high needs a second analyst's approval. A policy choice, not
 * tuned: well above name-logic-v1's alert threshold (0.81), where dismissing a match deserves a second look.
 */
export const FOUR_EYES_MIN_SCORE = 0.9;

export interface PriorDecision {
  /**
   * The person who decided: a web-app user's username, or the person an API key was made for. Four eyes
   * compares persons, not credentials: one person's key and web session are one pair of eyes.
   */
  person: string;
  decision: DecisionKind;
}

export interface DecisionOutcome {
  status: AlertStatus;
  /** Remember this customer's false positive on this record (the alert closed as a false positive). */
  rememberFalsePositive: boolean;
}

/** Statuses that take no more decisions. `suppressed` is never decided: it is the remembered outcome. */
export const FINAL_ALERT_STATUSES: ReadonlySet<AlertStatus> = new Set(['true_match', 'false_positive', 'suppressed']);

function refuse(message: string): never {
  throw new EmbargoError('DECISION_NOT_ALLOWED', message);
}

/** The person who proposed the false positive now awaiting approval (the latest proposal). */
export function proposerOf(history: readonly PriorDecision[]): string | undefined {
  for (let i = history.length - 1; i >= 0; i--) if (history[i].decision === 'false_positive') return history[i].person;
  return undefined;
}

/**
 * Four eyes: throws `FOUR_EYES_REQUIRED` when `next` approves a false positive that the same person
 * proposed. The store checks this again inside the transaction that records the approval.
 */
export function checkFourEyes(history: readonly PriorDecision[], next: PriorDecision): void {
  if (next.decision !== 'approve') return;
  const proposer = proposerOf(history);
  if (proposer !== undefined && proposer === next.person)
    throw new EmbargoError(
      'FOUR_EYES_REQUIRED',
      'Four eyes: a high-scoring false positive must be approved by another person than the one who proposed it (with any of their keys or sessions).',
      { person: next.person },
    );
}

function decidePending(history: readonly PriorDecision[], next: PriorDecision): DecisionOutcome {
  if (next.decision !== 'approve' && next.decision !== 'reject')
    refuse(`The alert awaits a second analyst's approval of a false positive: approve or reject it first ("${next.decision}" given).`);
  const proposer = proposerOf(history);
  // A pending alert without its proposal means the history is incomplete; four eyes cannot be checked.
  if (proposer === undefined) refuse('The alert awaits approval, but its false-positive proposal is missing from its history.');
  if (next.decision === 'reject') {
    // The proposer may withdraw their own proposal: it only sends the alert back to open.
    return { status: 'open', rememberFalsePositive: false };
  }
  checkFourEyes(history, next);
  return { status: 'false_positive', rememberFalsePositive: true };
}

/**
 * The alert's next status after `next`, given the decisions already taken on it (oldest first).
 * Throws `DECISION_NOT_ALLOWED` when the alert's status does not admit the decision, and
 * `FOUR_EYES_REQUIRED` when a person approves their own false positive.
 * @example decide({ status: 'open', score: 0.95 }, [], { person: 'ann', decision: 'false_positive' })
 *   // → { status: 'pending_approval', rememberFalsePositive: false }
 */
export function decide(
  alert: { status: AlertStatus; score: number },
  history: readonly PriorDecision[],
  next: PriorDecision,
): DecisionOutcome {
  if (FINAL_ALERT_STATUSES.has(alert.status)) refuse(`The alert is closed (${alert.status}); it takes no more decisions.`);
  if (alert.status === 'pending_approval') return decidePending(history, next);
  switch (next.decision) {
    case 'true_match':
      return { status: 'true_match', rememberFalsePositive: false };
    case 'escalate':
      // Escalating an escalated alert passes it further up; the history keeps each step.
      return { status: 'escalated', rememberFalsePositive: false };
    case 'false_positive':
      return alert.score >= FOUR_EYES_MIN_SCORE
        ? { status: 'pending_approval', rememberFalsePositive: false }
        : { status: 'false_positive', rememberFalsePositive: true };
    case 'approve':
    case 'reject':
      return refuse(`Nothing awaits approval on this alert; "${next.decision}" does not apply.`);
  }
}
