/**
 * @module search/party-groups
 * Search results one row per party (issue 16 point 2): the UN designates KOMID, and OFAC and the UK list it
 * again under their own records, so one screening finds the same party three times. Records the server
 * links across lists are grouped into one result; the lists become badges on it.
 *
 * The links come from what the API gives: a match whose name was another list's record of the same party
 * (`explanation.matched.record`), and each matched record's "same party on other lists"
 * (`GET /v1/entities/:id` → `links`). Links are followed through (a UK record linked to the UN record
 * joins the OFAC record linked to that UN record too).
 * @example
 *   groupMatches(matches, new Map([['ofac:9345', ['uk:10892', 'un:KPe.001']]]))
 *   // → [{ matches: [ofac:9345, uk:10892, un:KPe.001], best: ofac:9345, lists: ['OFAC', 'UK', 'UN'], alert: true }, …]
 */
import type { Match } from '../api/types';
import { listBadge } from '../text/list-names';

export interface PartyGroup {
  /** The group's records, in the order the server ranked them (best first). */
  matches: Match[];
  /** The best-ranked record: its name, score and explanation stand for the party. */
  best: Match;
  /** The lists the records come from, as badges ("OFAC", "UN", "UK"), in rank order without repeats. */
  lists: string[];
  /** Some record of the party alerts. */
  alert: boolean;
}

/**
 * The matches grouped by party, groups in the rank of their best record. `linksOf` gives, for a record id,
 * the ids of the records other lists keep for the same party (ids not among the matches are ignored).
 */
export function groupMatches(matches: readonly Match[], linksOf: ReadonlyMap<string, readonly string[]>): PartyGroup[] {
  const position = new Map(matches.map((m, i) => [m.id, i]));
  // Union–find over match positions: each link joins two sets; the root is the best-ranked member.
  const parent = matches.map((_, i) => i);
  const root = (i: number): number => (parent[i] === i ? i : (parent[i] = root(parent[i])));
  const join = (a: number | undefined, b: number | undefined) => {
    if (a === undefined || b === undefined) return;
    const [ra, rb] = [root(a), root(b)];
    if (ra !== rb) parent[Math.max(ra, rb)] = Math.min(ra, rb);
  };
  matches.forEach((m, i) => {
    const linked = m.explanation.matched.record;
    if (linked) join(i, position.get(linked.id));
    for (const other of linksOf.get(m.id) ?? []) join(i, position.get(other));
  });
  const groups = new Map<number, Match[]>();
  matches.forEach((m, i) => {
    const r = root(i);
    const members = groups.get(r);
    if (members) members.push(m);
    else groups.set(r, [m]);
  });
  return [...groups.entries()]
    .sort(([a], [b]) => a - b)
    .map(([, members]) => ({
      matches: members,
      best: members[0],
      lists: [...new Set(members.map((m) => listBadge(m.source)))],
      alert: members.some((m) => m.alert),
    }));
}

/** Alerting parties first as they come; the others are the "weaker matches", below the alert threshold. */
export function splitByAlert(groups: readonly PartyGroup[]): { alerting: PartyGroup[]; weaker: PartyGroup[] } {
  return { alerting: groups.filter((g) => g.alert), weaker: groups.filter((g) => !g.alert) };
}
