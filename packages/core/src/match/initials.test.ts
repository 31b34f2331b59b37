/**
 * A middle initial in a customer's name ("Hans J Friedrich") stands for the listed middle name it begins
 * (Hans Joachim Friedrich) and confirms the match; an initial that begins none of the listed name's words
 * ("Hans O Friedrich") names another person's middle name, so the query is not inside the listed name.
 * German given names in -rich (Friedrich, Heinrich) are names, not Russian patronymics in -ich.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { isPatronymic } from '../text/name-words.js';
import { nameTokens } from '../text/normalize.js';
import { ScreeningEngine, type ScreeningMatch } from './engine.js';
import { nameForms } from './name-form.js';
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

/**
 * A given name as its initial (V. Putin): with a family name few listed names share, the listed person is
 * shown at the alert threshold; with a common one (M. Khan, J. Kim) only one name matched, below it. Over
 * every SDN person listed "FAMILY, Given …" with a one-word family name: the rule credits the initial of
 * the first given name with a rare family name, never another initial, never with a common family name.
 */
/** Whether the match stands at the threshold by the rule for an initial and a rare family name. */
const byInitialRule = (m: ScreeningMatch) =>
  m.explanation.scorers.some((s) => s.name === 'surnameOnly' && /initial of another/.test(s.detail ?? ''));

describe('a given name as its initial, on the bundled OFAC SDN list', () => {
  let engine: ScreeningEngine;
  let people: { id: string; family: string; given: string; other?: string }[];

  beforeAll(async () => {
    const entities = await bundledSdnEntities();
    engine = new ScreeningEngine(entities);
    people = entities.flatMap((e) => {
      if (e.schema !== 'Person') return [];
      const [family, given] = e.caption.split(',', 2).map((part) => part.trim().split(/\s+/));
      if (!given || family.length !== 1 || !/^[A-Z]{4,}$/.test(family[0]) || !/^[A-Z][a-z]+$/.test(given[0] ?? '')) return [];
      // A letter no word of any of the record's names begins with: an initial of nothing listed.
      const initials = new Set(
        (['name', 'alias', 'weakAlias', 'previousName'] as const).flatMap((p) =>
          (e.properties[p] ?? []).flatMap((s) => nameTokens(s.value).map((w) => w[0])),
        ),
      );
      const other = ['z', 'q', 'x', 'j', 'v', 'w'].find((letter) => !initials.has(letter))?.toUpperCase();
      return [{ id: e.id, family: family[0], given: given[0], other }];
    });
  }, 120_000);

  it.each([
    ['V. Putin', 'PUTIN, Vladimir Vladimirovich'],
    ['I. Sechin', 'SECHIN, Igor Ivanovich'],
  ])('%s alerts on %s, at the threshold', (name, caption) => {
    const match = engine.screen({ name, schema: 'Person' }).find((m) => m.entity.caption === caption);
    expect(match?.alert).toBe(true);
    expect(match!.score).toBeLessThanOrEqual(match!.explanation.threshold + 0.01);
    expect(byInitialRule(match!)).toBe(true);
  });

  it('credits only the initial of a listed given name, and only with a family name few listed names share', () => {
    expect(people.length).toBeGreaterThan(500);
    const wrong: string[] = [];
    let credited = 0;
    let commonFamilies = 0;
    for (const { id, family, given, other } of people) {
      const byOther = other ? engine.screen({ name: `${other}. ${family}`, schema: 'Person' }).find((m) => m.id === id) : undefined;
      if (byOther && byInitialRule(byOther)) wrong.push(`${other}. ${family} credited as the initial of a listed name`);
      const rare = engine.index.tokenWeight(nameForms(family, 'person')[0].tokens[0]) >= 0.75;
      if (!rare) commonFamilies++;
      const byInitial = engine.screen({ name: `${given[0]}. ${family}`, schema: 'Person' }).find((m) => m.id === id);
      if (byInitial && byInitialRule(byInitial)) {
        credited++;
        if (!rare) wrong.push(`${given[0]}. ${family} credited with a common family name`);
      }
    }
    expect(wrong).toEqual([]);
    expect(credited).toBeGreaterThan(100);
    expect(commonFamilies).toBeGreaterThan(50);
  });
});
