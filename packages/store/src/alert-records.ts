/**
 * @module alert-records
 * Screenings, the alerts they open, the decisions taken on alerts and the false positives remembered
 * from them. Every write appends its audit rows in the same transaction.
 */
import { createHash } from 'node:crypto';
import { checkFourEyes, EmbargoError, groupIntoCases, type AlertInCase, type AlertToGroup } from '@embargo/core';
import type { Kysely } from 'kysely';
import { appendAuditRows, auditTime } from './audit-trail.js';
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
import type { StatementsOnConnection } from './reused-statements.js';
import { jsonText, type StoreTables } from './tables.js';
import type { InWriteTransaction } from './write-transaction.js';

type Db = Kysely<StoreTables>;

function alertRow(a: AlertRecord): StoreTables['alerts'] {
  return {
    id: a.id,
    tenant: a.tenant,
    created_at: a.createdAt,
    updated_at: a.updatedAt,
    screening_id: a.screeningId,
    customer_key: a.customerKey,
    entity_id: a.entityId,
    entity_version: a.entityVersion,
    source: a.source,
    score: a.score,
    status: a.status,
    party: jsonText(a.party),
    match: jsonText(a.match),
    case_id: a.caseId ?? null,
  };
}

export function toAlert(r: StoreTables['alerts']): AlertRecord {
  return {
    id: r.id,
    tenant: r.tenant,
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
    // Every alert has a case from migration 0010 on, which gave each older alert a case named by its id.
    caseId: r.case_id ?? r.id,
  };
}

/** Alerts per INSERT: thirteen columns, far under both databases' parameter limits. */
const ALERTS_PER_INSERT = 200;

/** Statuses of an alert still in the analysts' hands. */
const UNRESOLVED: readonly AlertStatus[] = ['open', 'pending_approval', 'escalated'];

/** Whose party an alert is, for grouping into cases: the tenant's customer, else the screening (a batch party, a payment). */
function partyKeyOf(a: Pick<AlertRecord, 'tenant' | 'customerKey' | 'screeningId'>): string {
  return a.customerKey === null ? `${a.tenant}\u0000screening\u0000${a.screeningId}` : `${a.tenant}\u0000customer\u0000${a.customerKey}`;
}

/** The match's `linkedIds` (records other lists keep for the same party), when it names them. */
function linkedIdsOf(match: unknown): string[] {
  const ids = (match as { linkedIds?: unknown } | null)?.linkedIds;
  return Array.isArray(ids) ? ids.filter((id): id is string => typeof id === 'string') : [];
}

/**
 * The alerts that are not already open, and the unresolved alerts these customers have (to group the new
 * ones into their cases): a customer screened again (a repeat request, a re-screening after a list load)
 * against a listed record that has not changed since gets no second alert while the first is still
 * unresolved. A changed record, or a closed alert, gets a new one. Customers are per tenant: the same key
 * in two tenants is two customers.
 */
async function withoutOpenDuplicates(
  conn: Db,
  alerts: readonly AlertRecord[],
): Promise<{ fresh: readonly AlertRecord[]; unresolved: AlertInCase[] }> {
  const customersByTenant = new Map<string, Set<string>>();
  for (const a of alerts) {
    if (a.customerKey === null) continue;
    const keys = customersByTenant.get(a.tenant) ?? new Set<string>();
    keys.add(a.customerKey);
    customersByTenant.set(a.tenant, keys);
  }
  if (customersByTenant.size === 0) return { fresh: alerts, unresolved: [] };
  const open = new Set<string>();
  const unresolved: AlertInCase[] = [];
  const pairKey = (tenant: string, customerKey: string, entityId: string, version: string) =>
    `${tenant}\u0000${customerKey}\u0000${entityId}\u0000${version}`;
  for (const [tenant, keySet] of customersByTenant) {
    const customers = [...keySet];
    for (let start = 0; start < customers.length; start += ALERTS_PER_INSERT) {
      const rows = await conn
        .selectFrom('alerts')
        .select(['id', 'customer_key', 'entity_id', 'entity_version', 'case_id', 'screening_id'])
        .where('tenant', '=', tenant)
        .where('customer_key', 'in', customers.slice(start, start + ALERTS_PER_INSERT))
        .where('status', 'in', UNRESOLVED)
        // Oldest first: a new alert linked to two cases of its customer joins the older.
        .orderBy('created_at')
        .orderBy('id')
        .execute();
      for (const r of rows) {
        open.add(pairKey(tenant, r.customer_key!, r.entity_id, r.entity_version));
        const partyKey = partyKeyOf({ tenant, customerKey: r.customer_key, screeningId: r.screening_id });
        unresolved.push({ partyKey, entityId: r.entity_id, caseId: r.case_id ?? r.id });
      }
    }
  }
  const fresh = alerts.filter((a) => a.customerKey === null || !open.has(pairKey(a.tenant, a.customerKey, a.entityId, a.entityVersion)));
  return { fresh, unresolved };
}

