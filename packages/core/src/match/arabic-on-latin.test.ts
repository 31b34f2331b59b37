/**
 * An Arabic-script query against Latin listed names (issue 13 point 3): compared on consonant skeletons,
 * it must also agree with the long vowels, ta marbuta and final vowels the Arabic writes (محمود is not
 * MUHAMMAD, حسين is not HASAN), and common names' skeletons count as little as the names do. Checked on
 * the bundled UN list, whose individuals have an Arabic-script name beside the Latin one: the Arabic
 * names are taken off the list and screened against the Latin names that remain.
 */
import fc from 'fast-check';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { detectPublications, parsePublication } from '@embargo/lists';
import type { Entity } from '../model/entity.js';
import { NAME_PROPERTIES } from '../model/schema.js';
import { foldText } from '../text/normalize.js';
import { arabicSkeletonWords, latinSkeletonWords } from '../text/scripts/arabic-skeleton.js';
import { ScreeningEngine, type ScreeningMatch } from './engine.js';
import { nameForms } from './name-form.js';
import { BUNDLED_DATA } from '../../../../test/shared-data.js';
import { listedPerson } from '../../../../test/hand-made.js';

const ARABIC = /\p{Script=Arabic}/u;

const person = listedPerson;

describe('an Arabic-script query against Latin names', () => {
  const engine = new ScreeningEngine([
    person('muhammad', 'MUHAMMAD ALI'),
    person('mahmoud', 'MAHMOUD ALI'),
    person('fatim', 'FATIM HASSAN'),
    person('samir', 'SAMIR KHALIL'),
    person('hasan', 'HASAN AHMED'),
    person('kim', 'KIM JONG UN'),
  ]);
  const alerts = (query: string, id: string) =>
    engine.screen({ name: query, schema: 'Person' }).some((m) => m.alert && m.id === `test:${id}`);

  it.each([
    { why: 'Mahmud writes a long u: it is not MUHAMMAD', query: 'محمود علي', listed: 'muhammad', alert: false },
    { why: 'Mahmud finds MAHMOUD ALI', query: 'محمود علي', listed: 'mahmoud', alert: true },
    { why: 'Muhammad finds MUHAMMAD ALI', query: 'محمد علي', listed: 'muhammad', alert: true },
    { why: 'a woman\u2019s name ends in ta marbuta: Fatima is not FATIM', query: 'فاطمة حسن', listed: 'fatim', alert: false },
    { why: 'Samira is not SAMIR', query: 'سميرة خليل', listed: 'samir', alert: false },
    { why: 'Samir finds SAMIR KHALIL', query: 'سمير خليل', listed: 'samir', alert: true },
    { why: 'Husayn writes ی: it is not HASAN', query: 'حسين احمد', listed: 'hasan', alert: false },
    { why: 'Hasan finds HASAN AHMED', query: 'حسن احمد', listed: 'hasan', alert: true },
  ])('$why: $query', ({ query, listed, alert }) => expect(alerts(query, listed)).toBe(alert));
});

/** The UN list's individuals with a name in Arabic script, and the list without those names. */
interface ArabicNamed {
  entity: Entity;
  arabic: string;
  /** The Latin names the list keeps for the individual, folded. */
  latin: string[];
}

let withoutArabic: Entity[] = [];
let arabicNamed: ArabicNamed[] = [];
let engine: ScreeningEngine;

beforeAll(async () => {
  const { publications } = await detectPublications(join(BUNDLED_DATA, 'un-sc', '2026-02-27'));
  const entities = (await parsePublication(publications[0])).entities;
  withoutArabic = entities.map((e) => {
    const properties = { ...e.properties };
    for (const p of NAME_PROPERTIES) if (properties[p]) properties[p] = properties[p].filter((s) => !ARABIC.test(s.value));
    return { ...e, properties };
  });
  arabicNamed = entities.flatMap((e, i) => {
    const arabic = NAME_PROPERTIES.flatMap((p) => e.properties[p] ?? []).find((s) => ARABIC.test(s.value))?.value;
    if (e.schema !== 'Person' || arabic === undefined) return [];
    const latin = NAME_PROPERTIES.flatMap((p) => withoutArabic[i].properties[p] ?? []).map((s) => foldText(s.value));
    return latin.length > 0 ? [{ entity: withoutArabic[i], arabic, latin }] : [];
  });
  engine = new ScreeningEngine(withoutArabic);
}, 120_000);

