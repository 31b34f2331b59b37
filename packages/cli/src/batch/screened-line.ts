/**
 * @module batch/screened-line
 * One party of a batch screened into its output line, the same in the main thread and in a worker
 * thread, so that `screen --input` writes the same bytes on one thread or several.
 */
import { EmbargoError, type ScreeningEngine, type ScreeningMatch, type ScreeningQuery } from '@embargo/core';

/** A party of the batch with its place in the output. */
export interface PartyToScreen {
  id: string;
  query: ScreeningQuery;
}

export interface LineOptions {
  threshold?: number;
  minScore: number;
  limit: number;
  /** Listed names aligned per reading (default: the engine's, 50). */
  candidatesPerReading?: number;
}

/** What a thread needs to screen as the main thread would. */
export interface ThreadSettings {
  dataDir: string;
  options: LineOptions;
}

/** A screened party: its output line, whether it alerted, and the matches' scores (for `evaluate`). */
export interface ScreenedParty {
  line: string;
  alert: boolean;
  scores: { id: string; score: number; alert: boolean }[];
}

/** One match as the batch output and `--json` print it. */
export function matchJson(m: ScreeningMatch) {
  return { id: m.id, score: m.score, alert: m.alert, name: m.entity.caption, schema: m.entity.schema, explanation: m.explanation };
}

export function screenedLine(engine: ScreeningEngine, party: PartyToScreen, options: LineOptions): ScreenedParty {
  const matches = engine.screen(party.query, options);
  return {
    line: JSON.stringify({ id: party.id, matches: matches.map(matchJson) }),
    alert: matches.some((m) => m.alert),
    scores: matches.map((m) => ({ id: m.id, score: m.score, alert: m.alert })),
  };
}

/**
 * A folder with no list files in it is refused: screening against nothing would answer "no match" for
 * every party, a filter that has stopped catching without saying so.
 */
export function refuseNoLists(dataDir: string, publications: readonly unknown[]): void {
  if (publications.length === 0)
    throw new EmbargoError('INVALID_INPUT', `${dataDir}: no list files found, so there is nothing to screen against`, { file: dataDir });
}
