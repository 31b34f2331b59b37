/**
 * @module payment-records
 * Screened payment messages: the decision per message, stored once per (tenant, message id) with the
 * alerts a held or blocked payment opens in the analysts' queue and their audit rows, in one transaction
 * per batch of messages (a worker stores the decisions of the messages it has in hand together).
 *
 * @example
 * const { stored, record } = await store.recordPaymentScreening(payment, alerts);
 * // stored false: the message was screened before; `record` is the decision given then, to republish.
 * const outcomes = await store.recordPaymentScreenings([{ record: p1, alerts: [] }, { record: p2, alerts: a2 }]);
 */
import { EmbargoError } from '@embargo/core';
import type { Kysely } from 'kysely';
import { insertAlerts } from './alert-records.js';
import { appendTimedAuditRows, auditTime, type TimedAuditEvent } from './audit-trail.js';
import type {
  AlertRecord,
  AuditEvent,
  PaymentDecisionKind,
  PaymentFilter,
  PaymentRecord,
  PaymentScreening,
  PaymentScreeningOutcome,
} from './records.js';
import type { StatementsOnConnection } from './reused-statements.js';
import { jsonText, type StoreTables } from './tables.js';
import type { InWriteTransaction, WriteConnection } from './write-transaction.js';

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
 * The same refusal naming the item of a batch it is about (by index, from 0), so the caller can tell
 * which message to look at; a batch of one is its only item, and keeps the message as it is.
 */
function checkBatchItem({ record, alerts }: PaymentScreening, index: number, count: number): Date {
  try {
    return checkPaymentScreening(record, alerts);
  } catch (error) {
    if (!(error instanceof EmbargoError)) throw error;
    const message = count === 1 ? error.message : `Item ${index} of the batch of ${count}: ${error.message}`;
    throw new EmbargoError(error.code, message, { ...error.context, item: index }, { cause: error });
  }
}

/**
 * Message ids per look-up of the stored ones. The look-up binds the distinct tenants and message ids of a
 * chunk, so at most twice this many parameters: under SQLite's 32,766 and PostgreSQL's 65,535.
 */
const MESSAGES_PER_SELECT = 500;

/** Payments per INSERT: twelve columns, so 2,400 parameters at most (see `MESSAGES_PER_SELECT`). */
const PAYMENTS_PER_INSERT = 200;

const messageKey = (tenant: string, messageId: string) => `${tenant}\u0000${messageId}`;

/**
 * The stored payments of these records' (tenant, message id) pairs, by `messageKey`, with one SELECT per
 * `MESSAGES_PER_SELECT` records. It asks for the tenants in the chunk and the message ids in the chunk
 * (both columns of the unique index, so it is probed, not scanned; a row-value IN list is not SQLite
 * syntax), which can also find another tenant's row with one of these message ids: such a row has a key
 * no record asks for, and is never looked at.
 */
async function storedPaymentsOf(
  conn: WriteConnection,
  statements: StatementsOnConnection,
  records: readonly PaymentRecord[],
): Promise<Map<string, PaymentRecord>> {
  const stored = new Map<string, PaymentRecord>();
  for (let start = 0; start < records.length; start += MESSAGES_PER_SELECT) {
    const chunk = records.slice(start, start + MESSAGES_PER_SELECT);
    const tenants = [...new Set(chunk.map((p) => p.tenant))];
    const messageIds = [...new Set(chunk.map((p) => p.messageId))];
    const found = await statements.run(
      `payments by tenants × ${tenants.length} and message ids × ${messageIds.length}`,
      [...tenants, ...messageIds],
      () => conn.selectFrom('payments').selectAll().where('tenant', 'in', tenants).where('message_id', 'in', messageIds),
    );
    for (const row of found.rows as PaymentRow[]) stored.set(messageKey(row.tenant, row.message_id), toPayment(row));
  }
  return stored;
}

