/**
 * @module audit-verification
 * Checking the audit trail: `verifyAudit` walks the chain (hashes, links, signatures, the signed head),
 * then compares the records the trail describes with it (each decision's alert, actor, person, decision,
 * time and reason; each API key's role and person; each user's role), and, given a checkpoint exported
 * earlier, checks that the trail still holds the rows the checkpoint vouches for. `auditCheckpoint`
 * makes such a checkpoint. See the store README ("The audit trail") for what is and is not detectable.
 */
import { createHash } from 'node:crypto';
import { EmbargoError } from '@embargo/core';
import type { Kysely } from 'kysely';
import type { AuditKey } from './audit-key.js';
import { auditHash, SIGNING_BEGAN } from './audit-trail.js';
import type { AuditVerification } from './records.js';
import type { StoreTables } from './tables.js';

type Db = Kysely<StoreTables>;
type AuditRowData = StoreTables['audit_events'];

export const CHECKPOINT_FORMAT = 'embargo-audit-checkpoint/1';

/**
 * A signed statement of the trail's head at one moment, for operators to keep outside the database:
 * a trail that later lacks row `seq`, or whose row `seq` has another hash, was cut short or rewritten.
 */
export interface AuditCheckpoint {
  format: typeof CHECKPOINT_FORMAT;
  /** The head's seq: the trail held rows 1 … seq. */
  seq: number;
  /** The number of rows (equal to seq: rows have no gaps). */
  rows: number;
  /** The hash of row `seq`, which through the chain covers every row before it. */
  headHash: string;
  /** When the checkpoint was made (ISO-8601 UTC). */
  at: string;
  /** The audit key that signed it (`AuditKey.id`). */
  keyId: string;
  /** HMAC-SHA256 with the audit key over the fields above. */
  signature: string;
}

const canonicalCheckpoint = (c: Omit<AuditCheckpoint, 'signature'>): string =>
  JSON.stringify([c.format, c.seq, c.rows, c.headHash, c.at, c.keyId]);

/** Rows read per page while verifying, so a long trail is never loaded at once. */
const VERIFY_PAGE = 5_000;

/** What an audit row says about one record, kept while walking to compare with the record's table. */
interface Described {
  seq: number;
  at: string;
  actor: string | null;
  subject: string;
  details: Record<string, unknown>;
}

/** How far the walk has got, and what it has seen. */
interface Walk {
  /** The next seq expected and the hash it must link to. */
  next: number;
  prev: string;
  /** Rows before signing began (migration 0006), and whether signed rows have begun. */
  unsigned: number;
  signed: boolean;
  decisions: Map<string, Described>;
  keys: Map<string, Described>;
  revocations: Map<string, Described>;
  users: Map<string, Described>;
  /** Per user, the last `user.disable` or `user.enable` row walked. */
  userStates: Map<string, Described & { disabled: boolean }>;
}

/**
 * Walks the whole trail in seq order and stops at the first bad row; then checks the head, the records
 * the trail describes and, if given, the checkpoint. Safe to run while the server appends: rows appended
 * during the walk are either walked or ignored, and the head is compared with the row it names.
 */
export async function verifyAudit(db: Db, key: AuditKey, options: { checkpoint?: AuditCheckpoint } = {}): Promise<AuditVerification> {
  const walk: Walk = {
    next: 1,
    prev: '',
    unsigned: 0,
    signed: false,
    decisions: new Map(),
    keys: new Map(),
    revocations: new Map(),
    users: new Map(),
    userStates: new Map(),
  };
  const stored = await readRecords(db);
  const chain = await verifyChain(db, key, walk);
  const checked = chain.ok ? ((await compareRecords(db, walk, stored)) ?? chain) : chain;
  const verdict: AuditVerification = walk.unsigned > 0 ? { ...checked, unsignedRows: walk.unsigned } : checked;
  if (!options.checkpoint) return verdict;
  const checkpoint = await compareCheckpoint(db, key, options.checkpoint, walk.next - 1);
  return { ...verdict, ok: verdict.ok && checkpoint.ok, checkpoint };
}

