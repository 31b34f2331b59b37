/**
 * @module components/StatusBadge
 * Small coloured labels: an alert's status (red for confirmed, amber for waiting on someone, green for
 * cleared) and whether a match alerts.
 */
import type { AlertStatus } from '../api/types';
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
