/**
 * @module ownership/shares
 * Share arithmetic for the fixpoint: percentages as whole units so that sums are exact and the same in
 * any order, and the two threshold tests a share range needs (does its lower end meet the threshold, can
 * its upper end).
 *
 * @example
 * lowerEndMeets(toShareUnits(50), true, toShareUnits(50), true); // true: 50% meets "50% or more"
 * lowerEndMeets(toShareUnits(50), true, toShareUnits(50), false); // false: 50% is not "more than 50%"
 */

/**
 * Shares are held as integer millionths of a percent. Floating-point sums depend on their order
 * (0.1 + 0.2 + 0.3 ≠ 0.3 + 0.2 + 0.1), which would let the order of a file's rows decide a status at the
 * threshold; integer sums below 2^53 are exact. A share given more finely than 0.000001% is rounded to it.
 */
export const SHARE_UNITS_PER_PERCENT = 1_000_000;

export function toShareUnits(percent: number): number {
  return Math.round(percent * SHARE_UNITS_PER_PERCENT);
}

export function fromShareUnits(units: number): number {
  return units / SHARE_UNITS_PER_PERCENT;
}

/**
 * Whether a holding whose lower end is `units` (inclusive or not) meets a threshold. At equality an
 * exclusive end ("more than 50%") meets both "50% or more" and "more than 50%"; an inclusive one ("at
 * least 50%") meets only "50% or more".
 */
export function lowerEndMeets(units: number, endInclusive: boolean, thresholdUnits: number, regimeInclusive: boolean): boolean {
  if (units !== thresholdUnits) return units > thresholdUnits;
  return regimeInclusive || !endInclusive;
}

/**
 * Whether a holding whose upper end is `units` can meet a threshold: at equality only an inclusive upper
 * end ("at most 50%") reaches "50% or more", and nothing that is at most 50% is "more than 50%".
 */
export function upperEndCanMeet(units: number, endInclusive: boolean, thresholdUnits: number, regimeInclusive: boolean): boolean {
  if (units !== thresholdUnits) return units > thresholdUnits;
  return regimeInclusive && endInclusive;
}

/** "25%", "33.333333%": a number of units as a percentage a person reads. */
export function formatShareUnits(units: number): string {
  return `${fromShareUnits(units)}%`;
}