async function verifyChain(db: Db, key: AuditKey, walk: Walk): Promise<AuditVerification> {
  const broken = await walkChain(db, key, walk, undefined);
  if (broken) return broken;
  const head = await db.selectFrom('audit_head').select(['seq', 'hash', 'signature']).where('id', '=', 1).executeTakeFirst();
  const walked = walk.next - 1;
  if (!head) return bad(walked, walk.next, 'the head row (audit_head) is missing, so rows deleted from the end would go unnoticed');
  const written = Number(head.seq);
  // Each append writes its rows and the head in one transaction: a row the head does not count was not
  // written by Embargo, or the head was set back.
  if (written < walked)
    return bad(written, written + 1, `the head records ${written} rows, so this row and those after it were added outside Embargo`);
  // Rows appended while we walked were committed with this head, so they are there to be read now.
  if (written > walked) {
    const late = await walkChain(db, key, walk, written);
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
  // The head moves with every signed append, and only the audit key can sign where it points: a head set
  // back to an earlier row (after deleting the rows behind it) carries no valid signature.
  if (walk.signed && head.signature !== key.signHead(written, head.hash))
    return bad(
      written,
      written + 1,
      `the audit head names row ${written} as the newest, but its signature does not match: rows after ${written} were deleted and the head moved back, or the head was rewritten without the audit key`,
    );
  if (!walk.signed && head.signature !== null)
    return bad(walked, walked + 1, 'the audit head is signed but no row is: the signed rows were deleted or their signatures removed');
  return { ok: true, rows: written };
}

/** Walks rows `walk.next` … `last` (or to the end of the table), advancing `walk`; the first bad row, if any. */
async function walkChain(db: Db, key: AuditKey, walk: Walk, last: number | undefined): Promise<AuditVerification | undefined> {
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
      const unsigned = signatureProblem(row, seq, key, walk);
      if (unsigned) return bad(good, seq, unsigned);
      const problem = remember(row, seq, walk);
      if (problem) return bad(good, seq, problem);
      walk.prev = row.hash;
      walk.next++;
    }
    if (page.length < VERIFY_PAGE) return undefined;
  }
}

/**
 * Rows written before signing began (migration 0006) are unsigned and may only come first; the first
 * signed row after them is the `audit.signing` row that counts them; every row after is signed.
 */
function signatureProblem(row: AuditRowData, seq: number, key: AuditKey, walk: Walk): string | undefined {
  if (row.signature === null) {
    if (walk.signed) return 'it is not signed though the rows before it are (it was added outside Embargo, or its signature was removed)';
    walk.unsigned++;
    return undefined;
  }
  if (row.kind === SIGNING_BEGAN) {
    const counted = (JSON.parse(row.details) as { unsignedRows?: unknown }).unsignedRows;
    if (walk.signed || walk.unsigned === 0 || counted !== walk.unsigned)
      return `it says signing began after ${String(counted)} unsigned rows, but ${walk.signed ? 'rows before it are signed' : `${walk.unsigned} come before it`}`;
  } else if (!walk.signed && walk.unsigned > 0) {
    return `it is the first signed row after ${walk.unsigned} unsigned ones, but not the ${SIGNING_BEGAN} row that begins signing (signatures were removed from the rows before it)`;
  }
  walk.signed = true;
  if (row.signature !== key.signRow(row.hash))
    return `its signature does not match (the row was rewritten without the audit key, or this store's audit key ${key.id} is not the one that signed the trail)`;
  void seq;
  return undefined;
}

