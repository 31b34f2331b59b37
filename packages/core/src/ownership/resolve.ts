/**
 * @module ownership/resolve
 * Which listed record a party from the user's data is, if any: by a shared identifier first (an LEI, a
 * company number, an IMO number names one party whatever its spelling), then by name with birth date and
 * countries through the screening engine. The match and its score become part of every proof that runs
 * through the party, so the party's own node keeps them in `resolvedTo`.
 *
 * The lookup is passed in: `engineLookup` (resolve-with-engine.ts) builds one over a screening engine,
 * and an adapter whose engine runs in another thread answers with promises.
 *
 * @example
 * const nodes = await resolveParties(file.nodes, engineLookup(engine));
 * nodes.find((n) => n.id === 'bods:velmur')?.resolvedTo
 * // { recordId: 'ofac:22606', score: 1, reason: 'registrationNumber 201306174D is an identifier of ofac:22606' }
 */
import type { GraphNode } from './graph.js';

export type PartyResolution = NonNullable<GraphNode['resolvedTo']>;

/** A value, or a promise of it, so that a lookup can ask a screening engine in another thread. */
export type MaybePromise<T> = T | Promise<T>;

export interface PartyLookup {
  /** The one listed record holding this identifier (`scheme` as the file writes it), or undefined. */
  byIdentifier(scheme: string, value: string): MaybePromise<string | undefined>;
  /** The best listed record at or above the alert threshold for the party's name, birth date and countries. */
  byName(node: GraphNode): MaybePromise<PartyResolution | undefined>;
}

/**
 * The nodes, each user party with `resolvedTo` set to the listed record it is, or without it when none
 * matched (a match from an earlier run is dropped: the lists may have changed since). Listed records and
 * parties the source could not name are returned as they are. The input is not changed.
 */
export async function resolveParties(nodes: readonly GraphNode[], lookup: PartyLookup): Promise<GraphNode[]> {
  const resolved: GraphNode[] = [];
  for (const node of nodes) {
    if (node.designated || node.unspecified) {
      resolved.push(node);
      continue;
    }
    const match = await resolveParty(node, lookup);
    const { resolvedTo: _previous, ...rest } = node;
    resolved.push(match ? { ...rest, resolvedTo: match } : rest);
  }
  return resolved;
}

/** Identifiers first, in the order the source gives them; the name only when none identifies a record. */
async function resolveParty(node: GraphNode, lookup: PartyLookup): Promise<PartyResolution | undefined> {
  for (const { scheme, value } of node.identifiers ?? []) {
    const recordId = await lookup.byIdentifier(scheme, value);
    if (recordId) return { recordId, score: 1, reason: `${scheme} ${value} is an identifier of ${recordId}` };
  }
  if (node.name.trim() === '') return undefined;
  return lookup.byName(node);
}
