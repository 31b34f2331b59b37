/**
 * @module api-keys
 * API keys: `emb_<id>_<secret>`. The id finds the stored row; the whole key is checked against its
 * argon2 hash. The secret is shown once, when the key is made, and never stored. Every key belongs to a
 * person (`person`), so that four eyes counts people, not credentials.
 */
import { createHash, randomBytes } from 'node:crypto';
import { hash, verify } from '@node-rs/argon2';
import { EmbargoError } from '@embargo/core';
import type { ApiKeyRecord, Role, Store } from '@embargo/store';
import { ConcurrencyLimit } from './concurrency-limit.js';
import { checkTenantExists } from './tenancy.js';

export const ROLES: readonly Role[] = ['admin', 'analyst', 'client'];

const KEY_PATTERN = /^emb_([0-9a-f]{16})_([A-Za-z0-9_-]{43})$/;

/** A person: 1–64 characters, no control characters, no leading or trailing space. */
const PERSON_PATTERN = /^(?!\s)[^\p{Cc}]{1,64}(?<!\s)$/u;

export function isRole(value: string): value is Role {
  return (ROLES as readonly string[]).includes(value);
}

/**
 * Makes a key for a person, stores its hash, and returns the key itself (to show once). The person
 * defaults to the key's name: two keys of one name count as one person for four eyes. To tie a key to a
 * web-app user, give their username as `person`.
 *
 * A client key is a tenant of its own (the tenant is its id) unless `tenant` names an existing one to join
 * (two systems sharing one customer numbering); an analyst or admin key works across tenants unless
 * `tenant` confines it to one. A `tenant` that does not exist yet is `INVALID_INPUT`.
 * @example const { key } = await createApiKey(store, { role: 'analyst', name: 'Ann laptop', person: 'ann' }, new Date());
 * @example await createApiKey(store, { role: 'client', name: 'Payments', tenant: 'bank-a' }, new Date());
 */
export async function createApiKey(
  store: Store,
  spec: { role: Role; name: string; person?: string; tenant?: string },
  now: Date,
  actor: string | null = null,
): Promise<{ key: string; record: ApiKeyRecord }> {
  const person = spec.person ?? spec.name;
  if (!PERSON_PATTERN.test(person))
    throw new EmbargoError(
      'INVALID_INPUT',
      `person: 1–64 characters without control characters or surrounding spaces (got ${JSON.stringify(person)}).`,
      { field: 'person' },
    );
  const id = randomBytes(8).toString('hex');
  const key = `emb_${id}_${randomBytes(32).toString('base64url')}`;
  const record: ApiKeyRecord = {
    id,
    hash: await hash(key),
    role: spec.role,
    name: spec.name,
    tenant: spec.tenant !== undefined ? await checkTenantExists(store, spec.tenant) : spec.role === 'client' ? id : null,
    person,
    createdAt: now.toISOString(),
    revokedAt: null,
  };
  await store.saveApiKey(record, actor);
  return { key, record };
}

/** How long a verified key is trusted without asking the store again (so a revocation takes effect within it). */
const VERIFIED_KEY_TTL_MS = 30_000;
/** How long a key that failed verification is refused from memory, without hashing it again. */
const FAILED_KEY_TTL_MS = 30_000;
/** Keys remembered either way at most; past it the memory is cleared (an attacker's keys cannot grow it). */
const MAX_REMEMBERED = 10_000;
/**
 * argon2 verifications running at once at most. Each takes ~10 ms of one core; a flood of wrong secrets
 * beyond this waits its turn instead of taking every core from screening (2 cores on the reference VM).
 */
const MAX_CONCURRENT_VERIFICATIONS = 2;
/** Window of the per-address count of failed verifications. */
const FAILURE_WINDOW_MS = 60_000;

/** How keys are checked against their hash; argon2 in production, counted in tests. */
export interface KeyHasher {
  verify(hash: string, presented: string): Promise<boolean>;
}

export const ARGON2_HASHER: KeyHasher = { verify: (h, presented) => verify(h, presented) };

export interface VerifierLimits {
  /** Failed verifications admitted per source address and minute; beyond it that address gets 429 (default 30). */
  failedAttemptsPerMinute: number;
}