/**
 * Inserts alerts inside a write transaction, leaving out those already open (see `withoutOpenDuplicates`),
 * and returns the ones inserted with their `alert.open` audit events for the caller to append with its
 * own (one append, so one read and one update of the audit head).
 */
export async function insertAlerts(
  conn: Db,
  statements: StatementsOnConnection,
  proposed: readonly AlertRecord[],
): Promise<{ opened: readonly AlertRecord[]; events: AuditEvent[] }> {
  const { fresh, unresolved } = await withoutOpenDuplicates(conn, proposed);
  // Each alert into its case: an unresolved case of its customer on the same party, or a new one.
  const toGroup: AlertToGroup[] = fresh.map((a) => ({
    id: a.id,
    partyKey: partyKeyOf(a),
    entityId: a.entityId,
    linkedIds: linkedIdsOf(a.match),
  }));
  const { caseOf, newCases } = groupIntoCases(toGroup, unresolved);
  const alerts = fresh.map((a): AlertRecord => ({ ...a, caseId: caseOf.get(a.id)! }));
  const byId = new Map(alerts.map((a) => [a.id, a]));
  const cases = [...newCases.keys()].map((id): StoreTables['cases'] => {
    const first = byId.get(id)!;
    return {
      id,
      tenant: first.tenant,
      customer_key: first.customerKey,
      assignee: null,
      created_at: first.createdAt,
      updated_at: first.createdAt,
    };
  });
  for (let start = 0; start < cases.length; start += ALERTS_PER_INSERT) {
    await statements.insert('cases', cases.slice(start, start + ALERTS_PER_INSERT));
  }
  for (let start = 0; start < alerts.length; start += ALERTS_PER_INSERT) {
    await statements.insert('alerts', alerts.slice(start, start + ALERTS_PER_INSERT).map(alertRow));
  }
  const events = alerts.map((a): AuditEvent => ({
    kind: 'alert.open',
    actor: null,
    subject: a.id,
    details: { screeningId: a.screeningId, entityId: a.entityId, score: a.score, status: a.status, caseId: a.caseId },
  }));
  return { opened: alerts, events };
}

/**
 * The server's hot path: one transaction of five statements between `begin` and `commit` (the screening,
 * its alerts, reading the audit head, the audit rows, moving the head), each compiled once per store.
 * See the README for how many a second this records.
 */
export async function recordScreening(
  write: InWriteTransaction,
  s: ScreeningRecord,
  alerts: readonly AlertRecord[],
): Promise<{ alertsOpened: number }> {
  const at = auditTime(s.createdAt, `The createdAt of screening ${s.id}`);
  return write(async (conn, statements) => {
    await statements.insert('screenings', [
      {
        id: s.id,
        tenant: s.tenant,
        created_at: s.createdAt,
        actor: s.actor,
        customer_key: s.customerKey,
        input: jsonText(s.input),
        publication_ids: jsonText(s.publicationIds),
        lists_generation: s.listsGeneration ?? null,
        results: jsonText(s.results),
        alerted: s.alerted ? 1 : 0,
      },
    ]);
    const { opened, events: alertEvents } = await insertAlerts(conn, statements, alerts);
    const screening: AuditEvent = {
      kind: 'screening',
      actor: s.actor,
      subject: s.id,
      // Ids and figures only: the query itself (a name, a birth date) stays in the screening row.
      details: { publications: s.publicationIds, matches: Array.isArray(s.results) ? s.results.length : null, alerts: opened.length },
    };
    await appendAuditRows(conn, statements, [screening, ...alertEvents], at);
    return { alertsOpened: opened.length };
  });
}

