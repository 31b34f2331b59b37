import { describe, expect, it } from 'vitest';
import type { GraphNode } from './graph.js';
import { resolveParties, type PartyLookup, type PartyResolution } from './resolve.js';

const file = { kind: 'file', file: 'owners.csv' } as const;

/** A lookup that knows one LEI and two names, and records what it was asked. */
function fakeLookup(): PartyLookup & { asked: string[] } {
  const asked: string[] = [];
  const names: Record<string, PartyResolution> = {
    'Velmur Management': { recordId: 'ofac:22606', score: 0.97, reason: 'name matches VELMUR MANAGEMENT PTE LTD' },
    'Acme Holding': { recordId: 'ofac:99999', score: 0.91, reason: 'name matches ACME HOLDING' },
  };
  return {
    asked,
    byIdentifier(scheme, value) {
      asked.push(`id ${scheme} ${value}`);
      return scheme === 'XI-LEI' && value === '5493001KJTIIGC8Y1R12' ? 'ofac:12345' : undefined;
    },
    async byName(node) {
      asked.push(`name ${node.name}`);
      return names[node.name];
    },
  };
}

describe('resolveParties', () => {
  it('tries identifiers first, in order, and does not screen the name of an identified party', async () => {
    const lookup = fakeLookup();
    const node: GraphNode = {
      id: 'bods:1',
      name: 'Acme Holding',
      identifiers: [
        { scheme: 'GB-COH', value: '01234567' },
        { scheme: 'XI-LEI', value: '5493001KJTIIGC8Y1R12' },
      ],
      source: file,
    };
    const [resolved] = await resolveParties([node], lookup);
    expect(resolved.resolvedTo).toEqual({
      recordId: 'ofac:12345',
      score: 1,
      reason: 'XI-LEI 5493001KJTIIGC8Y1R12 is an identifier of ofac:12345',
    });
    expect(lookup.asked).toEqual(['id GB-COH 01234567', 'id XI-LEI 5493001KJTIIGC8Y1R12']);
  });

  it('falls back to the name, keeping the score and reason of the match', async () => {
    const lookup = fakeLookup();
    const [resolved] = await resolveParties(
      [{ id: 'csv:velmur management', name: 'Velmur Management', identifiers: [{ scheme: 'GB-COH', value: '999' }], source: file }],
      lookup,
    );
    expect(resolved.resolvedTo).toEqual({ recordId: 'ofac:22606', score: 0.97, reason: 'name matches VELMUR MANAGEMENT PTE LTD' });
    expect(lookup.asked).toEqual(['id GB-COH 999', 'name Velmur Management']);
  });

  it('leaves a party no lookup knows without resolvedTo, and drops the match of an earlier run', async () => {
    const stale: GraphNode = {
      id: 'csv:nobody',
      name: 'Nobody Ltd',
      resolvedTo: { recordId: 'ofac:1', score: 0.9, reason: 'matched before a delisting' },
      source: file,
    };
    const [resolved] = await resolveParties([stale], fakeLookup());
    expect(resolved).toEqual({ id: 'csv:nobody', name: 'Nobody Ltd', source: file });
    expect(stale.resolvedTo).toBeDefined(); // the input is not changed
  });

  it('asks nothing about listed records, unnamed parties or empty names', async () => {
    const lookup = fakeLookup();
    const nodes: GraphNode[] = [
      { id: 'ofac:22606', name: 'VELMUR MANAGEMENT PTE LTD', designated: true, source: { kind: 'list', recordId: 'ofac:22606' } },
      { id: 'bods:anon', name: 'Anonymous person', unspecified: { reason: 'interestedPartyExemptFromDisclosure' }, source: file },
      { id: 'csv:blank', name: ' ', source: file },
    ];
    const resolved = await resolveParties(nodes, lookup);
    expect(resolved).toEqual(nodes);
    expect(lookup.asked).toEqual([]);
  });
});
