/**
 * engineLookup over a small real publication: OFAC's consolidated (non-SDN) list of 2025-12-19, 442
 * records, read with the product's parser. The identifiers below are in its remarks (cons_prim.csv).
 */
import { describe, expect, it } from 'vitest';
import { detectPublications, parsePublication } from '@embargo/lists';
import { ScreeningEngine } from '../match/engine.js';
import { hasShared, sharedList } from '../../../../test/shared-data.js';
import type { GraphNode } from './graph.js';
import { engineLookup } from './resolve-with-engine.js';
import { resolveParties } from './resolve.js';

const CONS = 'ofac-cons/2025-12-19/cons_prim.csv';
const file = { kind: 'file', file: 'owners.csv' } as const;

describe.skipIf(!hasShared(CONS))('engineLookup on the OFAC consolidated list of 2025-12-19', async () => {
  const engine = hasShared(CONS)
    ? new ScreeningEngine(
        await (async () => {
          const { publications } = await detectPublications(sharedList('ofac-cons/2025-12-19'));
          return (await parsePublication(publications[0])).entities;
        })(),
      )
    : (undefined as never);
  const lookup = engine ? engineLookup(engine) : (undefined as never);

  it('finds a record by a number its scheme may name, written with or without spaces', () => {
    // VTB BANK (17013): "SWIFT/BIC VTBRRUMM; … Legal Entity Number 253400V1H6ART1UQ0N98; Registration ID 1027739609391 (Russia)".
    expect(lookup.byIdentifier('swiftBic', 'VTBRRUMM')).toBe('ofac:17013');
    expect(lookup.byIdentifier('XI-LEI', '253400V1H6ART1UQ0N98')).toBe('ofac:17013');
    expect(lookup.byIdentifier('leiCode', '2534 00V1 H6AR T1UQ 0N98')).toBe('ofac:17013');
    expect(lookup.byIdentifier('RU-OGRN', '1027739609391')).toBe('ofac:17013');
  });

  it('does not compare a number with a property its scheme cannot name, nor across countries', () => {
    expect(lookup.byIdentifier('imoNumber', 'VTBRRUMM')).toBeUndefined();
    expect(lookup.byIdentifier('swiftBic', '253400V1H6ART1UQ0N98')).toBeUndefined();
    // The registration is Russian (the list says so); a UK company number with the same digits is another company.
    expect(lookup.byIdentifier('GB-COH', '1027739609391')).toBeUndefined();
  });

  it('resolves nothing by a number two records hold, nor by a number too short to identify', () => {
    // Tax ID 7750004150 is VNESHECONOMBANK's (17015) and its 18291's.
    expect(lookup.byIdentifier('taxNumber', '7750004150')).toBeUndefined();
    // VTB's "License 1000".
    expect(lookup.byIdentifier('registrationNumber', '1000')).toBeUndefined();
  });

  it('resolves a name with birth date and country to the best alerting match, with its explanation', async () => {
    const zahhar: GraphNode = {
      id: 'csv:zahhar',
      name: 'Mahmoud Zahhar',
      schema: 'Person',
      birthDate: '1945',
      countries: ['PS'],
      source: file,
    };
    const match = await lookup.byName(zahhar);
    expect(match).toMatchObject({ recordId: 'ofac:9647' });
    expect(match!.score).toBeGreaterThanOrEqual(engine.algorithm.threshold);
    expect(match!.reason).toMatch(/ZAHHAR/i);
    // Another birth date weighs against the same name.
    const other = await lookup.byName({ ...zahhar, birthDate: '1990-05-01' });
    expect(other === undefined || other.score < match!.score).toBe(true);
  });

  it('leaves a name that matches nothing unresolved', async () => {
    expect(await lookup.byName({ id: 'csv:x', name: 'Profitech Ltd', schema: 'Company', countries: ['GB'], source: file })).toBeUndefined();
  });

  it('through resolveParties: identifiers first, then names, and the reason names what matched', async () => {
    const nodes: GraphNode[] = [
      { id: 'bods:vtb', name: 'Bank VTB', identifiers: [{ scheme: 'XI-LEI', value: '253400V1H6ART1UQ0N98' }], source: file },
      { id: 'csv:lukoil', name: 'LUKOIL OAO', schema: 'Company', countries: ['RU'], source: file },
      { id: 'csv:profitech', name: 'Profitech Ltd', source: file },
    ];
    const [vtb, lukoil, profitech] = await resolveParties(nodes, lookup);
    expect(vtb.resolvedTo).toEqual({
      recordId: 'ofac:17013',
      score: 1,
      reason: 'XI-LEI 253400V1H6ART1UQ0N98 is an identifier of ofac:17013',
    });
    expect(lukoil.resolvedTo).toMatchObject({ recordId: 'ofac:17248' });
    expect(profitech.resolvedTo).toBeUndefined();
  });
});
