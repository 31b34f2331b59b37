/**
 * @module text/list-freshness
 * Whether a list in force is stale, for the dashboard (issue 16, point 1): its publication is more than
 * 30 days old, or has no date at all. Publishers amend sanctions lists every few weeks (OFAC and the UN
 * often several times a month), so a month without a new publication means the update has most likely
 * been missed, not that nothing changed. Whether the server's last check of the publisher failed, or is
 * overdue, is the server's to say (`GET /v1/dashboard` listChecks, issue 18 point 6); the dashboard shows both.
 * @example listFreshness({ published: '2026-02-27', … }, new Date('2026-12-07')) // { stale: true, ageDays: 283, … }
 */
import type { Publication } from '../api/types';

/** A publication older than this many days is shown as stale. */
export const STALE_AFTER_DAYS = 30;

const DAY_MS = 24 * 60 * 60 * 1000;

export interface ListFreshness {
  stale: boolean;
  /** Whole days since the publication date; null when the publication is undated. */
  ageDays: number | null;
  /** Why it is stale, in words for the analyst; empty when it is not. */
  reason: string;
}

/** Days from a date (`YYYY-MM-DD` or an ISO timestamp) to `now`, rounded down; null for no or no readable date. */
export function daysSince(date: string | null, now: Date): number | null {
  // ISO only: Date.parse reads "circa 2026" as a date, which would pass a guess for a publication date.
  if (!date || !/^\d{4}-\d{2}-\d{2}/.test(date)) return null;
  const t = Date.parse(date);
  if (Number.isNaN(t)) return null;
  return Math.max(0, Math.floor((now.getTime() - t) / DAY_MS));
}

export function listFreshness(publication: Pick<Publication, 'published'>, now: Date): ListFreshness {
  const ageDays = daysSince(publication.published, now);
  if (ageDays === null)
    return { stale: true, ageDays, reason: 'The publication has no date that can be read: it cannot be told whether it is current.' };
  if (ageDays > STALE_AFTER_DAYS)
    return { stale: true, ageDays, reason: `Published ${ageDays} days ago, more than ${STALE_AFTER_DAYS}: check for an update.` };
  return { stale: false, ageDays, reason: '' };
}

/** An age in words: "3 days", "5 hours", "under an hour". */
export function ageInWords(fromIso: string, now: Date): string {
  const ms = Math.max(0, now.getTime() - Date.parse(fromIso));
  const days = Math.floor(ms / DAY_MS);
  if (days >= 1) return `${days} day${days === 1 ? '' : 's'}`;
  const hours = Math.floor(ms / (60 * 60 * 1000));
  if (hours >= 1) return `${hours} hour${hours === 1 ? '' : 's'}`;
  return 'under an hour';
}
