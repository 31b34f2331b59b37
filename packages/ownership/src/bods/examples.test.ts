/**
 * Every example of the BODS 0.4 repository (openownership/data-standard examples/, in
 * ../shared/data/ownership/bods_examples) loads, and gives the nodes and edges a person reading the file
 * writes down. The expectations below were written from the files, not from the parser's output:
 * `from → to kind share directness` with ids as the files give them.
 */
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { hasSharedOwnership, SHARED_OWNERSHIP, sharedOwnership } from '../../../../test/shared-data.js';
import { edgeLine, nodeLine } from '../test-support.js';
import { parseBods } from './index.js';

interface Expected {
  why: string;
  nodes: string[];
  edges: string[];
  leftOut?: string[];
}

const EXAMPLES: Record<string, Expected> = {
  'bods-package.json': {
    why: 'one person owns all of one company; the person has two names, the legal one first',
    nodes: ['c359f58d2977 Company "Profitech Ltd" GB-COH 2063384560', '10478c6cf6de Person "Jennifer Hewitson-Smith" GB born 1978-07'],
    edges: ['10478c6cf6de → c359f58d2977 ownership 100% direct'],
  },
  'bods-package-annotations.json': {
    why: 'a relationship without interests is kept as a tie; a jurisdiction gives a country',
    nodes: [
      '387a14452645 Company "DRILLGREAT LIMITED" GB-COH 06292597',
      '22e8a31863ee Company "MONSOON HOLDINGS (NO.1) LIMITED" GB GB-COH 02585514',
    ],
    edges: ['387a14452645 → 22e8a31863ee associate no interests stated'],
  },
  'bods-package-entity-owning-entity.json': {
    why: 'a range share: minimum 75 (inclusive), exclusiveMaximum 100',
    nodes: ['12b7dd0770ce Company "JENEX LIMITED" GB-COH 03209885', 'e83cce729ada Company "MVJ LIMITED" GB-COH 08150312'],
    edges: ['e83cce729ada → 12b7dd0770ce ownership at least 75% and less than 100% direct'],
  },
  'bods-package-fi-soe.json': {
    why: 'a state-owned enterprise: direct shares of 76.5% and 23.5%, a ministry controlled by the state, and the indirect 100% that sums them',
    nodes: [
      '19f1c5afe9d7 Company "Gasgrid Finland Oy" FI FI-PRO 3007894-1',
      '0199c515a699 Company "Suomen Kaasuverkko Oy" FI FI-PRO 3010424-9',
      '7ff95ba3682c PublicBody "Valtiovarainministerio" FI',
      '05ce06ec97b1 PublicBody "Suomen tasavalta" FI',
    ],
    edges: [
      '0199c515a699 → 19f1c5afe9d7 ownership 76.5% direct',
      '7ff95ba3682c → 0199c515a699 ownership 100% direct',
      '7ff95ba3682c → 19f1c5afe9d7 ownership 23.5% direct',
      '05ce06ec97b1 → 7ff95ba3682c control other',
      '05ce06ec97b1 → 19f1c5afe9d7 ownership 100% indirect',
    ],
  },
  'bods-package-linking-annotations.json': {
    why: 'both ends exclusive (more than 25%, less than 50%); no directOrIndirect is unknown',
    nodes: ['a01c1a0863e2 Company "MARE POND PROPERTIES LIMITED" GB-COH 10970413', '0fc263ba4126 Person "Mr Jeremy Hunt"'],
    edges: ['0fc263ba4126 → a01c1a0863e2 ownership more than 25% and less than 50% unknown'],
  },
  'fermcat.json': {
    why: 'a history of 23 statements: Riyadh leaves (closed 2021-09-11), Declan comes and goes (closed 2022-01-21), Patrick ends with 100% and a board seat',
    nodes: [
      'per-41c0bb0cef246f7c Person "Patrick O\'Donohue" IE IRL-TAXID 0691084DH',
      'ent-93c75c87ab28f889 Company "Fermcat Ltd" IE IRL-BAU 434151',
    ],
    edges: [
      'per-41c0bb0cef246f7c → ent-93c75c87ab28f889 ownership 100% direct',
      'per-41c0bb0cef246f7c → ent-93c75c87ab28f889 directorship boardMember',
    ],
    leftOut: [
      'statement 11: the person record per-5faa4103dee78621 was closed on 2021-09-11T14:02:11Z',
      'statement 13: the relationship record rel-b05e7c91e0a04e4f was closed on 2021-09-11T14:02:11Z',
      'statement 21: the person record per-e334cc6258e56467 was closed on 2022-01-21T11:56:47Z',
      'statement 23: the relationship record rel-b64a491543d986d0 was closed on 2022-01-21T11:56:47Z',
    ],
  },
  'full-pep-declaration.json': {
    why: 'shares and votes of at least 25% and less than 50%: an ownership and a voting-rights control with the same range',
    nodes: [
      'a7b3bd81d8ba Company "Platinum Emerald and Plutonim Mining Limited" GB-COH XE-000079054',
      '9bcdcc85e803 Person "Michael Hubbard"',
    ],
    edges: [
      '9bcdcc85e803 → a7b3bd81d8ba ownership at least 25% and less than 50% direct',
      '9bcdcc85e803 → a7b3bd81d8ba control at least 25% and less than 50% votingRights',
    ],
  },
  'simple-pep-declaration.json': {
    why: 'the same declaration, simpler PEP details',
    nodes: [
      '841083ba86e3 Company "Platinum Emerald and Plutonim Mining Limited" GB-COH XE-000079054',
      'c9ceb68d7241 Person "Michael Hubbard"',
    ],
    edges: [
      'c9ceb68d7241 → 841083ba86e3 ownership at least 25% and less than 50% direct',
      'c9ceb68d7241 → 841083ba86e3 control at least 25% and less than 50% votingRights',
    ],
  },
  'indirect-ownership.json': {
    why: 'indirect: B owns 60% of A, Person 1 an interest of unknown type in B, and 30% of A indirectly',
    nodes: [
      'ad3f6c2fcc9e Company "Company A" GB-COH XE9999',
      'd4ab89ea169a Company "Company B" GB-COH XE1010',
      'c25d4d612c2c Person "Person 1" GB born 1965-11',
    ],
    edges: [
      'd4ab89ea169a → ad3f6c2fcc9e ownership 60% direct',
      'c25d4d612c2c → d4ab89ea169a associate interest of unknown type',
      'c25d4d612c2c → ad3f6c2fcc9e ownership 30% indirect',
    ],
  },
  'mixed-direct-and-indirect-ownership.json': {
    why: 'one relationship with two interests: 50% indirect through B and 50% direct',
    nodes: [
      '9bfe59b6a869 Company "Company A" GB-COH XE-08-A',
      'ec61aeda7141 Company "Company B" GB-COH XE-08-B',
      '53508b65253f Person "Person 1" GB born 1978-08',
    ],
    edges: [
      'ec61aeda7141 → 9bfe59b6a869 ownership 50% direct',
      '53508b65253f → ec61aeda7141 associate interest of unknown type',
      '53508b65253f → 9bfe59b6a869 ownership 50% indirect',
      '53508b65253f → 9bfe59b6a869 ownership 50% direct',
    ],
  },
  'multiple-indirect-ownership.json': {
    why: 'two intermediaries of 50% each; the person holds 60% of B indirectly through both',
    nodes: [
      '63e3a8a8946f Company "Company B" UA-EDR UA-XE-02',
      '92ebf964a1f6 Person "Person 1" UA born 1965-10',
      'd177864a8b39 Company "Company C" GB-COH GB-XE-03',
      '05fbbfb94b79 Company "Company D" GB-COH GB-XE-04',
    ],
    edges: [
      'd177864a8b39 → 63e3a8a8946f ownership 50% direct',
      '05fbbfb94b79 → 63e3a8a8946f ownership 50% direct',
      '92ebf964a1f6 → d177864a8b39 associate interest of unknown type',
      '92ebf964a1f6 → 05fbbfb94b79 associate interest of unknown type',
      '92ebf964a1f6 → 63e3a8a8946f ownership 60% indirect',
    ],
  },
  'mutilple-indirect-ownership-2.json': {
    why: 'B holds 40% and C 20% of A; the person 60% of A indirectly',
    nodes: [
      '1e049760d6c7 Company "Company A" GB-COH XE1111',
      '41454e3ba398 Company "Company B" GB-COH XE2222',
      '6c9fd5c92201 Company "Company C" GB-COH XE3333',
      '731c7a8e7601 Person "Person 1" GB born 1975-11',
    ],
    edges: [
      '41454e3ba398 → 1e049760d6c7 ownership 40% direct',
      '6c9fd5c92201 → 1e049760d6c7 ownership 20% direct',
      '731c7a8e7601 → 41454e3ba398 associate interest of unknown type',
      '731c7a8e7601 → 6c9fd5c92201 associate interest of unknown type',
      '731c7a8e7601 → 1e049760d6c7 ownership 60% indirect',
    ],
  },
  'joint-ownership.json': {
    why: 'a joint shareholding: an arrangement owns 100%, each person 50% of the arrangement, marked joint',
    nodes: [
      '31c55e425764 Company "CHRINON LTD" GB GB-COH 07444723',
      '91b4236a7d89 LegalEntity "Joint shareholding"',
      '1accb8b18b99 Person "Natalie Coleman"',
      'f040df24d9ec Person "Roberto Lopez"',
    ],
    edges: [
      '91b4236a7d89 → 31c55e425764 ownership 100% direct',
      '1accb8b18b99 → 91b4236a7d89 ownership 50% direct joint 91b4236a7d89',
      'f040df24d9ec → 91b4236a7d89 ownership 50% direct joint 91b4236a7d89',
    ],
  },
  'levent.json': {
    why: 'a trust: a trustee (control), a settlor who is also trustee, and an anonymous beneficiary (a minor)',
    nodes: [
      '700c264e Person "Andrew Anderson" born 2002-01-11',
      'd8855000 Person "Bella Buxton" born 1999-07-17',
      '81337a6e Person "Anonymous person" unspecified: interestedPartyExemptFromDisclosure',
      '8e40d059 LegalEntity "Levent Trust" FR',
    ],
    edges: [
      '700c264e → 8e40d059 control other',
      'd8855000 → 8e40d059 associate constituant',
      'd8855000 → 8e40d059 control other',
      '81337a6e → 8e40d059 associate beneficiaire',
    ],
  },
  'listed-company-exempt-from-disclosure.json': {
    why: 'a listed company exempt from disclosure: its owner is an unspecified party, with the reason',
    nodes: [
      '4c7ea3bfbe6c Company "Listed Company OS-17" GB-COH XE000017',
      'fa402c4818f9/interestedParty LegalEntity "Unspecified interested party" unspecified: subjectExemptFromDisclosure',
    ],
    edges: ['fa402c4818f9/interestedParty → 4c7ea3bfbe6c associate no interests stated'],
  },
  'multiple-tax-residencies.json': {
    why: 'countries from nationality and two tax residencies',
    nodes: ['fd5c8dbc9a91 Company "Company A" GB-COH XE-A-01', '8f2f34b57a8f Person "Logan Morton" GB,UA born 1975-01'],
    edges: ['8f2f34b57a8f → fd5c8dbc9a91 ownership 100% direct'],
  },
  'nomination.json': {
    why: 'a nomination: the nominator controls the arrangement, the nominee acts for it, the arrangement sits on the board, the nominator controls the company indirectly',
    nodes: [
      '101AB1984F Person "Silvia Teixeira Perez" MX born 2005-03-12',
      '102AB1984E Person "Vanessa Rivero" MX born 1968-09-20',
      '103AB1984D LegalEntity "Perez-Rivero nomination" MX',
      '104AB1984C Organization "Los Corazones de Plata" MX MX-RFC CPL211105123',
    ],
    edges: [
      '101AB1984F → 103AB1984D control other',
      '102AB1984E → 103AB1984D associate nominee',
      '103AB1984D → 104AB1984C directorship boardMember',
      '101AB1984F → 104AB1984C control other',
    ],
  },
  'plc-entity-statement.json': {
    why: 'one entity and no relationship: a company number and an LEI',
    nodes: ['70044236 Organization "AstraZeneca PLC" GB GB-COH 02723534 XI-LEI PY6ZZQWO2IZFZC3IOL08'],
    edges: [],
  },
  'tecido.json': {
    why: "a history: Shear Trust rises to 80% (shares and votes); Maria Esteves's relationship and record are closed on 2023-03-03",
    nodes: [
      '01B68D7633 Company "Tecido Ltd" US Company Registry, Delaware. Company number 758355',
      '033E84672B Company "Shear Trust" US Company Registry, Delaware. Company number 894837',
    ],
    edges: ['033E84672B → 01B68D7633 ownership 80% direct', '033E84672B → 01B68D7633 control 80% votingRights'],
    leftOut: [
      'statement 9: the person record 018AF6B3EB was closed on 2023-03-03',
      'statement 10: the relationship record 022EBEB66B was closed on 2023-03-03',
    ],
  },
};