/** `tenant` null: whichever tenant it belongs to (an analyst across tenants). */
export async function getScreening(db: Db, id: string, tenant: string | null): Promise<ScreeningRecord | undefined> {
  let query = db.selectFrom('screenings').selectAll().where('id', '=', id);
  if (tenant !== null) query = query.where('tenant', '=', tenant);
  const r = await query.executeTakeFirst();
  if (!r) return undefined;
  return {
    id: r.id,
    tenant: r.tenant,
    createdAt: r.created_at,
    actor: r.actor,
    customerKey: r.customer_key,
    input: JSON.parse(r.input),
    publicationIds: JSON.parse(r.publication_ids) as number[],
    // Absent, not null, when not recorded: a screening reads back exactly as it was given.
    ...(r.lists_generation === null ? {} : { listsGeneration: Number(r.lists_generation) }),
    results: JSON.parse(r.results),
    alerted: Number(r.alerted) === 1,
  };
}

export async function listAlerts(db: Db, filter: AlertFilter = {}): Promise<AlertRecord[]> {
  let query = db.selectFrom('alerts').selectAll();
  if (filter.tenant !== undefined) query = query.where('tenant', '=', filter.tenant);
  if (filter.status) query = query.where('status', '=', filter.status);
  if (filter.minScore !== undefined) query = query.where('score', '>=', filter.minScore);
  if (filter.source) query = query.where('source', '=', filter.source);
  if (filter.customerKey) query = query.where('customer_key', '=', filter.customerKey);
  if (filter.screeningId) query = query.where('screening_id', '=', filter.screeningId);
  const rows = await query
    .orderBy('created_at', 'desc')
    .orderBy('id', 'desc')
    .limit(Math.min(filter.limit ?? 100, 1000))
    .offset(filter.offset ?? 0)
    .execute();
  return rows.map(toAlert);
}

/** `tenant` null: whichever tenant it belongs to. */
export async function getAlert(db: Db, id: string, tenant: string | null): Promise<AlertRecord | undefined> {
  let query = db.selectFrom('alerts').selectAll().where('id', '=', id);
  if (tenant !== null) query = query.where('tenant', '=', tenant);
  const r = await query.executeTakeFirst();
  return r ? toAlert(r) : undefined;
}

export async function decisionsFor(db: Db, alertId: string): Promise<DecisionRecord[]> {
  const rows = await db.selectFrom('decisions').selectAll().where('alert_id', '=', alertId).orderBy('decided_at').orderBy('id').execute();
  return rows.map(toDecision);
}

function toDecision(r: StoreTables['decisions']): DecisionRecord {
  return {
    id: r.id,
    alertId: r.alert_id,
    decidedAt: r.decided_at,
    actor: r.actor,
    person: r.person,
    decision: r.decision as DecisionKind,
    reason: r.reason,
    // Absent, not null, on decisions taken before reason codes: a decision reads back as it was given.
    ...(r.reason_code === null ? {} : { reasonCode: r.reason_code }),
  };
}

/** SHA-256 (hex) of a decision's reason: the audit row covers the reason without holding its words. */
export function reasonDigest(reason: string): string {
  return createHash('sha256').update(reason).digest('hex');
}

/**
 * What a `decision` audit row records of its decision, so that `verifyAudit` can compare the stored
 * decision with it: an edited reason, person, actor or decision no longer agrees with the signed row.
 */
export function decisionAuditDetails(d: DecisionRecord, from: AlertStatus, to: AlertStatus, suppressed: boolean): Record<string, unknown> {
  return {
    decisionId: d.id,
    decision: d.decision,
    person: d.person,
    reasonSha256: reasonDigest(d.reason),
    ...(d.reasonCode === undefined ? {} : { reasonCode: d.reasonCode }),
    from,
    to,
    suppressed,
  };
}

/** A decision to record and what it does to its alert. */
export interface DecisionChange {
  expectedStatus: AlertStatus;
  status: AlertStatus;
  suppression?: Suppression;
}

export async function recordDecision(write: InWriteTransaction, d: DecisionRecord, change: DecisionChange): Promise<void> {
  await recordDecisions(write, [{ decision: d, change }]);
}

