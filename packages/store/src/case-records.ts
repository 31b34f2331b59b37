/**
 * @module case-records
 * Alerts worked as cases (issue 16, point 4): the queue of cases, a case with its alerts, assignment,
 * comments, and each tenant's reason codes. Cases are made by `insertAlerts` (alert-records.ts) when it
 * stores an alert; here they are read and worked. Every change appends its audit row in the same
 * transaction; comment bodies, like decision reasons, are audited by their SHA-256, not their words.
 */
import { checkReasonCodes, DEFAULT_REASON_CODES, EmbargoError, type ReasonCode } from '@embargo/core';
import type { Kysely } from 'kysely';
import { reasonDigest, toAlert } from './alert-records.js';
import { appendAuditRows, auditTime } from './audit-trail.js';
import type { AlertRecord, CaseFilter, CaseRecord, CaseSummary, ChangeMeta, CommentRecord } from './records.js';
import type { StoreTables } from './tables.js';
import type { InWriteTransaction } from './write-transaction.js';

type Db = Kysely<StoreTables>;

function toCase(r: StoreTables['cases']): CaseRecord {
  return {
    id: r.id,
    tenant: r.tenant,
    customerKey: r.customer_key,
    assignee: r.assignee,
    createdAt: r.created_at,
    updatedAt: r.updated_at,
  };
}

/**
 * One page of cases, newest first, each with its alerts that pass the filter (highest score first). A case
 * is listed when at least one of its alerts passes; `assignee` null lists the unassigned ones.
 */
export async function listCases(db: Db, filter: CaseFilter = {}): Promise<CaseSummary[]> {
  let page = db.selectFrom('cases as c').selectAll('c');
  if (filter.tenant !== undefined) page = page.where('c.tenant', '=', filter.tenant);
  if (filter.assignee === null) page = page.where('c.assignee', 'is', null);
  else if (filter.assignee !== undefined) page = page.where('c.assignee', '=', filter.assignee);
  if (filter.customerKey) page = page.where('c.customer_key', '=', filter.customerKey);
  page = page.where((eb) => {
    let passing = eb.selectFrom('alerts as a').select('a.id').whereRef('a.case_id', '=', 'c.id');
    if (filter.status) passing = passing.where('a.status', '=', filter.status);
    if (filter.minScore !== undefined) passing = passing.where('a.score', '>=', filter.minScore);
    if (filter.source) passing = passing.where('a.source', '=', filter.source);
    return eb.exists(passing);
  });
  const rows = await page
    .orderBy('c.created_at', 'desc')
    .orderBy('c.id', 'desc')
    .limit(Math.min(filter.limit ?? 100, 1000))
    .offset(filter.offset ?? 0)
    .execute();
  if (rows.length === 0) return [];
  let alerts = db
    .selectFrom('alerts')
    .selectAll()
    .where(
      'case_id',
      'in',
      rows.map((r) => r.id),
    );
  if (filter.status) alerts = alerts.where('status', '=', filter.status);
  if (filter.minScore !== undefined) alerts = alerts.where('score', '>=', filter.minScore);
  if (filter.source) alerts = alerts.where('source', '=', filter.source);
  const byCase = new Map<string, AlertRecord[]>();
  for (const a of await alerts.orderBy('score', 'desc').orderBy('id').execute()) {
    const alert = toAlert(a);
    byCase.set(alert.caseId!, [...(byCase.get(alert.caseId!) ?? []), alert]);
  }
  return rows.map((r) => ({ ...toCase(r), alerts: byCase.get(r.id) ?? [] }));
}

/** The case with all its alerts (highest score first); `tenant` null: whichever tenant it belongs to. */
export async function getCase(db: Db, id: string, tenant: string | null): Promise<{ case: CaseRecord; alerts: AlertRecord[] } | undefined> {
  let query = db.selectFrom('cases').selectAll().where('id', '=', id);
  if (tenant !== null) query = query.where('tenant', '=', tenant);
  const row = await query.executeTakeFirst();
  if (!row) return undefined;
  const alerts = await db.selectFrom('alerts').selectAll().where('case_id', '=', id).orderBy('score', 'desc').orderBy('id').execute();
  return { case: toCase(row), alerts: alerts.map(toAlert) };
}

