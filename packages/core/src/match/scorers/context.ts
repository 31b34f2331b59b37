/**
 * @module match/scorers/context
 * What every scorer sees, and what it answers. A scorer is a small named function of (query, listed
 * entity, aligned name); its `detail` is shown to analysts in the explanation of the match.
 */
import type { Entity } from '../../model/entity.js';
import type { Alignment, TokenWeight } from '../align.js';
import type { IndexedName } from '../name-index.js';
import type { NameForm } from '../name-form.js';
import type { PreparedQuery } from '../query.js';

export interface MatchContext {
  query: PreparedQuery;
  entity: Entity;
  /** The listed name that aligned best, and with which reading of the query. */
  name: IndexedName;
  queryForm: NameForm;
  /** The form of the listed name that was aligned: its Latin reading, or its consonant skeleton. */
  listedForm: NameForm;
  alignment: Alignment;
  weight: TokenWeight;
  /** The algorithm's alert threshold, for scorers that cap a score below it. */
  threshold: number;
  /** Whether a word (folded, as in a token's text) is any listed person's one-word family name. */
  isListedFamilyName: (word: string) => boolean;
  /** This listed person's one-word family names, from those of its names that say which word it is. */
  familyNames: ReadonlySet<string>;
}

export interface ScorerOutcome {
  /** The measurement, usually in [0, 1] (1 = the feature is fully present). */
  value: number;
  /** Plain words for the analyst: what was compared and what was found. */
  detail: string;
  /** The final score may not exceed this (rules such as "a surname alone never alerts"). */
  ceiling?: number;
  /** The entity cannot be this query's match at all (a Person is never a Vessel). */
  exclude?: boolean;
  /** The match is near-certain whatever the name says (a shared document number): caps do not apply. */
  certain?: boolean;
}

export type Scorer = (ctx: MatchContext) => ScorerOutcome | null;

/** How far below the threshold a score capped by a rule stays: shown to an analyst who looks, never an alert. */
export const BELOW_THRESHOLD = 0.05;

/** Schemata whose names are firms' and other bodies' (what a line of business or a branch's place applies to). */
const FIRM_SCHEMATA: ReadonlySet<string> = new Set(['Organization', 'Company', 'LegalEntity']);

/** A firm's (or other body's) name against a query that is not a person's: not a vessel's, an aircraft's or a person's. */
export function comparesFirms(ctx: MatchContext): boolean {
  return FIRM_SCHEMATA.has(ctx.entity.schema) && ctx.queryForm.kind !== 'person' && ctx.listedForm.kind === 'organisation';
}
