/**
 * @module payment-screening
 * A raw payment message in, a stored decision out: parse it (MT or ISO 20022), screen each payment against
 * the lists in force, and store the decision with one alert per hit of a held or blocked payment and the
 * audit rows, in one transaction. Idempotent by message id: a message already decided for the tenant gets
 * the stored decision back, unscreened, so that a redelivered message is decided once. The HTTP API
 * (`POST /v1/payments/screen`) and the NATS worker both come here.
 */
import { paymentHitJson, type PaymentDecision, type PaymentHit, type PaymentParseError, type PaymentScreeningRules } from '@embargo/core';
import { parsePaymentMessages } from '@embargo/payments';
import type { AlertRecord, PaymentRecord } from '@embargo/store';
import type { AppDeps } from './deps.js';
import { entityFingerprint } from './entity-fingerprint.js';
import { openedAlert } from './opened-alert.js';

export type PaymentOutcome =
  { message: number; record: PaymentRecord; stored: boolean; alertsOpened: number } | { message: number; error: PaymentParseError };

export interface PaymentScreeningContext {
  tenant: string;
  /** The API key, user or worker that asked. */
  actor: string | null;
  rules?: Partial<PaymentScreeningRules>;
}

/** The alert source of a hit on an embargoed jurisdiction rather than a listed record. */
export const JURISDICTION_ALERT_SOURCE = 'embargoed-jurisdiction';

/** A message screened and not yet stored: its record and alerts, or why it could not be read. */
export type PreparedPayment =
  { message: number; record: PaymentRecord; alerts: AlertRecord[] } | { message: number; error: PaymentParseError };

/**
 * Parses and screens every message in `raw` (no storage): one prepared payment per message, in order.
 * Storing comes after (`storePreparedPayments`), so that a worker can store many messages' decisions in
 * one transaction.
 */
export async function preparePaymentMessages(
  deps: Pick<AppDeps, 'screening' | 'clock' | 'newId'>,
  raw: string,
  context: PaymentScreeningContext,
): Promise<PreparedPayment[]> {
  const prepared: PreparedPayment[] = [];
  for (const [i, result] of parsePaymentMessages(raw).entries()) {
    const message = i + 1;
    if (result.error) {
      prepared.push({ message, error: result.error });
      continue;
    }
    const payment = result.payment;
    const decision = await deps.screening.screenPayment(payment, context.rules);
    const now = deps.clock().toISOString();
    const record: PaymentRecord = {
      id: deps.newId(),
      tenant: context.tenant,
      messageId: payment.messageId,
      format: payment.format,
      decision: decision.decision,
      hits: decision.hits,
      payment,
      raw,
      screenedAt: now,
      actor: context.actor,
      listsGeneration: deps.screening.listsGeneration,
      publicationIds: deps.screening.publications.map((p) => p.id),
    };
    prepared.push({ message, record, alerts: decision.decision === 'pass' ? [] : alertsOf(deps, record, decision, now) });
  }
  return prepared;
}

/**
 * Stores prepared payments, all in one transaction, in order. A message already decided for its tenant (a
 * redelivery, a client retrying) is answered with the stored decision, and its new screening dropped.
 */
export async function storePreparedPayments(deps: Pick<AppDeps, 'store'>, prepared: readonly PreparedPayment[]): Promise<PaymentOutcome[]> {
  const toStore = prepared.flatMap((p) => ('record' in p ? [{ record: p.record, alerts: p.alerts }] : []));
  const saved = await deps.store.recordPaymentScreenings(toStore);
  let k = 0;
  return prepared.map((p) => {
    if ('error' in p) return p;
    const s = saved[k++];
    return { message: p.message, record: s.record, stored: s.stored, alertsOpened: s.alertsOpened };
  });
}

/** Screens and stores every message in `raw`; one outcome per message, in order. */
export async function screenPaymentMessages(
  deps: Pick<AppDeps, 'store' | 'screening' | 'clock' | 'newId'>,
  raw: string,
  context: PaymentScreeningContext,
): Promise<PaymentOutcome[]> {
  return storePreparedPayments(deps, await preparePaymentMessages(deps, raw, context));
}

/** One alert per hit, in the queue analysts already work, pointing at the stored payment. */
function alertsOf(
  deps: Pick<AppDeps, 'screening' | 'newId'>,
  record: PaymentRecord,
  decision: PaymentDecision,
  now: string,
): AlertRecord[] {
  return decision.hits.map((hit) => {
    const entity = hit.id ? deps.screening.entity(hit.id) : undefined;
    return openedAlert(deps, now, {
      tenant: record.tenant,
      screeningId: record.id,
      customerKey: null,
      entityId: hit.id ?? `jurisdiction:${hit.jurisdiction}`,
      entityVersion: entity ? entityFingerprint(entity) : (hit.jurisdiction ?? ''),
      source: entity?.source ?? JURISDICTION_ALERT_SOURCE,
      score: hit.score,
      party: partyOfHit(record, hit),
      match: matchOfHit(hit),
    });
  });
}

/** What the review screen shows as the party: the text in the message, where it is, and the payment. */
function partyOfHit(record: PaymentRecord, hit: PaymentHit) {
  return {
    name: hit.text,
    payment: {
      id: record.id,
      messageId: record.messageId,
      format: record.format,
      decision: record.decision,
      field: hit.source,
      role: hit.role ?? null,
    },
  };
}

/** The hit as the review screen shows a match: the record, score and explanation, and the rule. */
function matchOfHit(hit: PaymentHit) {
  return {
    id: hit.id ?? `jurisdiction:${hit.jurisdiction}`,
    caption: hit.caption ?? hit.jurisdiction ?? '',
    score: hit.score,
    alert: true,
    rule: hit.rule,
    action: hit.action,
    reason: hit.reason,
    explanation: hit.explanation ?? null,
  };
}

/** A decision as published and answered: what a payment system needs to release or stop the payment. */
export function decisionJson(record: PaymentRecord) {
  const hits = record.hits as PaymentHit[];
  return {
    paymentId: record.id,
    messageId: record.messageId,
    tenant: record.tenant,
    format: record.format,
    decision: record.decision,
    screenedAt: record.screenedAt,
    listsGeneration: record.listsGeneration,
    hits: hits.map(paymentHitJson),
  };
}
