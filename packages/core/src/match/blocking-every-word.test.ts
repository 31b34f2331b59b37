/**
 * Blocking gives every word of a query its chance, on the bundled SDN list of 2023-12-28:
 * - a short word whose one-letter neighbours are many (NK: NOK, INK, NAK) never crowds a rarer word's
 *   names out of those aligned: for every listed firm's distinctive word (one 4–15 names share), the word
 *   after such a short word still reaches names holding it (before, NK ROSNEFT never aligned Rosneft);
 * - a query of common words only ("Muhammad Ali") still aligns the listed person who spells them
 *   otherwise (Mohamed ALI), although their keys are too common to select names on their own. (Not yet:
 *   where one word's own key selects many names and the other spelling shares only a too common key with
 *   it, "Ahmad Hasan" against Ahmed HASSAN.)
 */
import { beforeAll, describe, expect, it } from 'vitest';
import type { Entity } from '../model/entity.js';
import { GENERIC_ORGANISATION_WORDS, onlyLegalForms } from '../text/legal-forms.js';
import { nameTokens } from '../text/normalize.js';
import { ScreeningEngine } from './engine.js';
import { nameForms, tokenKeys } from './name-form.js';
import { bundledSdnEntities } from '../../../../test/bundled-sdn.js';
import { listedPerson } from '../../../../test/hand-made.js';

/** Two-letter words of firms' names (Russian NK, oil company; GK, group of companies; TD, trading house) with many one-letter neighbours among listed words. */
const SHORT_WORDS = ['nk', 'gk', 'td'];
/** Listed words this long at least are a firm's distinctive word. */
const MIN_DISTINCTIVE = 6;
const namesOf = (e: Entity) =>
  (['name', 'alias', 'weakAlias', 'previousName'] as const).flatMap((p) => (e.properties[p] ?? []).map((s) => s.value));
/** Whether two keys are equal or one letter apart (one is the other with a letter more). */
function keysOneLetterApart(a: string, b: string): boolean {
  if (a === b) return true;
  const [short, long] = a.length < b.length ? [a, b] : [b, a];
  if (long.length !== short.length + 1) return false;
  for (let i = 0; i < long.length; i++) if (long.slice(0, i) + long.slice(i + 1) === short) return true;
  return false;
}
/** A name's words, and each two neighbours joined (HONG KONG holds HONGKONG). */
function wordsAndPairs(name: string): string[] {
  const words = nameTokens(name);
  return [...words, ...words.slice(1).map((w, i) => words[i] + w)];
}
/** A word as blocking keys it: DEFENCE and DEFENSE are one word. */
const keyOf = (word: string) => tokenKeys(word).key;

describe('every word of a query reaches its names', () => {
  let entities: Entity[];
  let engine: ScreeningEngine;
  beforeAll(async () => {
    entities = await bundledSdnEntities();
    engine = new ScreeningEngine([...entities, listedPerson('mohamed-ali', 'Mohamed ALI')]);
  });

  it("a short word's neighbours never crowd out a firm's distinctive word (sampled SDN firms)", () => {
    // Distinctive words several listed names share: a word of one name alone outweighed NK even before.
    const namesWith = new Map<string, number>();
    const personWords = new Set<string>();
    for (const e of entities)
      for (const name of namesOf(e)) {
        const words = new Set(nameTokens(name));
        for (const w of words) namesWith.set(w, (namesWith.get(w) ?? 0) + 1);
        if (e.schema === 'Person') for (const w of words) personWords.add(w);
      }
    // A firm's own word: not a legal form or a generic firm word, and no person's (a firm's query does not
    // select persons, whose names can fill the names a word brings in).
    const distinctive = (w: string) =>
      w.length >= MIN_DISTINCTIVE &&
      /^[a-z]+$/.test(w) &&
      !personWords.has(w) &&
      !GENERIC_ORGANISATION_WORDS.has(w) &&
      !onlyLegalForms([w]) &&
      (namesWith.get(w) ?? 0) >= 4 &&
      (namesWith.get(w) ?? 0) <= 15;
    const firms = entities.filter((e) => e.schema === 'Organization' || e.schema === 'Company');
    const cases: { entity: Entity; word: string }[] = [];
    for (const entity of firms) {
      // Words the engine reads as the firm's own (not a legal form's, a generic word's or a place's).
      const own = nameForms(entity.caption, 'organisation')[0]?.tokens.filter((t) => t.role === 'word' && t.meaning === '') ?? [];
      const word = own.map((t) => t.text).find(distinctive);
      if (word && !cases.some((c) => c.word === word)) cases.push({ entity, word });
    }
    expect(cases.length).toBeGreaterThan(30);
    const missed: string[] = [];
    for (const { entity, word } of cases)
      for (const short of SHORT_WORDS) {
        const query = `${short.toUpperCase()} ${word.toUpperCase()}`;
        const matches = engine.screen({ name: query, schema: 'Organization' }, { minScore: 0, limit: 100 });
        const found = matches.some((m) =>
          namesOf(m.entity).some((n) => wordsAndPairs(n).some((w) => keysOneLetterApart(keyOf(w), keyOf(word)))),
        );
        if (!found) missed.push(`${query} (${entity.caption})`);
      }
    expect(missed).toEqual([]);
  });

  it.each([['Muhammad Ali', 'test:mohamed-ali']])(
    'a query of common words only (%s) aligns the listed person who spells them otherwise',
    (name, id) => {
      const match = engine.screen({ name, schema: 'Person' }, { limit: 100 }).find((m) => m.id === id);
      expect(match?.alert).toBe(true);
    },
  );
});
