/**
 * @module text/ownership-words
 * Plain words for what the ownership API answers: regimes by the names analysts use, statuses, the kinds
 * of tie, shares and aggregates as a person reads them ("25–50%", "more than 25% and at most 50%"), where
 * a tie was stated, and where a party's own page is (a listed record's profile, or a party's node view).
 * @example
 *   aggregateWords({ min: 55, max: 55 })          // → '55%'
 *   partyPath('ofac:22606')                        // → '/entities/ofac%3A22606'
 *   partyPath('csv:acme')                          // → '/ownership/nodes/csv%3Aacme'
 */
import type { ListSource } from '@embargo/core';
import type { NodeStatus, OwnershipAggregate, OwnershipSource, RegimeId, ShareValue } from '../api/types';
import { paths } from '../router';

export const REGIME_NAMES: Record<RegimeId, string> = { ofac: 'OFAC', eu: 'EU', uk: 'UK' };

/** What each regime applies, in one line (core ownership/README.md, "What each regime computes"). */
export const REGIME_RULES: Record<RegimeId, string> = {
  ofac: '50 Percent Rule: owned 50% or more, in the aggregate, by blocked persons',
  eu: 'owned 50% or more, in the aggregate, or controlled by designated persons',
  uk: 'owned more than 50% by one designated person (or jointly), or controlled',
};

export const STATUS_WORDS: Record<NodeStatus, string> = {
  designated: 'designated',
  blocked: 'blocked',
  possibly_blocked: 'possibly blocked',
  none: 'none',
};

/** The badge tone of a status: red for designated and blocked, amber for possibly blocked. */
export const STATUS_TONE: Record<NodeStatus, 'danger' | 'warning' | 'neutral'> = {
  designated: 'danger',
  blocked: 'danger',
  possibly_blocked: 'warning',
  none: 'neutral',
};

const EDGE_KIND_WORDS: Record<string, string> = {
  ownership: 'owns',
  control: 'controls',
  directorship: 'director of',
  family: 'family of',
  associate: 'associate of',
  listLink: 'linked to',
};

/** "owns", "controls", "director of"…; an unknown kind as the server sent it. */
export function edgeKindWords(kind: string): string {
  return EDGE_KIND_WORDS[kind] ?? kind;
}

function trimPercent(n: number): string {
  return String(Math.round(n * 100) / 100);
}

/**
 * A range of percent in words. Equal ends both included: one figure; both ends included: "25–50%"; an
 * open end said as such (BODS `exclusiveMinimum`: "more than 25%").
 */
export function aggregateWords(range: OwnershipAggregate): string {
  const minIn = range.minInclusive ?? true;
  const maxIn = range.maxInclusive ?? true;
  if (range.min === range.max && minIn && maxIn) return `${trimPercent(range.min)}%`;
  if (minIn && maxIn) return `${trimPercent(range.min)}–${trimPercent(range.max)}%`;
  const low = minIn ? `at least ${trimPercent(range.min)}%` : `more than ${trimPercent(range.min)}%`;
  const high = maxIn ? `at most ${trimPercent(range.max)}%` : `less than ${trimPercent(range.max)}%`;
  return `${low} and ${high}`;
}

/** A share as the server words it ("25%") or as a range of percent. */
export function shareWords(share: ShareValue | undefined): string | undefined {
  if (share === undefined) return undefined;
  return typeof share === 'string' ? share : aggregateWords(share);
}

const LIST_NAMES: Record<string, string> = {
  'ofac-sdn': 'OFAC SDN list',
  'ofac-cons': 'OFAC consolidated list',
  'un-sc': 'UN Security Council list',
  'uk-hmt': 'UK sanctions list',
  'eu-fsf': 'EU sanctions list',
  'au-dfat': 'Australian sanctions list',
  'ca-sema': 'Canadian sanctions list',
};

/** Where a tie or a party was stated: "register.csv, row 3", "OFAC SDN list, record ofac:22606: “Linked To: …”". */
export function sourceWords(source: OwnershipSource): string {
  const where: string[] = [];
  if (source.kind === 'list') where.push(source.list ? (LIST_NAMES[source.list] ?? source.list) : 'the lists');
  if (source.file) where.push(source.file);
  if (source.row !== undefined) where.push(`row ${source.row}`);
  if (source.recordId) where.push(`record ${source.recordId}`);
  if (source.statementId) where.push(`statement ${source.statementId}`);
  if (source.kind === 'derived' && where.length === 0) where.push('derived here');
  const words = where.join(', ');
  return source.text ? `${words}${words ? ': ' : ''}“${source.text}”` : words;
}

/**
 * The id prefixes of listed records, one per list (core model/entity.ts `SOURCE_ID_PREFIX`; the type makes
 * the compiler name a list added there). Any other prefix (`csv:`, `bods:`, `ftm:`) is a user's party.
 */
const LISTED_ID_PREFIX: Record<ListSource, string> = {
  'ofac-sdn': 'ofac',
  'ofac-cons': 'ofac',
  'un-sc': 'un',
  'uk-hmt': 'uk',
  'eu-fsf': 'eu',
  'au-dfat': 'au',
  'ca-sema': 'ca',
};
const LISTED_PREFIXES = new Set(Object.values(LISTED_ID_PREFIX));

export function isListedRecordId(id: string): boolean {
  const colon = id.indexOf(':');
  return colon > 0 && LISTED_PREFIXES.has(id.slice(0, colon));
}

/** A party's own page: the profile of a listed record, the node view of a party from the user's files. */
export function partyPath(id: string): string {
  return isListedRecordId(id) ? paths.entity(id) : paths.ownershipNode(id);
}