/**
 * Several decisions (a bulk close) in one transaction, each checked, recorded and audited as
 * `recordDecision` does one: if any is refused (four eyes, an alert decided meanwhile) none is stored.
 */
export async function recordDecisions(
  write: InWriteTransaction,
  items: readonly { decision: DecisionRecord; change: DecisionChange }[],
): Promise<void> {
  if (items.length === 0) return;
  const at = auditTime(items[0].decision.decidedAt, `The decidedAt of decision ${items[0].decision.id}`);
  await write(async (conn, statements) => {
    const events: AuditEvent[] = [];
    for (const { decision, change } of items) events.push(await writeDecision(conn, decision, change));
    await appendAuditRows(conn, statements, events, at);
  });
}

/** Checks and writes one decision inside a write transaction; returns its audit event. */
async function writeDecision(conn: Db, d: DecisionRecord, change: DecisionChange): Promise<AuditEvent> {
  // Four eyes again, under the writer lock: the route checked it on the history it read, but two
  // approvals racing (or a proposal and an approval) could both have read an older one.
  if (d.decision === 'approve') {
    const history = await conn
      .selectFrom('decisions')
      .select(['person', 'decision'])
      .where('alert_id', '=', d.alertId)
      .orderBy('decided_at')
      .orderBy('id')
      .execute();
    checkFourEyes(
      history.map((h) => ({ person: h.person, decision: h.decision as DecisionKind })),
      { person: d.person, decision: d.decision },
    );
  }
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
    .values({
      id: d.id,
      alert_id: d.alertId,
      decided_at: d.decidedAt,
      actor: d.actor,
      person: d.person,
      decision: d.decision,
      reason: d.reason,
      reason_code: d.reasonCode ?? null,
    })
    .execute();
  const s = change.suppression;
  if (s) {
    const row = {
      tenant: s.tenant,
      customer_key: s.customerKey,
      entity_id: s.entityId,
      party_fingerprint: s.partyFingerprint,
      entity_version: s.entityVersion,
      alert_id: s.alertId,
      created_at: s.createdAt,
    };
    await conn
      .insertInto('suppressions')
      .values(row)
      .onConflict((oc) =>
        oc
          .columns(['tenant', 'customer_key', 'entity_id', 'party_fingerprint'])
          .doUpdateSet({ entity_version: s.entityVersion, alert_id: s.alertId, created_at: s.createdAt }),
      )
      .execute();
  }
  return {
    kind: 'decision',
    actor: d.actor,
    subject: d.alertId,
    details: decisionAuditDetails(d, change.expectedStatus, change.status, Boolean(s)),
  };
}

function toSuppression(r: StoreTables['suppressions']): Suppression {
  return {
    tenant: r.tenant,
    customerKey: r.customer_key,
    entityId: r.entity_id,
    partyFingerprint: r.party_fingerprint,
    entityVersion: r.entity_version,
    alertId: r.alert_id,
    createdAt: r.created_at,
  };
}

/** The false positive remembered for this tenant's customer, screened with this data, on this listed record. */
export async function findSuppression(
  db: Db,
  tenant: string,
  customerKey: string,
  entityId: string,
  partyFingerprint: string,
): Promise<Suppression | undefined> {
  const r = await db
    .selectFrom('suppressions')
    .selectAll()
    .where('tenant', '=', tenant)
    .where('customer_key', '=', customerKey)
    .where('entity_id', '=', entityId)
    .where('party_fingerprint', '=', partyFingerprint)
    .executeTakeFirst();
  return r ? toSuppression(r) : undefined;
}

/** Customer keys per query: far under both databases' parameter limits. */
const KEYS_PER_QUERY = 500;

/** Every remembered false positive of these customers (a batch chunk's), in a few queries instead of one per alert. */
export async function suppressionsOf(db: Db, tenant: string, customerKeys: readonly string[]): Promise<Suppression[]> {
  const keys = [...new Set(customerKeys)];
  const found: Suppression[] = [];
  for (let start = 0; start < keys.length; start += KEYS_PER_QUERY) {
    const rows = await db
      .selectFrom('suppressions')
      .selectAll()
      .where('tenant', '=', tenant)
      .where('customer_key', 'in', keys.slice(start, start + KEYS_PER_QUERY))
      .execute();
    for (const r of rows) found.push(toSuppression(r));
  }
  return found;
}
