/**
 * @module match/scorers/identifier
 * A passport, national ID, IMO, BIC or registration number shared by query and listed record: such a
 * match is near-certain whatever the name says.
 */
import { IDENTIFIER_PROPERTIES } from '../../model/schema.js';
import { normaliseIdentifier } from '../query.js';
import type { MatchContext, ScorerOutcome } from './context.js';

/** A document or registry number of the query is on the listed record. */
export function scoreIdentifierMatch(ctx: MatchContext): ScorerOutcome | null {
  if (ctx.query.identifiers.length === 0) return null;
  for (const property of IDENTIFIER_PROPERTIES) {
    for (const s of ctx.entity.properties[property] ?? []) {
      const listed = normaliseIdentifier(s.value);
      const hit = ctx.query.identifiers.find((q) => q.value === listed && (!q.type || q.type === property));
      if (hit) return { value: 1, detail: `${property} ${s.value}`, certain: true };
    }
  }
  return null;
}
