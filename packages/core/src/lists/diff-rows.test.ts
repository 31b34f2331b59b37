/**
 * The analyst's reading of a list comparison on the real bundled publications: SDN 2015-01-17 → 2018-01-26
 * holds OFAC's designations of 22 August 2017 (PROVENANCE.md), filtered by programme, country, schema and
 * text, sorted by name; SDN 2018-01-26 (sdn.csv alone) → 2023-12-28 sets aliases and addresses aside.
 */
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { detectPublications, fieldsOfMissingFiles, parsePublication } from '@embargo/lists';
import { BUNDLED_DATA } from '../../../../test/shared-data.js';
import type { Entity } from '../model/entity.js';
import { diffEntities } from './diff.js';
import { diffFacets, diffRows, filterDiffRows, namesOfRecords, type DiffRow } from './diff-rows.js';

/** PROVENANCE.md: designated 22 Aug 2017, absent in 2015-01-17, present in 2018-01-26. */
const DESIGNATED_2017_08_22 = {
  entities: ['21737', '22583', '22603', '22605', '22606', '22607', '22613', '22614', '22703', '22704'],
  individuals: ['22608', '22610', '22611', '22612', '22701', '22702'],
};
const ALL_16 = [...DESIGNATED_2017_08_22.entities, ...DESIGNATED_2017_08_22.individuals].map((n) => `ofac:${n}`);

async function sdn(date: string): Promise<Entity[]> {
  const { publications } = await detectPublications(join(BUNDLED_DATA, 'ofac-sdn', date));
  return (await parsePublication(publications[0])).entities;
}

describe('diffRows on SDN 2015-01-17 → 2018-01-26', () => {
  let rows: DiffRow[];
  let namesOf: (id: string) => readonly string[];
  beforeAll(async () => {
    const [older, newer] = [await sdn('2015-01-17'), await sdn('2018-01-26')];
    rows = diffRows(diffEntities(older, newer), older, newer);
    namesOf = namesOfRecords(older, newer);
  });

  it('has a row per record added, removed or changed (PROVENANCE: +1834 / -1642 / 167 changed), sorted by name', () => {
    const counts = { added: 0, removed: 0, changed: 0 };
    for (const r of rows) counts[r.change] += 1;
    expect(counts).toEqual({ added: 1834, removed: 1642, changed: 167 });
    const names = rows.map((r) => r.name);
    expect(names).toEqual([...names].sort(new Intl.Collator('en', { sensitivity: 'base', numeric: true }).compare));
  });

  it('puts the 22 August 2017 designations one filter away: 12 under DPRK3, the other 4 under NPWMD', () => {
    const dprk3 = filterDiffRows(rows, { programme: 'DPRK3' });
    expect(dprk3.every((r) => r.programmes.includes('DPRK3'))).toBe(true);
    const designatedInDprk3 = dprk3.filter((r) => ALL_16.includes(r.id));
    expect(designatedInDprk3.every((r) => r.change === 'added')).toBe(true);
    expect(designatedInDprk3.map((r) => r.name)).toEqual([
      'CHI, Yupeng',
      'DANDONG TIANFU TRADE CO., LTD.',
      'DANDONG ZHICHENG METALLIC MATERIAL CO., LTD.',
      'HUISH, Irina Igorevna',
      'JINHOU INTERNATIONAL HOLDINGS CO., LTD.',
      'KIM, Tong-chol',
      'MANSUDAE OVERSEAS PROJECTS ARCHITECTURAL AND TECHNICAL SERVICES (PTY) LIMITED',
      "PISKLIN, Mikhail Yur'evich",
      'QINGDAO CONSTRUCTION (NAMIBIA) CC',
      'SERBIN, Andrey',
      'TRANSATLANTIC PARTNERS PTE. LTD.',
      'VELMUR MANAGEMENT PTE LTD',
    ]);
    // OFAC listed four of them under the non-proliferation programme (EO 13382), not DPRK3.
    const npwmd = filterDiffRows(rows, { programme: 'NPWMD' }).filter((r) => ALL_16.includes(r.id));
    expect(npwmd.map((r) => r.id).sort()).toEqual(['ofac:21737', 'ofac:22583', 'ofac:22607', 'ofac:22608']);
    const found = [...designatedInDprk3, ...npwmd];
    expect(found.filter((r) => r.schema === 'Person')).toHaveLength(6);
    expect(found.filter((r) => r.schema !== 'Person')).toHaveLength(10);
  });

  it('filters by schema (with its descendants), country and text, all at once', () => {
    const people = filterDiffRows(rows, { programme: 'DPRK3', schema: 'Person' });
    expect(people.length).toBeGreaterThan(0);
    expect(people.every((r) => r.schema === 'Person')).toBe(true);
    const organisations = filterDiffRows(rows, { programme: 'DPRK3', schema: 'LegalEntity' });
    expect(organisations.length).toBeGreaterThan(people.length);
    // The remark "citizen Russia" of KIRAKOSYAN gives him RU.
    expect(filterDiffRows(rows, { country: 'RU', text: 'kirakosyan' }).map((r) => r.id)).toEqual(['ofac:22608']);
    // Folded text: case and accents ignored, every word must be found, aliases count.
    expect(filterDiffRows(rows, { text: 'velmur' }, namesOf).map((r) => r.id)).toEqual(['ofac:22606']);
    expect(filterDiffRows(rows, { text: 'Dandong Zhichéng' }, namesOf).map((r) => r.id)).toEqual(['ofac:22603']);
    expect(filterDiffRows(rows, { programme: 'NO-SUCH-PROGRAMME' })).toEqual([]);
  });

  it('offers the programmes, countries and schemata present as filters', () => {
    const facets = diffFacets(rows);
    expect(facets.programmes).toEqual(expect.arrayContaining(['DPRK3', 'NPWMD', 'SDGT']));
    expect(facets.countries).toEqual(expect.arrayContaining(['KP', 'RU', 'CN']));
    expect(facets.schemata).toEqual(expect.arrayContaining(['Person', 'Organization']));
  });
});

describe('a comparison with a publication that lacks its alias and address files', () => {
  it('sets aside records that differ only in aliases and addresses, and counts them', async () => {
    const [older, newer] = [await sdn('2018-01-26'), await sdn('2023-12-28')];
    const plain = diffEntities(older, newer);
    const fair = diffEntities(older, newer, { incomparableFields: fieldsOfMissingFiles(['add.csv', 'alt.csv']) });
    expect(plain.incomparable).toBeUndefined();
    expect(plain.changed.length).toBeGreaterThan(4000);
    expect(fair.changed.length + fair.incomparable!).toBe(plain.changed.length);
    expect(fair.changed.every((c) => !c.fields.some((f) => ['alias', 'weakAlias', 'previousName', 'address', 'country'].includes(f)))).toBe(
      true,
    );
    expect(fair.added).toEqual(plain.added);
    expect(fair.removed).toEqual(plain.removed);
  });
});