/**
 * Stores a batch of screened payments in ONE write transaction, answering for each item in input order
 * as `recordPaymentScreening` would have one after the other: an item whose (tenant, message id) is
 * stored already, or came earlier in the batch, stores nothing and answers that record with `stored`
 * false; every other is inserted with its alerts, and the audit trail gets, per stored payment in input
 * order, its `payment.screen` row and then its `alert.open` rows, at the payment's `screenedAt`.
 *
 * Every item is checked before anything is written: one the store would refuse refuses the batch
 * (`INVALID_INPUT`, `context.item` its index). A failure while writing (an alert id already taken, say)
 * rolls back the whole batch, so none of its messages is stored and each can be stored again.
 *
 * The work is a few statements whatever the batch size: one look-up of the stored messages, multi-row
 * INSERTs of the payments and alerts, and one append to the audit trail (one read and one update of its
 * head). The write transaction holds the writer lock from its first statement (see `write-transaction.ts`),
 * in this process and any other, so the look-up and the inserts cannot interleave with another writer's:
 * of two deliveries of one message racing, the first to take the lock stores it and the second finds it.
 * An empty batch answers `[]` without a transaction.
 */
export async function recordPaymentScreenings(
  write: InWriteTransaction,
  items: readonly PaymentScreening[],
): Promise<PaymentScreeningOutcome[]> {
  const times = items.map((item, index) => checkBatchItem(item, index, items.length));
  if (items.length === 0) return [];
  return write(async (conn, statements) => {
    const known = await storedPaymentsOf(
      conn,
      statements,
      items.map((item) => item.record),
    );
    // Decide per item, in order, before writing: a message's first occurrence in the batch is the one stored.
    const outcomes: PaymentScreeningOutcome[] = [];
    const toStore: { item: PaymentScreening; at: Date; outcome: PaymentScreeningOutcome }[] = [];
    items.forEach((item, index) => {
      const key = messageKey(item.record.tenant, item.record.messageId);
      const earlier = known.get(key);
      if (earlier) {
        outcomes.push({ stored: false, record: earlier, alertsOpened: 0 });
        return;
      }
      const outcome = { stored: true, record: toPayment(paymentRow(item.record)), alertsOpened: 0 };
      known.set(key, outcome.record);
      outcomes.push(outcome);
      toStore.push({ item, at: times[index], outcome });
    });
    if (toStore.length === 0) return outcomes;

    const rows = toStore.map(({ item }) => paymentRow(item.record));
    for (let start = 0; start < rows.length; start += PAYMENTS_PER_INSERT) {
      await statements.insert('payments', rows.slice(start, start + PAYMENTS_PER_INSERT));
    }
    const { opened, events: alertEvents } = await insertAlerts(
      conn,
      statements,
      toStore.flatMap(({ item }) => item.alerts),
    );
    // A payment's alerts have its id as screeningId (checked above), which sorts the opened ones back to it.
    const alertEventsOf = new Map<string, AuditEvent[]>();
    opened.forEach((alert, k) => {
      const events = alertEventsOf.get(alert.screeningId) ?? [];
      events.push(alertEvents[k]);
      alertEventsOf.set(alert.screeningId, events);
    });
    const audit = toStore.flatMap(({ item: { record: p }, at, outcome }): TimedAuditEvent[] => {
      const events = alertEventsOf.get(p.id) ?? [];
      outcome.alertsOpened = events.length;
      const screened: TimedAuditEvent = {
        at,
        event: {
          kind: 'payment.screen',
          actor: p.actor,
          subject: p.id,
          // Ids and figures only: names, accounts and free text stay in the payment row.
          details: {
            messageId: p.messageId,
            format: p.format,
            decision: p.decision,
            hits: Array.isArray(p.hits) ? p.hits.length : null,
            alerts: events.length,
            publications: p.publicationIds,
          },
        },
      };
      return [screened, ...events.map((event) => ({ event, at }))];
    });
    await appendTimedAuditRows(conn, statements, audit);
    return outcomes;
  });
}

/**
 * Stores one screened payment (see `recordPaymentScreenings`, which it is a batch of one of): the payment,
 * its alerts, a `payment.screen` audit row and the `alert.open` rows, in one write transaction; or, when
 * this tenant already has this message, nothing, answering with the stored record.
 */
export async function recordPaymentScreening(
  write: InWriteTransaction,
  p: PaymentRecord,
  alerts: AlertRecord[],
): Promise<PaymentScreeningOutcome> {
  const [outcome] = await recordPaymentScreenings(write, [{ record: p, alerts }]);
  return outcome;
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
