/**
 * Exposure on the real SDN list of 2023-12-28: the ten companies designated on 22 August 2017 (their ids
 * in ../shared/data/ownership/PROVENANCE.md) and their "Linked To:" neighbours, read by hand from the
 * remarks (see `from-lists.test.ts`), each reached in one step with the remark as evidence.
 */
import { describe, expect, it } from 'vitest';
import { LINKED_TO_2017_DESIGNATIONS } from '../../../../test/ownership-graphs.js';
import { detectPublications, parsePublication } from '@embargo/lists';
import { hasShared, sharedList } from '../../../../test/shared-data.js';
import { compileOwnershipGraph } from './compile.js';
import { derivedStatuses, evaluateOwnership } from './evaluate.js';
import { EXPOSURE_EDGE_STRENGTH, exposurePaths } from './exposure.js';
import { listGraph } from './from-lists.js';

const NEIGHBOURS = LINKED_TO_2017_DESIGNATIONS;

describe.skipIf(!hasShared('ofac-sdn/2023-12-28/sdn.csv'))('exposure on the SDN list of 2023-12-28', async () => {
  const dir = hasShared('ofac-sdn/2023-12-28/sdn.csv') ? sharedList('ofac-sdn/2023-12-28') : undefined;
  const [publication] = dir === undefined ? [] : (await detectPublications(dir)).publications;
  const parsed = publication === undefined ? undefined : await parsePublication(publication);
  const graph = parsed === undefined ? (undefined as never) : compileOwnershipGraph(listGraph(parsed.entities, parsed.relationships));

  it('compiles the list without a problem, and derives nothing from links without shares', () => {
    expect(graph.problems).toEqual([]);
    expect(derivedStatuses(evaluateOwnership(graph))).toEqual([]);
  });

  for (const [company, neighbours] of Object.entries(NEIGHBOURS)) {
    it(`ofac:${company}: its Linked To neighbours, one step away, with the remark`, () => {
      const targets = exposurePaths(graph, `ofac:${company}`, { depth: 1, maxTargets: 50 })!;
      expect(targets.map((t) => t.nodeId.slice(5)).sort()).toEqual(neighbours);
      for (const t of targets) {
        expect(t.distance).toBe(1);
        expect(t.strongest.strength).toBe(EXPOSURE_EDGE_STRENGTH.listLink);
        const [step] = t.shortest[0].steps;
        expect(step.edge.kind).toBe('listLink');
        expect(step.edge.source).toMatchObject({ kind: 'list', list: 'ofac-sdn' });
        expect(step.edge.label ?? step.edge.source.text).toMatch(/^Linked To: /);
      }
    });
  }

  it('GEFEST-M (22607) at depth 2 reaches through KOREA TANGUN TRADING the records linked to it', () => {
    const targets = exposurePaths(graph, 'ofac:22607', { depth: 2, maxTargets: 50 })!;
    expect(targets.map((t) => [t.nodeId, t.distance, t.shortest[0].steps.map((s) => s.to).join(' > ')])).toEqual([
      ['ofac:11599', 1, 'ofac:11599'],
      ['ofac:22608', 1, 'ofac:22608'],
      ['ofac:21736', 2, 'ofac:11599 > ofac:21736'],
      ['ofac:22287', 2, 'ofac:11599 > ofac:22287'],
      ['ofac:22288', 2, 'ofac:11599 > ofac:22288'],
    ]);
    expect(targets[2].strongest.strength).toBe(EXPOSURE_EDGE_STRENGTH.listLink ** 2);
  });
});
