/**
 * A Belarusian or Ukrainian listed person's name and its Russian form (TKACHOU, Alyaksandr Henadzievich ~
 * TKACHEV, Aleksandr Gennadievich): customer files and other lists write the Russian form. The rule (h for
 * g, dz for d, ts for t, -ou for -ov, vowels free) applies only to persons listed as Belarusian or
 * Ukrainian, and finds them through their own blocking key.
 */
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { detectPublications, parsePublication } from '@embargo/lists';
import type { Entity } from '../model/entity.js';
import { ScreeningEngine } from './engine.js';
import { nameForms } from './name-form.js';
import { tokenSimilarity } from './token-similarity.js';
import { BUNDLED_DATA } from '../../../../test/shared-data.js';

const token = (word: string) => nameForms(word, 'person')[0].tokens[0];

describe('tokenSimilarity between a Belarusian or Ukrainian name and its Russian form', () => {
  it.each([
    ['tkachou', 'tkachev'],
    ['alyaksandr', 'aleksandr'],
    ['henadzievich', 'gennadievich'],
    ['kanstantsin', 'konstantin'],
    ['karaeu', 'karaev'],
  ])('%s ~ %s for a person listed as Belarusian or Ukrainian, not otherwise', (a, b) => {
    expect(tokenSimilarity(token(b), token(a), { hForG: true })).toEqual({ similarity: 0.86, kind: 'romanisation' });
    expect(tokenSimilarity(token(b), token(a)).kind).not.toBe('romanisation');
  });

  it.each([
    ['ivanou', 'ivanova'], // another ending, another name
    ['petrou', 'pietro'],
    ['tkachou', 'tkachenko'],
  ])('%s is not %s', (a, b) => {
    expect(tokenSimilarity(token(b), token(a), { hForG: true }).kind).not.toBe('romanisation');
  });
});

describe('the Russian form of a Belarusian listed name, on the bundled OFAC SDN list', () => {
  let engine: ScreeningEngine;
  let tkachou: Entity;

  beforeAll(async () => {
    const { publications } = await detectPublications(join(BUNDLED_DATA, 'ofac-sdn', '2023-12-28'));
    const entities = (await parsePublication(publications[0])).entities;
    // The record as the Belarusian list would give it: its name only, without the Russian-form aliases
    // OFAC adds (which would find it whatever the rule).
    const listed = entities.find((e) => e.caption === 'TKACHOU, Alyaksandr Henadzievich')!;
    tkachou = { ...listed, properties: { ...listed.properties, alias: undefined, weakAlias: undefined } };
    // The same person listed as Russian: the Belarusian rule is not his.
    const russian: Entity = { ...tkachou, id: 'test:ru', properties: { ...tkachou.properties, nationality: [{ value: 'RU' }] } };
    engine = new ScreeningEngine([...entities.filter((e) => e !== listed), tkachou, russian]);
  }, 120_000);

  it('finds and alerts on the record named in Belarusian, and explains how', () => {
    const matches = engine.screen({ name: 'TKACHEV, Aleksandr Gennadievich', schema: 'Person' });
    const match = matches.find((m) => m.id === tkachou.id);
    expect(match?.alert).toBe(true);
    expect(match!.explanation.tokens.map((t) => t.how)).toEqual(expect.arrayContaining([expect.stringMatching(/romanisation/)]));
    expect(matches.find((m) => m.id === 'test:ru')?.alert ?? false).toBe(false);
  });
});
