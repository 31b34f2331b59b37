/**
 * @module alert-records
 * Screenings, the alerts they open, the decisions taken on alerts and the false positives remembered
 * from them. Every write appends its audit rows in the same transaction.
 */
import { EmbargoError } from '@embargo/core';
import type { Kysely } from 'kysely';
import { appendAuditRows } from './audit-trail.js';
import type {
  AlertFilter,
  AlertRecord,
  AlertStatus,
  AuditEvent,
  DecisionKind,
  DecisionRecord,
  ScreeningRecord,
  Suppression,
} from './records.js';
import type { StoreTables } from './tables.js';
import type { InWriteTransaction, WriteConnection } from './write-transaction.js';

type Db = Kysely<StoreTables>;

function alertRow(a: AlertRecord): StoreTables['alerts'] {
  return {
    id: a.id,
    created_at: a.createdAt,
    updated_at: a.updatedAt,
    screening_id: a.screeningId,
    customer_key: a.customerKey,
    entity_id: a.entityId,
    entity_version: a.entityVersion,
    source: a.source,
    score: a.score,
    status: a.status,
    party: JSON.stringify(a.party),
    match: JSON.stringify(a.match),
  };
}

function toAlert(r: StoreTables['alerts']): AlertRecord {
  return {
    id: r.id,
    createdAt: r.created_at,
    updatedAt: r.updated_at,
    screeningId: r.screening_id,
    customerKey: r.customer_key,
    entityId: r.entity_id,
    entityVersion: r.entity_version,
    source: r.source,
    score: Number(r.score),
    status: r.status as AlertStatus,
    party: JSON.parse(r.party),
    match: JSON.parse(r.match),
  };
}

/** Alerts inserted inside a write transaction, with one `alert.open` audit event each (returned, not written). */
export async function insertAlerts(conn: WriteConnection, alerts: readonly AlertRecord[]): Promise<AuditEvent[]> {
  for (let start = 0; start < alerts.length; start += 200)
    await conn
      .insertInto('alerts')
      .values(alerts.slice(start, start + 200).map(alertRow))
      .execute();
  return alerts.map((a) => ({
    kind: 'alert.open',
    actor: null,
    subject: a.id,
    details: { screeningId: a.screeningId, entityId: a.entityId, score: a.score, status: a.status },
  }));
}

export async function recordScreening(write: InWriteTransaction, s: ScreeningRecord, alerts: AlertRecord[]): Promise<void> {
  await write(async (conn) => {
    await conn
      .insertInto('screenings')
      .values({
        id: s.id,
        created_at: s.createdAt,
        actor: s.actor,
        customer_key: s.customerKey,
        input: JSON.stringify(s.input),
        publication_ids: JSON.stringify(s.publicationIds),
        results: JSON.stringify(s.results),
        alerted: s.alerted ? 1 : 0,
      })
      .execute();
    const alertEvents = await insertAlerts(conn, alerts);
    const screening: AuditEvent = {
      kind: 'screening',
      actor: s.actor,
      subject: s.id,
      details: { publications: s.publicationIds, matches: Array.isArray(s.results) ? s.results.length : null, alerts: alerts.length },
    };
    await appendAuditRows(conn, [screening, ...alertEvents], new Date(s.createdAt));
  });
}

export async function getScreening(db: Db, id: string): Promise<ScreeningRecord | undefined> {
  const r = await db.selectFrom('screenings').selectAll().where('id', '=', id).executeTakeFirst();
  if (!r) return undefined;
  return {
    id: r.id,
    createdAt: r.created_at,
    actor: r.actor,
    customerKey: r.customer_key,
    input: JSON.parse(r.input),
    publicationIds: JSON.parse(r.publication_ids) as number[],
    results: JSON.parse(r.results),
    alerted: Number(r.alerted) === 1,
  };
}