/** Keeps what rows about decisions, keys and users say, to compare with those tables after the walk. */
function remember(row: AuditRowData, seq: number, walk: Walk): string | undefined {
  // A user is disabled and enabled again any number of times: the last row says what the user is now.
  if (row.kind === 'user.disable' || row.kind === 'user.enable') {
    const details = JSON.parse(row.details) as Record<string, unknown>;
    walk.userStates.set(row.subject, {
      seq,
      at: row.at,
      actor: row.actor,
      subject: row.subject,
      details,
      disabled: row.kind === 'user.disable',
    });
    return undefined;
  }
  const kinds: Record<string, Map<string, Described>> = {
    decision: walk.decisions,
    'key.create': walk.keys,
    'key.revoke': walk.revocations,
    'user.create': walk.users,
  };
  const into = Object.hasOwn(kinds, row.kind) ? kinds[row.kind] : undefined;
  if (!into) return undefined;
  const details = JSON.parse(row.details) as Record<string, unknown>;
  const id = row.kind === 'decision' ? details.decisionId : row.subject;
  // A row of the kind appended by hand (`appendAudit`) without a record id describes no stored record.
  if (typeof id !== 'string') return undefined;
  if (into.has(id)) return `a second ${row.kind} row for ${id} (the first is row ${into.get(id)!.seq})`;
  into.set(id, { seq, at: row.at, actor: row.actor, subject: row.subject, details });
  return undefined;
}

/** The decisions, API keys and users as stored, read before the walk (see `verifyAudit`). */
interface StoredRecords {
  decisions: StoreTables['decisions'][];
  keys: Pick<StoreTables['api_keys'], 'id' | 'role' | 'person' | 'revoked_at'>[];
  users: Pick<StoreTables['users'], 'username' | 'role' | 'disabled_at'>[];
}

/**
 * The records the trail describes, read before the chain is walked: each was written in the same
 * transaction as its audit row, so every one read here has its row committed by the time the walk reads
 * the trail, even while the server keeps appending. (Read after the walk, a decision recorded meanwhile
 * would seem to lack its row.) Decisions are people's work, so they fit in memory.
 */
async function readRecords(db: Db): Promise<StoredRecords> {
  const decisions: StoreTables['decisions'][] = [];
  let after = '';
  for (;;) {
    const page = await db.selectFrom('decisions').selectAll().where('id', '>', after).orderBy('id').limit(VERIFY_PAGE).execute();
    decisions.push(...page);
    if (page.length < VERIFY_PAGE) break;
    after = page[page.length - 1].id;
  }
  const keys = await db.selectFrom('api_keys').select(['id', 'role', 'person', 'revoked_at']).execute();
  const users = await db.selectFrom('users').select(['username', 'role', 'disabled_at']).execute();
  return { decisions, keys, users };
}

