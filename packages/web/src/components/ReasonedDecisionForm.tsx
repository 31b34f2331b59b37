/**
 * @module components/ReasonedDecisionForm
 * The form a decision is taken with, the same on one alert and on a case: what the analyst should know
 * first (the page's own words), the reason code and reason, the server's refusal in its words, and the
 * decision buttons. A missing code or a blank reason is refused here before anything is sent; once the
 * decision is recorded the reason fields are emptied for the next one. What the server answered is the
 * page's to show: it stays after the form goes (a decision may close the alert).
 *
 * @example
 * <ReasonedDecisionForm idPrefix="decision" codes={codes} buttons={{ pending, proposedByMe }}
 *   decide={async (asked) => setDone(await decideAlert(alert.id, asked))}>
 *   <p className="muted">A false positive on a high score waits for a second analyst.</p>
 * </ReasonedDecisionForm>
 */
import { useRef, useState, type ComponentProps, type FormEvent, type ReactNode } from 'react';
import type { DecisionAsked, DecisionKind, ReasonCode } from '../api/types';
import { DecisionButtons } from './DecisionButtons';
import { ErrorNotice } from './ErrorNotice';
import { ReasonFields, reasonProblem } from './ReasonCodeField';
import { useSubmission } from '../use-submission';

export interface ReasonedDecisionFormProps {
  /** Prefix of the reason fields' ids, unique on the page. */
  idPrefix: string;
  /** The tenant's reason codes. */
  codes: readonly ReasonCode[];
  /** Which decision buttons are offered (see DecisionButtons). */
  buttons: Omit<ComponentProps<typeof DecisionButtons>, 'busy' | 'onChoose'>;
  /** Sends the decision; a rejection is shown as the refusal and keeps what the analyst wrote. */
  decide: (asked: DecisionAsked) => Promise<void>;
  /** What the analyst reads before deciding: who proposed what, four eyes, the selection. */
  children: ReactNode;
}

export function ReasonedDecisionForm({ idPrefix, codes, buttons, decide, children }: ReasonedDecisionFormProps) {
  const [reasonCode, setReasonCode] = useState('');
  const [reason, setReason] = useState('');
  const { busy, error, setError, submitting } = useSubmission();
  // A ref, not state: the button's click sets it and the form's submit, in the same event, reads it.
  // Every submit comes from a button (Enter clicks the first enabled one), so the first value is never sent.
  const chosen = useRef<DecisionKind>('true_match');

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    // The server refuses a missing code or a blank reason too; saying so here spares a round trip.
    const problem = reasonProblem(reasonCode, reason);
    if (problem) {
      setError(new Error(problem));
      return;
    }
    await submitting(async () => {
      await decide({ decision: chosen.current, reasonCode, reason: reason.trim() });
      setReason('');
      setReasonCode('');
    });
  };

  return (
    <form onSubmit={submit} className="form">
      {children}
      <ReasonFields idPrefix={idPrefix} codes={codes} code={reasonCode} onCode={setReasonCode} reason={reason} onReason={setReason} />
      <ErrorNotice error={error} title="The decision was refused:" />
      <DecisionButtons {...buttons} busy={busy} onChoose={(decision) => (chosen.current = decision)} />
    </form>
  );
}
