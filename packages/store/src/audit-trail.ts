/**
 * @module audit-trail
 * The append-only, hash-chained audit trail. Each row's hash covers its own fields and the previous
 * row's hash, so editing, deleting or re-ordering a row breaks the chain at that row; the head row
 * (last seq and hash, written with every append) also catches deleting the newest rows.
 */
import { createHash } from 'node:crypto';
import type { AuditEvent, AuditRow, AuditVerification } from './records.js';
import type { StoreTables } from './tables.js';
import type { Kysely } from 'kysely';
import type { WriteConnection } from './write-transaction.js';

type AuditRowData = StoreTables['audit_events'];

/** The hash of one row: sha256 over its fields in a fixed order, as JSON so no field can run into the next. */
export function auditHash(row: Omit<AuditRowData, 'hash'>): string {
  const canonical = JSON.stringify([row.seq, row.at, row.kind, row.actor, row.subject, row.details, row.prev_hash]);
  return createHash('sha256').update(canonical).digest('hex');
}

/** Appends events after the current head, inside the caller's write transaction. */
export async function appendAuditRows(conn: WriteConnection, events: readonly AuditEvent[], at: Date): Promise<AuditRow[]> {
  if (events.length === 0) return [];
  const head = await conn.selectFrom('audit_head').select(['seq', 'hash']).where('id', '=', 1).executeTakeFirstOrThrow();
  let seq = Number(head.seq);
  let prev = head.hash;
  const iso = at.toISOString();
  const rows: AuditRowData[] = events.map((e) => {
    const data = {
      seq: ++seq,
      at: iso,
      kind: e.kind,
      actor: e.actor,
      subject: e.subject,
      details: JSON.stringify(e.details),
      prev_hash: prev,
    };
    const row = { ...data, hash: auditHash(data) };
    prev = row.hash;
    return row;
  });
  for (let start = 0; start < rows.length; start += 500)
    await conn
      .insertInto('audit_events')
      .values(rows.slice(start, start + 500))
      .execute();
  await conn.updateTable('audit_head').set({ seq, hash: prev }).where('id', '=', 1).execute();
  return rows.map(toAuditRow);
}

function toAuditRow(r: AuditRowData): AuditRow {
  return {
    seq: Number(r.seq),
    at: r.at,
    kind: r.kind,
    actor: r.actor,
    subject: r.subject,
    details: JSON.parse(r.details) as Record<string, unknown>,
    prevHash: r.prev_hash,
    hash: r.hash,
  };
}

export async function listAudit(
  db: Kysely<StoreTables>,
  filter: { kind?: string; subject?: string; after?: number; limit?: number } = {},
): Promise<AuditRow[]> {
  let query = db.selectFrom('audit_events').selectAll().orderBy('seq');
  if (filter.kind) query = query.where('kind', '=', filter.kind);
  if (filter.subject) query = query.where('subject', '=', filter.subject);
  if (filter.after !== undefined) query = query.where('seq', '>', filter.after);
  const rows = await query.limit(Math.min(filter.limit ?? 100, 10_000)).execute();
  return rows.map(toAuditRow);
}

/** Rows read per page while verifying, so a long trail is never loaded at once. */
const VERIFY_PAGE = 5_000;

/** Walks the whole trail in seq order, recomputing each hash and link; stops at the first bad row. */
export async function verifyAudit(db: Kysely<StoreTables>): Promise<AuditVerification> {
  let expectedSeq = 1;
  let prev = '';
  let rows = 0;
  for (;;) {
    const page = await db
      .selectFrom('audit_events')
      .selectAll()
      .where('seq', '>=', expectedSeq)
      .orderBy('seq')
      .limit(VERIFY_PAGE)
      .execute();
    for (const row of page) {
      const seq = Number(row.seq);
      if (seq !== expectedSeq) return bad(rows, expectedSeq, `row ${expectedSeq} is missing (the next row is ${seq})`);
      if (row.prev_hash !== prev) return bad(rows, seq, 'does not link to the row before it (a row was removed or moved)');
      if (auditHash(row) !== row.hash) return bad(rows, seq, 'its contents do not match its hash (the row was edited)');
      prev = row.hash;
      expectedSeq++;
      rows++;
    }
    if (page.length < VERIFY_PAGE) break;
  }
  const head = await db.selectFrom('audit_head').select(['seq', 'hash']).where('id', '=', 1).executeTakeFirst();
  if (!head) return bad(rows, expectedSeq, 'the head row is missing');
  if (Number(head.seq) !== rows || head.hash !== prev)
    return bad(
      rows,
      Math.min(Number(head.seq), rows + 1),
      `the trail ends at row ${rows} but ${Number(head.seq)} rows were written (rows were deleted from the end)`,
    );
  return { ok: true, rows };
}

function bad(rows: number, seq: number, reason: string): AuditVerification {
  return { ok: false, rows, firstBad: { seq, reason: `row ${seq}: ${reason}` } };
}
