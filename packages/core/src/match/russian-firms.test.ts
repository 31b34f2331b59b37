/**
 * OFAC lists Russian and Belarusian firms under English names (JOINT STOCK COMPANY BARNAUL CARTRIDGE PLANT)
 * and, as aliases, their transliterated own names (AO BARNAULSKII PATRONNYI ZAVOD); other lists and customer
 * files give one or the other. The words share no letters: they meet by meaning (ZAVOD: plant, PATRONNYI:
 * cartridge, MASHINOSTROITELNY: MACHINE-BUILDING, written as two words or one) and by the place an adjective
 * is made from (BARNAULSKII: BARNAUL), and are found by those meanings' and places' blocking keys.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import type { Entity } from '../model/entity.js';
import { ScreeningEngine } from './engine.js';
import { bundledSdnEntities, withoutAliases } from '../../../../test/bundled-sdn.js';

describe("Russian firms' transliterated names against their English listing, on the bundled OFAC SDN list", () => {
  /** Each firm listed under an English name (…PLANT) with a transliterated alias (…ZAVOD). */
  let pairs: { record: Entity; transliterated: string }[];
  let engine: ScreeningEngine;

  beforeAll(async () => {
    const entities = await bundledSdnEntities();
    pairs = entities.flatMap((record) => {
      if (record.schema !== 'Organization' && record.schema !== 'Company') return [];
      if (!/\b(PLANT|FACTORY)\b/.test(record.properties.name?.[0]?.value ?? '')) return [];
      return (record.properties.alias ?? []).filter((a) => /\bZAVOD\b/.test(a.value)).map((a) => ({ record, transliterated: a.value }));
    });
    // Each record by its English name alone.
    engine = new ScreeningEngine(entities.map(withoutAliases));
  }, 120_000);

  it.each([
    ['AKTSIONERNOE OBSHCHESTVO BARNAULSKII PATRONNYI ZAVOD', 'JOINT STOCK COMPANY BARNAUL CARTRIDGE PLANT'],
    ['OAO MARIYSKIY MASHINOSTROITELNYY ZAVOD', 'MARIYSKIY MACHINE-BUILDING PLANT OPEN JOINT STOCK COMPANY'],
    ['AKTSIONERNOE OBSHCHESTVO NOVOSIBIRSKII PRIBOROSTROITELNYI ZAVOD', 'JOINT STOCK COMPANY NOVOSIBIRSK INSTRUMENT MAKING PLANT'],
    ['PENZENSKII PODSHIPNIKOVYI ZAVOD', 'LIMITED LIABILITY COMPANY PENZA BEARING PLANT'],
  ])('%s alerts on %s, and on no other plant of the list', (name, caption) => {
    const alerts = engine.screen({ name, schema: 'Organization' }).filter((m) => m.alert);
    expect(alerts.map((m) => m.entity.caption)).toEqual([caption]);
  });

  it('finds at least half of all such firms by their transliterated name, and each alerts on no other of them', () => {
    expect(pairs.length).toBeGreaterThan(50);
    const plants = new Set(pairs.map((p) => p.record.id));
    let found = 0;
    const wrong: string[] = [];
    for (const { record, transliterated } of pairs) {
      const alerts = engine.screen({ name: transliterated, schema: 'Organization' }).filter((m) => m.alert);
      if (alerts.some((m) => m.id === record.id)) found++;
      for (const m of alerts) if (m.id !== record.id && plants.has(m.id)) wrong.push(`${transliterated} → ${m.entity.caption}`);
    }
    expect(found).toBeGreaterThanOrEqual(pairs.length / 2);
    expect(wrong).toEqual([]);
  });
});
