/**
 * @module audit-trail
 * The append-only, hash-chained audit trail. Each row's hash covers its own fields and the previous
 * row's hash, so editing, deleting or re-ordering a row breaks the chain at that row. The newest rows
 * have no later row linking to them, so the head row (`audit_head`: the last seq and hash, updated in
 * the same transaction as every append) is what catches deleting them.
 *
 * Hashes hold no secret, so each row and the head are also signed with the audit key, which lives in a
 * file outside the database (`audit-key.ts`): rewriting rows from one on and recomputing their hashes,
 * or moving the head back over deleted rows, needs that key. Verification is in `audit-verification.ts`.
 */
import { createHash } from 'node:crypto';
import { EmbargoError } from '@embargo/core';
import type { Kysely } from 'kysely';
import type { AuditEvent, AuditRow } from './records.js';
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
export function auditHash(row: Omit<AuditRowData, 'hash' | 'signature'>): string {
  const canonical = JSON.stringify([Number(row.seq), row.at, row.kind, row.actor, row.subject, row.details, row.prev_hash]);
  return createHash('sha256').update(canonical).digest('hex');
}

/** Audit rows per INSERT: eight columns, far under both databases' parameter limits. */
const ROWS_PER_INSERT = 500;

/** The kind of the first signed row after rows written before signing began (migration 0006). */
export const SIGNING_BEGAN = 'audit.signing';

/** An event with the time of its own row: the rows of one append may record things that happened at different times. */
export interface TimedAuditEvent {
  event: AuditEvent;
  at: Date;
}

/**
 * Appends events after the current head, inside the caller's write transaction (which holds the writer
 * lock, so no one else can read the same head), every row at time `at`. See `appendTimedAuditRows`.
 * Returns the rows as stored.
 */
export async function appendAuditRows(
  conn: WriteConnection,
  statements: StatementsOnConnection,
  events: readonly AuditEvent[],
  at: Date,
): Promise<AuditRowData[]> {
  return appendTimedAuditRows(
    conn,
    statements,
    events.map((event) => ({ event, at })),
  );
}

/**
 * Appends events after the current head, each row at its own time, with one read of the head, one INSERT
 * per `ROWS_PER_INSERT` rows and one update of the head however many events there are. Signs each row
 * and the new head with the store's audit key. The first append to a trail whose rows predate signing (an
 * unsigned head over rows) first writes an `audit.signing` row (at the first event's time) saying how many
 * rows came before, so `verifyAudit` knows where signing began. Returns the rows as stored.
 */
export async function appendTimedAuditRows(
  conn: WriteConnection,
  statements: StatementsOnConnection,
  timed: readonly TimedAuditEvent[],
): Promise<AuditRowData[]> {
  if (timed.length === 0) return [];
  if (timed.some(({ at }) => Number.isNaN(at.getTime()))) {
    throw new EmbargoError('INVALID_INPUT', 'The time given for an audit row is not a valid date.');
  }
  const read = await statements.run('audit head', [1], () =>
    conn.selectFrom('audit_head').select(['seq', 'hash', 'signature']).where('id', '=', 1),
  );
  const head = read.rows[0] as Pick<Head, 'seq' | 'hash' | 'signature'> | undefined;
  if (!head) {
    throw new EmbargoError(
      'STORE_CONFLICT',
      'The audit trail has lost its head row, so nothing can be chained to it; run `embargo audit verify` and restore the database.',
    );
  }
  let seq = Number(head.seq);
  const key = statements.auditKey;
  const signingBegins: TimedAuditEvent[] =
    seq > 0 && head.signature === null
      ? [{ event: { kind: SIGNING_BEGAN, actor: null, subject: 'audit', details: { unsignedRows: seq, keyId: key.id } }, at: timed[0].at }]
      : [];
  let prev = head.hash;
  const rows = [...signingBegins, ...timed].map(({ event, at }): AuditRowData => {
    const data = {
      seq: ++seq,
      at: at.toISOString(),
      kind: event.kind,
      actor: event.actor,
      subject: event.subject,
      details: JSON.stringify(event.details),
      prev_hash: prev,
    };
    prev = auditHash(data);
    return { ...data, hash: prev, signature: key.signRow(prev) };
  });
  for (let start = 0; start < rows.length; start += ROWS_PER_INSERT) {
    await statements.insert('audit_events', rows.slice(start, start + ROWS_PER_INSERT));
  }
  const headSignature = key.signHead(seq, prev);
  await statements.run('audit head update', [seq, prev, headSignature, 1], () =>
    conn.updateTable('audit_head').set({ seq, hash: prev, signature: headSignature }).where('id', '=', 1),
  );
  return rows.slice(signingBegins.length);
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
  /**
   * Rows whose actor is any of these (a person's credentials: `user:<name>` and the API keys made for
   * them); none when empty. Combines with `actor` as both must hold.
   */
  actors?: readonly string[];
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
  if (filter.actors !== undefined) {
    if (filter.actors.length === 0) return [];
    query = query.where('actor', 'in', [...filter.actors]);
  }
  if (filter.after !== undefined) query = query.where('seq', '>', filter.after);
  if (filter.before !== undefined) query = query.where('seq', '<', filter.before);
  const rows = await query.limit(Math.min(filter.limit ?? 100, MAX_LIST)).execute();
  return rows.map(toAuditRow);
}
