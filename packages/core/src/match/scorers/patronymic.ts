/**
 * @module match/scorers/patronymic
 * A patronymic names the father: Aleksandr Yaroslavovich Nekrasov is not Aleksandr Nikolaevich
 * Nekrasov, even where the list also records a short alias "NEKRASOV, Alexander" without one. An
 * Arabic nasab names the father after bin or ben the same way.
 */
import { isPatronymic, NASAB_PARTICLES } from '../../text/name-words.js';
import { nameTokens } from '../../text/normalize.js';
import { tokenKeys, type NameToken } from '../name-form.js';
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

/** The words of a name form that follow bin, ibn, ben or ould (the father's or a forefather's name), by index. */
function namesAfterNasab(tokens: readonly NameToken[], unmatched: readonly number[]): NameToken[] {
  const out: NameToken[] = [];
  for (const i of unmatched)
    // (A title's word after bin is read as a word, the father's name: Saleck Ould Cheikh, `formFromReading`.)
    if (i > 0 && tokens[i].role === 'word' && NASAB_PARTICLES.has(tokens[i - 1].text)) out.push(tokens[i]);
  return out;
}

/**
 * An Arabic name's nasab names the father after bin, ibn, ben or ould, as a patronymic does: NOUREDDINE
 * BEN MOHAMED BEN BELKASSEM is not NOUREDDINE BEN ALI BEN BELKASSEM. Both names state a father (or
 * forefather) there that the other leaves unmatched, and no such pair is one name spelled two ways.
 */
export function scoreNasabConflict(ctx: MatchContext): ScorerOutcome | null {
  if (ctx.entity.schema !== 'Person') return null;
  const query = namesAfterNasab(ctx.queryForm.tokens, ctx.alignment.queryUnmatched);
  if (query.length === 0) return null;
  const listed = namesAfterNasab(ctx.listedForm.tokens, ctx.alignment.candidateUnmatched);
  if (listed.length === 0) return null;
  const same = (a: NameToken, b: NameToken) => a.key === b.key || spellingSimilarity(a.key, b.key) >= SAME_PATRONYMIC;
  if (query.some((q) => listed.some((l) => same(q, l)))) return null;
  return {
    value: 1,
    detail: `the query's father is ${query.map((t) => t.text).join(', ')}, the listed name's ${listed.map((t) => t.text).join(', ')}`,
  };
}
