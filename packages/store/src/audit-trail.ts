/**
 * @module audit-trail
 * The append-only, hash-chained audit trail. Each row's hash covers its own fields and the previous
 * row's hash, so editing, deleting or re-ordering a row breaks the chain at that row. The newest rows
 * have no later row linking to them, so the head row (`audit_head`: the last seq and hash, updated in
 * the same transaction as every append) is what catches deleting them.
 *
 * What the chain cannot catch: someone with write access to the database who rewrites every row from
 * the edited one onwards and the head, recomputing the hashes (there is no secret in them). Against that,
 * keep the head hash somewhere else now and then (`listAudit` gives the last row's `hash`): a trail whose
 * row N no longer has that hash was rewritten.
 */
import { createHash } from 'node:crypto';
import { EmbargoError } from '@embargo/core';
import type { Kysely } from 'kysely';
import type { AuditEvent, AuditRow, AuditVerification } from './records.js';
import type { StatementsOnConnection } from './reused-statements.js';
import type { StoreTables } from './tables.js';
import type { InWriteTransaction, WriteConnection } from './write-transaction.js';

type AuditRowData = StoreTables['audit_events'];
type Head = StoreTables['audit_head'];

/**
 * The hash of one row: sha256 (hex) over its fields in a fixed order, serialised as a JSON array so that
 * no field can run into the next (`["a","bc"]` and `["ab","c"]` differ) and `null` differs from `"null"`.
 * `details` is hashed as the stored JSON text, byte for byte.
 */
export function auditHash(row: Omit<AuditRowData, 'hash'>): string {
  const canonical = JSON.stringify([Number(row.seq), row.at, row.kind, row.actor, row.subject, row.details, row.prev_hash]);
  return createHash('sha256').update(canonical).digest('hex');
}

/** Audit rows per INSERT: eight columns, far under both databases' parameter limits. */
const ROWS_PER_INSERT = 500;

/**
 * Appends events after the current head, inside the caller's write transaction (which holds the writer
 * lock, so no one else can read the same head). Returns the rows as stored.
 */
export async function appendAuditRows(
  conn: WriteConnection,
  statements: StatementsOnConnection,
  events: readonly AuditEvent[],
  at: Date,
): Promise<AuditRowData[]> {
  if (events.length === 0) return [];
  if (Number.isNaN(at.getTime())) throw new EmbargoError('INVALID_INPUT', 'The time given for an audit row is not a valid date.');
  const read = await statements.run('audit head', [1], () => conn.selectFrom('audit_head').select(['seq', 'hash']).where('id', '=', 1));
  const head = read.rows[0] as Pick<Head, 'seq' | 'hash'> | undefined;
  if (!head) {
    throw new EmbargoError(
      'STORE_CONFLICT',
      'The audit trail has lost its head row, so nothing can be chained to it; run `embargo audit verify` and restore the database.',
    );
  }
  let seq = Number(head.seq);
  let prev = head.hash;
  const iso = at.toISOString();
  const rows = events.map((event): AuditRowData => {
    const data = {
      seq: ++seq,
      at: iso,
      kind: event.kind,
      actor: event.actor,
      subject: event.subject,
      details: JSON.stringify(event.details),
      prev_hash: prev,
    };
    prev = auditHash(data);
    return { ...data, hash: prev };
  });
  for (let start = 0; start < rows.length; start += ROWS_PER_INSERT) {
    await statements.insert('audit_events', rows.slice(start, start + ROWS_PER_INSERT));
  }
  await statements.run('audit head update', [seq, prev, 1], () =>
    conn.updateTable('audit_head').set({ seq, hash: prev }).where('id', '=', 1),
  );
  return rows;
}

/**
 * The time of a record as the time of its audit rows. A record's timestamp is the caller's text, so a
 * malformed one is refused here instead of failing as a `RangeError` deep in the append.
 */
export function auditTime(iso: string, what: string): Date {
  const at = new Date(iso);
  if (Number.isNaN(at.getTime())) throw new EmbargoError('INVALID_INPUT', `${what} is not an ISO-8601 timestamp: ${JSON.stringify(iso)}`);
  return at;
}

