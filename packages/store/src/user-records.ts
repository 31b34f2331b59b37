/**
 * @module user-records
 * Web-app users and their sessions. Creating a user and signing in append audit rows (the examiner asks
 * who could decide alerts, and when they were at work); reading a session on each request does not.
 */
import { EmbargoError } from '@embargo/core';
import type { Kysely } from 'kysely';
import { appendAuditRows, auditTime } from './audit-trail.js';
import type { Role, SessionRecord, UserRecord } from './records.js';
import type { StoreTables } from './tables.js';
import type { InWriteTransaction } from './write-transaction.js';

type Db = Kysely<StoreTables>;

function toUser(r: StoreTables['users']): UserRecord {
  return {
    username: r.username,
    passwordHash: r.password_hash,
    role: r.role as Role,
    tenant: r.tenant,
    createdAt: r.created_at,
    disabledAt: r.disabled_at,
  };
}

/** Throws `STORE_CONFLICT` when the username is taken. */
export async function saveUser(write: InWriteTransaction, user: UserRecord, actor: string | null): Promise<void> {
  const at = auditTime(user.createdAt, `The createdAt of user ${user.username}`);
  await write(async (conn, statements) => {
    const taken = await conn.selectFrom('users').select('username').where('username', '=', user.username).executeTakeFirst();
    if (taken) throw new EmbargoError('STORE_CONFLICT', `There is already a user called ${user.username}.`, { username: user.username });
    await conn
      .insertInto('users')
      .values({
        username: user.username,
        password_hash: user.passwordHash,
        role: user.role,
        tenant: user.tenant,
        created_at: user.createdAt,
        disabled_at: user.disabledAt,
      })
      .execute();
    await appendAuditRows(
      conn,
      statements,
      [{ kind: 'user.create', actor, subject: user.username, details: { role: user.role, tenant: user.tenant } }],
      at,
    );
  });
}

export async function getUser(db: Db, username: string): Promise<UserRecord | undefined> {
  const r = await db.selectFrom('users').selectAll().where('username', '=', username).executeTakeFirst();
  return r ? toUser(r) : undefined;
}

export async function listUsers(db: Db): Promise<UserRecord[]> {
  return (await db.selectFrom('users').selectAll().orderBy('username').execute()).map(toUser);
}

/** The user's row as it is now in this transaction; `NOT_FOUND` when there is none. */
async function existingUser(conn: Db, username: string): Promise<UserRecord> {
  const r = await conn.selectFrom('users').selectAll().where('username', '=', username).executeTakeFirst();
  if (!r) throw new EmbargoError('NOT_FOUND', `There is no user ${username}.`, { username });
  return toUser(r);
}

/**
 * Disables (sessions deleted at once) or enables a user, with its audit row; false, and nothing written,
 * when the user already is so. `verifyAudit` compares each user's state with the last of these rows.
 */
export async function setUserDisabled(
  write: InWriteTransaction,
  username: string,
  disabled: boolean,
  at: string,
  actor: string | null,
): Promise<boolean> {
  const when = auditTime(at, `The time user ${username} is ${disabled ? 'disabled' : 'enabled'}`);
  return write(async (conn, statements) => {
    const user = await existingUser(conn, username);
    if ((user.disabledAt !== null) === disabled) return false;
    await conn
      .updateTable('users')
      .set({ disabled_at: disabled ? when.toISOString() : null })
      .where('username', '=', username)
      .execute();
    // A disabled user's open sessions end now, not when they expire.
    if (disabled) await conn.deleteFrom('sessions').where('username', '=', username).execute();
    await appendAuditRows(
      conn,
      statements,
      [{ kind: disabled ? 'user.disable' : 'user.enable', actor, subject: username, details: {} }],
      when,
    );
    return true;
  });
}

/** Replaces the password hash, ends the user's sessions, and appends a `user.password` row (never the password). */
export async function setUserPassword(
  write: InWriteTransaction,
  username: string,
  passwordHash: string,
  change: { at: string; generated: boolean },
  actor: string | null,
): Promise<void> {
  const when = auditTime(change.at, `The time the password of user ${username} is reset`);
  await write(async (conn, statements) => {
    await existingUser(conn, username);
    await conn.updateTable('users').set({ password_hash: passwordHash }).where('username', '=', username).execute();
    // Whoever knew the old password (and signed in with it) must sign in with the new one.
    await conn.deleteFrom('sessions').where('username', '=', username).execute();
    await appendAuditRows(
      conn,
      statements,
      [{ kind: 'user.password', actor, subject: username, details: { generated: change.generated } }],
      when,
    );
  });
}

/** Stores a new session (and forgets sessions that have expired) and audits the sign-in. */
export async function createSession(write: InWriteTransaction, session: SessionRecord): Promise<void> {
  const at = auditTime(session.createdAt, `The createdAt of a session of ${session.username}`);
  await write(async (conn, statements) => {
    await conn.deleteFrom('sessions').where('expires_at', '<=', session.createdAt).execute();
    await conn
      .insertInto('sessions')
      .values({ token_hash: session.tokenHash, username: session.username, created_at: session.createdAt, expires_at: session.expiresAt })
      .execute();
    const actor = `user:${session.username}`;
    await appendAuditRows(
      conn,
      statements,
      [{ kind: 'user.signin', actor, subject: session.username, details: { expiresAt: session.expiresAt } }],
      at,
    );
  });
}

/** The session and its user, when both exist; expiry and a disabled user are for the caller to judge. */
export async function getSession(db: Db, tokenHash: string): Promise<{ session: SessionRecord; user: UserRecord } | undefined> {
  const r = await db
    .selectFrom('sessions')
    .innerJoin('users', 'users.username', 'sessions.username')
    .select(['sessions.token_hash', 'sessions.created_at as session_created_at', 'sessions.expires_at'])
    .select(['users.username', 'users.password_hash', 'users.role', 'users.tenant', 'users.created_at', 'users.disabled_at'])
    .where('sessions.token_hash', '=', tokenHash)
    .executeTakeFirst();
  if (!r) return undefined;
  return {
    session: { tokenHash: r.token_hash, username: r.username, createdAt: r.session_created_at, expiresAt: r.expires_at },
    user: toUser(r),
  };
}

/** Signs a session out; a no-op for an unknown one. */
export async function deleteSession(write: InWriteTransaction, tokenHash: string): Promise<void> {
  await write(async (conn) => {
    await conn.deleteFrom('sessions').where('token_hash', '=', tokenHash).execute();
  });
}
