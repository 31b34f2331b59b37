/**
 * @module entity-fingerprint
 * A short fingerprint of a listed record's content. A remembered false positive holds the fingerprint
 * of the record as it was decided on; once the list changes the record (a new alias, a new birth date),
 * the fingerprint differs and the customer is alerted again. "Changes" means what the list diff calls a
 * change (`recordContentKey`): a list that only reorders a record's aliases does not lift decisions.
 */
import { createHash } from 'node:crypto';
import { recordContentKey, type Entity } from '@embargo/core';

/**
 * Fingerprints already computed, per record object: records in memory are a publication's snapshot and
 * never edited, and screening computes one for every alerting match (70,000 in a 100,000-party batch).
 */
const computed = new WeakMap<Entity, string>();

/** @example entityFingerprint(kim) // 'f3a1…' (sha256 hex of the record's content key) */
export function entityFingerprint(entity: Entity): string {
  let fingerprint = computed.get(entity);
  if (fingerprint === undefined) {
    fingerprint = createHash('sha256').update(recordContentKey(entity)).digest('hex');
    computed.set(entity, fingerprint);
  }
  return fingerprint;
}
