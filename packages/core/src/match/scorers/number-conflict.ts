/**
 * @module match/scorers/number-conflict
 * Numbers tell apart firms and vessels whose names are otherwise the same: FU YUAN YU 557 is not FU YUAN
 * YU 558, and SEVENTH OCEAN GMBH is not ELEVENTH OCEAN GMBH.
 */
import type { NameForm } from '../name-form.js';
import { digitsValue, numberWordValue, romanNumeralValue } from '../../text/number-words.js';
import type { MatchContext, ScorerOutcome } from './context.js';

/**
 * The numbers a name states, in digits or words ('7', 'seventh' → 7), and a firm's or vessel's roman
 * numeral as its last word of several (SINO IRON II → 2; a person's last word is a name: Ali, Vi).
 */
export function numbersIn(form: NameForm): Set<string> {
  const out = new Set<string>();
  for (const t of form.tokens) {
    if (t.hasDigit) {
      const n = digitsValue(t.text);
      if (n !== undefined) out.add(String(n));
    } else {
      const n = numberWordValue(t.text);
      if (n !== undefined) out.add(String(n));
    }
  }
  const last = form.tokens.at(-1);
  const roman = form.kind !== 'person' && form.tokens.length > 1 && last && !last.hasDigit ? romanNumeralValue(last.text) : undefined;
  if (roman !== undefined) out.add(String(roman));
  return out;
}

/** Both names state numbers and they share none. */
export function scoreNumberConflict(ctx: MatchContext): ScorerOutcome | null {
  const q = numbersIn(ctx.queryForm);
  if (q.size === 0) return null;
  const c = numbersIn(ctx.listedForm);
  if (c.size === 0 || [...q].some((n) => c.has(n))) return null;
  return { value: 1, detail: `query number ${[...q].join(', ')}; listed ${[...c].join(', ')}` };
}
