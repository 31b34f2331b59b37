/**
 * @module match/score-effects
 * How much each scorer changed a match's final score, for the summary (issue 16 point 3): a bonus on a
 * score already at 100% and a cap the score never reached changed nothing and are not written as moves.
 * The engine adds every contribution, clamps the total to 0–1, applies the lowest cap, and lifts a match
 * on a shared identifier to a floor; this replays it with the lowering contributions before the raising
 * ones, each counted by how much it moved the clamped running total, so the effects add up to the score.
 * The web app words the same rule for the screen (packages/web/src/text/score-effects.ts): it reads
 * explanations stored before this existed, so it cannot rely on a field written here.
 * @example
 *   scorerEffects([{ name: 'nameSimilarity', contribution: 1, … }, { name: 'countryAgreement', contribution: 0.03, … }], 1)
 *   // → [1, 0]
 */
import type { ScorerContribution } from './explain.js';

/** Contributions and scores are rounded to 0.001: a smaller difference is rounding, not an effect. */
export const ROUNDING = 0.0005;

const clamp01 = (x: number) => Math.min(1, Math.max(0, x));

export interface ScorerEffect {
  /** The signed change this scorer made to the final score; the base scorer's is its contribution. */
  effect: number;
  /** Set when this scorer's cap lowered the score. */
  capped: boolean;
}

/** One effect per scorer, in the order given; `nameSimilarity` is the base. */
export function scorerEffects(scorers: readonly ScorerContribution[], score: number): ScorerEffect[] {
  const effects = scorers.map(() => ({ effect: 0, capped: false }));
  let total = 0;
  let shown = 0;
  const add = (i: number) => {
    total += scorers[i].contribution;
    const next = clamp01(total);
    effects[i].effect += next - shown;
    shown = next;
  };
  const order = scorers.map((_, i) => i);
  order.filter((i) => scorers[i].name === 'nameSimilarity').forEach(add);
  const others = order.filter((i) => scorers[i].name !== 'nameSimilarity');
  others.filter((i) => scorers[i].contribution < 0).forEach(add);
  others.filter((i) => scorers[i].contribution >= 0).forEach(add);
  const caps = others.filter((i) => scorers[i].ceiling !== undefined).sort((a, b) => scorers[a].ceiling! - scorers[b].ceiling!);
  if (caps.length > 0 && scorers[caps[0]].ceiling! < shown - ROUNDING) {
    effects[caps[0]] = { effect: scorers[caps[0]].ceiling! - shown, capped: true };
    shown = scorers[caps[0]].ceiling!;
  }
  // A shared identifier lifts the score to a floor (engine.ts IDENTIFIED): the lift is that scorer's.
  const identifier = others.find((i) => scorers[i].name === 'identifierMatch');
  if (identifier !== undefined && score - shown > ROUNDING) effects[identifier].effect += score - shown;
  return effects;
}