/**
 * Checks keys, remembering verified ones for a short while: argon2 is slow on purpose (tens of
 * milliseconds), which a screening API called a thousand times a second cannot pay per request.
 *
 * The work spent on keys that fail is bounded: a key that failed is refused from memory for 30 s, each
 * source address may fail at most `failedAttemptsPerMinute` times a minute (then 429, while its keys
 * already verified keep working), and at most two argon2 verifications run at once. An unknown or revoked
 * key id is verified against a stand-in hash, so the answer takes as long as for a wrong secret of a
 * known id and does not tell which ids exist.
 */
export class ApiKeyVerifier {
  private readonly verified = new Map<string, { record: ApiKeyRecord; until: number }>();
  private readonly failed = new Map<string, number>();
  private readonly failures = new Map<string, { count: number; windowEnds: number }>();
  private readonly argon2 = new ConcurrencyLimit(MAX_CONCURRENT_VERIFICATIONS);

  constructor(
    private readonly store: Store,
    private readonly clock: () => Date,
    private readonly hasher: KeyHasher = ARGON2_HASHER,
    private readonly limits: VerifierLimits = { failedAttemptsPerMinute: 30 },
  ) {}

  /** The key's record, or UNAUTHENTICATED; RATE_LIMITED when `source` has failed too often this minute. */
  async verify(presented: string | undefined, source = 'unknown'): Promise<ApiKeyRecord> {
    if (!presented) throw new EmbargoError('UNAUTHENTICATED', 'An API key is required: send "Authorization: Bearer <key>".');
    const digest = createHash('sha256').update(presented).digest('hex');
    const now = this.clock().getTime();
    const cached = this.verified.get(digest);
    if (cached && cached.until > now) return cached.record;
    const match = KEY_PATTERN.exec(presented);
    // The format is public: a malformed key tells nothing about which ids exist, and costs no hashing.
    if (!match) throw unknownKey();
    if ((this.failed.get(digest) ?? 0) > now) throw unknownKey();
    // The attempt counts against the address before the (slow) verification, and is given back if the
    // key verifies: counting only after would let requests queued behind the argon2 limit all pass the check.
    this.countAttempt(source, now);
    const record = await this.store.getApiKey(match[1]);
    const usable = record !== undefined && record.revokedAt === null;
    const against = usable ? record.hash : await standInHash();
    const valid = await this.argon2.run(() => this.hasher.verify(against, presented));
    if (!usable || !valid) {
      if (this.failed.size >= MAX_REMEMBERED) this.failed.clear();
      this.failed.set(digest, now + FAILED_KEY_TTL_MS);
      throw unknownKey();
    }
    this.giveBackAttempt(source);
    if (this.verified.size >= MAX_REMEMBERED) this.verified.clear();
    this.verified.set(digest, { record, until: now + VERIFIED_KEY_TTL_MS });
    return record;
  }

  /** Forgets every remembered key (after a revocation through this server). */
  forget(): void {
    this.verified.clear();
  }

  /** Counts an attempt of `source`, or refuses it (RATE_LIMITED) when the address has used up its minute. */
  private countAttempt(source: string, now: number): void {
    const seen = this.failures.get(source);
    if (!seen || seen.windowEnds <= now) {
      if (this.failures.size >= MAX_REMEMBERED) this.failures.clear();
      this.failures.set(source, { count: 1, windowEnds: now + FAILURE_WINDOW_MS });
      return;
    }
    if (seen.count >= this.limits.failedAttemptsPerMinute)
      throw new EmbargoError(
        'RATE_LIMITED',
        `Too many failed API keys from this address (${this.limits.failedAttemptsPerMinute} a minute); retry in ${Math.ceil((seen.windowEnds - now) / 1000)} s.`,
      );
    seen.count++;
  }

  /** An attempt that verified does not count as a failure. */
  private giveBackAttempt(source: string): void {
    const seen = this.failures.get(source);
    if (seen && seen.count > 0) seen.count--;
  }
}

const unknownKey = (): EmbargoError => new EmbargoError('UNAUTHENTICATED', 'The API key is unknown or revoked.');

/**
 * An argon2 hash (default parameters, as `createApiKey` makes) of a random key no one holds, for
 * refusing unknown ids in the time a known one takes. Made once, on first use.
 */
let standIn: Promise<string> | undefined;
const standInHash = (): Promise<string> =>
  (standIn ??= hash(`emb_${randomBytes(8).toString('hex')}_${randomBytes(32).toString('base64url')}`));
