/**
 * @module user-sessions
 * People sign in to the web app with a username and password (argon2-hashed) and get a session: a random
 * token in an HttpOnly, SameSite=Strict cookie, of which the store keeps only the SHA-256. Sessions
 * expire after `sessionTtlMinutes`; a disabled user's sessions stop working at once.
 */
import { createHash, randomBytes } from 'node:crypto';
import { hash, verify } from '@node-rs/argon2';
import { EmbargoError } from '@embargo/core';
import type { Role, Store, UserRecord } from '@embargo/store';
import { checkTenantExists } from './tenancy.js';

export const SESSION_COOKIE = 'embargo_session';
/** Roles a person can have; `client` is for API keys only. */
export const USER_ROLES: readonly Role[] = ['admin', 'analyst'];
export const MIN_PASSWORD_LENGTH = 10;
/** Usernames: 2–64 characters, lower-case letters, digits, '.', '_' or '-', starting with a letter or digit. */
export const USERNAME_PATTERN = /^[a-z0-9][a-z0-9._-]{1,63}$/;

/** How a signed-in person appears as the actor of what they do (decisions, audit rows). */
export const userActor = (username: string): string => `user:${username}`;

const tokenHash = (token: string): string => createHash('sha256').update(token).digest('hex');

/**
 * Makes a user. Checks the username and password rules; `STORE_CONFLICT` when the name is taken. The
 * user works across tenants, or in `tenant` (an existing one) only when given.
 * @example await createUser(store, { username: 'ann', password: 'correct horse battery', role: 'analyst' }, new Date(), 'admin-key');
 */
export async function createUser(
  store: Store,
  spec: { username: string; password: string; role: Role; tenant?: string },
  now: Date,
  actor: string | null,
): Promise<UserRecord> {
  if (!USERNAME_PATTERN.test(spec.username))
    throw new EmbargoError(
      'INVALID_INPUT',
      'username: 2–64 characters, lower-case letters, digits, ".", "_" or "-", starting with a letter or digit.',
    );
  if (!USER_ROLES.includes(spec.role))
    throw new EmbargoError('INVALID_INPUT', `role: a user is ${USER_ROLES.join(' or ')}; API clients use keys.`);
  if (spec.password.length < MIN_PASSWORD_LENGTH)
    throw new EmbargoError('INVALID_INPUT', `password: at least ${MIN_PASSWORD_LENGTH} characters.`);
  const user: UserRecord = {
    username: spec.username,
    passwordHash: await hash(spec.password),
    role: spec.role,
    // Across tenants unless confined to one.
    tenant: spec.tenant !== undefined ? await checkTenantExists(store, spec.tenant) : null,
    createdAt: now.toISOString(),
    disabledAt: null,
  };
  await store.saveUser(user, actor);
  return user;
}

/** Random bytes in a generated password: 18 bytes are 24 base64url characters, 144 bits. */
const GENERATED_PASSWORD_BYTES = 18;

/**
 * Sets a new password for a user: the one given (the same rules as a new user's), or, when none is, a
 * random one that is returned to be handed over once (never stored in plain, never logged). The user's
 * sessions end at once. `NOT_FOUND` for an unknown user.
 * @example const { password } = await resetPassword(store, 'ann', undefined, new Date(), 'user:admin');
 */
export async function resetPassword(
  store: Store,
  username: string,
  password: string | undefined,
  now: Date,
  actor: string | null,
): Promise<{ password?: string }> {
  if (password !== undefined && password.length < MIN_PASSWORD_LENGTH)
    throw new EmbargoError('INVALID_INPUT', `password: at least ${MIN_PASSWORD_LENGTH} characters.`, { field: 'body/password' });
  const generated = password === undefined ? randomBytes(GENERATED_PASSWORD_BYTES).toString('base64url') : undefined;
  await store.setUserPassword(
    username,
    await hash(password ?? generated!),
    { at: now.toISOString(), generated: generated !== undefined },
    actor,
  );
  return generated !== undefined ? { password: generated } : {};
}

export interface SignedIn {
  token: string;
  user: { username: string; role: Role; tenant: string | null };
  expiresAt: string;
}

export class UserSessions {
  constructor(
    private readonly store: Store,
    private readonly clock: () => Date,
    private readonly ttlMinutes: number,
  ) {}

  /** Checks the password and opens a session. The same error for an unknown user and a wrong password. */
  async signIn(username: string, password: string): Promise<SignedIn> {
    const user = await this.store.getUser(username);
    // Verify against something even for an unknown user, so the answer takes as long either way.
    const valid = await verify(user?.passwordHash ?? (await unknownUser()), password).catch(() => false);
    if (!user || !valid || user.disabledAt !== null) throw new EmbargoError('UNAUTHENTICATED', 'Wrong username or password.');
    const now = this.clock();
    const token = randomBytes(32).toString('base64url');
    const expiresAt = new Date(now.getTime() + this.ttlMinutes * 60_000).toISOString();
    await this.store.createSession({ tokenHash: tokenHash(token), username: user.username, createdAt: now.toISOString(), expiresAt });
    return { token, user: { username: user.username, role: user.role, tenant: user.tenant }, expiresAt };
  }

  /** The user of a session that exists, has not expired, and whose user is enabled; else UNAUTHENTICATED. */
  async verify(token: string): Promise<{ user: { username: string; role: Role; tenant: string | null }; expiresAt: string }> {
    const found = await this.store.getSession(tokenHash(token));
    if (!found || found.session.expiresAt <= this.clock().toISOString() || found.user.disabledAt !== null)
      throw new EmbargoError('UNAUTHENTICATED', 'The session has expired or was signed out: sign in again.');
    return {
      user: { username: found.user.username, role: found.user.role, tenant: found.user.tenant },
      expiresAt: found.session.expiresAt,
    };
  }

  async signOut(token: string): Promise<void> {
    await this.store.deleteSession(tokenHash(token));
  }
}

/** An argon2 hash of a random password, for timing-equal refusals of unknown users (made on first use). */
let unknownUserHash: Promise<string> | undefined;
const unknownUser = (): Promise<string> => (unknownUserHash ??= hash(randomBytes(16).toString('hex')));
