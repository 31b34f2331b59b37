/**
 * @module match/scorers/number-conflict
 * Numbers tell apart firms and vessels whose names are otherwise the same: FU YUAN YU 557 is not FU YUAN
 * YU 558, and SEVENTH OCEAN GMBH is not ELEVENTH OCEAN GMBH.
 */
import type { NameForm } from '../name-form.js';
import { romanNumeralValue } from '../../text/number-words.js';
import type { MatchContext, ScorerOutcome } from './context.js';

const NUMBER_WORDS: Record<string, number> = {
  one: 1,
  first: 1,
  two: 2,
  second: 2,
  three: 3,
  third: 3,
  four: 4,
  fourth: 4,
  five: 5,
  fifth: 5,
  six: 6,
  sixth: 6,
  seven: 7,
  seventh: 7,
  eight: 8,
  eighth: 8,
  nine: 9,
  ninth: 9,
  ten: 10,
  tenth: 10,
  eleven: 11,
  eleventh: 11,
  twelve: 12,
  twelfth: 12,
  thirteen: 13,
  thirteenth: 13,
  fourteen: 14,
  fourteenth: 14,
  fifteen: 15,
  fifteenth: 15,
  sixteen: 16,
  sixteenth: 16,
  seventeen: 17,
  seventeenth: 17,
  eighteen: 18,
  eighteenth: 18,
  nineteen: 19,
  nineteenth: 19,
  twenty: 20,
  twentieth: 20,
};

/**
 * The numbers a name states, in digits or words ('7', 'seventh' → 7), and a firm's or vessel's roman
 * numeral as its last word of several (SINO IRON II → 2; a person's last word is a name: Ali, Vi).
 */
export function numbersIn(form: NameForm): Set<string> {
  const out = new Set<string>();
  for (const t of form.tokens) {
    if (t.hasDigit) {
      if (ORDINAL.test(t.text)) out.add(String(parseInt(t.text, 10)));
    } else if (Object.hasOwn(NUMBER_WORDS, t.text)) out.add(String(NUMBER_WORDS[t.text]));
  }
  const last = form.tokens.at(-1);
  const roman = form.kind !== 'person' && form.tokens.length > 1 && last && !last.hasDigit ? romanNumeralValue(last.text) : undefined;
  if (roman !== undefined) out.add(String(roman));
  return out;
}
const ORDINAL = /^\d+(st|nd|rd|th)?$/;

/** Both names state numbers and they share none. */
export function scoreNumberConflict(ctx: MatchContext): ScorerOutcome | null {
  const q = numbersIn(ctx.queryForm);
  if (q.size === 0) return null;
  const c = numbersIn(ctx.listedForm);
  if (c.size === 0 || [...q].some((n) => c.has(n))) return null;
  return { value: 1, detail: `query number ${[...q].join(', ')}; listed ${[...c].join(', ')}` };
}
