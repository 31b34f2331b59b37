/**
 * @module components/ReasonCodeField
 * The reason code a decision is taken with, chosen from the tenant's list (`GET /v1/reason-codes`), and
 * the analyst's own words beside it: both are kept in the audit trail with the decision.
 */
import type { ReasonCode } from '../api/types';

export function ReasonFields({
  idPrefix,
  codes,
  code,
  onCode,
  reason,
  onReason,
}: {
  idPrefix: string;
  codes: readonly ReasonCode[];
  code: string;
  onCode: (code: string) => void;
  reason: string;
  onReason: (reason: string) => void;
}) {
  return (
    <>
      <div className="field">
        <label htmlFor={`${idPrefix}-code`}>Reason code</label>
        {/* aria-required, not required: the page says why it does not send, rather than the browser's bubble. */}
        <select id={`${idPrefix}-code`} aria-required="true" value={code} onChange={(e) => onCode(e.target.value)}>
          <option value="">Choose a reason…</option>
          {codes.map((c) => (
            <option key={c.code} value={c.code}>
              {c.label}
            </option>
          ))}
        </select>
      </div>
      <div className="field">
        <label htmlFor={`${idPrefix}-reason`}>Reason</label>
        <textarea
          id={`${idPrefix}-reason`}
          required
          rows={3}
          maxLength={4000}
          aria-describedby={`${idPrefix}-reason-hint`}
          value={reason}
          onChange={(e) => onReason(e.target.value)}
        />
        <p className="hint" id={`${idPrefix}-reason-hint`}>
          Required, in your words beside the code. Both are kept in the audit trail with your name.
        </p>
      </div>
    </>
  );
}

/** Why a decision cannot be sent yet, or undefined when it can: the server refuses the same. */
export function reasonProblem(code: string, reason: string): string | undefined {
  if (!code) return 'Choose a reason code: a decision is counted by its code.';
  if (!reason.trim()) return 'Give a reason in your words: it is kept in the audit trail with the decision.';
  return undefined;
}
