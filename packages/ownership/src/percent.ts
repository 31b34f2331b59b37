/**
 * @module percent
 * Shares in percent, read strictly: "25", "25.5" and "25%" are 25, 25.5 and 25; "about a quarter",
 * "25,5", "1e2", "-5" and "120" are refused with the reason. A share range must not be empty.
 */
import type { ShareRange } from '@embargo/core';

const PERCENT = /^(\d{1,3}(?:\.\d+)?)\s*%?$/;

/** The percentage a text states, or the reason it is not one. */
export function parsePercent(text: string): { percent: number } | { problem: string } {
  const match = PERCENT.exec(text.trim());
  if (!match) return { problem: `"${text}" is not a percentage (write 25, 25.5 or 25%)` };
  const percent = Number(match[1]);
  if (percent > 100) return { problem: `${text} is more than 100%` };
  return { percent };
}

/** Why a number is not a share in percent (a number from 0 to 100), or undefined when it is one. */
export function percentProblem(value: unknown): string | undefined {
  if (typeof value !== 'number' || !Number.isFinite(value)) return `${JSON.stringify(value)} is not a number`;
  if (value < 0) return `${value} is less than 0`;
  if (value > 100) return `${value} is more than 100`;
  return undefined;
}

/** Why a range holds no share at all (min above max, or equal ends with one excluded), or undefined. */
export function emptyRangeProblem(range: ShareRange): string | undefined {
  if (range.min > range.max) return `the minimum ${range.min} is more than the maximum ${range.max}`;
  if (range.min === range.max && !(range.minInclusive && range.maxInclusive))
    return `the range from ${range.min} to ${range.max} with an excluded end holds no share`;
  return undefined;
}
