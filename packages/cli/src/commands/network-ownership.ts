/**
 * @module commands/network-ownership
 * `embargo network rank --ownership FILE`: the parties an ownership file shows blocked (owned or controlled
 * by designated persons under a regime) count as designated in the ranking. The file is read, its parties
 * matched to the listed records and the regimes evaluated as `embargo ownership load` does, in memory: the
 * ranking stores nothing.
 */
import { readFile } from 'node:fs/promises';
import { basename } from 'node:path';
import {
  EmbargoError,
  ScreeningEngine,
  compileOwnershipGraph,
  derivedStatuses,
  engineLookup,
  evaluateOwnership,
  formatProof,
  listGraph,
  ownershipDesignations,
  proveStatus,
  resolveParties,
  type Designation,
  type TransactionTable,
} from '@embargo/core';
import { parseOwnershipFile } from '@embargo/ownership';
import type { Io } from '../output.js';
import { parseDirectory } from './lists.js';

export async function ownershipBlockedParties(
  io: Io,
  file: string,
  dataDir: string,
  transactions: TransactionTable,
): Promise<Map<number, Designation>> {
  const text = await readFile(file, 'utf8').catch((e: NodeJS.ErrnoException) => {
    throw new EmbargoError('INVALID_INPUT', `${file}: cannot read the file (${e.code ?? e.message})`, { file });
  });
  const parsed = parseOwnershipFile(basename(file), text);
  io.err(`Reading ownership from ${file}: ${parsed.nodes.length} parties, ${parsed.edges.length} ties…`);
  const publications = await parseDirectory(io, dataDir);
  const entities = publications.flatMap((p) => p.entities);
  const lists = listGraph(
    entities,
    publications.flatMap((p) => p.relationships),
  );
  const nodes = await resolveParties(parsed.nodes, engineLookup(new ScreeningEngine(entities)));
  const evaluation = evaluateOwnership(
    compileOwnershipGraph({ nodes: [...lists.nodes, ...nodes], edges: [...lists.edges, ...parsed.edges] }),
  );
  const blocked = derivedStatuses(evaluation)
    .filter((s) => s.status === 'blocked')
    .map((s) => ({
      nodeId: s.nodeId,
      name: s.name,
      regime: s.regime,
      reason: formatProof(proveStatus(evaluation, s.nodeId, s.regime)!)[0] ?? '',
    }));
  const designations = ownershipDesignations((name) => transactions.partyNamed(name), blocked);
  io.err(`  ${blocked.length} entities blocked by ownership; ${designations.size} of them trade in the file`);
  return designations;
}
