/**
 * @module network/screening
 * What the edges screen for a transactions file, and how an answer becomes a designation: each distinct
 * party name once (as a legal entity: a payer or payee is a person or an organisation, never a vessel),
 * with its country where the file gives it one; each distinct vessel name once, as a vessel.
 *
 * @example
 * const { parties, vessels } = networkScreeningQueries(table);
 * parties[0] // { party: 0, query: { name: 'Acme Ltd', schema: 'LegalEntity', country: 'GB' } }
 */
import type { ScreeningQuery } from '../match/query.js';
import type { Designation } from './designations.js';
import type { TransactionTable } from './transactions.js';

export interface NetworkQuery {
  /** The party id, or the vessel id. */
  id: number;
  query: ScreeningQuery;
}

export function networkScreeningQueries(table: TransactionTable): { parties: NetworkQuery[]; vessels: NetworkQuery[] } {
  const parties = table.parties.map((p, id) => ({
    id,
    // A party the file places in several countries is screened without one rather than with a guess.
    query: { name: p.name, schema: 'LegalEntity' as const, ...(p.countries.length === 1 ? { country: p.countries[0] } : {}) },
  }));
  const vessels: NetworkQuery[] = [];
  table.vessels.values.forEach((name, id) => {
    if (name !== '') vessels.push({ id, query: { name, schema: 'Vessel' } });
  });
  return { parties, vessels };
}

/** The best alerting match of a screening, as the designation of the party or vessel screened. */
export function designationOfMatch(match: { id: string; name: string; score: number; explanation: { summary: string } }): Designation {
  return { recordId: match.id, caption: match.name, basis: 'listed', score: match.score, reason: match.explanation.summary };
}
