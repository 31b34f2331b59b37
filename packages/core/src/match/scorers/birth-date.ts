/**
 * @module match/scorers/birth-date
 * Birth dates compared at the precision each side has: a query year agrees with a listed full date of
 * that year; "circa 1962" agrees with 1961–1963; a range agrees with any year inside it.
 */
import type { Statement } from '../../model/entity.js';
import { isBirthDate } from '../../model/party-input.js';
import type { MatchContext, ScorerOutcome } from './context.js';

/** "circa" on the lists: how many years either side still agree. */
const APPROXIMATE_YEARS = 2;

type Agreement = { level: number; statement: Statement };

function year(iso: string): number {
  return Number(iso.slice(0, 4));
}

/** 1 for the same day, 0.6 for agreement at month or year precision, 0.3 for a circa or range date; null when they disagree. */
export function birthDateAgreement(query: string, listed: Statement): number | null {
  const qYear = year(query);
  if (!Number.isFinite(qYear)) return null;
  if (listed.until) return qYear >= year(listed.value) - 1 && qYear <= year(listed.until) + 1 ? 0.3 : null;
  if (listed.approximate) return Math.abs(qYear - year(listed.value)) <= APPROXIMATE_YEARS ? 0.3 : null;
  const common = Math.min(query.length, listed.value.length);
  if (query.slice(0, common) !== listed.value.slice(0, common)) return null;
  return common >= 10 ? 1 : 0.6;
}

function compare(ctx: MatchContext): { agreement?: Agreement; listed: Statement[] } | undefined {
  const query = ctx.query.query.birthDate;
  const listed = ctx.entity.properties.birthDate ?? [];
  // A date that does not exist (1984-13-45) says nothing about the party: it neither agrees nor conflicts.
  // The edges refuse such dates; this keeps a caller that skips them from lowering a true match.
  if (!query || listed.length === 0 || !isBirthDate(query)) return undefined;
  let agreement: Agreement | undefined;
  for (const statement of listed) {
    const level = birthDateAgreement(query, statement);
    if (level !== null && (!agreement || level > agreement.level)) agreement = { level, statement };
  }
  return { agreement, listed };
}

/** The query's birth date agrees with one the list gives. */
export function scoreBirthDateAgreement(ctx: MatchContext): ScorerOutcome | null {
  const result = compare(ctx);
  if (!result?.agreement) return null;
  const s = result.agreement.statement;
  return { value: result.agreement.level, detail: `born ${ctx.query.query.birthDate}; listed ${s.original ?? s.value}` };
}

/** The list gives birth dates and none of them can be the query's. */
export function scoreBirthDateConflict(ctx: MatchContext): ScorerOutcome | null {
  const result = compare(ctx);
  if (!result || result.agreement) return null;
  const listed = result.listed.map((s) => s.original ?? s.value).join('; ');
  return { value: 1, detail: `born ${ctx.query.query.birthDate}; listed ${listed}` };
}
