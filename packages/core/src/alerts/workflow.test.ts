import { describe, expect, it } from 'vitest';
import { decide, type AlertStatus, type DecisionKind, type PriorDecision } from './workflow.js';

const d = (actor: string, decision: DecisionKind): PriorDecision => ({ actor, decision });

describe('alert workflow', () => {
  const cases: { why: string; status: AlertStatus; score: number; history?: PriorDecision[]; next: PriorDecision; expect: string }[] = [
    { why: 'a true match closes the alert', status: 'open', score: 0.95, next: d('ann', 'true_match'), expect: 'true_match' },
    {
      why: 'a low-score false positive closes at once and is remembered',
      status: 'open',
      score: 0.85,
      next: d('ann', 'false_positive'),
      expect: 'false_positive+',
    },
    {
      why: 'a high-score false positive waits for a second analyst',
      status: 'open',
      score: 0.9,
      next: d('ann', 'false_positive'),
      expect: 'pending_approval',
    },
    { why: 'escalation', status: 'open', score: 0.85, next: d('ann', 'escalate'), expect: 'escalated' },
    {
      why: 'an escalated alert can be decided',
      status: 'escalated',
      score: 0.85,
      next: d('bob', 'false_positive'),
      expect: 'false_positive+',
    },
    {
      why: 'another analyst approves',
      status: 'pending_approval',
      score: 0.95,
      history: [d('ann', 'false_positive')],
      next: d('bob', 'approve'),
      expect: 'false_positive+',
    },
    {
      why: 'another analyst rejects: back to open',
      status: 'pending_approval',
      score: 0.95,
      history: [d('ann', 'false_positive')],
      next: d('bob', 'reject'),
      expect: 'open',
    },
    {
      why: 'four eyes: no self-approval',
      status: 'pending_approval',
      score: 0.95,
      history: [d('ann', 'false_positive')],
      next: d('ann', 'approve'),
      expect: 'refused',
    },
    {
      why: 'pending alerts take only approve or reject',
      status: 'pending_approval',
      score: 0.95,
      history: [d('ann', 'false_positive')],
      next: d('bob', 'true_match'),
      expect: 'refused',
    },
    { why: 'closed alerts take nothing', status: 'true_match', score: 0.95, next: d('bob', 'false_positive'), expect: 'refused' },
    { why: 'approve needs something pending', status: 'open', score: 0.95, next: d('bob', 'approve'), expect: 'refused' },
    { why: 'no double escalation', status: 'escalated', score: 0.95, next: d('bob', 'escalate'), expect: 'refused' },
  ];
  it.each(cases)('$why', ({ status, score, history = [], next, expect: outcome }) => {
    if (outcome === 'refused') {
      expect(() => decide({ status, score }, history, next)).toThrow(expect.objectContaining({ code: 'DECISION_NOT_ALLOWED' }));
      return;
    }
    const result = decide({ status, score }, history, next);
    expect(result.status + (result.rememberFalsePositive ? '+' : '')).toBe(outcome);
  });
});
