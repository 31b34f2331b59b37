/**
 * A middle initial in a customer's name ("Hans J Friedrich") stands for the listed middle name it begins
 * (Hans Joachim Friedrich) and confirms the match; an initial that begins none of the listed name's words
 * ("Hans O Friedrich") names another person's middle name, so the query is not inside the listed name.
 * German given names in -rich (Friedrich, Heinrich) are names, not Russian patronymics in -ich.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { isPatronymic } from '../text/name-words.js';
import { ScreeningEngine } from './engine.js';
import { bundledSdnEntities } from '../../../../test/bundled-sdn.js';
import { listedPerson } from '../../../../test/hand-made.js';

describe('isPatronymic', () => {
  it.each(['viktorovich', 'nikolaevna', 'ilyich', 'kuzmich', 'nikitich', 'borisovitch', 'wladimirowitsch'])(
    '%s is a patronymic',
    (word) => {
      expect(isPatronymic(word)).toBe(true);
    },
  );
  it.each(['friedrich', 'heinrich', 'dietrich', 'emmerich'])('%s is a given name', (word) => {
    expect(isPatronymic(word)).toBe(false);
  });
});

describe('middle initials against a listed name beside the bundled OFAC SDN list', () => {
  let engine: ScreeningEngine;

  beforeAll(async () => {
    const entities = await bundledSdnEntities();
    engine = new ScreeningEngine([...entities, listedPerson('friedrich', 'Hans Joachim Friedrich')]);
  }, 120_000);

  const alert = (name: string) => engine.screen({ name, schema: 'Person' }).find((m) => m.id === 'test:friedrich')?.alert ?? false;

  it('alerts on the initial of the listed middle name, and on the name in full', () => {
    expect(alert('Hans J Friedrich')).toBe(true);
    expect(alert('Hans J. Friedrich')).toBe(true);
    expect(alert('Hans Joachim Friedrich')).toBe(true);
  });

  it('does not take a name with another middle initial as inside the listed one', () => {
    expect(alert('Hans O Friedrich')).toBe(false);
    expect(alert('Hans Otto Friedrich')).toBe(false);
  });
});
