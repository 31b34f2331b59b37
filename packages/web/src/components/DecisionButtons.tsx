/**
 * @module components/DecisionButtons
 * The buttons a decision is taken with, the same on one alert and on a case: Approve / Reject for a false
 * positive awaiting a second person (never offered to the person who proposed it), else True match / False
 * positive / Escalate. Each is a submit button of the surrounding form and says first which decision it is.
 */
import type { DecisionKind } from '../api/types';

export function DecisionButtons({
  pending,
  busy,
  proposedByMe,
  undecidedAllowed = true,
  onChoose,
}: {
  /** The alert (or every selected match) awaits a second person's approval. */
  pending: boolean;
  busy: boolean;
  /** The signed-in person proposed the false positive awaiting approval. */
  proposedByMe: boolean;
  /** False when the selection does not allow a first decision (a case with a mixed selection). */
  undecidedAllowed?: boolean;
  onChoose: (decision: DecisionKind) => void;
}) {
  if (pending)
    return (
      <div className="actions">
        <button
          type="submit"
          className="button"
          disabled={busy || proposedByMe}
          title={proposedByMe ? 'You proposed this false positive: another person must approve it.' : undefined}
          onClick={() => onChoose('approve')}
        >
          Approve
        </button>
        <button type="submit" className="button button--secondary" disabled={busy} onClick={() => onChoose('reject')}>
          Reject
        </button>
      </div>
    );
  const disabled = busy || !undecidedAllowed;
  return (
    <div className="actions">
      <button type="submit" className="button button--danger" disabled={disabled} onClick={() => onChoose('true_match')}>
        True match
      </button>
      <button type="submit" className="button" disabled={disabled} onClick={() => onChoose('false_positive')}>
        False positive
      </button>
      <button type="submit" className="button button--secondary" disabled={disabled} onClick={() => onChoose('escalate')}>
        Escalate
      </button>
    </div>
  );
}