describe.skipIf(!hasSharedOwnership())('parseBods on the 19 BODS 0.4 examples', () => {
  it('has an expectation for every example in the folder', () => {
    const files = readdirSync(join(SHARED_OWNERSHIP, 'bods_examples')).filter((f) => f.endsWith('.json'));
    expect(files.sort()).toEqual(Object.keys(EXAMPLES).sort());
  });

  for (const [file, expected] of Object.entries(EXAMPLES)) {
    it(`${file}: ${expected.why}`, () => {
      const parsed = parseBods(file, sharedOwnership(`bods_examples/${file}`));
      expect(parsed.format).toBe('bods');
      expect(parsed.nodes.map(nodeLine)).toEqual(expected.nodes);
      expect(parsed.edges.map(edgeLine)).toEqual(expected.edges);
      expect(parsed.leftOut.map((l) => `statement ${l.index}: ${l.reason}`)).toEqual(expected.leftOut ?? []);
    });
  }

  it('keeps where each edge comes from: the file, the statementId and the interest as written', () => {
    const { edges } = parseBods('levent.json', sharedOwnership('bods_examples/levent.json'));
    expect(edges[0]).toMatchObject({
      id: 'bods:2341f5ce#1',
      date: '2019-08-11',
      source: { kind: 'file', file: 'levent.json', statementId: '4f46b8725145e5f2a521a2dfd55be4d6', text: 'fiduciaire' },
    });
  });

  it('reads JSON lines too, and then names the line of each fact', () => {
    const statements = JSON.parse(sharedOwnership('bods_examples/bods-package.json')) as unknown[];
    const lines = statements.map((s) => JSON.stringify(s)).join('\n');
    const parsed = parseBods('bods-package.jsonl', lines);
    expect(parsed.edges.map(edgeLine)).toEqual(EXAMPLES['bods-package.json'].edges);
    expect(parsed.edges[0].source.row).toBe(3);
  });

  it('an interest that ended is left out, and says so; with asOf before its end it is current', () => {
    const statements = JSON.parse(sharedOwnership('bods_examples/fermcat.json')) as { recordDetails: { interests?: unknown[] } }[];
    // Statement 13 closes Riyadh's relationship with interests ending 2021-04-03; alone, it is an ended interest.
    const ended = [statements[0], statements[2], { ...statements[12], recordStatus: 'updated' }];
    const now = parseBods('fermcat-part.json', JSON.stringify(ended));
    expect(now.edges).toEqual([]);
    expect(now.leftOut.map((l) => `${l.field}: ${l.reason}`)).toEqual([
      'recordDetails.interests[0]: the shareholding ended on 2021-04-03',
      'recordDetails.interests[1]: the boardMember ended on 2021-04-03',
    ]);
    const before = parseBods('fermcat-part.json', JSON.stringify(ended), { asOf: '2021-04-02' });
    expect(before.edges.map(edgeLine)).toEqual([
      'per-5faa4103dee78621 → ent-93c75c87ab28f889 ownership 50% direct',
      'per-5faa4103dee78621 → ent-93c75c87ab28f889 directorship boardMember',
    ]);
  });
});