const alertsOn = (matches: ScreeningMatch[], id: string) => matches.filter((m) => m.alert && m.id === id);

describe('the bundled UN list, its Arabic-script names screened against its Latin names', () => {
  it('has individuals to try', () => expect(arabicNamed.length).toBeGreaterThan(300));

  // Amir is one of the commonest given names (Persian, Afghan, Arab), and rarely a title in a customer's
  // name: read as a title it counted for nothing, and امیر عبد الله was one of hundreds of Abdullahs.
  it('reads Amir as a given name: امیر عبد الله finds AMIR ABDULLAH (un:TAi.145) among the many Abdullahs', () => {
    expect(nameForms('AMIR ABDULLAH', 'person')[0].tokens[0].role).toBe('word');
    expect(nameForms('Sheikh Ahmed Ali', 'person')[0].tokens[0].role).toBe('honorific');
    const match = engine.screen({ name: 'امیر عبد الله', schema: 'Person' }).find((m) => m.id === 'un:TAi.145');
    expect(match?.alert, match?.explanation.summary).toBe(true);
  });

  it('still finds nearly every individual by the Arabic name', () => {
    // Measured 2026-12 on the bundled list: 317 of 328 before the written vowels were compared, 316 after.
    // Lost: ABD-AL-GHAFUR for عبد الغفار (Ghaffar, another name) and AL-DABSKI for الدبيسكي (the Latin
    // drops the ی); found: FELICIANO SEMBORIO DELOS REYES. The other misses are list quirks (HISHAN for
    // هاشم, Maghreb g for ق, ISHAQ for اسحاق).
    const found = arabicNamed.filter((n) => alertsOn(engine.screen({ name: n.arabic, schema: 'Person' }), n.entity.id).length > 0);
    expect(found.length).toBeGreaterThanOrEqual(316);
  });

  /**
   * An Arabic word of an individual's name with a long vowel letter put where neither it nor any of the
   * individual's Latin spellings of that word writes a vowel: the skeleton stays, the name is another.
   */
  interface Variant {
    named: ArabicNamed;
    word: number;
    query: string;
    skeleton: string;
  }
  let variants: Variant[] = [];

  beforeAll(() => {
    variants = arabicNamed.flatMap((named) => {
      const words = named.arabic.split(' ');
      return words.flatMap((word, w) => {
        const [before] = arabicSkeletonWords(word);
        if (before === undefined || arabicSkeletonWords(word).length !== 1) return [];
        // A skeleton that another word of the name also has (آخوند twice) may align with that word instead.
        if (arabicSkeletonWords(named.arabic).filter((other) => other.skeleton === before.skeleton).length > 1) return [];
        // Every Latin spelling of the word (a word of a Latin name with its skeleton) must write nothing in the gap.
        const spellings = named.latin.flatMap((name) => latinSkeletonWords(name)).filter((l) => l.skeleton === before.skeleton);
        if (spellings.length === 0) return [];
        return [...word].flatMap((_, at) => {
          if (at === 0) return [];
          return ['ا', 'و', 'ي'].flatMap((letter) => {
            const changed = word.slice(0, at) + letter + word.slice(at);
            const [after] = arabicSkeletonWords(changed);
            if (after?.skeleton !== before.skeleton) return [];
            const gap = [...after.gaps].findIndex((g, k) => g !== before.gaps[k]);
            if (before.gaps.charCodeAt(gap) !== 0 || spellings.some((l) => l.gaps.charCodeAt(gap) !== 0)) return [];
            const query = [...words.slice(0, w), changed, ...words.slice(w + 1)].join(' ');
            return [{ named, word: w, query, skeleton: before.skeleton }];
          });
        });
      });
    });
  });

  it('has variants to try', () => expect(variants.length).toBeGreaterThan(100));

  it('never alerts on a long vowel the Latin spelling does not write, by consonants alone', () => {
    fc.assert(
      fc.property(fc.nat(), (which) => {
        const { named, query, skeleton } = variants[which % variants.length];
        for (const m of alertsOn(engine.screen({ name: query, schema: 'Person' }), named.entity.id)) {
          const { tokens, query: reading } = m.explanation;
          // The changed word aligned by its consonants: as a skeleton word, or as a reading matched on consonants or vowels alone.
          const byConsonants = tokens.filter((t) =>
            reading.script === 'skeleton'
              ? t.query === skeleton && t.listed === skeleton
              : (t.how.startsWith('skeleton') || t.how.startsWith('vowels')) && latinSkeletonWords(t.listed)[0]?.skeleton === skeleton,
          );
          expect(byConsonants, `${query} (from ${named.arabic}): ${m.explanation.summary}`).toEqual([]);
        }
      }),
      { numRuns: 150, seed: 20261207 },
    );
  });
});

