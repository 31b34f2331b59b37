/**
 * @module network/designations
 * Which parties and vessels of a transactions file are designated: matched to a listed record by the
 * screening engine, or blocked by ownership (owned or controlled by designated persons under a regime).
 * Built by the edges (the CLI and the server screen each distinct name once); read by `measureExposure`.
 */

export interface Designation {
  /** The listed record matched, or the ownership graph's node that is blocked. */
  recordId: string;
  /** The record's name as the list writes it. */
  caption: string;
  /** Why: matched on the lists (with the engine's score) or blocked by ownership (with the regime's proof). */
  basis: 'listed' | 'ownership';
  /** The engine's score for a listed match; 1 for ownership. */
  score: number;
  /** One line an analyst reads: the match explanation's summary, or the proof's first line. */
  reason: string;
}

/** Designations by party id and by vessel id of a `TransactionTable`. */
export interface NetworkDesignations {
  parties: ReadonlyMap<number, Designation>;
  vessels: ReadonlyMap<number, Designation>;
}

/** An entity the ownership rules block, as the ownership evaluation names it. */
export interface BlockedByOwnership {
  nodeId: string;
  name: string;
  regime: string;
  /** The proof's first line, or another sentence saying why. */
  reason: string;
}

/**
 * The parties of the file that ownership data shows blocked (status `blocked` under a regime), found by
 * name as the ownership file writes it (case and spacing aside): a customer's ownership file and its
 * payments name its counterparties the same way. The first regime that blocks a party is quoted.
 */
export function ownershipDesignations(
  partyNamed: (name: string) => number | undefined,
  blocked: readonly BlockedByOwnership[],
): Map<number, Designation> {
  const designations = new Map<number, Designation>();
  for (const b of blocked) {
    const party = partyNamed(b.name);
    if (party === undefined || designations.has(party)) continue;
    designations.set(party, {
      recordId: b.nodeId,
      caption: b.name,
      basis: 'ownership',
      score: 1,
      reason: `blocked by ownership under ${b.regime.toUpperCase()}: ${b.reason}`,
    });
  }
  return designations;
}
