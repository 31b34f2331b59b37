/**
 * listGraph on hand-written relationships (one case per relation type) and on the real lists: the SDN
 * CSV of 2023-12-28 (the companies designated on 22 August 2017 and their "Linked To:" neighbours), the
 * advanced XML of the consolidated list of 2019-03-14 and the enhanced XML of 2025-01-10 (the direction of
 * "Owned or Controlled By").
 */
import { describe, expect, it } from 'vitest';
import { detectPublications, parsePublication } from '@embargo/lists';
import type { Entity, ListPublication, Relationship } from '../model/entity.js';
import { hasShared, hasSharedArchive, sharedList } from '../../../../test/shared-data.js';
import type { GraphEdge } from './graph.js';
import { listGraph } from './from-lists.js';

function entity(id: string, caption: string, extra: Partial<Entity> = {}): Entity {
  return { id, source: 'ofac-sdn', schema: 'Organization', caption, properties: {}, ...extra };
}

const A = entity('ofac:1', 'ALPHA TRADING');
const B = entity('ofac:2', 'BETA HOLDING');

function edgeOf(rel: Omit<Relationship, 'from' | 'to'>): GraphEdge {
  const { edges } = listGraph([A, B], [{ from: A.id, to: B.id, ...rel }]);
  expect(edges).toHaveLength(1);
  return edges[0];
}

describe('listGraph: one relationship of each kind', () => {
  const cases: { why: string; rel: Omit<Relationship, 'from' | 'to'>; expect: Partial<GraphEdge> & Record<string, unknown> }[] = [
    {
      why: '"Owned or Controlled By" turns round: the owner is the record the relation points to',
      rel: { kind: 'ownedBy', sourceText: 'Owned or Controlled By' },
      expect: { kind: 'ownership', from: 'ofac:2', to: 'ofac:1', directness: 'unknown' },
    },
    {
      why: '"Owns, controls, or operates" keeps its direction, and has no share',
      rel: { kind: 'owns', sourceText: 'Owns, controls, or operates' },
      expect: { kind: 'ownership', from: 'ofac:1', to: 'ofac:2', directness: 'unknown' },
    },
    {
      why: 'acting for is an association',
      rel: { kind: 'actingFor', sourceText: 'Acting for or on behalf of' },
      expect: { kind: 'associate', from: 'ofac:1', to: 'ofac:2', label: 'Acting for or on behalf of' },
    },
    { why: 'associate of', rel: { kind: 'associate', sourceText: 'Associate Of' }, expect: { kind: 'associate', label: 'Associate Of' } },
    { why: 'family', rel: { kind: 'family', sourceText: 'Family member of' }, expect: { kind: 'family', relation: 'Family member of' } },
    {
      why: 'a Linked To remark is a list link, with the remark as evidence',
      rel: { kind: 'linkedTo', sourceText: 'Linked To: BETA HOLDING.' },
      expect: { kind: 'listLink', from: 'ofac:1', to: 'ofac:2', label: 'Linked To: BETA HOLDING.' },
    },
    {
      why: 'Leader or official of is a directorship, read from the words the parser kept',
      rel: { kind: 'other', sourceText: 'Leader or official of' },
      expect: { kind: 'directorship', from: 'ofac:1', to: 'ofac:2', role: 'Leader or official of' },
    },
    {
      why: 'Principal Executive Officer is a directorship',
      rel: { kind: 'other', sourceText: 'Principal Executive Officer' },
      expect: { kind: 'directorship', role: 'Principal Executive Officer' },
    },
    {
      why: 'Providing support to is an association',
      rel: { kind: 'other', sourceText: 'Providing support to' },
      expect: { kind: 'associate', label: 'Providing support to' },
    },
    {
      why: 'Property in the interest of: the asset comes first, so the holder is the other record',
      rel: { kind: 'other', sourceText: 'Property in the interest of' },
      expect: { kind: 'ownership', from: 'ofac:2', to: 'ofac:1' },
    },
    {
      why: 'an unknown relation type stays a list link with its words',
      rel: { kind: 'other', sourceText: 'RelationType 99999' },
      expect: { kind: 'listLink', label: 'RelationType 99999' },
    },
    {
      why: 'a former ownership owns nothing now, but stays a link',
      rel: { kind: 'ownedBy', sourceText: 'Owned or Controlled By (former)' },
      expect: { kind: 'listLink', from: 'ofac:1', to: 'ofac:2', label: 'Owned or Controlled By (former)' },
    },
  ];
  for (const c of cases) {
    it(c.why, () => {
      const edge = edgeOf(c.rel);
      expect(edge).toMatchObject(c.expect);
      expect(edge.source).toEqual({ kind: 'list', recordId: 'ofac:1', text: c.rel.sourceText, list: 'ofac-sdn' });
      expect('share' in edge).toBe(false);
    });
  }

  it('keeps two relationships of the same kind between the same records, with different ids', () => {
    const { edges } = listGraph(
      [A, B],
      [
        { from: A.id, to: B.id, kind: 'linkedTo', sourceText: 'Linked To: BETA HOLDING.' },
        { from: A.id, to: B.id, kind: 'linkedTo', sourceText: 'Linked To: BETA HOLDING' },
      ],
    );
    expect(edges.map((e) => e.id)).toEqual(['ofac:1>listLink>ofac:2', 'ofac:1>listLink>ofac:2#2']);
  });

  it('makes a designated node of each record: caption, schema, countries, identifiers, programmes, list', () => {
    const person = entity('ofac:3', 'KIM, Tong-chol', {
      schema: 'Person',
      properties: {
        nationality: [{ value: 'KP' }],
        address: [
          { value: 'Pyongyang', country: 'KP' },
          { value: 'Windhoek', country: 'NA' },
        ],
        passportNumber: [{ value: '836420186', country: 'KP' }],
        birthDate: [{ value: '1968-08-07' }],
        program: [{ value: 'DPRK3' }],
      },
    });
    expect(listGraph([person], []).nodes).toEqual([
      {
        id: 'ofac:3',
        name: 'KIM, Tong-chol',
        schema: 'Person',
        countries: ['KP', 'NA'],
        identifiers: [{ scheme: 'passportNumber', value: '836420186' }],
        birthDate: '1968-08-07',
        programs: ['DPRK3'],
        designated: true,
        source: { kind: 'list', recordId: 'ofac:3', list: 'ofac-sdn' },
      },
    ]);
  });
});

