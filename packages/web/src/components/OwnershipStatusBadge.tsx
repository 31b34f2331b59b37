/**
 * @module components/OwnershipStatusBadge
 * A party's status under one regime as a coloured label: "OFAC designated", "UK blocked 55%", "EU
 * possibly blocked 35–60%", "OFAC none" — red for designated and blocked, amber for possibly blocked.
 */
import type { NodeStatus, OwnershipAggregate, RegimeId } from '../api/types';
import { aggregateWords, REGIME_NAMES, STATUS_TONE, STATUS_WORDS } from '../text/ownership-words';

export function OwnershipStatusBadge({
  regime,
  status,
  aggregate,
}: {
  regime?: RegimeId;
  status: NodeStatus;
  aggregate?: OwnershipAggregate;
}) {
  // The aggregate is what the designated persons hold together; for a designated person it says nothing.
  const figure = aggregate && (status === 'blocked' || status === 'possibly_blocked') ? ` ${aggregateWords(aggregate)}` : '';
  return (
    <span className={`badge badge--${STATUS_TONE[status] ?? 'neutral'} ownership-badge ownership-badge--${status}`}>
      {regime && <span className="ownership-badge__regime">{REGIME_NAMES[regime]} </span>}
      {STATUS_WORDS[status] ?? status}
      {figure}
    </span>
  );
}
