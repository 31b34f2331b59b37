/**
 * Firms that share their distinctive words but state different lines of business (MYANMA ECONOMIC BANK,
 * MYANMA ECONOMIC HOLDINGS) are sister firms or strangers. On the bundled SDN list of 2023-12-28: each
 * firm's name that states a line is screened with that word replaced by another line's word (a generated
 * negative), which must not alert on the record, and with the word translated (BANK → BANQUE, a generated
 * positive), which must still alert.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import type { Entity } from '../model/entity.js';
import { lineOfBusiness, statesLineAlwaysNamed } from '../text/firm-words.js';
import { nameTokens } from '../text/normalize.js';
import { ScreeningEngine } from './engine.js';
import { bundledSdnEntities, namesOf } from '../../../../test/bundled-sdn.js';

const linesOfRecord = (e: Entity) =>
  new Set(
    namesOf(e)
      .flatMap((n) => nameTokens(n).map(lineOfBusiness))
      .filter(Boolean),
  );

/** Another line's word for a line, and a translation of the line's word. */
const SWAPS: Record<string, { other: string; translated?: string }> = {
  bank: { other: 'INSURANCE', translated: 'BANQUE' },
  insurance: { other: 'BANK', translated: 'SEGUROS' },
  shipping: { other: 'BANK', translated: 'NAVIERA' },
  trading: { other: 'SHIPPING', translated: 'TICARET' },
  construction: { other: 'BANK', translated: 'CONSTRUCCIONES' },
  oil: { other: 'INSURANCE', translated: 'PETROLEUM' },
};

describe('lineOfBusiness', () => {
  it('reads the line a word of a firm name states, in the languages the lists write', () => {
    expect(lineOfBusiness('bank')).toBe('bank');
    expect(lineOfBusiness('banque')).toBe('bank');
    expect(lineOfBusiness('holdings')).toBe(lineOfBusiness('group'));
    expect(lineOfBusiness('bimeh')).toBe('insurance');
    expect(lineOfBusiness('sudokhodnaya')).toBe('shipping');
    expect(lineOfBusiness('economic')).toBe('');
    expect(lineOfBusiness('corporation')).toBe('');
    expect(statesLineAlwaysNamed('bank')).toBe(true);
    expect(statesLineAlwaysNamed('shipping')).toBe(false);
  });
});

describe('another line of business, on the bundled OFAC SDN list', () => {
  let entities: Entity[];
  let engine: ScreeningEngine;
  /** A listed firm's name, the line word in it, and the record. */
  let cases: { name: string; word: string; line: string; record: Entity }[];

  beforeAll(async () => {
    entities = await bundledSdnEntities();
    engine = new ScreeningEngine(entities);
    cases = [];
    for (const e of entities) {
      if (e.schema === 'Person' || e.schema === 'Vessel' || e.schema === 'Airplane') continue;
      for (const name of namesOf(e)) {
        const words = nameTokens(name);
        if (words.length < 3) continue;
        const stated = words.map((w) => [w, lineOfBusiness(w)] as const).filter(([, line]) => line in SWAPS);
        if (stated.length !== 1) continue;
        const [word, line] = stated[0];
        // A generated negative only where every name of the record states this line and no other.
        if (!namesOf(e).every((n) => nameTokens(n).some((w) => lineOfBusiness(w) === line))) continue;
        if ([...linesOfRecord(e)].some((l) => l !== line)) continue;
        cases.push({ name, word, line, record: e });
      }
    }
  }, 120_000);

  const replaced = (name: string, word: string, by: string) => name.replace(new RegExp(`\\b${word}\\b`, 'i'), by);

  it('MYANMA ECONOMIC BANK alerts on neither Myanma Economic Holdings nor Myanmar Economic Corporation', () => {
    const alerts = engine.screen({ name: 'MYANMA ECONOMIC BANK', schema: 'Organization' }).filter((m) => m.alert);
    expect(alerts.map((m) => m.entity.caption)).not.toContain('MYANMA ECONOMIC HOLDINGS PUBLIC COMPANY LIMITED');
    expect(alerts.map((m) => m.entity.caption)).not.toContain('MYANMAR ECONOMIC CORPORATION LIMITED');
    const holdings = engine
      .screen({ name: 'MYANMA ECONOMIC BANK', schema: 'Organization' })
      .find((m) => m.entity.caption.startsWith('MYANMA ECONOMIC HOLDINGS'));
    expect(holdings?.explanation.scorers.map((s) => s.name)).toContain('lineOfBusinessConflict');
  });

  it('BANK is a word of its own, not an abbreviation of BANGKOK', () => {
    const alerts = engine.screen({ name: 'GOORYONG BANK CO LTD', schema: 'Organization' }).filter((m) => m.alert);
    expect(alerts.map((m) => m.entity.caption)).not.toContain('GOORYONG SHIPPING CO LTD');
  });

  it("a listed firm's name with its line of business replaced by another line's word does not alert on it", () => {
    expect(cases.length).toBeGreaterThan(150);
    const wrong: string[] = [];
    for (const { name, word, line, record } of cases) {
      const query = replaced(name, word, SWAPS[line].other);
      const alerted = engine.screen({ name: query, schema: 'Organization' }).some((m) => m.alert && m.id === record.id);
      if (alerted) wrong.push(`${query} → ${record.caption}`);
    }
    expect(wrong).toEqual([]);
  });

  it("a listed firm's name with its line's word translated still alerts on it", () => {
    const missed: string[] = [];
    for (const { name, word, line, record } of cases) {
      const query = replaced(name, word, SWAPS[line].translated!);
      if (!engine.screen({ name: query, schema: 'Organization' }).some((m) => m.alert && m.id === record.id))
        missed.push(`${query} → ${record.caption}`);
    }
    // 13 of 857 missed (2026-12-08): BANQUE MARKAZI IRAN against BANK MARKAZI JOMHOURI ISLAMI IRAN, words left out too.
    expect(missed.length).toBeLessThanOrEqual(cases.length * 0.05);
  });
});