export async function listAlerts(db: Db, filter: AlertFilter = {}): Promise<AlertRecord[]> {
  let query = db.selectFrom('alerts').selectAll();
  if (filter.status) query = query.where('status', '=', filter.status);
  if (filter.minScore !== undefined) query = query.where('score', '>=', filter.minScore);
  if (filter.source) query = query.where('source', '=', filter.source);
  if (filter.customerKey) query = query.where('customer_key', '=', filter.customerKey);
  const rows = await query
    .orderBy('created_at', 'desc')
    .orderBy('id', 'desc')
    .limit(Math.min(filter.limit ?? 100, 1000))
    .offset(filter.offset ?? 0)
    .execute();
  return rows.map(toAlert);
}

export async function getAlert(db: Db, id: string): Promise<AlertRecord | undefined> {
  const r = await db.selectFrom('alerts').selectAll().where('id', '=', id).executeTakeFirst();
  return r ? toAlert(r) : undefined;
}

export async function decisionsFor(db: Db, alertId: string): Promise<DecisionRecord[]> {
  const rows = await db.selectFrom('decisions').selectAll().where('alert_id', '=', alertId).orderBy('decided_at').orderBy('id').execute();
  return rows.map((r) => ({
    id: r.id,
    alertId: r.alert_id,
    decidedAt: r.decided_at,
    actor: r.actor,
    decision: r.decision as DecisionKind,
    reason: r.reason,
  }));
}

export async function recordDecision(
  write: InWriteTransaction,
  d: DecisionRecord,
  change: { expectedStatus: AlertStatus; status: AlertStatus; suppression?: Suppression },
): Promise<void> {
  await write(async (conn) => {
    // Only moves an alert still in the status the decision was taken on: a concurrent decision wins once.
    const moved = await conn
      .updateTable('alerts')
      .set({ status: change.status, updated_at: d.decidedAt })
      .where('id', '=', d.alertId)
      .where('status', '=', change.expectedStatus)
      .executeTakeFirst();
    if (Number(moved.numUpdatedRows) !== 1) {
      const exists = await conn.selectFrom('alerts').select('status').where('id', '=', d.alertId).executeTakeFirst();
      if (!exists) throw new EmbargoError('NOT_FOUND', `There is no alert ${d.alertId}.`, { alertId: d.alertId });
      throw new EmbargoError(
        'STORE_CONFLICT',
        `Alert ${d.alertId} is now ${exists.status}, not ${change.expectedStatus}: someone decided it meanwhile; reload it.`,
        { alertId: d.alertId },
      );
    }
    await conn
      .insertInto('decisions')
      .values({ id: d.id, alert_id: d.alertId, decided_at: d.decidedAt, actor: d.actor, decision: d.decision, reason: d.reason })
      .execute();
    const s = change.suppression;
    if (s) {
      const row = {
        customer_key: s.customerKey,
        entity_id: s.entityId,
        entity_version: s.entityVersion,
        alert_id: s.alertId,
        created_at: s.createdAt,
      };
      await conn
        .insertInto('suppressions')
        .values(row)
        .onConflict((oc) =>
          oc
            .columns(['customer_key', 'entity_id'])
            .doUpdateSet({ entity_version: s.entityVersion, alert_id: s.alertId, created_at: s.createdAt }),
        )
        .execute();
    }
    await appendAuditRows(
      conn,
      [
        {
          kind: 'decision',
          actor: d.actor,
          subject: d.alertId,
          details: { decisionId: d.id, decision: d.decision, from: change.expectedStatus, to: change.status, suppressed: Boolean(s) },
        },
      ],
      new Date(d.decidedAt),
    );
  });
}

export async function findSuppression(db: Db, customerKey: string, entityId: string): Promise<Suppression | undefined> {
  const r = await db
    .selectFrom('suppressions')
    .selectAll()
    .where('customer_key', '=', customerKey)
    .where('entity_id', '=', entityId)
    .executeTakeFirst();
  return r
    ? { customerKey: r.customer_key, entityId: r.entity_id, entityVersion: r.entity_version, alertId: r.alert_id, createdAt: r.created_at }
    : undefined;
}
