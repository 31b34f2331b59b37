/**
 * @module match/scorers/patronymic
 * A patronymic names the father: Aleksandr Yaroslavovich Nekrasov is not Aleksandr Nikolaevich
 * Nekrasov, even where the list also records a short alias "NEKRASOV, Alexander" without one.
 */
import { isPatronymic } from '../../text/name-words.js';
import { nameTokens } from '../../text/normalize.js';
import { tokenKeys } from '../name-form.js';
import { spellingSimilarity } from '../token-similarity.js';
import type { MatchContext, ScorerOutcome } from './context.js';

/** Patronymics at least this alike are taken as the same (Nikolaevich ~ Nikolayevich). */
const SAME_PATRONYMIC = 0.8;

function listedPatronymics(ctx: MatchContext): string[] {
  const out = new Set<string>();
  for (const p of ['name', 'alias', 'previousName', 'weakAlias'] as const)
    for (const s of ctx.entity.properties[p] ?? []) nameTokens(s.value).forEach((t, i) => i > 0 && isPatronymic(t) && out.add(t));
  return [...out];
}

/** The query gives a patronymic and the listed person's names give only other ones. */
export function scorePatronymicConflict(ctx: MatchContext): ScorerOutcome | null {
  if (ctx.entity.schema !== 'Person') return null;
  const unmatched = ctx.alignment.queryUnmatched.map((i) => ctx.queryForm.tokens[i]).filter((t) => t.role === 'patronymic');
  if (unmatched.length === 0) return null;
  const listed = listedPatronymics(ctx);
  if (listed.length === 0) return null;
  const same = (a: string, b: string) =>
    tokenKeys(a).key === tokenKeys(b).key || spellingSimilarity(tokenKeys(a).key, tokenKeys(b).key) >= SAME_PATRONYMIC;
  const conflicting = unmatched.filter((t) => !listed.some((l) => same(t.text, l)));
  if (conflicting.length === 0) return null;
  return { value: 1, detail: `query patronymic ${conflicting.map((t) => t.text).join(' ')}; listed ${listed.join(', ')}` };
}
