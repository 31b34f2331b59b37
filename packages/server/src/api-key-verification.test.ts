/**
 * Key verification under attack (issue 12, point 14), on SQLite and PostgreSQL: requests that name a
 * victim's key id with a wrong secret do not use up the victim's rate limit; failed verifications are
 * limited per source address; unknown and known key ids cost the same argon2 verification (counted
 * through an injected hasher, never timed); a wrong key repeated is refused from memory; and at most two
 * argon2 verifications run at once.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ApiKeyVerifier, ARGON2_HASHER, createApiKey, type KeyHasher } from './api-keys.js';
import { buildApp } from './app.js';
import { BACKENDS, createTestApp, type TestApp } from './testing/app-fixture.js';

const ATTACKER = '203.0.113.66';
const VICTIM = '198.51.100.7';

/** argon2, counting the calls and how many run at once. */
function countingHasher(): KeyHasher & { calls: number; mostAtOnce: number } {
  let running = 0;
  const hasher = {
    calls: 0,
    mostAtOnce: 0,
    verify: async (hash: string, presented: string) => {
      hasher.calls++;
      hasher.mostAtOnce = Math.max(hasher.mostAtOnce, ++running);
      try {
        return await ARGON2_HASHER.verify(hash, presented);
      } finally {
        running--;
      }
    },
  };
  return hasher;
}

const wrongSecret = (key: string, fill = 'A') => `${key.slice(0, 'emb_0123456789abcdef_'.length)}${fill.repeat(43)}`;

describe.each(BACKENDS)('API key verification (%s)', (backend) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp({ backend });
  });
  afterAll(async () => t?.close());

  it("does not rate-limit the victim's key after bad requests that name its id", async () => {
    const app = await buildApp({ ...t.deps, config: { ...t.deps.config, rateLimitPerMinute: 30, failedKeyAttemptsPerMinute: 10 } });
    try {
      const victimId = t.keys.client.split('_')[1];
      const attempts = [
        ...Array.from({ length: 20 }, () => `emb_${victimId}_x`),
        ...Array.from({ length: 15 }, (_, i) => wrongSecret(t.keys.client, String.fromCharCode(66 + i))),
      ];
      const refused = [];
      for (const key of attempts) {
        const res = await app.inject({ method: 'GET', url: '/v1/lists', headers: t.as(key), remoteAddress: ATTACKER });
        refused.push(res.statusCode);
      }
      // 401 for each, until the attacker's address has failed verification 10 times; then 429 for it.
      expect(refused.filter((s) => s === 401)).toHaveLength(30);
      expect(refused.slice(30)).toEqual([429, 429, 429, 429, 429]);
      const victim = await app.inject({ method: 'GET', url: '/v1/lists', headers: t.as(t.keys.client), remoteAddress: VICTIM });
      expect(victim.statusCode).toBe(200);
      // The victim's verified key keeps working even from the address that failed too often.
      const sameAddress = await app.inject({ method: 'GET', url: '/v1/lists', headers: t.as(t.keys.client), remoteAddress: ATTACKER });
      expect(sameAddress.statusCode).toBe(200);
      // An unverified key from that address waits out the minute.
      const over = await app.inject({ method: 'GET', url: '/v1/lists', headers: t.as(t.keys.analyst), remoteAddress: ATTACKER });
      expect(over.statusCode).toBe(429);
      expect(over.json()).toMatchObject({ error: 'RATE_LIMITED', message: expect.stringContaining('failed API keys from this address') });
    } finally {
      await app.close();
    }
  });

  it('verifies unknown and known key ids, and revoked keys, with one argon2 verification each', async () => {
    const hasher = countingHasher();
    const verifier = new ApiKeyVerifier(t.store, () => new Date(), hasher, { failedAttemptsPerMinute: 100 });
    const known = wrongSecret(t.keys.analyst);
    const unknown = `emb_ffffffffffffffff_${'A'.repeat(43)}`;
    const { key: leaver, record } = await createApiKey(t.store, { role: 'client', name: 'leaver' }, new Date());
    await t.store.revokeApiKey(record.id, new Date().toISOString(), null);
    for (const presented of [known, unknown, leaver]) {
      const before = hasher.calls;
      await expect(verifier.verify(presented, VICTIM)).rejects.toMatchObject({
        code: 'UNAUTHENTICATED',
        message: 'The API key is unknown or revoked.',
      });
      expect({ presented: presented.slice(0, 21), calls: hasher.calls - before }).toEqual({ presented: presented.slice(0, 21), calls: 1 });
    }
    // The same wrong keys again are refused from memory, without hashing.
    const before = hasher.calls;
    for (const presented of [known, unknown, leaver])
      await expect(verifier.verify(presented, VICTIM)).rejects.toMatchObject({ code: 'UNAUTHENTICATED' });
    expect(hasher.calls).toBe(before);
    // A malformed key costs nothing: its format is public.
    await expect(verifier.verify('emb_0123_x', VICTIM)).rejects.toMatchObject({ code: 'UNAUTHENTICATED' });
    expect(hasher.calls).toBe(before);
    // A good key is verified once and then remembered.
    await verifier.verify(t.keys.analyst, VICTIM);
    await verifier.verify(t.keys.analyst, VICTIM);
    expect(hasher.calls).toBe(before + 1);
  });

  it('runs at most two argon2 verifications at once', async () => {
    const hasher = countingHasher();
    const verifier = new ApiKeyVerifier(t.store, () => new Date(), hasher, { failedAttemptsPerMinute: 100 });
    const keys = Array.from({ length: 8 }, (_, i) => wrongSecret(t.keys.client, String.fromCharCode(97 + i)));
    const outcomes = await Promise.allSettled(keys.map((k) => verifier.verify(k, ATTACKER)));
    expect(outcomes.every((o) => o.status === 'rejected')).toBe(true);
    expect(hasher.calls).toBe(8);
    expect(hasher.mostAtOnce).toBe(2);
  });

  it('counts failed attempts of an address before verifying, so concurrent ones cannot overshoot the limit', async () => {
    const hasher = countingHasher();
    const verifier = new ApiKeyVerifier(t.store, () => new Date(), hasher, { failedAttemptsPerMinute: 3 });
    const keys = Array.from({ length: 8 }, (_, i) => wrongSecret(t.keys.client, String.fromCharCode(105 + i)));
    const outcomes = await Promise.allSettled(keys.map((k) => verifier.verify(k, ATTACKER)));
    const codes = outcomes.map((o) => (o.status === 'rejected' ? (o.reason as { code: string }).code : 'ok'));
    expect(codes.filter((c) => c === 'UNAUTHENTICATED')).toHaveLength(3);
    expect(codes.filter((c) => c === 'RATE_LIMITED')).toHaveLength(5);
    expect(hasher.calls).toBe(3);
    // A good key from another address is verified as usual.
    await expect(verifier.verify(t.keys.client, VICTIM)).resolves.toMatchObject({ role: 'client' });
  });
});
