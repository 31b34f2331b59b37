/**
 * Partial and one-word queries (issue 13 point 5), on the real SDN and UN lists bundled in data/:
 * - a one-word query that is a listed person's family name ranks that person above any vessel or firm
 *   whose one-word name is one letter away (checked for every such family name on the lists), while the
 *   vessel's own name still alerts on the vessel;
 * - a family name and patronymic ("Nekrasov Nikolaevich") ranks the listed person first, for every
 *   listed "SURNAME, Given Patronymic" person on the SDN list;
 * - a query with common name parts and distinctive ones does not alert on a listed person who shares
 *   only the common parts (fast-check draws the person, the distinctive words and the order).
 */
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { detectPublications, parsePublication } from '@embargo/lists';
import type { Entity } from '../model/entity.js';
import { nameTokens } from '../text/normalize.js';
import { ScreeningEngine, type ScreeningMatch } from './engine.js';
import { nameForms, tokenKeys } from './name-form.js';
import { vowelRunsChanged } from './token-similarity.js';
import { sharedList } from '../../../../test/shared-data.js';

async function load(folder: string): Promise<Entity[]> {
  const { publications } = await detectPublications(sharedList(folder));
  return (await parsePublication(publications[0])).entities;
}

/** Edit distance of two short words, up to 2 (enough to tell "one letter away"). */
function editDistance(a: string, b: string): number {
  if (Math.abs(a.length - b.length) > 1) return 2;
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const row = [i];
    for (let j = 1; j <= b.length; j++)
      row[j] = Math.min(previous[j] + 1, row[j - 1] + 1, previous[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
    previous = row;
  }
  return previous[b.length];
}

/** The one-word family name of a "SURNAME, Given" name, folded ('morina'), or undefined. */
function familyNameOf(name: string): string | undefined {
  const comma = name.indexOf(',');
  if (comma <= 0) return undefined;
  const family = nameTokens(name.slice(0, comma));
  return family.length === 1 && nameTokens(name.slice(comma + 1)).length > 0 ? family[0] : undefined;
}

const NAMES = ['name', 'alias', 'previousName', 'weakAlias'] as const;
const namesOf = (e: Entity) => NAMES.flatMap((p) => (e.properties[p] ?? []).map((s) => s.value));

describe('partial and one-word queries on the bundled SDN and UN lists', () => {
  let engine: ScreeningEngine;
  let entities: Entity[] = [];

  beforeAll(async () => {
    entities = [...(await load('ofac-sdn/2023-12-28')), ...(await load('un-sc/2026-02-27'))];
    engine = new ScreeningEngine(entities);
  }, 120_000);

  it.each([
    { why: 'a family name alone ranks the person above a vessel one letter away', query: 'MORINA', first: 'MORINA, Xhavit' },
    { why: 'and finds the person among many names one letter away', query: 'Ayari', first: 'AYARI, Chiheb Ben Mohamed' },
    { why: 'a family name and patronymic ranks the person first', query: 'Nekrasov Nikolaevich', first: 'NEKRASOV, Aleksandr Nikolaevich' },
  ])('$why: $query', ({ query, first }) => {
    const [top] = engine.screen({ name: query });
    expect(top.entity.caption).toBe(first);
    expect(top.alert, 'a family name, with or without the patronymic, identifies nobody alone').toBe(false);
  });

  it.each([
    { why: 'common names only, a distinctive one missing', query: 'Mohammed Omar Karamyan', listed: 'OMAR, Mohammed', alert: false },
    { why: 'the same common names alone', query: 'Mohammed Omar', listed: 'OMAR, Mohammed', alert: true },
    { why: 'the vessel screened by its own name', query: 'MARIANA', listed: 'MARIANA', alert: true },
  ])('$why: $query on $listed', ({ query, listed, alert }) => {
    const match = engine.screen({ name: query }).find((m) => m.entity.caption === listed);
    expect(match?.alert ?? false, match?.explanation.summary).toBe(alert);
  });

  describe('one-word family names with a vessel or firm one letter away', () => {
    /** Each one-word family name of a listed person, with the persons so named and the one-word names one letter away. */
    const cases: { family: string; persons: Set<string>; near: { id: string; word: string; primary: boolean }[] }[] = [];

    beforeAll(() => {
      const persons = new Map<string, Set<string>>();
      for (const e of entities) {
        if (e.schema !== 'Person') continue;
        for (const s of [...(e.properties.name ?? []), ...(e.properties.alias ?? [])]) {
          const family = familyNameOf(s.value);
          // A title the list writes as a family name ("HAJI, Ali Ahmed") is a one-word query's title, not a name.
          if (!family || family.length < 3 || s.weak || nameForms(family, 'person')[0].tokens[0].role !== 'word') continue;
          if (!persons.has(family)) persons.set(family, new Set());
          persons.get(family)!.add(e.id);
        }
      }
      const oneWordNames = entities
        .filter((e) => e.schema !== 'Person')
        .flatMap((e) =>
          NAMES.flatMap((p) => (e.properties[p] ?? []).map((s) => ({ id: e.id, words: nameTokens(s.value), primary: p === 'name' }))),
        )
        .filter((n) => n.words.length === 1)
        .map((n) => ({ id: n.id, word: n.words[0], primary: n.primary }));
      for (const [family, ids] of persons) {
        // A firm or vessel that also has the family name itself as a one-word name is an exact match, not a near one.
        const same = new Set(oneWordNames.filter((n) => n.word === family).map((n) => n.id));
        const near = oneWordNames.filter((n) => !same.has(n.id) && editDistance(n.word, family) === 1);
        if (near.length > 0) cases.push({ family, persons: ids, near });
      }
    });

    it('has family names to try', () => expect(cases.length).toBeGreaterThan(150));

    it('ranks a person so named above every one of them, and alerts on none', () => {
      const wrong: string[] = [];
      for (const { family, persons, near } of cases) {
        const matches = engine.screen({ name: family.toUpperCase() }, { limit: 50 });
        const person = matches.findIndex((m) => persons.has(m.id));
        const nearIds = new Set(near.map((n) => n.id));
        const above = matches.slice(0, person < 0 ? matches.length : person).filter((m) => nearIds.has(m.id));
        const alerting = matches.filter((m) => m.alert && (nearIds.has(m.id) || persons.has(m.id)));
        if (person < 0 || above.length > 0 || alerting.length > 0)
          wrong.push(
            `${family}: person ${person < 0 ? 'not found' : `#${person + 1}`}; ${[...above, ...alerting].map((m) => m.explanation.summary).join(' | ')}`,
          );
      }
      expect(wrong).toEqual([]);
    });

    it('still alerts on the vessel or firm screened by its own name', () => {
      const wrong: string[] = [];
      for (const { near } of cases)
        for (const { id, word, primary } of near) {
          if (!primary) continue;
          const match = engine.screen({ name: word.toUpperCase() }).find((m) => m.id === id);
          if (!match?.alert) wrong.push(`${word}: ${match?.explanation.summary ?? 'not found'}`);
        }
      expect(wrong).toEqual([]);
    });
  });

  describe('a family name and patronymic', () => {
    const PATRONYMIC = /(ovich|evich|ovna|evna)$/;
    /** "SURNAME, Given Patronymic" → 'surname patronymic', for SDN persons listed so. */
    const familyAndPatronymic = (name: string): string | undefined => {
      const family = familyNameOf(name);
      const given = nameTokens(name.slice(name.indexOf(',') + 1));
      return family && given.length === 2 && PATRONYMIC.test(given[1]) ? `${family} ${given[1]}` : undefined;
    };
    let persons: { id: string; query: string; caption: string }[] = [];

    beforeAll(() => {
      persons = entities
        .filter((e) => e.schema === 'Person' && e.source === 'ofac-sdn')
        .map((e) => ({ id: e.id, query: familyAndPatronymic(e.caption)!, caption: e.caption }))
        .filter((p) => p.query !== undefined);
    });

    it('has persons to try', () => expect(persons.length).toBeGreaterThan(1000));

    it('ranks the listed person first, written in any case, and alerts on no one', () => {
      const cases = [(s: string) => s, (s: string) => s.toUpperCase(), (s: string) => s.replace(/\b\w/g, (c) => c.toUpperCase())];
      const wrong: string[] = [];
      persons.forEach(({ id, query, caption }, i) => {
        const written = cases[i % cases.length](query);
        const matches = engine.screen({ name: written });
        const person = matches.findIndex((m) => m.id === id);
        // Others listed with the same family name and patronymic (brothers, the same man on the UN list) may tie.
        const others = matches
          .slice(0, person < 0 ? matches.length : person)
          .filter((m) => !namesOf(m.entity).some((n) => familyAndPatronymic(n) === query));
        if (person < 0 || others.length > 0 || matches.some((m) => m.alert))
          wrong.push(
            `${written} (${caption}): ${person < 0 ? 'not found' : `#${person + 1}`}; ${others.map((m) => m.explanation.summary).join(' | ')}`,
          );
      });
      expect(wrong).toEqual([]);
    });
  });

  describe('common name parts shared, distinctive ones missing', () => {
    /** Below this rarity weight a name word is common among listed names (the engine's own measure). */
    const COMMON = 0.7;
    let common: { id: string; words: string[] }[] = [];
    let distinctive: string[] = [];

    beforeAll(() => {
      for (const e of entities) {
        if (e.schema !== 'Person' || e.source !== 'ofac-sdn') continue;
        const name = e.properties.name?.[0]?.value ?? '';
        const [form] = nameForms(name, 'person');
        if (!form || !name.includes(',')) continue;
        const weights = form.tokens.map((t) => (t.role === 'word' ? engine.index.tokenWeight(t) : 2));
        if (form.tokens.length >= 2 && form.tokens.length <= 3 && weights.every((w) => w < COMMON))
          common.push({ id: e.id, words: form.tokens.map((t) => t.text) });
        const family = familyNameOf(name);
        if (family && family.length >= 5 && engine.index.tokenWeight(form.tokens[0]) >= 0.99) distinctive.push(family);
      }
      common = common.filter((c) => c.words.length > 0);
      distinctive = [...new Set(distinctive)];
    });

    it('has persons and words to try', () => {
      expect(common.length).toBeGreaterThan(30);
      expect(distinctive.length).toBeGreaterThan(1000);
    });

    it('the common names alone alert on the listed person', () => {
      const silent = common.filter(({ id, words }) => !engine.screen({ name: words.join(' ') }).some((m) => m.id === id && m.alert));
      expect(silent.map((c) => c.words.join(' '))).toEqual([]);
    });

    it('never alerts on that person when the query adds distinctive names the person lacks', () => {
      fc.assert(
        fc.property(
          fc.nat(),
          fc.array(fc.nat(), { minLength: 1, maxLength: 2 }),
          fc.array(fc.nat(), { minLength: 4, maxLength: 4 }),
          (which, extras, order) => {
            const { id, words } = common[which % common.length];
            const entity = entities.find((e) => e.id === id)!;
            const own = new Set(namesOf(entity).flatMap(nameTokens));
            const added = extras.map((k) => distinctive[k % distinctive.length]).filter((w) => !own.has(w));
            fc.pre(added.length > 0);
            const all = [...words, ...added];
            // A shuffle drawn by fast-check: each word moves to a position given by `order`.
            for (let i = all.length - 1; i > 0; i--) {
              const j = order[i % order.length] % (i + 1);
              [all[i], all[j]] = [all[j], all[i]];
            }
            const match = engine.screen({ name: all.join(' ') }).find((m) => m.id === id);
            expect(match?.alert ?? false, `${all.join(' ')}: ${match?.explanation.summary}`).toBe(false);
          },
        ),
        { numRuns: 300, seed: 20261207 },
      );
    });
  });

  describe('one-word names with other vowels', () => {
    /** Listed one-word Latin names (not weak aliases) of firms and vessels with vowels in three places or more. */
    let words: { id: string; word: string }[] = [];
    const VOWELS = /[aeiouy]+/g;
    /** The word with the vowels of its first `places` vowel runs changed (a → o, other vowels → a). */
    const revowelled = (word: string, places: number) => {
      let changed = 0;
      return word.replace(VOWELS, (run) => (changed++ < places ? (run === 'a' ? 'o' : 'a') : run));
    };
    const cappedForVowels = (m: ScreeningMatch | undefined) =>
      m?.explanation.scorers.some((s) => s.name === 'singleWordSpelling' && s.detail?.includes('other vowels')) ?? false;

    beforeAll(() => {
      const seen = new Set<string>();
      for (const e of entities) {
        if (e.schema !== 'Organization' && e.schema !== 'Vessel') continue;
        for (const p of ['name', 'alias', 'previousName'] as const)
          for (const st of e.properties[p] ?? []) {
            const tokens = nameTokens(st.value);
            const word = tokens[0];
            if (st.weak || tokens.length !== 1 || !/^[a-z]{6,}$/.test(word) || (word.match(VOWELS) ?? []).length < 3 || seen.has(word))
              continue;
            seen.add(word);
            words.push({ id: e.id, word });
          }
      }
      words = words.slice(0, 150);
    });

    it('has names to try, each alerting on its record as listed', () => {
      expect(words.length).toBeGreaterThan(40);
      for (const { id, word } of words)
        expect(
          engine.screen({ name: word }).some((m) => m.id === id && m.alert),
          word,
        ).toBe(true);
    });

    it('vowels changed in one place are a variant; in two places (KASOR, the listed KOSAR), not enough alone to alert', () => {
      const capped: string[] = [];
      const loose: string[] = [];
      for (const { id, word } of words) {
        const one = engine.screen({ name: revowelled(word, 1) }).find((m) => m.id === id);
        if (cappedForVowels(one)) capped.push(`${revowelled(word, 1)}: ${one!.explanation.summary}`);
        const query = revowelled(word, 2);
        const two = engine.screen({ name: query }).find((m) => m.id === id);
        // A two-place variant may still alert by spelling (one letter in six is a typing error), or by vowels
        // on another of the record's names that is one place away; not by vowels two places away.
        const pair = two?.explanation.tokens.length === 1 ? two.explanation.tokens[0] : undefined;
        if (two?.alert && pair?.how === 'vowels' && vowelRunsChanged(tokenKeys(query).key, tokenKeys(pair.listed).key) > 1)
          loose.push(`${query}: ${two.explanation.summary}`);
      }
      expect(capped).toEqual([]);
      expect(loose).toEqual([]);
    });

    it('shows such a match below the threshold, saying why', () => {
      // (Kaiser is not such a variant at all: its diphthong ai is a letter KOSAR does not have.)
      const kosar = engine.screen({ name: 'Kasor GmbH', schema: 'Organization' }).find((m) => m.id === 'ofac:28702');
      expect(kosar, 'the listed KOSAR COMPANY (alias of ofac:28702) is still shown').toBeDefined();
      expect(kosar!.alert).toBe(false);
      expect(cappedForVowels(kosar)).toBe(true);
      expect(kosar!.explanation.scorers.find((s) => s.name === 'singleWordSpelling')?.detail).toContain('with other vowels in 2 places');
    });
  });
});
