/**
 * @module lists/shrink
 * How much smaller a new publication of a list is than the one in force: records, aliases, and records by
 * programme. A list that loses more than a small share of its records or aliases at once was more likely
 * cut short (a truncated download, a file missing from a set) than delisted, so a load refuses it unless
 * the operator says why; a programme delisted whole within the share is normal and is reported.
 * @example
 *   const shrink = comparePublicationSize('ofac-sdn', publicationSize(inForce), publicationSize(loaded));
 *   exceedsShare(shrink, 0.05) // true when records or aliases fell by more than 5 %
 *   describeShrink(shrink) // 'ofac-sdn: records 13,821 → 9,000 (−34.9 %), aliases 17,091 → 11,300 (−33.9 %); …'
 */
import type { Entity } from '../model/entity.js';
import { programsOf } from './diff.js';

/** Alias-like names: what a cut alt.csv loses. */
const ALIAS_PROPERTIES = ['alias', 'weakAlias'] as const;

export interface PublicationSize {
  records: number;
  aliases: number;
  /** Records per programme (`(none)` for records without one). */
  byProgram: Record<string, number>;
}

export interface ProgramLoss {
  program: string;
  before: number;
  after: number;
}

export interface PublicationShrink {
  source: string;
  records: { before: number; after: number };
  aliases: { before: number; after: number };
  /** Programmes that lost records, the largest loss first. */
  programsLost: ProgramLoss[];
}

/** The default share of records or aliases a load may lose without `--allow-shrink` (5 %). */
export const DEFAULT_MAX_SHRINK = 0.05;

export function publicationSize(entities: readonly Entity[]): PublicationSize {
  const byProgram: Record<string, number> = {};
  let aliases = 0;
  for (const entity of entities) {
    for (const property of ALIAS_PROPERTIES) aliases += entity.properties[property]?.length ?? 0;
    for (const program of programsOf(entity)) byProgram[program] = (byProgram[program] ?? 0) + 1;
  }
  return { records: entities.length, aliases, byProgram };
}

export function comparePublicationSize(source: string, before: PublicationSize, after: PublicationSize): PublicationShrink {
  const programsLost = Object.entries(before.byProgram)
    .map(([program, count]) => ({ program, before: count, after: after.byProgram[program] ?? 0 }))
    .filter((p) => p.after < p.before)
    .sort((a, b) => b.before - b.after - (a.before - a.after) || a.program.localeCompare(b.program));
  return {
    source,
    records: { before: before.records, after: after.records },
    aliases: { before: before.aliases, after: after.aliases },
    programsLost,
  };
}

/** The share lost, 0 when it grew or there was nothing before. */
export function lostShare({ before, after }: { before: number; after: number }): number {
  return before > 0 && after < before ? (before - after) / before : 0;
}

/** Whether records or aliases fell by more than `maxShare` (0.05 = 5 %). */
export function exceedsShare(shrink: PublicationShrink, maxShare: number): boolean {
  return lostShare(shrink.records) > maxShare || lostShare(shrink.aliases) > maxShare;
}

const number = (n: number) => n.toLocaleString('en-US');
const percent = (share: number) => `${(share * 100).toFixed(1)} %`;

function change(what: string, counts: { before: number; after: number }): string {
  const lost = lostShare(counts);
  return `${what} ${number(counts.before)} → ${number(counts.after)}${lost > 0 ? ` (−${percent(lost)})` : ''}`;
}

/** One line saying what shrank: records, aliases, and the programmes that lost the most (at most `top`). */
export function describeShrink(shrink: PublicationShrink, top = 5): string {
  const programs = shrink.programsLost
    .slice(0, top)
    .map((p) => `${p.program} ${number(p.before)} → ${number(p.after)}`)
    .join(', ');
  const more = shrink.programsLost.length > top ? ` and ${shrink.programsLost.length - top} more` : '';
  return (
    `${shrink.source}: ${change('records', shrink.records)}, ${change('aliases', shrink.aliases)}` +
    (programs ? `; programmes that lost the most records: ${programs}${more}` : '')
  );
}
