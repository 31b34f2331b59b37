/**
 * @module text/scripts/cyrillic-english
 * The informal English spelling of Russian names used by the press and by many list entries, which
 * follows no standard: Maxim and Alexandrovna (кс → x), Maria and Anastasia (ия → ia), Vasilievna and
 * Soloviev (ье → ie), Evgeny and Dmitry (е → e, final -ий → y), Alexey (й → y). Of the UK list's
 * 2,313 Cyrillic names (2025-04-14) this style spells 885 exactly as the list does, more than any iuliia
 * schema, and 243 of them no schema gets right. (Tried and dropped: ей → ei, 28 names fewer; ья → ia, 3
 * fewer; final ий → i, 49 fewer.)
 *
 * @example romanizeRussianInEnglish('максим александрович') // 'maxim alexandrovich'
 */

/** Letter sequences replaced first, longest first; '$' marks the end of a word. */
const SEQUENCES: ReadonlyArray<readonly [RegExp, string]> = [
  [/кс/g, 'x'],
  [/ий(?=\s|$)/g, 'y'],
  [/ый(?=\s|$)/g, 'y'],
  [/ия/g, 'ia'],
  [/ь[её]/g, 'ie'],
];

const LETTERS: ReadonlyMap<string, string> = new Map([
  ['а', 'a'],
  ['б', 'b'],
  ['в', 'v'],
  ['г', 'g'],
  ['д', 'd'],
  ['е', 'e'],
  ['ё', 'e'],
  ['ж', 'zh'],
  ['з', 'z'],
  ['и', 'i'],
  ['й', 'y'],
  ['к', 'k'],
  ['л', 'l'],
  ['м', 'm'],
  ['н', 'n'],
  ['о', 'o'],
  ['п', 'p'],
  ['р', 'r'],
  ['с', 's'],
  ['т', 't'],
  ['у', 'u'],
  ['ф', 'f'],
  ['х', 'kh'],
  ['ц', 'ts'],
  ['ч', 'ch'],
  ['ш', 'sh'],
  ['щ', 'shch'],
  ['ъ', ''],
  ['ы', 'y'],
  ['ь', ''],
  ['э', 'e'],
  ['ю', 'yu'],
  ['я', 'ya'],
]);

/** Reads lower-case Russian Cyrillic the way English-language sources usually spell names. */
export function romanizeRussianInEnglish(text: string): string {
  let s = text;
  for (const [pattern, replacement] of SEQUENCES) s = s.replace(pattern, replacement);
  let out = '';
  for (const ch of s) out += LETTERS.get(ch) ?? ch;
  return out;
}
