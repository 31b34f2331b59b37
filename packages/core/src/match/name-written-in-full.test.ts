/**
 * A listed person's short name inside a customer's fuller one (issue 13 points 5 and the alias hold-out):
 * "BESEDA, Sergey" listed, "BESEDA, Sergey Aleksei" screened (a patronymic is already read as one). One
 * more given name or second family name is the same person written out in full and must alert; two more words, or the query's own
 * family name left over (焉振东, Yan Zhendong, is not CHEN, Dong), are another person who shares some of
 * the words. A firm is known by the first words of its name, and a firm's name with a branch or place after
 * it is that firm. Checked on every two-word "SURNAME, Given" person and every long firm name of the
 * bundled OFAC SDN list (2023-12-28), with generated extra words.
 */
import fc from 'fast-check';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { detectPublications, parsePublication } from '@embargo/lists';
import type { Entity } from '../model/entity.js';
import { ScreeningEngine } from './engine.js';
import { BUNDLED_DATA } from '../../../../test/shared-data.js';
import { listedPerson } from '../../../../test/hand-made.js';

/** A made-up name word (no listed name is built from it: consonant–vowel syllables with a rare ending). */
const inventedWord = fc
  .array(fc.tuple(fc.constantFrom('b', 'd', 'f', 'g', 'k', 'l', 'm', 'n', 'r', 't', 'v', 'z'), fc.constantFrom('a', 'e', 'i', 'o', 'u')), {
    minLength: 2,
    maxLength: 3,
  })
  .map((syllables) => {
    const word = syllables.map(([c, v]) => c + v).join('') + 'xq';
    return word[0].toUpperCase() + word.slice(1);
  });

describe('a listed short name inside a fuller one, on the bundled OFAC SDN list', () => {
  let engine: ScreeningEngine;
  let persons: Entity[] = [];

  beforeAll(async () => {
    const { publications } = await detectPublications(join(BUNDLED_DATA, 'ofac-sdn', '2023-12-28'));
    const entities = (await parsePublication(publications[0])).entities;
    engine = new ScreeningEngine(entities);
    // "SURNAME, Given" persons whose name alone alerts on them at the top: the name is theirs.
    persons = entities.filter((e) => {
      if (e.schema !== 'Person' || !/^[A-Z]{4,}, [A-Z][a-z]{3,}$/.test(e.caption)) return false;
      const top = engine.screen({ name: e.caption, schema: 'Person' }, { limit: 1 })[0];
      return top?.id === e.id && top.alert;
    });
  }, 180_000);

  const alertsOn = (query: string, id: string) => engine.screen({ name: query, schema: 'Person' }).some((m) => m.id === id && m.alert);

  it('has persons to try', () => expect(persons.length).toBeGreaterThan(300));

  it('one more given name still alerts on most of them (their words are rare enough to say who it is)', () => {
    let alerted = 0;
    let tried = 0;
    fc.assert(
      fc.property(fc.nat(), inventedWord, (which, extra) => {
        const person = persons[which % persons.length];
        tried++;
        if (alertsOn(`${person.caption} ${extra}`, person.id)) alerted++;
      }),
      { numRuns: 300, seed: 13 },
    );
    // Names of two common words (Ali, Hassan) stay below the alert with a word added.
    // 99% at this writing (83% before a distinctive listed name's one extra word was discounted).
    expect(alerted / tried).toBeGreaterThan(0.95);
  });

  it('a family name typed twice in a row still alerts on the person', () => {
    // A slip of data entry: the word is also read once (the name as written is kept too).
    const twice = persons.map((p) => {
      const [surname, given] = p.caption.split(', ');
      return [`${surname} ${surname}, ${given}`, p.id] as const;
    });
    // …and matched as the name once: no query word left over to lower the score.
    const readOnce = twice.filter(([query, id]) => {
      const match = engine.screen({ name: query, schema: 'Person' }).find((m) => m.id === id);
      return match?.alert && match.explanation.unmatched.query.length === 0;
    }).length;
    expect(readOnce / twice.length).toBeGreaterThan(0.95);
  });

  it('two more words never make a listed two-word name alert', () => {
    fc.assert(
      fc.property(fc.nat(), inventedWord, inventedWord, (which, a, b) => {
        const person = persons[which % persons.length];
        expect(alertsOn(`${person.caption} ${a} ${b}`, person.id)).toBe(false);
      }),
      { numRuns: 200, seed: 13 },
    );
  });
});