/** The first stored decision, API key or user that disagrees with its audit row, if any. */
async function compareRecords(db: Db, walk: Walk, stored: StoredRecords): Promise<AuditVerification | undefined> {
  const rows = walk.next - 1;
  const mismatch = (table: string, id: string, reason: string): AuditVerification => ({
    ok: false,
    rows,
    mismatch: { table, id, reason: `${table} ${id}: ${reason}` },
  });

  const compareDecision = (d: StoreTables['decisions']): AuditVerification | undefined => {
    const row = walk.decisions.get(d.id);
    if (!row)
      return mismatch(
        'decisions',
        d.id,
        `no audit row records this decision on alert ${d.alert_id}: it was added outside Embargo, or its row was removed from the trail`,
      );
    const says = (what: string, value: unknown, recorded: unknown) =>
      value === recorded ? undefined : `its ${what} differs from the one audit row ${row.seq} records (the decision was edited)`;
    const at = new Date(d.decided_at);
    const problem =
      says('alert', d.alert_id, row.subject) ??
      says('actor', d.actor, row.actor) ??
      says('decision', d.decision, row.details.decision) ??
      says('time', Number.isNaN(at.getTime()) ? d.decided_at : at.toISOString(), row.at) ??
      // Rows written before migration 0006 do not record the person and the reason.
      ('person' in row.details ? says('person', d.person, row.details.person) : undefined) ??
      ('reasonSha256' in row.details
        ? says('reason', createHash('sha256').update(d.reason).digest('hex'), row.details.reasonSha256)
        : undefined) ??
      // Rows written before migration 0010 record no reason code, and neither do the decisions they record.
      says('reason code', d.reason_code ?? undefined, row.details.reasonCode);
    return problem ? mismatch('decisions', d.id, problem) : undefined;
  };

  const read = new Set<string>();
  for (const d of stored.decisions) {
    read.add(d.id);
    const problem = compareDecision(d);
    if (problem) return problem;
  }
  // Rows walked for decisions recorded after the records were read: those decisions are looked up now.
  for (const [id, row] of walk.decisions) {
    if (read.has(id)) continue;
    const d = await db.selectFrom('decisions').selectAll().where('id', '=', id).executeTakeFirst();
    if (!d)
      return mismatch(
        'decisions',
        id,
        `audit row ${row.seq} records this decision on alert ${row.subject}, but it is not stored (it was deleted)`,
      );
    const problem = compareDecision(d);
    if (problem) return problem;
  }

  for (const k of stored.keys) {
    const row = walk.keys.get(k.id);
    if (!row) return mismatch('api_keys', k.id, 'no audit row records the creation of this key: it was added outside Embargo');
    if (row.details.role !== k.role)
      return mismatch('api_keys', k.id, `its role is ${k.role}, but audit row ${row.seq} created it as ${String(row.details.role)}`);
    if ('person' in row.details && row.details.person !== k.person)
      return mismatch('api_keys', k.id, `its person differs from the one audit row ${row.seq} records`);
    // A revoked key made usable again (or revoked behind the trail's back) disagrees with its key.revoke row.
    const revoked = walk.revocations.get(k.id);
    if (!revoked && k.revoked_at !== null) return mismatch('api_keys', k.id, 'it is revoked, but no audit row records the revocation');
    if (revoked && k.revoked_at === null) {
      // Revoked after the records were read? Then it is revoked now.
      const now = await db.selectFrom('api_keys').select('revoked_at').where('id', '=', k.id).executeTakeFirst();
      if (now?.revoked_at === null || now === undefined)
        return mismatch('api_keys', k.id, `audit row ${revoked.seq} revoked this key, but it is not revoked (it was made usable again)`);
    }
  }
  for (const u of stored.users) {
    const row = walk.users.get(u.username);
    if (!row) return mismatch('users', u.username, 'no audit row records the creation of this user: it was added outside Embargo');
    if (row.details.role !== u.role)
      return mismatch('users', u.username, `its role is ${u.role}, but audit row ${row.seq} created it as ${String(row.details.role)}`);
    // A user disabled or enabled behind the trail's back disagrees with the last row that changed it.
    const state = walk.userStates.get(u.username);
    const trailSaysDisabled = state?.disabled ?? false;
    if ((u.disabled_at !== null) !== trailSaysDisabled) {
      // Changed after the records were read? Then the table says so now, as the trail does.
      const now = await db.selectFrom('users').select('disabled_at').where('username', '=', u.username).executeTakeFirst();
      if (now !== undefined && (now.disabled_at !== null) !== trailSaysDisabled)
        return mismatch(
          'users',
          u.username,
          trailSaysDisabled
            ? `audit row ${state!.seq} disabled this user, but it is enabled (it was enabled outside Embargo)`
            : `it is disabled, but ${state ? `the last audit row about it (${state.seq}) enabled it` : 'no audit row records that'} (it was disabled outside Embargo)`,
        );
    }
  }
  return undefined;
}

/** Whether the trail still holds what the checkpoint vouches for. */
async function compareCheckpoint(
  db: Db,
  key: AuditKey,
  c: AuditCheckpoint,
  walked: number,
): Promise<NonNullable<AuditVerification['checkpoint']>> {
  const of = `the checkpoint of ${c.at} (row ${c.seq})`;
  const fail = (reason: string) => ({ ok: false, seq: c.seq, at: c.at, reason });
  if (c.keyId !== key.id)
    return fail(`${of} was signed with audit key ${c.keyId}, but this store's key is ${key.id}: use the key file that signed it`);
  if (key.signCheckpoint(canonicalCheckpoint(c)) !== c.signature)
    return fail(`${of} does not match its signature: the checkpoint file was altered`);
  if (c.seq === 0) return { ok: true, seq: 0, at: c.at, reason: `${of} was made on an empty trail` };
  const rows = await db.selectFrom('audit_events').select(['seq', 'hash']).where('seq', '=', c.seq).executeTakeFirst();
  const count = Number(
    (
      await db
        .selectFrom('audit_events')
        .select((eb) => eb.fn.countAll().as('n'))
        .executeTakeFirstOrThrow()
    ).n,
  );
  if (!rows) {
    const from = count === 0 ? 1 : Math.min(walked, count) + 1;
    const what = count === 0 ? 'the trail is empty' : `the trail holds ${count} rows`;
    return fail(`${what}, but ${of} vouches for ${c.rows}: ${from === c.seq ? `row ${from} is` : `rows ${from}–${c.seq} are`} missing`);
  }
  if (rows.hash !== c.headHash)
    return fail(`row ${c.seq} is not the row ${of} recorded (its hash differs): the trail up to row ${c.seq} was rewritten`);
  return { ok: true, seq: c.seq, at: c.at, reason: `the trail holds row ${c.seq} as ${of} recorded it` };
}

