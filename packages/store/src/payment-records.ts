/**
 * @module payment-records
 * Screened payment messages: the decision per message, stored once per (tenant, message id) with the
 * alerts a held or blocked payment opens in the analysts' queue and their audit rows, in one transaction.
 *
 * @example
 * const { stored, record } = await store.recordPaymentScreening(payment, alerts);
 * // stored false: the message was screened before; `record` is the decision given then, to republish.
 */
import { EmbargoError } from '@embargo/core';
import type { Kysely } from 'kysely';
import { insertAlerts } from './alert-records.js';
import { appendAuditRows, auditTime } from './audit-trail.js';
import type { AlertRecord, AuditEvent, PaymentDecisionKind, PaymentFilter, PaymentRecord } from './records.js';
import { jsonText, type StoreTables } from './tables.js';
import type { InWriteTransaction } from './write-transaction.js';

type Db = Kysely<StoreTables>;
type PaymentRow = StoreTables['payments'];

const DECISIONS: readonly PaymentDecisionKind[] = ['pass', 'hold', 'block'];

function paymentRow(p: PaymentRecord): PaymentRow {
  return {
    id: p.id,
    tenant: p.tenant,
    message_id: p.messageId,
    format: p.format,
    decision: p.decision,
    hits: jsonText(p.hits),
    payment: jsonText(p.payment),
    raw: p.raw,
    screened_at: p.screenedAt,
    actor: p.actor,
    lists_generation: p.listsGeneration,
    publication_ids: jsonText(p.publicationIds),
  };
}

function toPayment(r: PaymentRow): PaymentRecord {
  return {
    id: r.id,
    tenant: r.tenant,
    messageId: r.message_id,
    format: r.format,
    decision: r.decision as PaymentDecisionKind,
    hits: JSON.parse(r.hits),
    payment: JSON.parse(r.payment),
    raw: r.raw,
    screenedAt: r.screened_at,
    actor: r.actor,
    listsGeneration: r.lists_generation === null ? null : Number(r.lists_generation),
    publicationIds: JSON.parse(r.publication_ids) as number[],
  };
}

/**
 * Refuses, before anything is written, a record the queue or the trail could not make sense of: an unknown
 * decision, or an alert that is not this payment's (another id or tenant, or a customer key, which would
 * make the queue treat it as a monitored customer's and not open it again while one is unresolved).
 */
function checkPaymentScreening(p: PaymentRecord, alerts: readonly AlertRecord[]): Date {
  const at = auditTime(p.screenedAt, `The screenedAt of payment ${p.id}`);
  if (!DECISIONS.includes(p.decision)) {
    throw new EmbargoError(
      'INVALID_INPUT',
      `The decision of payment ${p.id} must be pass, hold or block, not ${JSON.stringify(p.decision)}.`,
      { paymentId: p.id },
    );
  }
  for (const a of alerts) {
    if (a.screeningId !== p.id || a.tenant !== p.tenant || a.customerKey !== null) {
      throw new EmbargoError(
        'INVALID_INPUT',
        `Alert ${a.id} is not one of payment ${p.id}: a payment's alerts have its id as screeningId, its tenant, and no customer key.`,
        { paymentId: p.id, alertId: a.id },
      );
    }
  }
  return at;
}

/**
 * Stores the payment, its alerts, a `payment.screen` audit row and the `alert.open` rows, in one write
 * transaction; or, when this tenant already has this message, nothing, answering with the stored record.
 * The write transaction holds the writer lock from its first statement (see `write-transaction.ts`), in
 * this process and any other, so the look-up and the insert cannot interleave with another's: of two
 * deliveries of one message racing, the first to take the lock stores it and the second finds it.
 */
export async function recordPaymentScreening(
  write: InWriteTransaction,
  p: PaymentRecord,
  alerts: readonly AlertRecord[],
): Promise<{ stored: boolean; record: PaymentRecord; alertsOpened: number }> {
  const at = checkPaymentScreening(p, alerts);
  return write(async (conn, statements) => {
    const found = await statements.run('payment by message id', [p.tenant, p.messageId], () =>
      conn.selectFrom('payments').selectAll().where('tenant', '=', p.tenant).where('message_id', '=', p.messageId),
    );
    const existing = found.rows[0] as PaymentRow | undefined;
    if (existing) return { stored: false, record: toPayment(existing), alertsOpened: 0 };
    await statements.insert('payments', [paymentRow(p)]);
    const { opened, events: alertEvents } = await insertAlerts(conn, statements, alerts);
    const screened: AuditEvent = {
      kind: 'payment.screen',
      actor: p.actor,
      subject: p.id,
      // Ids and figures only: names, accounts and free text stay in the payment row.
      details: {
        messageId: p.messageId,
        format: p.format,
        decision: p.decision,
        hits: Array.isArray(p.hits) ? p.hits.length : null,
        alerts: opened.length,
        publications: p.publicationIds,
      },
    };
    await appendAuditRows(conn, statements, [screened, ...alertEvents], at);
    return { stored: true, record: toPayment(paymentRow(p)), alertsOpened: opened.length };
  });
}

/** `tenant` null: whichever tenant it belongs to (an analyst across tenants). */
export async function getPayment(db: Db, id: string, tenant: string | null): Promise<PaymentRecord | undefined> {
  let query = db.selectFrom('payments').selectAll().where('id', '=', id);
  if (tenant !== null) query = query.where('tenant', '=', tenant);
  const r = await query.executeTakeFirst();
  return r ? toPayment(r) : undefined;
}

export async function getPaymentByMessageId(db: Db, tenant: string, messageId: string): Promise<PaymentRecord | undefined> {
  const r = await db.selectFrom('payments').selectAll().where('tenant', '=', tenant).where('message_id', '=', messageId).executeTakeFirst();
  return r ? toPayment(r) : undefined;
}

/** Payments listed at most per call. */
const MAX_LIST = 1000;

/** Newest first (by `screenedAt`, then id); `limit` defaults to 100. */
export async function listPayments(db: Db, filter: PaymentFilter = {}): Promise<PaymentRecord[]> {
  let query = db.selectFrom('payments').selectAll();
  if (filter.tenant !== undefined) query = query.where('tenant', '=', filter.tenant);
  if (filter.decision) query = query.where('decision', '=', filter.decision);
  const rows = await query
    .orderBy('screened_at', 'desc')
    .orderBy('id', 'desc')
    .limit(Math.min(filter.limit ?? 100, MAX_LIST))
    .offset(filter.offset ?? 0)
    .execute();
  return rows.map(toPayment);
}

export async function countPayments(db: Db, filter: Pick<PaymentFilter, 'tenant' | 'decision'> = {}): Promise<number> {
  let query = db.selectFrom('payments').select((eb) => eb.fn.countAll().as('n'));
  if (filter.tenant !== undefined) query = query.where('tenant', '=', filter.tenant);
  if (filter.decision) query = query.where('decision', '=', filter.decision);
  const r = await query.executeTakeFirstOrThrow();
  // PostgreSQL answers count(*) as a bigint, which pg gives as text.
  return Number(r.n);
}