describe('a hand-made list', () => {
  const person = listedPerson;
  const engine = new ScreeningEngine([person('chen', 'CHEN, Dong'), person('beseda', 'BESEDA, Sergey'), person('kim', 'KIM, Jong Un')]);
  const score = (name: string, id: string) => engine.screen({ name, schema: 'Person' }).find((m) => m.id === `test:${id}`);

  it.each([
    { name: 'BESEDA, Sergey Aleksei', id: 'beseda', alert: true },
    { name: 'Sergey Aleksei Beseda', id: 'beseda', alert: true },
    { name: 'BESEDA, Sergey Aleksei Ivanovsky', id: 'beseda', alert: false },
    { name: '焉振东', id: 'chen', alert: false },
  ])('$name → $id alert: $alert', ({ name, id, alert }) => {
    const match = score(name, id);
    expect(match?.alert ?? false).toBe(alert);
    if (alert) expect(match!.explanation.scorers.find((s) => s.name === 'nameContained')?.detail).toMatch(/query words left over/);
  });
});

describe('a firm known by the first words of its name, on the bundled OFAC SDN list', () => {
  let engine: ScreeningEngine;
  let firms: Entity[] = [];

  beforeAll(async () => {
    const { publications } = await detectPublications(join(BUNDLED_DATA, 'ofac-sdn', '2023-12-28'));
    const entities = (await parsePublication(publications[0])).entities;
    engine = new ScreeningEngine(entities);
    // Firms of five or more plain words whose full name alerts on them at the top.
    firms = entities.filter((e) => {
      if (e.schema === 'Person' || e.schema === 'Vessel' || e.schema === 'Airplane') return false;
      if (!/^[A-Z]+( [A-Z]+){4,}$/.test(e.caption)) return false;
      const top = engine.screen({ name: e.caption }, { limit: 1 })[0];
      return top?.id === e.id && top.alert;
    });
  }, 180_000);

  const alertsOn = (query: string, id: string) => engine.screen({ name: query }).some((m) => m.id === id && m.alert);
  const share = (queries: [string, string][]) => queries.filter(([q, id]) => alertsOn(q, id)).length / queries.length;

  it('has firms to try', () => expect(firms.length).toBeGreaterThan(100));

  it('the first three words of a long listed name alert on it more often than before', () => {
    // 47% at this writing, 36% before the leading words were read as the firm's short name (the rest are
    // names whose first words are legal forms and generic words: OBSHCHESTVO S OGRANICHENNOI …).
    expect(share(firms.map((f) => [f.caption.split(' ').slice(0, 3).join(' '), f.id]))).toBeGreaterThan(0.42);
  });

  it('a listed name with a branch and city after it alerts on it', () => {
    // 86% at this writing, 74% before; the rest have one distinctive word (… KORPORATSIYA AIPI).
    expect(share(firms.map((f) => [`${f.caption} ZORBAXQ BRANCH`, f.id]))).toBeGreaterThan(0.8);
  });

  it('the last three words of a long listed name, or the name after a description, alert on it more often than before', () => {
    // 54% and 86% at this writing, 40% and 85% before the last words were read as a short name.
    expect(share(firms.map((f) => [f.caption.split(' ').slice(-3).join(' '), f.id]))).toBeGreaterThan(0.5);
    expect(share(firms.map((f) => [`ZORBAXQ ${f.caption}`, f.id]))).toBeGreaterThan(0.85);
  });

  it('words from the middle of a listed name, after another word, do not read as its short name', () => {
    expect(share(firms.map((f) => [`ZORBAXQ ${f.caption.split(' ').slice(1, 3).join(' ')}`, f.id]))).toBeLessThan(0.01);
  });
});
