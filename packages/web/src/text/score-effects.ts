/**
 * @module text/score-effects
 * How much each scorer changed a match's final score, and the sentence an analyst reads for it (issue 16
 * point 3): a bonus on a score already at 100% changed nothing, and a cap the score never reached capped
 * nothing, so neither is shown as a move; a cap that bit says how many points it took.
 *
 * The engine (core match/engine.ts) adds every contribution, clamps the total to 0–100% and then applies
 * the lowest cap; a shared identifier lifts the score to a floor instead. The effects here replay that:
 * the lowering contributions first, then the raising ones, each counted by how much it moved the clamped
 * running total, so that the effects add up to the final score and a bonus that only pushed the total past
 * 100% shows as no change.
 * @example
 *   scoreEffects([{ name: 'nameSimilarity', contribution: 1, … }, { name: 'countryAgreement', contribution: 0.03, … }], 1)
 *   // → base 1; country agreement: effect 0, kind 'none'
 */
import type { ScorerContribution } from '../api/types';
import { percent, points } from './format';

/** The base score set by name similarity; every other scorer moves it up or down, or caps it. */
export const NAME_SIMILARITY = 'nameSimilarity';

export type EffectKind = 'base' | 'raised' | 'lowered' | 'capped' | 'none';

export interface ScorerEffect {
  scorer: ScorerContribution;
  /** What the scorer did to the final score (0 to 1 as the scores are), signed. */
  effect: number;
  kind: EffectKind;
}

/** Scores and contributions come rounded to 0.001: a smaller difference is rounding, not an effect. */
const ROUNDING = 0.0005;

function clamp01(x: number): number {
  return Math.min(1, Math.max(0, x));
}

/** Each scorer with its effect on `score`, in the order given. */
export function scoreEffects(scorers: readonly ScorerContribution[], score: number): ScorerEffect[] {
  const effects = new Map<ScorerContribution, number>();
  let total = 0;
  let shown = 0;
  const add = (s: ScorerContribution) => {
    total += s.contribution;
    const next = clamp01(total);
    effects.set(s, next - shown);
    shown = next;
  };
  const base = scorers.filter((s) => s.name === NAME_SIMILARITY);
  base.forEach(add);
  const others = scorers.filter((s) => s.name !== NAME_SIMILARITY);
  others.filter((s) => s.contribution < 0).forEach(add);
  others.filter((s) => s.contribution >= 0).forEach(add);
  // The lowest cap is the one that applies; it takes what lies above it.
  const caps = others.filter((s) => s.ceiling !== undefined).sort((a, b) => a.ceiling! - b.ceiling!);
  const cap = caps.length > 0 && caps[0].ceiling! < shown - ROUNDING ? caps[0] : undefined;
  if (cap) {
    // A capping scorer's own contribution is counted in the total above; its effect is the cap's.
    effects.set(cap, cap.ceiling! - shown);
    shown = cap.ceiling!;
  }
  // A shared identifier lifts the score to a floor (core IDENTIFIED): the lift is that scorer's.
  const floor = score - shown;
  const identifier = others.find((s) => s.name === 'identifierMatch');
  if (floor > ROUNDING && identifier) effects.set(identifier, (effects.get(identifier) ?? 0) + floor);

  return scorers.map((scorer) => {
    const effect = effects.get(scorer) ?? 0;
    const kind: EffectKind =
      scorer.name === NAME_SIMILARITY
        ? 'base'
        : scorer === cap
          ? 'capped'
          : Math.abs(effect) <= ROUNDING
            ? 'none'
            : effect > 0
              ? 'raised'
              : 'lowered';
    return { scorer, effect, kind };
  });
}

/** The sentence for one scorer's effect; `undefined` detail parts are left out. */
export function effectSentence({ scorer: s, effect, kind }: ScorerEffect): string {
  const detail = s.detail ? ` — ${s.detail}` : '';
  switch (kind) {
    case 'base':
      return `${s.label} set the base score at ${percent(s.contribution)}${detail}.`;
    case 'capped':
      return `${s.label}: capped the score at ${percent(s.ceiling!)}, ${points(effect)} lower${detail}.`;
    case 'raised':
      return `${s.label}: raised the score by ${points(effect)}${detail}.`;
    case 'lowered':
      return `${s.label}: lowered the score by ${points(effect)}${detail}.`;
    case 'none':
      return `${s.label}: no change to the score${detail}.`;
  }
}
