/**
 * Armenian names read as Armenian passports and the press write them, and Armenian and Georgian firms'
 * legal forms read as their English abbreviations, so that a name in either script meets its Latin spelling.
 */
import { describe, expect, it } from 'vitest';

import { latinReadings } from './index.js';
import { romanizeArmenian } from './armenian.js';
import { ScreeningEngine } from '../../match/engine.js';
import { listedFirm } from '../../../../../test/hand-made.js';

describe('romanizeArmenian', () => {
  it.each([
    ['Փաշինյան', 'pashinyan'],
    ['Սարգսյան', 'sargsyan'],
    ['Քոչարյան', 'kocharyan'],
    ['Հովհաննիսյան', 'hovhannisyan'],
    ['Ղուկասյան', 'ghukasyan'],
    ['Ծատուրյան', 'tsaturyan'],
    ['Եղիազարյան', 'yeghiazaryan'],
    ['Ոսկանյան', 'voskanyan'],
    ['Երևան', 'yerevan'],
    ['Ուրարտու', 'urartu'],
    ['ՀԱՅԱՍՏԱՆ', 'hayastan'],
  ])('%s → %s', (armenian, latin) => {
    expect(romanizeArmenian(armenian).toLowerCase()).toBe(latin);
  });
});

describe('latinReadings of Armenian and Georgian firms', () => {
  it.each([
    ['«Ծատուրյան Շին» ՍՊԸ', 'tsaturyan shin llc'],
    ['Չոբանյան Կաթ ՓԲԸ', 'chobanyan kat cjsc'],
    ['ციკლაური ღვინო შპს', 'tsiklauri ghvino llc'],
    ['სს საქართველოს ბანკი', 'jsc sakartvelos banki'],
  ])('%s reads %s', (name, reading) => {
    expect(latinReadings(name)).toEqual([reading]);
  });

  it('leaves a Georgian word that holds the letters of a form alone', () => {
    expect(latinReadings('სსიპ')).toEqual(['ssip']);
  });
});

describe('an Armenian or Georgian name against its Latin listing', () => {
  const engine = new ScreeningEngine([
    listedFirm('1', 'TSATURYAN SHIN LLC'),
    listedFirm('2', 'VOSKANYAN TRADING CJSC'),
    listedFirm('3', 'MZIURI SHIPPING LLC'),
    listedFirm('4', 'BLUE SEA TRADING LTD'),
  ]);

  it.each([
    ['«Ծատուրյան Շին» ՍՊԸ', 'test:1'],
    ['Ոսկանյան Թրեյդինգ ՓԲԸ', 'test:2'],
    ['მზიური შიპინგ შპს', 'test:3'],
  ])('%s alerts on %s', (name, id) => {
    const [best] = engine.screen({ name });
    expect(best?.id).toBe(id);
    expect(best?.alert).toBe(true);
  });
});
