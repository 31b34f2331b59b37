/**
 * @module components/StatusBadge
 * Small coloured labels: an alert's status (red for confirmed, amber for waiting on someone, green for
 * cleared), whether a match alerts, and a payment's decision (red blocked, amber held, green passed).
 */
import type { AlertStatus, PaymentDecisionKind } from '../api/types';
import { humanise } from '../text/format';

const STATUS_TONE: Record<AlertStatus, 'danger' | 'warning' | 'ok' | 'neutral'> = {
  open: 'warning',
  pending_approval: 'warning',
  escalated: 'danger',
  true_match: 'danger',
  false_positive: 'ok',
  suppressed: 'neutral',
};

export function StatusBadge({ status }: { status: AlertStatus }) {
  return <span className={`badge badge--${STATUS_TONE[status] ?? 'neutral'}`}>{humanise(status)}</span>;
}

export function AlertBadge({ alert, suppressed }: { alert: boolean; suppressed?: boolean }) {
  if (suppressed) return <span className="badge badge--neutral">alert suppressed (known false positive)</span>;
  return alert ? <span className="badge badge--danger">Alert</span> : <span className="badge badge--ok">No alert</span>;
}

const DECISION_BADGE: Record<PaymentDecisionKind, { tone: 'danger' | 'warning' | 'ok'; words: string }> = {
  block: { tone: 'danger', words: 'Blocked' },
  hold: { tone: 'warning', words: 'Held' },
  pass: { tone: 'ok', words: 'Passed' },
};

export function DecisionBadge({ decision }: { decision: PaymentDecisionKind }) {
  const badge = DECISION_BADGE[decision] ?? { tone: 'neutral', words: decision };
  return <span className={`badge badge--${badge.tone}`}>{badge.words}</span>;
}
