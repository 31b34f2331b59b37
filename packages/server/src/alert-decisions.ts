/**
 * @module alert-decisions
 * Turning an analyst's decision on an alert into what the store records: the workflow's next status
 * (core `decide`, four eyes per alert), the tenant's reason code checked, and the false positive to
 * remember when one closes. Shared by the one-alert route and the bulk route (a customer's false
 * positives, or a case, closed with one reason code).
 */
import { checkReasonCodeIn, decide, type DecisionKind, type ReasonCode } from '@embargo/core';
import type { AlertRecord, DecisionRecord, Suppression } from '@embargo/store';
import type { Actor } from './auth.js';
import type { AppDeps } from './deps.js';
import { partyFingerprint } from './party-fingerprint.js';
import type { Party } from './screening-flow.js';

export interface DecisionAsked {
  decision: DecisionKind;
  reasonCode: string;
  reason: string;
}

export interface PreparedDecision {
  decision: DecisionRecord;
  change: { expectedStatus: AlertRecord['status']; status: AlertRecord['status']; suppression?: Suppression };
}

/** The tenant's reason codes, read once per tenant for a request that decides several alerts. */
export function reasonCodesOf(deps: Pick<AppDeps, 'store'>): (tenant: string) => Promise<ReasonCode[]> {
  const read = new Map<string, Promise<ReasonCode[]>>();
  return (tenant) => {
    let codes = read.get(tenant);
    if (!codes) read.set(tenant, (codes = deps.store.reasonCodes(tenant)));
    return codes;
  };
}

/**
 * The decision to record on `alert`, given its history. Throws `DECISION_NOT_ALLOWED` or
 * `FOUR_EYES_REQUIRED` (core `decide`), or `INVALID_INPUT` naming `body/reasonCode` for a code the
 * alert's tenant does not have.
 */
export function prepareDecision(
  deps: Pick<AppDeps, 'newId' | 'clock'>,
  alert: AlertRecord,
  history: readonly DecisionRecord[],
  actor: Actor,
  asked: DecisionAsked,
  codes: readonly ReasonCode[],
  decidedAt = deps.clock().toISOString(),
): PreparedDecision {
  checkReasonCodeIn(codes, asked.reasonCode, 'body/reasonCode');
  const outcome = decide(alert, history, { person: actor.person, decision: asked.decision });
  const record: DecisionRecord = {
    id: deps.newId(),
    alertId: alert.id,
    decidedAt,
    actor: actor.keyId,
    person: actor.person,
    decision: asked.decision,
    reason: asked.reason,
    reasonCode: asked.reasonCode,
  };
  // The fingerprint is the record's as alerted on: if the list changed it since, the customer was
  // cleared against the old record only, and the new one alerts again. Likewise the party's: the
  // customer was cleared with the data screened then (name, birth date, country, identifiers), in its
  // own tenant; other data under the same key, or the same key in another tenant, alerts again.
  const suppression: Suppression | undefined =
    outcome.rememberFalsePositive && alert.customerKey
      ? {
          tenant: alert.tenant,
          customerKey: alert.customerKey,
          entityId: alert.entityId,
          partyFingerprint: partyFingerprint(alert.party as Party),
          entityVersion: alert.entityVersion,
          alertId: alert.id,
          createdAt: record.decidedAt,
        }
      : undefined;
  return { decision: record, change: { expectedStatus: alert.status, status: outcome.status, suppression } };
}
