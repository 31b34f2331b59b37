/**
 * @module history
 * A data folder keeps earlier publications of a source beside the newest (`data/ofac-sdn/2015-01-17/`,
 * `…/2023-12-28/`): the newest is the one to screen against and put in force, the earlier ones are
 * history. Screening needs only the newest, so the split is made from the folder names, before anything
 * is parsed: parsing the history too would cost every `embargo screen` seconds for records it must not
 * screen against (and would list each record once per publication).
 *
 * @example
 * const { publications } = await detectPublications('data');
 * const lists = await parseNewestPublications(publications); // one per source, the history left unread
 */
import { basename } from 'node:path';
import type { ListPublication } from '@embargo/core';
import type { DetectedPublication } from './detect.js';
import { parsePublication } from './load.js';

/** The date a publication's folder is named after (`ofac-sdn/2023-12-28` → 2023-12-28), else null. */
export function folderDate(d: DetectedPublication): string | null {
  const name = basename(d.folder);
  return /^\d{4}-\d{2}-\d{2}$/.test(name) ? name : null;
}

export interface HistorySplit {
  /** Per source, the publication in the latest-dated folder (or the only one). */
  newest: DetectedPublication[];
  /** The other publications of those sources, oldest first. */
  earlier: DetectedPublication[];
  /**
   * Sources whose publications cannot be ordered by folder name (a folder not named by date, or two
   * folders of one date): only their parsed dates tell which is newest, so all of them are here.
   */
  undecided: DetectedPublication[];
}

/** Splits detected publications into the newest of each source and its history, by folder date. */
export function splitHistory(publications: readonly DetectedPublication[]): HistorySplit {
  const bySource = new Map<string, DetectedPublication[]>();
  for (const d of publications) bySource.set(d.source, [...(bySource.get(d.source) ?? []), d]);
  const split: HistorySplit = { newest: [], earlier: [], undecided: [] };
  for (const group of bySource.values()) {
    if (group.length === 1) {
      split.newest.push(group[0]);
      continue;
    }
    const dates = group.map(folderDate);
    if (dates.some((date) => date === null) || new Set(dates).size < dates.length) {
      split.undecided.push(...group);
      continue;
    }
    const ordered = [...group].sort((a, b) => folderDate(a)!.localeCompare(folderDate(b)!));
    split.newest.push(ordered.at(-1)!);
    split.earlier.push(...ordered.slice(0, -1));
  }
  return split;
}

/**
 * Parses the newest publication of each source and nothing else, unless a source's folders are not named
 * by date: then all of that source's publications are parsed and the one with the latest published date
 * (the loader's rule) is kept. In source order.
 */
export async function parseNewestPublications(
  publications: readonly DetectedPublication[],
  onParse: (d: DetectedPublication) => void = () => undefined,
): Promise<ListPublication[]> {
  const { newest, undecided } = splitHistory(publications);
  const out: ListPublication[] = [];
  for (const d of newest) {
    onParse(d);
    out.push(await parsePublication(d));
  }
  const latest = new Map<string, ListPublication>();
  for (const d of undecided) {
    onParse(d);
    const pub = await parsePublication(d);
    const known = latest.get(pub.source);
    if (!known || (pub.published ?? '') >= (known.published ?? '')) latest.set(pub.source, pub);
  }
  return [...out, ...latest.values()].sort((a, b) => a.source.localeCompare(b.source));
}