async function publication(path: string): Promise<ListPublication> {
  const { publications } = await detectPublications(path);
  expect(publications).toHaveLength(1);
  return parsePublication(publications[0]);
}

/** PROVENANCE.md: the ten companies designated on 22 August 2017. */
const COMPANIES_2017_08_22 = ['21737', '22583', '22603', '22605', '22606', '22607', '22613', '22614', '22703', '22704'];

/**
 * Their "Linked To:" ties in sdn.csv of 2023-12-28, read by hand from the remarks (`grep -a "Linked To:"`):
 * `from → to` where `from` holds the remark. JINHOU (22613) and DANDONG TIANFU (22614) have none.
 */
const LINKED_TO_2023_12_28 = [
  '21737 → 20603', // DANDONG RICH EARTH: Linked To: KOREA KUMSAN TRADING CORPORATION
  '22583 → 15603', // MINGZHENG: Linked To: FOREIGN TRADE BANK OF THE DEMOCRATIC PEOPLE'S REPUBLIC OF KOREA
  '22583 → 22623', // MINGZHENG: Linked To: SUN, Wei
  '22606 → 22605', // VELMUR: Linked To: TRANSATLANTIC PARTNERS PTE. LTD.
  '22607 → 11599', // GEFEST-M: Linked To: KOREA TANGUN TRADING CORPORATION
  '22608 → 22607', // KIRAKOSYAN, Ruben: Linked To: GEFEST-M LLC
  '22612 → 22603', // CHI, Yupeng: Linked To: DANDONG ZHICHENG METALLIC MATERIAL CO., LTD.
  '22702 → 22703', // KIM, Tong-chol: Linked To: MANSUDAE OVERSEAS PROJECTS ARCHITECTURAL AND TECHNICAL SERVICES (PTY) LIMITED
  '22702 → 22704', // KIM, Tong-chol: Linked To: QINGDAO CONSTRUCTION (NAMIBIA) CC
  '22703 → 20578', // MANSUDAE … (PTY) LIMITED: Linked To: MANSUDAE OVERSEAS PROJECT GROUP OF COMPANIES
  '22704 → 22703', // QINGDAO CONSTRUCTION (NAMIBIA): Linked To: MANSUDAE … (PTY) LIMITED
  '22704 → 20578', // QINGDAO CONSTRUCTION (NAMIBIA): Linked To: MANSUDAE OVERSEAS PROJECT GROUP OF COMPANIES
  '26096 → 22606', // AMTCHENTSEV, Vladlen: Linked To: VELMUR MANAGEMENT PTE LTD
];

