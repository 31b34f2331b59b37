/**
 * @module network-ranking
 * Facilitator discovery for the API (`POST /v1/network/rank`): a transactions file in, the parties that
 * are not listed ranked by their exposure out, each with its evidence and the network around it. Every
 * distinct party and vessel name is screened once against the lists in force; the parties the tenant's
 * ownership data shows blocked count as designated too. Nothing is stored: the same file ranks the same
 * way until the lists or the tenant's ownership data change. The CLI (`embargo network rank`) does the
 * same with screening threads of its own, for files too large to upload.
 */
import {
  EmbargoError,
  designationOfMatch,
  formatProof,
  measureExposure,
  neighbourhood,
  networkScreeningQueries,
  ownershipDesignations,
  rankFacilitators,
  type Designation,
  type NetworkQuery,
  type OwnershipProof,
} from '@embargo/core';
import { readTransactionsCsv } from '@embargo/payments';
import type { AppDeps } from './deps.js';

/**
 * Distinct names (parties and vessels) one request may screen: ~10 s on the engine thread. A larger file
 * is refused with the CLI named: it screens on every core and takes files of a million rows.
 */
export const MAX_NETWORK_NAMES = 20_000;
/** Names screened at once: the engine thread takes them one after the other; a few queued keep it busy. */
const IN_FLIGHT = 16;

export interface NetworkRankRequest {
  tenant: string;
  file: string;
  text: string;
  top: number;
  /** Counterparties drawn around each ranked party (designated ones always). */
  counterparties: number;
}

async function screenAll(deps: AppDeps, queries: NetworkQuery[]): Promise<Map<number, Designation>> {
  const designations = new Map<number, Designation>();
  let next = 0;
  const work = async () => {
    while (next < queries.length) {
      const q = queries[next++];
      const [best] = await deps.screening.screen(q.query, { limit: 1, minScore: 0.5 }, true);
      if (best?.alert) designations.set(q.id, designationOfMatch({ ...best, name: best.entity.caption }));
    }
  };
  await Promise.all(Array.from({ length: IN_FLIGHT }, work));
  return designations;
}

/** The parties of the tenant that its ownership data shows blocked, as the ranking's designations. */
async function blockedByOwnership(deps: AppDeps, tenant: string, partyNamed: (name: string) => number | undefined) {
  if (!deps.ownership) return new Map<number, Designation>();
  const statuses = await deps.ownership.allStatuses(tenant, { status: 'blocked' });
  return ownershipDesignations(
    partyNamed,
    statuses.map((s) => ({ nodeId: s.id, name: s.name, regime: s.regime, reason: formatProof(s.proof as OwnershipProof)[0] ?? '' })),
  );
}

export async function rankNetworkFile(deps: AppDeps, request: NetworkRankRequest) {
  const table = readTransactionsCsv(request.file, request.text);
  const { parties: partyQueries, vessels: vesselQueries } = networkScreeningQueries(table);
  const names = partyQueries.length + vesselQueries.length;
  if (names > MAX_NETWORK_NAMES)
    throw new EmbargoError(
      'INVALID_INPUT',
      `The file names ${names.toLocaleString('en-US')} distinct parties and vessels; the API ranks files of up to ${MAX_NETWORK_NAMES.toLocaleString('en-US')}. ` +
        'Rank larger files with the CLI: embargo network rank FILE.',
      { field: 'body' },
    );
  const parties = await screenAll(deps, partyQueries);
  const vessels = await screenAll(deps, vesselQueries);
  for (const [id, d] of await blockedByOwnership(deps, request.tenant, (name) => table.partyNamed(name)))
    if (!parties.has(id)) parties.set(id, d);
  const exposure = measureExposure(table, { parties, vessels });
  const ranking = rankFacilitators(exposure, { top: request.top });
  return {
    tenant: request.tenant,
    rows: table.rows,
    parties: ranking.parties,
    designatedParties: parties.size,
    designatedVessels: vessels.size,
    listsGeneration: deps.screening.listsGeneration ?? null,
    scored: ranking.scored,
    ranked: ranking.ranked.map((r) => ({
      rank: r.rank,
      name: r.name,
      countries: r.countries,
      score: r.score,
      measures: r.measures,
      evidence: r.evidence,
      neighbourhood: neighbourhood(exposure, r.party, { counterparties: request.counterparties }),
    })),
  };
}
