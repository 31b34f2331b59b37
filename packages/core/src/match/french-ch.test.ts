/**
 * French romanisation writes ch for the sh of English spellings (BOUCHOUCHA ~ Bushusha, CHERIF ~ Sharif,
 * SHALISH ~ Chalich): the lists and the press write the same Maghrebi, Lebanese or Syrian person either way.
 * The reading applies only to persons listed as nationals or citizens of a French-writing country, and finds
 * them through its own blocking key; elsewhere ch is another sound (Chen is not Shen).
 */
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Entity } from '../model/entity.js';
import { ScreeningEngine } from './engine.js';
import { frenchReading, tokenSimilarity } from './token-similarity.js';
import { bundledSdnEntities, listedAs } from '../../../../test/bundled-sdn.js';
import { expectNationalSpelling, expectNeverLowers, personToken } from '../../../../test/national-readings.js';

const token = personToken;

describe('tokenSimilarity with French ch read as sh', () => {
  it.each([
    ['bouchoucha', 'bushusha'],
    ['cherif', 'sherif'],
    ['nachar', 'nashar'],
    ['chalich', 'shalish'],
    ['chawkat', 'shawkat'],
  ])('%s ~ %s for a person of a French-writing country, less otherwise', (listed, query) =>
    expectNationalSpelling(query, listed, { frenchCh: true }),
  );

  it('leaves German sch and French tch as they are', () => {
    expect(frenchReading(token('schneider')).text).toBe('schneider');
    expect(frenchReading(token('tchakarov')).text).toBe('tchakarov');
    expect(frenchReading(token('bouchoucha')).text).toBe('boushousha');
  });

  it('never lowers a similarity, and changes nothing between words without ch', () => {
    const word = fc.stringMatching(/^[a-z]{3,10}$/);
    const withCh = fc.tuple(word, word).map(([a, b]) => a + 'ch' + b);
    expectNeverLowers({ frenchCh: true }, fc.oneof(word, withCh), (a, b) => {
      if (!a.includes('ch') && !b.includes('ch'))
        expect(tokenSimilarity(token(a), token(b), { frenchCh: true })).toEqual(tokenSimilarity(token(a), token(b)));
    });
  });
});

describe('a French-writing country’s listed person under an English spelling, on the bundled OFAC SDN list', () => {
  let engine: ScreeningEngine;
  let bouchoucha: Entity;
  let shalish: Entity;

  beforeAll(async () => {
    const entities = await bundledSdnEntities();
    // The records by their listed names only: OFAC also lists an English spelling (BUSHUSHA), which would
    // find the record whatever the rule.
    const named = (caption: string): Entity => listedAs(entities, caption);
    bouchoucha = named('BOUCHOUCHA, Mokhtar'); // nationality Tunisia
    shalish = named('SHALISH, Zuhayr'); // nationality Syria
    // The same names listed as Chinese nationals: the French reading is not theirs.
    const chinese = (e: Entity, id: string): Entity => ({
      ...e,
      id,
      properties: { ...e.properties, nationality: [{ value: 'CN' }], citizenship: undefined },
    });
    const others = entities.filter((e) => e.id !== bouchoucha.id && e.id !== shalish.id);
    engine = new ScreeningEngine([...others, bouchoucha, shalish, chinese(bouchoucha, 'test:cn-1'), chinese(shalish, 'test:cn-2')]);
  }, 120_000);

  it.each([
    ['Mokhtar Bushusha', () => bouchoucha, 'test:cn-1'],
    ['CHALICH, Zuhayr', () => shalish, 'test:cn-2'],
  ])('%s alerts on the record, explains how, and not on the same name listed as Chinese', (name, listed, chinese) => {
    const matches = engine.screen({ name, schema: 'Person' });
    const match = matches.find((m) => m.id === listed().id);
    expect(match?.alert).toBe(true);
    expect(match!.explanation.tokens.map((t) => t.how)).toEqual(expect.arrayContaining([expect.stringMatching(/romanisation/)]));
    expect(matches.find((m) => m.id === chinese)?.alert ?? false).toBe(false);
  });

  it('does not make Shen a Chen', () => {
    const matches = engine.screen({ name: 'SHEN, Mingfu', schema: 'Person' });
    expect(matches.find((m) => m.entity.caption === 'CHEN, Mingfu')?.alert ?? false).toBe(false);
  });
});
