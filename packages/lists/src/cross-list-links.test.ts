/**
 * Cross-list links (core lists/links.ts) between the three new lists and the UN's, on the real files: the bundled
 * UN list of 2026-02-27, DFAT's workbook of 2024-11-11, Canada's file of 2020-04, and the EU fixture (written in
 * the EU's structure; two of its people and one entity are UN designations).
 */
import { findCrossListLinks, type CrossListLink, type ListPublication } from '@embargo/core';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { BUNDLED_DATA, EU_FSF_FIXTURES, hasSharedMore, SHARED_LISTS_MORE, sharedMoreList } from '../../../test/shared-data.js';
import { loadListDirectory } from './load.js';

const AU = 'au-dfat/2024-11-11/regulation8_consolidated.xlsx';
const CA = 'ca-sema/2020-04/sema-lmes.xml';

describe.skipIf(!hasSharedMore(AU, CA))('links between the EU, Australian, Canadian and UN lists', () => {
  let links: CrossListLink[];
  let publications: ListPublication[];
  const between = (a: string, b: string) => links.filter((l) => l.a.startsWith(`${a}:`) && l.b.startsWith(`${b}:`));
  beforeAll(async () => {
    const folders = [
      join(BUNDLED_DATA, 'un-sc', '2026-02-27'),
      join(sharedMoreList(AU), '..'),
      join(SHARED_LISTS_MORE, 'ca-sema'),
      EU_FSF_FIXTURES,
    ];
    publications = (await Promise.all(folders.map((f) => loadListDirectory(f)))).flat();
    expect(publications.map((p) => [p.source, p.entities.length])).toEqual([
      ['un-sc', 1003],
      ['au-dfat', 3062],
      ['ca-sema', 1369],
      ['eu-fsf', 6],
    ]);
    links = findCrossListLinks(publications.flatMap((p) => p.entities));
  }, 60_000);

  it('links 849 DFAT parties to 849 UN records: Australia lists the UN designations under its own references', () => {
    const pairs = new Set(between('au', 'un').map((l) => `${l.a} ${l.b}`));
    expect(pairs.size).toBe(851);
    expect(new Set([...pairs].map((p) => p.split(' ')[0])).size).toBe(849);
    expect(new Set([...pairs].map((p) => p.split(' ')[1])).size).toBe(849);
    // Checked by hand: DFAT 11 (rows 11–11e) is the UN's TAi.011, born about 1960, the name as the UN spells it.
    expect(links).toContainEqual({ a: 'au:11', b: 'un:TAi.011', reason: 'nameAndBirthDate', value: 'Akhtar Mohammad Mansoor (1960)' });
    // DFAT 155 names Al-Qaida by the UN's alias.
    expect(links).toContainEqual({ a: 'au:155', b: 'un:QDe.004', reason: 'organisationName', value: "Al-Qa'ida/Islamic Army" });
    expect(links).toHaveLength(977);
  });

  it('points 272 of the 274 relationships DFAT remarks state ("Leader of Al-Qaida (QDe.004)") at records of the UN list', () => {
    const [un, au] = publications;
    const unIds = new Set(un.entities.map((e) => e.id));
    const targets = au.relationships.map((r) => r.to);
    expect(targets.filter((to) => unIds.has(to))).toHaveLength(272);
    // QDi.317 is named twice and is not on the UN list of 2026-02-27.
    expect(targets.filter((to) => !unIds.has(to))).toEqual(['un:QDi.317', 'un:QDi.317']);
  });

  it('links the EU entries to the UN records whose reference they state, and to the same documents and names', () => {
    expect(between('eu', 'un')).toEqual([
      { a: 'eu:176', b: 'un:QDi.006', reason: 'nameAndBirthDate', value: 'Aiman Muhammed Rabi Al-Zawahiri (1951-06-19)' },
      { a: 'eu:176', b: 'un:QDi.006', reason: 'passportNumber', value: '1084010' },
      { a: 'eu:176', b: 'un:QDi.006', reason: 'unReference', value: 'QDi.006' },
      { a: 'eu:2935', b: 'un:KPe.001', reason: 'organisationName', value: 'Changgwang Sinyong Corporation' },
      { a: 'eu:2935', b: 'un:KPe.001', reason: 'unReference', value: 'KPe.001' },
      { a: 'eu:5471', b: 'un:KPi.057', reason: 'nameAndBirthDate', value: 'Jang Sung Nam (1970-07-14)' },
      { a: 'eu:5471', b: 'un:KPi.057', reason: 'passportNumber', value: '563120368' },
      { a: 'eu:5471', b: 'un:KPi.057', reason: 'unReference', value: 'KPi.057' },
    ]);
    expect(between('au', 'eu').map((l) => [l.a, l.b, l.reason])).toEqual([
      ['au:1113', 'eu:2935', 'organisationName'],
      ['au:147', 'eu:176', 'nameAndBirthDate'],
      ['au:3273', 'eu:5471', 'nameAndBirthDate'],
    ]);
  });

  it('links Canadian and Australian listings of the same Iranian firms and Russian officials', () => {
    const auCa = between('au', 'ca');
    expect(auCa).toHaveLength(115);
    expect(auCa).toContainEqual({ a: 'au:2056', b: 'ca:iran-1-26', reason: 'organisationName', value: 'Iran Communications Industries' });
    expect(auCa.filter((l) => l.reason === 'nameAndBirthDate')).toHaveLength(15);
    // The Canadian file of 2020 lists no UN designation under its own name.
    expect(between('ca', 'un')).toEqual([]);
  });
});
