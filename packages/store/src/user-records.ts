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
