import { describe, expect, it } from 'vitest';
import { isEmbargoError } from '../errors.js';
import { decide, FOUR_EYES_MIN_SCORE, type AlertStatus, type DecisionKind, type PriorDecision } from './workflow.js';

const d = (person: string, decision: DecisionKind): PriorDecision => ({ person, decision });
const proposedByAnn = [d('ann', 'false_positive')];

/**
 * `expect` is the new status, with `+` when the false positive is to be remembered, or the error code
 * the decision is refused with.
 */
const cases: { why: string; status: AlertStatus; score: number; history?: PriorDecision[]; next: PriorDecision; expect: string }[] = [
  { why: 'a true match closes an open alert', status: 'open', score: 0.95, next: d('ann', 'true_match'), expect: 'true_match' },
  { why: 'an open alert can be escalated', status: 'open', score: 0.85, next: d('ann', 'escalate'), expect: 'escalated' },
  {
    why: 'a false positive below the four-eyes score closes at once and is remembered',
    status: 'open',
    score: 0.85,
    next: d('ann', 'false_positive'),
    expect: 'false_positive+',
  },
  {
    why: 'just below the four-eyes score is still one analyst’s call',
    status: 'open',
    score: 0.899,
    next: d('ann', 'false_positive'),
    expect: 'false_positive+',
  },
  {
    why: 'a false positive at exactly the four-eyes score waits for a second analyst, not yet remembered',
    status: 'open',
    score: FOUR_EYES_MIN_SCORE,
    next: d('ann', 'false_positive'),
    expect: 'pending_approval',
  },
  { why: 'an escalated alert can be confirmed', status: 'escalated', score: 0.95, next: d('bob', 'true_match'), expect: 'true_match' },
  {
    why: 'an escalated low-score alert can be dismissed at once',
    status: 'escalated',
    score: 0.85,
    history: [d('ann', 'escalate')],
    next: d('bob', 'false_positive'),
    expect: 'false_positive+',
  },
  {
    why: 'an escalated high-score alert dismissed still needs four eyes',
    status: 'escalated',
    score: 0.97,
    history: [d('ann', 'escalate')],
    next: d('bob', 'false_positive'),
    expect: 'pending_approval',
  },
  {
    why: 'an escalated alert can be escalated further up; it stays escalated',
    status: 'escalated',
    score: 0.95,
    history: [d('ann', 'escalate')],
    next: d('bob', 'escalate'),
    expect: 'escalated',
  },
  {
    why: 'another analyst approves the false positive: it closes and is remembered',
    status: 'pending_approval',
    score: 0.95,
    history: proposedByAnn,
    next: d('bob', 'approve'),
    expect: 'false_positive+',
  },
  {
    why: 'another analyst rejects the false positive: back to open, nothing remembered',
    status: 'pending_approval',
    score: 0.95,
    history: proposedByAnn,
    next: d('bob', 'reject'),
    expect: 'open',
  },
  {
    why: 'the proposer may withdraw their own proposal (reject): that only reopens the alert',
    status: 'pending_approval',
    score: 0.95,
    history: proposedByAnn,
    next: d('ann', 'reject'),
    expect: 'open',
  },
  {
    why: 'four eyes: the proposer cannot approve their own false positive',
    status: 'pending_approval',
    score: 0.95,
    history: proposedByAnn,
    next: d('ann', 'approve'),
    expect: 'FOUR_EYES_REQUIRED',
  },
  {
    why: 'four eyes checks the latest proposal: after a rejection and a new proposal by bob, bob cannot approve',
    status: 'pending_approval',
    score: 0.95,
    history: [d('ann', 'false_positive'), d('bob', 'reject'), d('bob', 'false_positive')],
    next: d('bob', 'approve'),
    expect: 'FOUR_EYES_REQUIRED',
  },
  {
    why: '… but ann, who did not make the latest proposal, can approve it',
    status: 'pending_approval',
    score: 0.95,
    history: [d('ann', 'false_positive'), d('bob', 'reject'), d('bob', 'false_positive')],
    next: d('ann', 'approve'),
    expect: 'false_positive+',
  },
  {
    why: 'a pending alert takes only approve or reject',
    status: 'pending_approval',
    score: 0.95,
    history: proposedByAnn,
    next: d('bob', 'true_match'),
    expect: 'DECISION_NOT_ALLOWED',
  },
  {
    why: 'a pending alert whose proposal is missing from the history cannot be approved (four eyes unverifiable)',
    status: 'pending_approval',
    score: 0.95,
    next: d('bob', 'approve'),
    expect: 'DECISION_NOT_ALLOWED',
  },
  {
    why: 'a true match is final',
    status: 'true_match',
    score: 0.95,
    history: [d('ann', 'true_match')],
    next: d('bob', 'false_positive'),
    expect: 'DECISION_NOT_ALLOWED',
  },
  {
    why: 'a closed false positive is final',
    status: 'false_positive',
    score: 0.85,
    history: proposedByAnn,
    next: d('bob', 'true_match'),
    expect: 'DECISION_NOT_ALLOWED',
  },
  { why: 'approve needs something pending', status: 'open', score: 0.95, next: d('bob', 'approve'), expect: 'DECISION_NOT_ALLOWED' },
  { why: 'reject needs something pending', status: 'escalated', score: 0.95, next: d('bob', 'reject'), expect: 'DECISION_NOT_ALLOWED' },
];

describe('alert workflow (decide)', () => {
  it.each(cases)('$why', ({ status, score, history = [], next, expect: outcome }) => {
    let got: string;
    try {
      const result = decide({ status, score }, history, next);
      got = result.status + (result.rememberFalsePositive ? '+' : '');
    } catch (e) {
      if (!isEmbargoError(e)) throw e;
      got = e.code;
    }
    expect(got).toBe(outcome);
  });

  it('only a decision that closes the alert as a false positive is remembered', () => {
    for (const c of cases) {
      try {
        const result = decide({ status: c.status, score: c.score }, c.history ?? [], c.next);
        expect(result.rememberFalsePositive, c.why).toBe(result.status === 'false_positive');
      } catch (e) {
        if (!isEmbargoError(e)) throw e;
      }
    }
  });
});
