/**
 * @module match/scorers/birth-date
 * Birth dates compared at the precision each side has: a query year agrees with a listed full date of
 * that year; "circa 1962" agrees with 1961–1963; a range agrees with any year inside it. A date one typing
 * error away from a listed one (a digit, a year ±1, day and month swapped, two digits transposed) is
 * probably the same date mistyped, as customer files often have them: it costs a little, where a clearly
 * different date conflicts, so a mistyped date never hides an exact listed name.
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

/** The typing errors that turn one date into another. */
export type BirthDateSlip = 'year off by one' | 'day and month swapped' | 'two digits transposed' | 'one digit differs';

/**
 * The typing error that makes the query's date the listed one, compared at the precision both have, or
 * null when there is none (the same date, or a clearly different one). Circa and range dates have their
 * own tolerance and are not compared here.
 * @example birthDateSlip('1971-03-14', { value: '1970-03-14' }) // 'year off by one'
 * @example birthDateSlip('1970-14-03', …) is refused at the edges; birthDateSlip('1970-04-03', { value: '1970-03-04' }) // 'day and month swapped'
 */
export function birthDateSlip(query: string, listed: Statement): BirthDateSlip | null {
  if (listed.until || listed.approximate) return null;
  const common = Math.min(query.length, listed.value.length);
  const [q, l] = [query.slice(0, common), listed.value.slice(0, common)];
  if (q === l || !/^\d{4}/.test(l)) return null;
  if (q.slice(4) === l.slice(4) && Math.abs(year(q) - year(l)) === 1) return 'year off by one';
  if (common === 10 && q.slice(0, 4) === l.slice(0, 4) && q.slice(5, 7) === l.slice(8, 10) && q.slice(8, 10) === l.slice(5, 7))
    return 'day and month swapped';
  const [qDigits, lDigits] = [q.replace(/-/g, ''), l.replace(/-/g, '')];
  if (qDigits.length !== lDigits.length) return null;
  const differing = [...qDigits].flatMap((digit, i) => (digit === lDigits[i] ? [] : [i]));
  // A year with a digit changed is a typing error only where the rest of a full date agrees: a year alone
  // (1966 against 1968) is as likely another person's, and the birth year is how same-named persons differ.
  if (common < 10 && differing.some((i) => i < 4)) return null;
  if (differing.length === 1) return 'one digit differs';
  const [i, j] = differing;
  if (differing.length === 2 && j === i + 1 && qDigits[i] === lDigits[j] && qDigits[j] === lDigits[i]) return 'two digits transposed';
  return null;
}

type Slip = { kind: BirthDateSlip; statement: Statement };

type Comparison = { agreement?: Agreement; slip?: Slip; listed: Statement[] } | undefined;

/**
 * The last context compared and its outcome: the three birth-date scorers run one after another on each
 * candidate, and each asks for the same comparison.
 */
let lastContext: MatchContext | undefined;
let lastComparison: Comparison;

function compare(ctx: MatchContext): Comparison {
  if (ctx !== lastContext) {
    lastComparison = compareDates(ctx);
    lastContext = ctx;
  }
  return lastComparison;
}

function compareDates(ctx: MatchContext): Comparison {
  const query = ctx.query.query.birthDate;
  const listed = ctx.entity.properties.birthDate ?? [];
  // A date that does not exist (1984-13-45) says nothing about the party: it neither agrees nor conflicts.
  // The edges refuse such dates; this keeps a caller that skips them from lowering a true match.
  if (!query || listed.length === 0 || !isBirthDate(query)) return undefined;
  let agreement: Agreement | undefined;
  let slip: Slip | undefined;
  for (const statement of listed) {
    const level = birthDateAgreement(query, statement);
    if (level !== null && (!agreement || level > agreement.level)) agreement = { level, statement };
    const kind = level === null ? birthDateSlip(query, statement) : null;
    if (kind && !slip) slip = { kind, statement };
  }
  return { agreement, slip: agreement ? undefined : slip, listed };
}

/** The query's birth date agrees with one the list gives. */
export function scoreBirthDateAgreement(ctx: MatchContext): ScorerOutcome | null {
  const result = compare(ctx);
  if (!result?.agreement) return null;
  const s = result.agreement.statement;
  return { value: result.agreement.level, detail: `born ${ctx.query.query.birthDate}; listed ${s.original ?? s.value}` };
}

/** No listed birth date agrees, but one is the query's with one typing error: probably the same date mistyped. */
export function scoreBirthDateSlip(ctx: MatchContext): ScorerOutcome | null {
  const slip = compare(ctx)?.slip;
  if (!slip) return null;
  const s = slip.statement;
  return { value: 1, detail: `born ${ctx.query.query.birthDate}; listed ${s.original ?? s.value}: ${slip.kind}, as a typing error would` };
}

/** The list gives birth dates and none of them can be the query's, even mistyped. */
export function scoreBirthDateConflict(ctx: MatchContext): ScorerOutcome | null {
  const result = compare(ctx);
  if (!result || result.agreement || result.slip) return null;
  const listed = result.listed.map((s) => s.original ?? s.value).join('; ');
  return { value: 1, detail: `born ${ctx.query.query.birthDate}; listed ${listed}` };
}
