/**
 * Russian firms' names abbreviate their kind (AO NPP ALMAZ, AO NII VEKTOR, TD ASBEST, NK ROSNEFT) where
 * their English names spell it out (RESEARCH AND PRODUCTION ENTERPRISE ALMAZ, SCIENTIFIC-RESEARCH INSTITUTE
 * VEKTOR, TRADING HOUSE, OIL COMPANY): a name with the abbreviation is also read spelled out. On the
 * bundled SDN list of 2023-12-28, every firm's name that writes one of the abbreviations while another name
 * of the same record does not is screened against the record listed under its other names only.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import type { Entity } from '../model/entity.js';
import { FIRM_KIND_ABBREVIATIONS, spelledOut } from '../text/firm-words.js';
import { nameTokens } from '../text/normalize.js';
import { ScreeningEngine } from './engine.js';
import { bundledSdnEntities } from '../../../../test/bundled-sdn.js';

const ABBREVIATIONS = new Set(Object.keys(FIRM_KIND_ABBREVIATIONS));
const NAMES = ['name', 'alias', 'previousName'] as const;
const namesOf = (e: Entity) => NAMES.flatMap((p) => (e.properties[p] ?? []).map((s) => s.value));

describe('spelledOut', () => {
  it("reads a firm kind's abbreviation as each of its phrases", () => {
    expect(spelledOut('AO NPP ALMAZ')).toEqual([
      'AO research and production enterprise ALMAZ',
      'AO scientific production enterprise ALMAZ',
    ]);
    expect(spelledOut('NK Rosneft')).toEqual(['oil company Rosneft']);
    expect(spelledOut('JSC NII POLYUS, AO NII')).toEqual([
      'JSC scientific research institute POLYUS, AO scientific research institute',
      'JSC research institute POLYUS, AO research institute',
    ]);
  });

  it('leaves alone a name without one, the abbreviation alone, and the letters inside a word', () => {
    expect(spelledOut('ROSNEFT')).toEqual([]);
    expect(spelledOut('NPP')).toEqual([]);
    expect(spelledOut('TDK CORPORATION')).toEqual([]);
    expect(spelledOut('BANK MELLI')).toEqual([]);
  });
});

describe("firms' abbreviated kinds against their names spelled out, on the bundled OFAC SDN list", () => {
  /** Each firm's name with an abbreviated kind, and the record listed under its names without it. */
  let cases: { abbreviated: string; record: Entity }[];
  let engine: ScreeningEngine;

  beforeAll(async () => {
    const entities = await bundledSdnEntities();
    cases = [];
    const relisted = new Map<string, Entity>();
    for (const e of entities) {
      if (e.schema === 'Person') continue;
      const names = namesOf(e);
      const without = names.filter((n) => !nameTokens(n).some((w) => ABBREVIATIONS.has(w)));
      const withOne = names.filter((n) => nameTokens(n).some((w) => ABBREVIATIONS.has(w)) && nameTokens(n).length > 1);
      if (without.length === 0 || withOne.length === 0) continue;
      const [name, ...aliases] = without;
      const record: Entity = {
        ...e,
        properties: {
          ...e.properties,
          name: [{ value: name }],
          alias: aliases.map((value) => ({ value })),
          weakAlias: undefined,
          previousName: undefined,
        },
      };
      relisted.set(e.id, record);
      for (const abbreviated of withOne) cases.push({ abbreviated, record });
    }
    engine = new ScreeningEngine(entities.map((e) => relisted.get(e.id) ?? e));
  }, 120_000);

  it.each([
    ['AO NPP ALMAZ', 'JOINT STOCK COMPANY RESEARCH AND DEVELOPMENT ENTERPRISE ALMAZ'],
    ['AO NII VEKTOR', 'JOINT STOCK COMPANY SCIENTIFIC-RESEARCH INSTITUTE VEKTOR'],
    ['NPK OPTOLINK LLC', 'SCIENTIFIC PRODUCTION COMPANY OPTOLINK'],
    ['AO OKB FAKEL', 'JOINT STOCK COMPANY EXPERIMENTAL DESIGN BUREAU FAKEL'],
    ['OBSHCHESTVO S OGRANICHENNOI OTVETSTVENNOSTYU TD ASBEST', 'OOO TORGOVY DOM ASBEST'],
  ])('%s alerts on the record listed as %s', (name, listedAs) => {
    const record = cases.find((c) => c.abbreviated === name)?.record;
    expect(record?.properties.name?.[0]?.value).toBe(listedAs);
    const alerts = engine.screen({ name, schema: 'Organization' }).filter((m) => m.alert);
    expect(alerts.map((m) => m.id)).toContain(record!.id);
  });

  it('finds most such firms by their abbreviated name alone, and none of them alerts on another of them', () => {
    expect(cases.length).toBeGreaterThan(60);
    const records = new Set(cases.map((c) => c.record.id));
    let found = 0;
    const wrong: string[] = [];
    for (const { abbreviated, record } of cases) {
      const alerts = engine.screen({ name: abbreviated, schema: 'Organization' }).filter((m) => m.alert);
      if (alerts.some((m) => m.id === record.id)) found++;
      for (const m of alerts) if (m.id !== record.id && records.has(m.id)) wrong.push(`${abbreviated} → ${m.entity.caption}`);
    }
    // 17 of 84 before the abbreviations were read (2026-12-07), 52 with them.
    expect(found).toBeGreaterThanOrEqual(cases.length / 2);
    expect(wrong).toEqual([]);
  });
});
