/**
 * The BODS examples of the standard, loaded and evaluated under the three regimes with one of their parties
 * taken as designated: the statuses a person working each rule by hand gets, written here from reading
 * the files (joint, indirect and mixed holdings among them), before looking at what the code says.
 *
 * How the files are read by hand:
 * - joint-ownership: Natalie Coleman and Roberto Lopez each hold 50% of a joint shareholding that holds
 *   100% of CHRINON LTD.
 * - indirect-ownership: Company B holds 60% of Company A; Person 1 holds 30% of A indirectly (the file
 *   gives no share for Person 1's tie to B).
 * - mixed-direct-and-indirect-ownership: Person 1 holds 50% of Company A directly and 50% indirectly
 *   (through Company B, which holds 50%; again no share for Person 1 in B).
 * - multiple-indirect-ownership: Companies C and D each hold 50% of Company B; Person 1 holds 60% of B
 *   indirectly.
 * - mutilple-indirect-ownership-2 (sic): Company B holds 40% and Company C 20% of Company A; Person 1 holds
 *   60% of A indirectly.
 * - Ranges: bods-package-entity-owning-entity (MVJ LIMITED holds at least 75% and less than 100% of JENEX
 *   LIMITED); bods-package-linking-annotations (Mr Jeremy Hunt holds more than 25% and less than 50% of
 *   MARE POND PROPERTIES); simple-pep-declaration (Michael Hubbard holds at least 25% and less than 50% of
 *   the shares and of the votes of Platinum Emerald and Plutonim Mining).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { evaluateOwnership, ownershipStatus, ownershipStatusJson, REGIME_IDS, type RegimeId } from '@embargo/core';
import { SHARED_DIR } from '../../../test/shared-data.js';
import { parseOwnershipFile } from './detect.js';

const EXAMPLES = join(SHARED_DIR, 'data', 'ownership', 'bods_examples');

/** The example's statements with the parties named designated, and each node's id by name. */
function example(file: string, designated: readonly string[]) {
  const parsed = parseOwnershipFile(file, readFileSync(join(EXAMPLES, file), 'utf8'));
  const idOf = (name: string) => {
    const node = parsed.nodes.find((n) => n.name === name);
    if (!node) throw new Error(`${file}: no party named ${name}`);
    return node.id;
  };
  const nodes = parsed.nodes.map((n) => (designated.includes(n.name) ? { ...n, designated: true } : n));
  const evaluation = evaluateOwnership({ nodes, edges: parsed.edges });
  const status = (name: string, regime: RegimeId) => ownershipStatus(evaluation, idOf(name), regime);
  return { evaluation, idOf, status };
}

type Expected = Record<string, Record<RegimeId, 'blocked' | 'possibly_blocked' | 'none'>>;
const all = (status: 'blocked' | 'none'): Record<RegimeId, typeof status> => ({ ofac: status, eu: status, uk: status });

const CASES: { file: string; designated: string[]; expected: Expected; why: string }[] = [
  {
    file: 'joint-ownership.json',
    designated: ['Natalie Coleman'],
    why: 'half of a joint shareholding: 50% is enough for OFAC and the EU (50% or more), not for the UK (more than 50%)',
    expected: {
      'Joint shareholding': { ofac: 'blocked', eu: 'blocked', uk: 'none' },
      'CHRINON LTD': { ofac: 'blocked', eu: 'blocked', uk: 'none' },
      'Roberto Lopez': all('none'),
    },
  },
  {
    file: 'joint-ownership.json',
    designated: ['Natalie Coleman', 'Roberto Lopez'],
    why: 'both joint holders designated: their holdings in one joint arrangement add up under the UK rule too (OFSI 4.14)',
    expected: { 'Joint shareholding': all('blocked'), 'CHRINON LTD': all('blocked') },
  },
  {
    file: 'indirect-ownership.json',
    designated: ['Person 1'],
    why: 'an indirect 30% is below every threshold, and no share is known for the tie to Company B',
    expected: { 'Company A': all('none'), 'Company B': all('none') },
  },
  {
    file: 'indirect-ownership.json',
    designated: ['Company B'],
    why: 'a designated company holding 60% blocks what it holds under every rule',
    expected: { 'Company A': all('blocked') },
  },
  {
    file: 'mixed-direct-and-indirect-ownership.json',
    designated: ['Person 1'],
    why: '50% direct and 50% indirect: 100% in all, more than half for the UK as well',
    expected: { 'Company A': all('blocked'), 'Company B': all('none') },
  },
  {
    file: 'multiple-indirect-ownership.json',
    designated: ['Person 1'],
    why: 'an indirect 60% (through C and D, whose own shares the file does not give) is more than half',
    expected: { 'Company B': all('blocked'), 'Company C': all('none'), 'Company D': all('none') },
  },
  {
    file: 'mutilple-indirect-ownership-2.json',
    designated: ['Person 1'],
    why: 'an indirect 60% of Company A; its direct holders B (40%) and C (20%) are not held by Person 1 in any stated share',
    expected: { 'Company A': all('blocked'), 'Company B': all('none'), 'Company C': all('none') },
  },
  {
    file: 'bods-package-entity-owning-entity.json',
    designated: ['MVJ LIMITED'],
    why: 'at least 75% (less than 100%): the lower end is past every threshold',
    expected: { 'JENEX LIMITED': all('blocked') },
  },
  {
    file: 'bods-package-linking-annotations.json',
    designated: ['Mr Jeremy Hunt'],
    why: 'less than 50%, the upper end excluded: not even possibly 50% or more',
    expected: { 'MARE POND PROPERTIES LIMITED': all('none') },
  },
  {
    file: 'simple-pep-declaration.json',
    designated: ['Michael Hubbard'],
    why: 'less than 50% of the shares, and of the votes: no ownership, and no control by votes under the EU or UK tests',
    expected: { 'Platinum Emerald and Plutonim Mining Limited': all('none') },
  },
];

describe('BODS examples evaluated by hand and by the rules', () => {
  for (const c of CASES)
    it(`${c.file} with ${c.designated.join(' and ')} designated: ${c.why}`, () => {
      const { status } = example(c.file, c.designated);
      for (const [name, byRegime] of Object.entries(c.expected))
        for (const regime of REGIME_IDS)
          expect(`${name} ${regime}: ${status(name, regime)}`).toBe(`${name} ${regime}: ${byRegime[regime]}`);
    });

  it('states the joint arrangement and the indirect holding in the proofs', () => {
    const joint = example('joint-ownership.json', ['Natalie Coleman', 'Roberto Lopez']);
    const uk = ownershipStatusJson(joint.evaluation, joint.idOf('CHRINON LTD'), 'uk')!;
    expect(uk.aggregate).toMatchObject({ min: 100, max: 100 });
    expect(uk.proof.join('\n')).toMatch(/Natalie Coleman 50% \+ Roberto Lopez 50%|Roberto Lopez 50% \+ Natalie Coleman 50%/);
    const mixed = example('mixed-direct-and-indirect-ownership.json', ['Person 1']);
    const ofac = ownershipStatusJson(mixed.evaluation, mixed.idOf('Company A'), 'ofac')!;
    expect(ofac.aggregate).toMatchObject({ min: 100, max: 100 });
  });
});