/** Assigns the case to `assignee` (a username; null unassigns), with a `case.assign` audit row naming both persons. */
export async function assignCase(
  write: InWriteTransaction,
  id: string,
  tenant: string | null,
  assignee: string | null,
  meta: ChangeMeta,
): Promise<CaseRecord> {
  const at = auditTime(meta.at, `The time of assigning case ${id}`);
  return write(async (conn, statements) => {
    let query = conn.selectFrom('cases').selectAll().where('id', '=', id);
    if (tenant !== null) query = query.where('tenant', '=', tenant);
    const before = await query.executeTakeFirst();
    if (!before) throw new EmbargoError('NOT_FOUND', `There is no case ${id}.`, { caseId: id });
    await conn.updateTable('cases').set({ assignee, updated_at: meta.at }).where('id', '=', id).execute();
    await appendAuditRows(
      conn,
      statements,
      [{ kind: 'case.assign', actor: meta.actor, subject: id, details: { person: meta.person, from: before.assignee, to: assignee } }],
      at,
    );
    return toCase({ ...before, assignee, updated_at: meta.at });
  });
}

function toComment(r: StoreTables['case_comments']): CommentRecord {
  return {
    id: r.id,
    tenant: r.tenant,
    caseId: r.case_id,
    alertId: r.alert_id,
    writtenAt: r.written_at,
    actor: r.actor,
    author: r.author,
    body: r.body,
  };
}

/**
 * Stores a comment with a `case.comment` audit row (its id, author and the body's SHA-256). `NOT_FOUND`
 * when the case is not the comment's tenant's, or the alert named is not in the case.
 */
export async function addComment(write: InWriteTransaction, c: CommentRecord): Promise<void> {
  const at = auditTime(c.writtenAt, `The time of comment ${c.id}`);
  await write(async (conn, statements) => {
    const found = await conn.selectFrom('cases').select('id').where('id', '=', c.caseId).where('tenant', '=', c.tenant).executeTakeFirst();
    if (!found) throw new EmbargoError('NOT_FOUND', `There is no case ${c.caseId}.`, { caseId: c.caseId });
    if (c.alertId !== null) {
      const alert = await conn
        .selectFrom('alerts')
        .select('id')
        .where('id', '=', c.alertId)
        .where('case_id', '=', c.caseId)
        .executeTakeFirst();
      if (!alert) throw new EmbargoError('NOT_FOUND', `Case ${c.caseId} has no alert ${c.alertId}.`, { field: 'alertId' });
    }
    await conn
      .insertInto('case_comments')
      .values({
        id: c.id,
        tenant: c.tenant,
        case_id: c.caseId,
        alert_id: c.alertId,
        written_at: c.writtenAt,
        actor: c.actor,
        author: c.author,
        body: c.body,
      })
      .execute();
    await appendAuditRows(
      conn,
      statements,
      [
        {
          kind: 'case.comment',
          actor: c.actor,
          subject: c.caseId,
          details: { commentId: c.id, alertId: c.alertId, author: c.author, bodySha256: reasonDigest(c.body) },
        },
      ],
      at,
    );
  });
}

/** The case's comments, oldest first. */
export async function commentsOf(db: Db, caseId: string): Promise<CommentRecord[]> {
  const rows = await db.selectFrom('case_comments').selectAll().where('case_id', '=', caseId).orderBy('written_at').orderBy('id').execute();
  return rows.map(toComment);
}

/** The tenant's reason codes in order: its own list, or the defaults when it never set one. */
export async function reasonCodes(db: Db, tenant: string): Promise<ReasonCode[]> {
  const rows = await db.selectFrom('reason_codes').select(['code', 'label']).where('tenant', '=', tenant).orderBy('position').execute();
  return rows.length > 0 ? rows : DEFAULT_REASON_CODES.map((c) => ({ ...c }));
}

/**
 * Replaces the tenant's reason codes (checked by core's `checkReasonCodes`: `INVALID_INPUT` naming the
 * field) with a `reason-codes.replace` audit row listing the codes. Decisions keep the code they were
 * taken with, whether or not it stays in the list.
 */
export async function replaceReasonCodes(
  write: InWriteTransaction,
  tenant: string,
  codes: readonly ReasonCode[],
  meta: Pick<ChangeMeta, 'actor' | 'at'>,
): Promise<ReasonCode[]> {
  checkReasonCodes(codes);
  const at = auditTime(meta.at, `The time of replacing the reason codes of ${tenant}`);
  await write(async (conn, statements) => {
    await conn.deleteFrom('reason_codes').where('tenant', '=', tenant).execute();
    await conn
      .insertInto('reason_codes')
      .values(codes.map((c, position) => ({ tenant, position, code: c.code, label: c.label })))
      .execute();
    await appendAuditRows(
      conn,
      statements,
      [{ kind: 'reason-codes.replace', actor: meta.actor, subject: tenant, details: { codes: codes.map((c) => c.code) } }],
      at,
    );
  });
  return codes.map((c) => ({ code: c.code, label: c.label }));
}