/** One event on its own, in its own write transaction. */
export async function appendAudit(write: InWriteTransaction, event: AuditEvent, at: Date = new Date()): Promise<AuditRow> {
  const [row] = await write((conn, statements) => appendAuditRows(conn, statements, [event], at));
  return toAuditRow(row);
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

/** Rows listed at most per call. */
const MAX_LIST = 10_000;

export interface AuditFilter {
  kind?: string;
  subject?: string;
  actor?: string;
  /** Rows after this seq (oldest first) … */
  after?: number;
  /** … or before it (newest first, for paging back through the trail). */
  before?: number;
  /** Newest first (implied by `before`). */
  newestFirst?: boolean;
  limit?: number;
}

export async function listAudit(db: Kysely<StoreTables>, filter: AuditFilter = {}): Promise<AuditRow[]> {
  const newestFirst = filter.newestFirst || filter.before !== undefined;
  let query = db
    .selectFrom('audit_events')
    .selectAll()
    .orderBy('seq', newestFirst ? 'desc' : 'asc');
  if (filter.kind) query = query.where('kind', '=', filter.kind);
  if (filter.subject) query = query.where('subject', '=', filter.subject);
  if (filter.actor) query = query.where('actor', '=', filter.actor);
  if (filter.after !== undefined) query = query.where('seq', '>', filter.after);
  if (filter.before !== undefined) query = query.where('seq', '<', filter.before);
  const rows = await query.limit(Math.min(filter.limit ?? 100, MAX_LIST)).execute();
  return rows.map(toAuditRow);
}

/** Rows read per page while verifying, so a long trail is never loaded at once. */
const VERIFY_PAGE = 5_000;

/** How far the walk has got: the next seq expected and the hash it must link to. */
interface Walk {
  next: number;
  prev: string;
}

/**
 * Walks the whole trail in seq order, recomputing each hash and link, and stops at the first bad row.
 * Safe to run while the server appends: rows appended during the walk are either walked or ignored, and
 * the head is compared with the row it names, not with wherever the walk stopped.
 */
export async function verifyAudit(db: Kysely<StoreTables>): Promise<AuditVerification> {
  const walk: Walk = { next: 1, prev: '' };
  const broken = await walkChain(db, walk, undefined);
  if (broken) return broken;
  const head = await db.selectFrom('audit_head').select(['seq', 'hash']).where('id', '=', 1).executeTakeFirst();
  const walked = walk.next - 1;
  if (!head) return bad(walked, walk.next, 'the head row (audit_head) is missing, so rows deleted from the end would go unnoticed');
  const written = Number(head.seq);
  // Each append writes its rows and the head in one transaction: a row the head does not count was not
  // written by Embargo, or the head was set back.
  if (written < walked)
    return bad(written, written + 1, `the head records ${written} rows, so this row and those after it were added outside Embargo`);
  // Rows appended while we walked were committed with this head, so they are there to be read now.
  if (written > walked) {
    const late = await walkChain(db, walk, written);
    if (late) return late;
  }
  if (walk.next - 1 < written) {
    return bad(
      walk.next - 1,
      walk.next,
      `the trail ends at row ${walk.next - 1} but the head records ${written} rows (the newest rows were deleted)`,
    );
  }
  if (walk.prev !== head.hash)
    return bad(written - 1, written, 'its hash is not the one the head recorded (the newest rows were replaced)');
  return { ok: true, rows: written };
}

/** Walks rows `walk.next` … `last` (or to the end of the table), advancing `walk`; the first bad row, if any. */
async function walkChain(db: Kysely<StoreTables>, walk: Walk, last: number | undefined): Promise<AuditVerification | undefined> {
  for (;;) {
    let query = db.selectFrom('audit_events').selectAll().where('seq', '>=', walk.next);
    if (last !== undefined) query = query.where('seq', '<=', last);
    const page = await query.orderBy('seq').limit(VERIFY_PAGE).execute();
    for (const row of page) {
      const seq = Number(row.seq);
      const good = walk.next - 1;
      if (seq !== walk.next) return bad(good, walk.next, `it is missing (the next row is ${seq}): rows were deleted`);
      if (row.prev_hash !== walk.prev) return bad(good, seq, 'it does not link to the row before it (a row was removed or moved)');
      if (auditHash(row) !== row.hash) return bad(good, seq, 'its contents do not match its hash (the row was edited)');
      walk.prev = row.hash;
      walk.next++;
    }
    if (page.length < VERIFY_PAGE) return undefined;
  }
}

function bad(rows: number, seq: number, reason: string): AuditVerification {
  return { ok: false, rows, firstBad: { seq, reason: `row ${seq}: ${reason}` } };
}
