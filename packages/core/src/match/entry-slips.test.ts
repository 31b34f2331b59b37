/**
 * Names as customer files and payment messages write them, with what data entry adds or slips: words run
 * together ("BancoNacionalDeCuba"), digits typed for letters ("Ig0r Sech1n"), a vessel's port after a comma
 * or a former name in parentheses, and "No." before a number ("OFFICE 39", OFFICE NO. 39). Each is read
 * both as written and as meant; what would name another party (a country in parentheses: a subsidiary) is
 * left as written.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import type { Entity } from '../model/entity.js';
import { ScreeningEngine } from './engine.js';
import { prepareQuery, type ScreeningQuery } from './query.js';
import { findLegalForms } from '../text/legal-forms.js';
import { nameTokens } from '../text/normalize.js';
import { bundledSdnEntities, listedAs, withoutAliases } from '../../../../test/bundled-sdn.js';

const readings = (query: ScreeningQuery) => prepareQuery(query).forms.map((f) => f.reading);

describe('the readings a query gets for slips of entry', () => {
  it('reads words run together apart, where capitals show them', () => {
    expect(readings({ name: 'GroupeDiarraImportExport', schema: 'Organization' })).toContain('groupe diarra import export');
    expect(readings({ name: 'SiemensAG' })).toContain('siemens ag');
  });

  it('does not split a word at one small letter among capitals (a slip inside the word)', () => {
    expect(readings({ name: 'JIMENEZ CASToRO, Mario', schema: 'Person' })).toEqual(['jimenez castoro mario']);
    expect(readings({ name: 'BdEIJING CHENGXING TRADING CO. LTD.' })).toEqual(['bdeijing chengxing trading co ltd']);
  });

  it("reads a person's digits between letters as the letters they look like, and a firm's as digits", () => {
    expect(readings({ name: 'Ig0r Sech1n', schema: 'Person' })).toContain('igor sechin');
    expect(readings({ name: 'I9or Sechin' })).toContain('igor sechin');
    expect(readings({ name: 'B4B Tr4ding', schema: 'Organization' })).toEqual(['b4b tr4ding']);
  });

  it('reads a name without a part in parentheses, unless the part is a country', () => {
    expect(readings({ name: 'M/T Ondara Leigh (ex-Pelican Morrow)', schema: 'Vessel' })).toContain('m t ondara leigh');
    expect(readings({ name: 'IRISL (UK) LTD.', schema: 'Organization' })).toEqual(['irisl uk ltd']);
    expect(readings({ name: 'Marrowby Chemicals (Thailand) Co., Ltd.', schema: 'Organization' })).toHaveLength(1);
  });

  it("reads a vessel's name without what follows its last comma, and only a vessel's", () => {
    expect(readings({ name: 'SIAM ORCHID 7, Bangkok', schema: 'Vessel' })).toContain('siam orchid 7');
    expect(readings({ name: 'BOUCHOUCHA, Mokhtar', schema: 'Person' })).toEqual(['bouchoucha mokhtar']);
  });

  it('reads a name without a label before a colon, and a firm without an address after a comma', () => {
    expect(readings({ name: 'ORDERING CUSTOMER: KALLIOSAARI TRADING OY' })).toContain('kalliosaari trading oy');
    expect(readings({ name: 'Tidewell Process Equipment Inc, 12250 Brevard Ln, Pasadena TX 77506', schema: 'Organization' })).toContain(
      'tidewell process equipment inc',
    );
    // A unit's number is no address, and a person's comma is the family name's.
    expect(readings({ name: 'PUMA ENERGY, UNIT 5' })).toEqual(['puma energy unit 5']);
    expect(readings({ name: 'SMITH, John 3rd', schema: 'Person' })).toEqual(['smith john 3rd']);
  });

  it("reads a vessel's or unknown party's name without the type of ship before it, and a person's as written", () => {
    expect(readings({ name: 'M/V MZIURI (Batumi)', schema: 'Vessel' })).toEqual(expect.arrayContaining(['mziuri batumi', 'mziuri']));
    expect(readings({ name: 'MT KHOBI LADY' })).toContain('khobi lady');
    expect(readings({ name: 'S.S. Rio Grande' })).toContain('rio grande');
    expect(readings({ name: 'MS Smith', schema: 'Person' })).toEqual(['ms smith']);
    // Of unknown type, only what nothing but a ship's name begins with.
    expect(readings({ name: 'My Linh Nguyen' })).toEqual(['my linh nguyen']);
    expect(readings({ name: 'SS Trading' })).toEqual(['ss trading']);
    expect(readings({ name: 'M.S. Rio Grande' })).toContain('rio grande');
    expect(readings({ name: 'MVULA TRADING', schema: 'Organization' })).toEqual(['mvula trading']);
  });

  it("reads a firm's or vessel's current and former names apart", () => {
    expect(readings({ name: 'ARBEL EXPRESS (ex-SARONIC EXPRESS)', schema: 'Vessel' })).toEqual(
      expect.arrayContaining(['arbel express', 'saronic express']),
    );
    expect(readings({ name: 'MV Karachi Crescent (ex Mandvi Bay, ex Wanshan Pearl)' })).toEqual(
      expect.arrayContaining(['karachi crescent', 'mandvi bay', 'wanshan pearl']),
    );
    expect(readings({ name: 'Theodosia K (ex-Lindos Harrier until 2019)', schema: 'Vessel' })).toContain('lindos harrier');
    expect(readings({ name: 'BEIRUT CEDAR TRADING SAL, f.k.a. LEBANON CEDAR IMPORT EXPORT SAL' })).toContain(
      'lebanon cedar import export sal',
    );
    expect(readings({ name: 'Olmsbury Grain Corporation f/k/a Olmsbury Milling Corporation' })).toContain('olmsbury milling corporation');
    expect(readings({ name: 'Kenari Food Sdn. Bhd. (formerly known as Kenari Frozen Foods Sdn. Bhd.)' })).toContain(
      'kenari frozen foods sdn bhd',
    );
    // "Ex" is part of a name unless a parenthesis or a comma sets it off; a person's former names are not read apart.
    expect(readings({ name: 'CHINA EX-IM BANK', schema: 'Organization' })).toEqual(['china ex im bank']);
    expect(readings({ name: 'Jane Smith (formerly Doe)', schema: 'Person' })).not.toContain('doe');
  });

  it('reads a firm or vessel without "No." before a number, not a person', () => {
    expect(readings({ name: 'CHAO LE NO. 8', schema: 'Vessel' })).toContain('chao le 8');
    expect(readings({ name: 'MINING ENTERPRISE NO 1' })).toContain('mining enterprise 1');
    expect(readings({ name: 'NO, Kwang Chol', schema: 'Person' })).toEqual(['no kwang chol']);
  });
});

describe('legal forms written out', () => {
  it.each([
    ['bursztynowa przystan spolka z ograniczona odpowiedzialnoscia', 'limited'],
    ['pro traffic societatea cu raspundere limitata', 'limited'],
    ['laczynska wytwornia lodzi spolka jawna', 'partnership'],
    ['laczynska wytwornia lodzi sp j', 'partnership'],
    ['cahaya bintang timur jaya commanditaire vennootschap', 'partnership'],
  ])('%s ends in a %s form', (name, cls) => {
    const forms = findLegalForms(nameTokens(name));
    expect(forms.at(-1)?.class).toBe(cls);
  });

  it('leaves CV alone a word: it is what is left of S.A. de C.V.', () => {
    expect(findLegalForms(nameTokens('ACCESOS ELECTRONICOS SADE CV')).map((f) => f.phrase)).not.toContain('cv');
  });
});

describe('slips of entry against the bundled OFAC SDN list', () => {
  let engine: ScreeningEngine;
  const ids: Record<string, string> = {};

  beforeAll(async () => {
    const entities = await bundledSdnEntities();
    // Records by their listed names only: an alias could find them whatever the reading.
    // Office 39 as the list's alias writes it, OFFICE NO. 39, and by that name alone.
    const office = entities.find((e) => e.properties.alias?.some((a) => a.value === 'OFFICE NO. 39'))!;
    ids['OFFICE NO. 39'] = office.id;
    const office39: Entity = {
      ...office,
      caption: 'OFFICE NO. 39',
      properties: { ...office.properties, name: [{ value: 'OFFICE NO. 39' }], alias: undefined, weakAlias: undefined },
    };
    const named = ['SECHIN, Igor Ivanovich', 'BANCO NACIONAL DE CUBA', 'MAR AZUL', 'DEL BROS OVERSEAS, S.A.'].map((c) =>
      listedAs(entities, c),
    );
    for (const e of named) ids[e.caption] = e.id;
    const bare = [...named, office39];
    engine = new ScreeningEngine([...entities.filter((e) => !bare.some((b) => b.id === e.id)), ...bare]);
  }, 120_000);

  it.each([
    ['Ig0r Sech1n', 'Person', 'SECHIN, Igor Ivanovich'],
    ['IgorSechin', 'Person', 'SECHIN, Igor Ivanovich'],
    ['BancoNacionalDeCuba', 'Organization', 'BANCO NACIONAL DE CUBA'],
    ['MAR AZUL, Havana', 'Vessel', 'MAR AZUL'],
    ['M/T MAR AZUL (ex-Blue Sea)', 'Vessel', 'MAR AZUL'],
    ['Office 39', 'Organization', 'OFFICE NO. 39'],
    ['Del Brothers Overseas SA', 'Organization', 'DEL BROS OVERSEAS, S.A.'],
  ] as const)('%s alerts on %s', (name, schema, caption) => {
    const match = engine.screen({ name, schema }).find((m) => m.id === ids[caption]);
    expect(match?.alert).toBe(true);
  });
});

describe('renamed vessels and firms under their former names, on the bundled OFAC SDN list', () => {
  it('finds every listed vessel and firm given as the former name of a party renamed since', async () => {
    const entities = (await bundledSdnEntities()).map(withoutAliases);
    const engine = new ScreeningEngine(entities);
    const parties = entities.filter((e) => e.schema === 'Vessel' || (e.schema === 'Organization' && e.caption.length % 7 === 0));
    expect(parties.length).toBeGreaterThan(600);
    const missed: string[] = [];
    parties.forEach((party, k) => {
      const name = party.schema === 'Vessel' ? `NORDIC DAWN (ex-${party.caption})` : `Meridian Holdings Ltd, f.k.a. ${party.caption}`;
      const match = engine.screen({ name, schema: k % 2 === 0 ? party.schema : undefined }).find((m) => m.id === party.id);
      if (!match?.alert) missed.push(`${name}: ${match?.score ?? 'not found'}`);
    });
    expect(missed).toEqual([]);
  }, 120_000);
});

describe('vessels named with the type of ship before them, on the bundled OFAC SDN list', () => {
  it('finds every listed vessel written M/V NAME or MT NAME, as a vessel or a party of unknown type', async () => {
    const entities = (await bundledSdnEntities()).map(withoutAliases);
    const engine = new ScreeningEngine(entities);
    const vessels = entities.filter((e) => e.schema === 'Vessel');
    expect(vessels.length).toBeGreaterThan(300);
    const missed: string[] = [];
    vessels.forEach((vessel, k) => {
      const name = `${k % 2 === 0 ? 'M/V' : 'MT'} ${vessel.caption}`;
      for (const schema of ['Vessel', undefined] as const) {
        const match = engine.screen({ name, schema }).find((m) => m.id === vessel.id);
        if (!match?.alert) missed.push(`${name} (${schema ?? 'unknown'}): ${match?.score ?? 'not found'}`);
      }
    });
    expect(missed).toEqual([]);
  }, 120_000);
});
