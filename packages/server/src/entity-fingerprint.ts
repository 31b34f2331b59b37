/**
 * @module entity-fingerprint
 * A short fingerprint of a listed record's content. A remembered false positive holds the fingerprint
 * of the record as it was decided on; once the list changes the record (a new alias, a new birth date),
 * the fingerprint differs and the customer is alerted again.
 */
import { createHash } from 'node:crypto';
import { canonicalJson, type Entity } from '@embargo/core';

/** @example entityFingerprint(kim) // 'f3a1…' (sha256 hex of the record's canonical JSON) */
export function entityFingerprint(entity: Entity): string {
  return createHash('sha256').update(canonicalJson(entity)).digest('hex');
}
