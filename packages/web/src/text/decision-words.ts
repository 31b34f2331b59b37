/**
 * @module text/decision-words
 * Decisions in words, and a decision's reason code as its label from the tenant's list (a code since
 * removed from the list is shown as the code itself, so the history never loses it).
 */
import type { DecisionKind, ReasonCode } from '../api/types';

export const DECISION_WORDS: Record<DecisionKind, string> = {
  true_match: 'True match',
  false_positive: 'False positive',
  escalate: 'Escalated',
  approve: 'Approved the false positive',
  reject: 'Rejected the false positive',
};

/** The label of `code` in `codes`; the code itself when the list no longer has it. */
export function reasonCodeLabel(codes: readonly ReasonCode[], code: string): string {
  return codes.find((c) => c.code === code)?.label ?? code;
}