/**
 * Common names in Arabic script, each with a usual Latin spelling whose [bracketed] vowel is the long
 * vowel the Arabic writes: a spelling with another vowel or none there shares only the consonants.
 */
const COMMON_NAMES: ReadonlyArray<readonly [string, string]> = [
  ['محمود', 'Mahm[u]d'],
  ['حسين', 'Hus[ay]n'],
  ['إبراهيم', 'Ibrah[i]m'],
  ['خالد', 'Kh[a]lid'],
  ['جمال', 'Jam[a]l'],
  ['كريم', 'Kar[i]m'],
  ['عثمان', 'Uthm[a]n'],
  ['رشيد', 'Rash[i]d'],
  ['منصور', 'Mans[u]r'],
  ['ناصر', 'N[a]sir'],
  ['سعيد', 'Sa[i]d'],
  ['صالح', 'S[a]lih'],
  ['فاطمة', 'Fatim[a]'],
  ['سليمان', 'Sulaym[a]n'],
];
/** Vowels that are not the bracketed one: for a long a, i, u or none; for u, a, e, i or none; for i, a, o, u or none. */
const OTHER_VOWELS: Readonly<Record<string, readonly string[]>> = {
  a: ['', 'i', 'u'],
  u: ['', 'a', 'e', 'i'],
  i: ['', 'a', 'o', 'u'],
  ay: ['', 'a', 'o', 'u'],
};

describe('common Arabic-script names against persons sharing only their consonants', () => {
  const spelling = (latin: string, vowel: number) =>
    latin.replace(/\[(\w+)\]/, (_, long: string) => OTHER_VOWELS[long][vowel % OTHER_VOWELS[long].length]);

  it('never alerts on a person whose names write other vowels where the Arabic writes long ones', () => {
    fc.assert(
      fc.property(fc.nat(), fc.nat(), fc.nat(), fc.nat(), (given, family, v1, v2) => {
        const [givenArabic, givenLatin] = COMMON_NAMES[given % COMMON_NAMES.length];
        const [familyArabic, familyLatin] = COMMON_NAMES[(given + 1 + (family % (COMMON_NAMES.length - 1))) % COMMON_NAMES.length];
        const listed = `${spelling(familyLatin, v2).toUpperCase()}, ${spelling(givenLatin, v1)}`;
        const lookalike = person('lookalike', listed);
        const matches = new ScreeningEngine([...withoutArabic, lookalike]).screen({
          name: `${givenArabic} ${familyArabic}`,
          schema: 'Person',
        });
        const alert = alertsOn(matches, lookalike.id)[0];
        expect(alert?.explanation.summary, `${givenArabic} ${familyArabic} against ${listed}`).toBeUndefined();
      }),
      { numRuns: 40, seed: 20261207 },
    );
  }, 120_000);

  it('still alerts on a person whose names write the long vowels', () => {
    const lookalike = person('same', 'KHALID, Ibrahim');
    const matches = new ScreeningEngine([...withoutArabic, lookalike]).screen({ name: 'إبراهيم خالد', schema: 'Person' });
    expect(alertsOn(matches, lookalike.id)).toHaveLength(1);
  }, 60_000);
});
