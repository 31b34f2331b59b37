/**
 * @module api-keys
 * API keys: `emb_<id>_<secret>`. The id finds the stored row; the whole key is checked against its
 * argon2 hash. The secret is shown once, when the key is made, and never stored.
 */
import { createHash, randomBytes } from 'node:crypto';
import { hash, verify } from '@node-rs/argon2';
import { EmbargoError } from '@embargo/core';
import type { ApiKeyRecord, Role, Store } from '@embargo/store';
import { checkTenantExists } from './tenancy.js';

export const ROLES: readonly Role[] = ['admin', 'analyst', 'client'];

const KEY_PATTERN = /^emb_([0-9a-f]{16})_([A-Za-z0-9_-]{43})$/;

export function isRole(value: string): value is Role {
  return (ROLES as readonly string[]).includes(value);
}

/**
 * Makes a key, stores its hash, and returns the key itself (to show once). A client key is a tenant of its
 * own (the tenant is its id) unless `tenant` names an existing one to join (two systems sharing one
 * customer numbering); an analyst or admin key works across tenants unless `tenant` confines it to one.
 * A `tenant` that does not exist yet is `INVALID_INPUT`.
 * @example const { key } = await createApiKey(store, { role: 'analyst', name: 'Ann' }, new Date());
 * @example await createApiKey(store, { role: 'client', name: 'Payments', tenant: 'bank-a' }, new Date());
 */
export async function createApiKey(
  store: Store,
  spec: { role: Role; name: string; tenant?: string },
  now: Date,
  actor: string | null = null,
): Promise<{ key: string; record: ApiKeyRecord }> {
  const id = randomBytes(8).toString('hex');
  const key = `emb_${id}_${randomBytes(32).toString('base64url')}`;
  const record: ApiKeyRecord = {
    id,
    hash: await hash(key),
    role: spec.role,
    name: spec.name,
    tenant: spec.tenant !== undefined ? await checkTenantExists(store, spec.tenant) : spec.role === 'client' ? id : null,
    createdAt: now.toISOString(),
    revokedAt: null,
  };
  await store.saveApiKey(record, actor);
  return { key, record };
}

/** How long a verified key is trusted without asking the store again (so a revocation takes effect within it). */
const VERIFIED_KEY_TTL_MS = 30_000;

/**
 * Checks keys, remembering verified ones for a short while: argon2 is slow on purpose (tens of
 * milliseconds), which a screening API called a thousand times a second cannot pay per request.
 */
export class ApiKeyVerifier {
  private readonly verified = new Map<string, { record: ApiKeyRecord; until: number }>();

  constructor(
    private readonly store: Store,
    private readonly clock: () => Date,
  ) {}

  /** The key's record, or UNAUTHENTICATED. */
  async verify(presented: string | undefined): Promise<ApiKeyRecord> {
    if (!presented) throw new EmbargoError('UNAUTHENTICATED', 'An API key is required: send "Authorization: Bearer <key>".');
    const digest = createHash('sha256').update(presented).digest('hex');
    const now = this.clock().getTime();
    const cached = this.verified.get(digest);
    if (cached && cached.until > now) return cached.record;
    const match = KEY_PATTERN.exec(presented);
    const record = match ? await this.store.getApiKey(match[1]) : undefined;
    if (!record || record.revokedAt !== null || !(await verify(record.hash, presented)))
      throw new EmbargoError('UNAUTHENTICATED', 'The API key is unknown or revoked.');
    if (this.verified.size > 10_000) this.verified.clear();
    this.verified.set(digest, { record, until: now + VERIFIED_KEY_TTL_MS });
    return record;
  }

  /** Forgets every remembered key (after a revocation through this server). */
  forget(): void {
    this.verified.clear();
  }
}