/** A signed checkpoint of the trail as it is now; refused (`STORE_CONFLICT`) when the trail does not verify. */
export async function auditCheckpoint(db: Db, key: AuditKey, at: Date): Promise<AuditCheckpoint> {
  const verified = await verifyAudit(db, key);
  if (!verified.ok) {
    const problem = verified.firstBad?.reason ?? verified.mismatch?.reason ?? 'it does not verify';
    throw new EmbargoError('STORE_CONFLICT', `No checkpoint made: the audit trail is broken (${problem}).`);
  }
  const head = await db.selectFrom('audit_head').select(['seq', 'hash']).where('id', '=', 1).executeTakeFirstOrThrow();
  // The head may have moved on since the walk; the walk covered at least the rows up to it, or reported.
  const seq = Number(head.seq);
  const fields = { format: CHECKPOINT_FORMAT, seq, rows: seq, headHash: head.hash, at: at.toISOString(), keyId: key.id } as const;
  return { ...fields, signature: key.signCheckpoint(canonicalCheckpoint(fields)) };
}

/** Reads a checkpoint file's text, refusing anything but the exact format with the file and field named. */
export function parseAuditCheckpoint(text: string, file: string): AuditCheckpoint {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    throw new EmbargoError('INVALID_INPUT', `${file} is not a checkpoint: not JSON (${(error as Error).message}).`, { file });
  }
  const invalid = (field: string, expected: string) =>
    new EmbargoError('INVALID_INPUT', `${file} is not a valid checkpoint: ${field} must be ${expected}.`, { file, field });
  if (typeof value !== 'object' || value === null || Array.isArray(value)) throw invalid('the file', 'a JSON object');
  const c = value as Record<string, unknown>;
  const expected = ['format', 'seq', 'rows', 'headHash', 'at', 'keyId', 'signature'];
  const extra = Object.keys(c).filter((k) => !expected.includes(k));
  if (extra.length > 0) throw invalid(extra[0], 'absent (not a checkpoint field)');
  if (c.format !== CHECKPOINT_FORMAT) throw invalid('format', `"${CHECKPOINT_FORMAT}"`);
  if (!Number.isSafeInteger(c.seq) || (c.seq as number) < 0) throw invalid('seq', 'a whole number ≥ 0');
  if (c.rows !== c.seq) throw invalid('rows', 'equal to seq');
  if (typeof c.headHash !== 'string' || !/^([0-9a-f]{64})?$/.test(c.headHash)) throw invalid('headHash', 'a SHA-256 in hex');
  if (typeof c.at !== 'string' || Number.isNaN(new Date(c.at).getTime())) throw invalid('at', 'an ISO-8601 time');
  if (typeof c.keyId !== 'string' || !/^[0-9a-f]{16}$/.test(c.keyId)) throw invalid('keyId', '16 hexadecimal digits');
  if (typeof c.signature !== 'string' || !/^[0-9a-f]{64}$/.test(c.signature)) throw invalid('signature', 'an HMAC-SHA256 in hex');
  return c as unknown as AuditCheckpoint;
}

function bad(rows: number, seq: number, reason: string): AuditVerification {
  return { ok: false, rows, firstBad: { seq, reason: `row ${seq}: ${reason}` } };
}
