/**
 * @module party-fingerprint
 * A fingerprint of a party's data as screened: sha256 of the core's `screenedPartyKey` (name, birth date,
 * country and identifiers, normalised). A remembered false positive holds it beside the listed record's
 * fingerprint (`entityFingerprint`): it holds only for the same data screened again, so clearing "Kim Jong
 * Un Park" does not clear "Kim Jong Un" born 1984-01-08 in KP under the same customer key.
 */
import { createHash } from 'node:crypto';
import { screenedPartyKey, type ScreeningQuery } from '@embargo/core';

/** @example partyFingerprint({ name: 'Kim Jong Un', country: 'KP' }) // '9c1e…' (sha256 hex) */
export function partyFingerprint(party: Pick<ScreeningQuery, 'name' | 'birthDate' | 'country' | 'identifiers'>): string {
  return createHash('sha256').update(screenedPartyKey(party)).digest('hex');
}
