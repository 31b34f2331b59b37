/**
 * @module match/scorers/rules
 * Rules that bound a score rather than add to it: the schema must fit, a surname alone never alerts
 * (OFAC FAQ 5), and a weak alias alone never alerts.
 */
import { schemataCompatible } from '../../model/schema.js';
import type { MatchContext, ScorerOutcome } from './context.js';
import { scoreBirthDateAgreement } from './birth-date.js';
import { scoreIdentifierMatch } from './identifier.js';

/** How far below the threshold a capped score stays. */
const BELOW_THRESHOLD = 0.05;
/** Token pairs at least this alike count as "matched" for the rules below. */
const MATCHED = 0.8;

/** The query's type fits the listed record's (a Person never matches a Vessel). */
export function scoreSchemaCompatibility(ctx: MatchContext): ScorerOutcome | null {
  const schema = ctx.query.query.schema;
  if (!schema) return null;
  if (schemataCompatible(schema, ctx.entity.schema)) return null;
  return { value: 1, detail: `query is a ${schema}, listed record a ${ctx.entity.schema}`, exclude: true };
}

/**
 * Only one distinctive name of a listed person matched (usually the family name): "Kim" is not
 * Kim Jong Un, however rare the listed person's other names.
 */
export function scoreSurnameOnly(ctx: MatchContext): ScorerOutcome | null {
  if (ctx.entity.schema !== 'Person') return null;
  const c = ctx.listedForm.tokens;
  const distinctive = c.filter((t) => t.role === 'word').length;
  if (distinctive < 2) return null;
  const matched = ctx.alignment.pairs.filter((p) => p.similarity >= MATCHED && p.candidate.some((j) => c[j].role === 'word'));
  const matchedTokens = matched.reduce((n, p) => n + p.candidate.filter((j) => c[j].role === 'word').length, 0);
  if (matchedTokens >= 2) return null;
  return {
    value: 1,
    detail: `only ${matchedTokens} of ${distinctive} names of the listed person matched`,
    ceiling: ctx.threshold - BELOW_THRESHOLD,
  };
}

/** The best match is on a weak alias (OFAC weak a.k.a., UN low quality) with nothing else confirming it. */
export function scoreWeakAliasOnly(ctx: MatchContext): ScorerOutcome | null {
  if (!ctx.name.weak) return null;
  const confirmed = (scoreBirthDateAgreement(ctx)?.value ?? 0) >= 0.6 || scoreIdentifierMatch(ctx) !== null;
  if (confirmed) return null;
  return { value: 1, detail: `matched only the weak alias "${ctx.name.form.original}"`, ceiling: ctx.threshold - BELOW_THRESHOLD };
}