describe.skipIf(!hasShared('ofac-sdn/2023-12-28/sdn.csv'))('listGraph on the SDN CSV of 2023-12-28', async () => {
  const sdn = hasShared('ofac-sdn/2023-12-28/sdn.csv') ? await publication(sharedList('ofac-sdn/2023-12-28')) : (undefined as never);
  const graph = sdn ? listGraph(sdn.entities, sdn.relationships) : (undefined as never);

  it('has one designated node per record and only list links (the CSV has no typed relations)', () => {
    expect(graph.nodes).toHaveLength(13821);
    expect(graph.nodes.every((n) => n.designated && n.source.list === 'ofac-sdn')).toBe(true);
    expect(new Set(graph.edges.map((e) => e.kind))).toEqual(new Set(['listLink']));
  });

  it('gives the ten companies designated on 22 August 2017 their Linked To neighbours, with the remark as evidence', () => {
    const ids = new Set(COMPANIES_2017_08_22.map((id) => `ofac:${id}`));
    const touching = graph.edges.filter((e) => ids.has(e.from) || ids.has(e.to));
    const pairs = touching.map((e) => `${e.from.slice(5)} → ${e.to.slice(5)}`).sort();
    expect(pairs).toEqual([...LINKED_TO_2023_12_28].sort());
    const velmur = touching.find((e) => e.from === 'ofac:22606')!;
    expect(velmur.source).toEqual({
      kind: 'list',
      recordId: 'ofac:22606',
      text: 'Linked To: TRANSATLANTIC PARTNERS PTE. LTD',
      list: 'ofac-sdn',
    });
    const node = graph.nodes.find((n) => n.id === 'ofac:22606')!;
    expect(node).toMatchObject({ name: 'VELMUR MANAGEMENT PTE LTD', schema: 'Organization', programs: ['DPRK3'], designated: true });
  });
});

describe.skipIf(!hasSharedArchive())('listGraph on the typed relations of the consolidated list', async () => {
  const archive = hasSharedArchive();
  const advanced = archive ? await publication(sharedList('ofac-cons/2019-03-14/cons_advanced.xml')) : (undefined as never);
  const enhanced = archive ? await publication(sharedList('ofac-cons/2025-01-10/CONS_ENHANCED.ZIP')) : (undefined as never);

  it('advanced XML 2019-03-14: 275 "Owned or Controlled By" relations become ownership edges from the owner', () => {
    expect(advanced.files.map((f) => f.format)).toEqual(['ofac-advanced']);
    const { edges } = listGraph(advanced.entities, advanced.relationships);
    expect(edges).toHaveLength(275);
    expect(edges.every((e) => e.kind === 'ownership' && e.source.text === 'Owned or Controlled By')).toBe(true);
    // <ProfileRelationship From-ProfileID="18267" To-ProfileID="17022" RelationTypeID="15003">: ORENBURGNEFT
    // is owned or controlled by ROSNEFT, so the edge goes from ROSNEFT to ORENBURGNEFT.
    expect(edges.find((e) => e.to === 'ofac:18267')).toMatchObject({ from: 'ofac:17022', source: { recordId: 'ofac:18267' } });
    // 18268 EXIMBANK OF RUSSIA is owned or controlled by 17015 VNESHECONOMBANK.
    expect(edges.find((e) => e.to === 'ofac:18268')).toMatchObject({ from: 'ofac:17015' });
    // Owners hold many subsidiaries; no subsidiary is listed as holding its owner.
    const owners = new Set(edges.map((e) => e.from));
    expect(owners.has('ofac:18267')).toBe(false);
    expect(edges.filter((e) => e.from === 'ofac:17022').length).toBeGreaterThan(1);
  });

  it('enhanced XML 2025-01-10: the same pair in the same direction, "Owns, controls, or operates" from the owner', () => {
    expect(enhanced.files.map((f) => f.format)).toEqual(['ofac-enhanced']);
    const { edges } = listGraph(enhanced.entities, enhanced.relationships);
    const kinds = edges.reduce<Record<string, number>>((n, e) => ({ ...n, [e.source.text!]: (n[e.source.text!] ?? 0) + 1 }), {});
    expect(kinds).toEqual({ 'Owned or Controlled By': 278, 'Owns, controls, or operates': 4, 'Acting for or on behalf of': 1 });
    expect(edges.find((e) => e.to === 'ofac:18267' && e.kind === 'ownership')).toMatchObject({ from: 'ofac:17022' });
    // HUAWEI INVESTMENT & HOLDING (32087) owns, controls, or operates HUAWEI TECHNOLOGIES (30947).
    expect(edges.find((e) => e.source.text === 'Owns, controls, or operates' && e.from === 'ofac:32087')).toMatchObject({
      kind: 'ownership',
      to: 'ofac:30947',
    });
    // ZAHHAR (9647) acts for 4695, a record of the SDN list: kept, to join a graph built from both lists.
    expect(edges.find((e) => e.kind === 'associate')).toMatchObject({
      from: 'ofac:9647',
      to: 'ofac:4695',
      label: 'Acting for or on behalf of',
    });
  });
});
