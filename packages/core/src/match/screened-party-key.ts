/**
 * @module match/screened-party-key
 * The screened data of a party as one canonical text: name, birth date, country and identifiers, in a
 * normalised form. A remembered false positive holds a hash of it (the server's `partyFingerprint`), so
 * that clearing "Kim Jong Un Park" does not clear "Kim Jong Un" born 1984-01-08 in KP under the same
 * customer key: the decision was taken on the data screened, not on the customer number.
 */
import { canonicalJson } from '../lists/diff.js';
import { normaliseIdentifier, type ScreeningQuery } from './query.js';

/** Case and spacing do not change what is screened; everything else (a word, a digit) does. */
function normalisedText(value: string | undefined): string | null {
  if (value === undefined) return null;
  return value.normalize('NFC').trim().replace(/\s+/gu, ' ').toLowerCase();
}

/**
 * @example screenedPartyKey({ name: ' Kim  Jong Un ', country: 'kp' })
 *   // '{"birthDate":null,"country":"kp","identifiers":[],"name":"kim jong un"}'
 */
export function screenedPartyKey(party: Pick<ScreeningQuery, 'name' | 'birthDate' | 'country' | 'identifiers'>): string {
  const identifiers = (party.identifiers ?? [])
    .map((i) => canonicalJson({ type: normalisedText(i.type), value: normaliseIdentifier(i.value) }))
    .sort();
  return canonicalJson({
    name: normalisedText(party.name),
    birthDate: normalisedText(party.birthDate),
    country: normalisedText(party.country),
    identifiers,
  });
}
