/**
 * @module text/homoglyphs
 * Cyrillic and Greek letters that look like Latin ones, and the reverse. Lists and screening requests
 * contain names typed on a Cyrillic keyboard layout or pasted from documents that mix the two alphabets
 * ('КIM' with a Cyrillic К, 'Сeргей' with a Latin e); such a word reads as one name to a person, so it
 * must fold to one script. `foldText` calls `unmixWord` on words that contain both Latin and
 * Cyrillic/Greek letters: the majority script wins, when every minority letter has a look-alike.
 */

/**
 * Lower-case Cyrillic/Greek letter → the Latin letter its capital looks like. Keys are lower case because
 * `foldText` lowercases first; lists are mostly in capitals, so the capital's look decides (Н → h, В → b).
 */
const LOOKS_LATIN: ReadonlyMap<string, string> = new Map([
  // Cyrillic
  ['а', 'a'],
  ['в', 'b'],
  ['е', 'e'],
  ['ё', 'e'],
  ['к', 'k'],
  ['м', 'm'],
  ['н', 'h'],
  ['о', 'o'],
  ['р', 'p'],
  ['с', 'c'],
  ['т', 't'],
  ['у', 'y'],
  ['х', 'x'],
  ['і', 'i'],
  ['ї', 'i'],
  ['ј', 'j'],
  ['ѕ', 's'],
  ['һ', 'h'],
  ['ԁ', 'd'],
  ['ԛ', 'q'],
  ['ԝ', 'w'],
  ['ӏ', 'l'],
  // Greek
  ['α', 'a'],
  ['β', 'b'],
  ['ε', 'e'],
  ['ζ', 'z'],
  ['η', 'h'],
  ['ι', 'i'],
  ['κ', 'k'],
  ['μ', 'm'],
  ['ν', 'n'],
  ['ο', 'o'],
  ['ρ', 'p'],
  ['τ', 't'],
  ['υ', 'y'],
  ['χ', 'x'],
]);

/** Latin letter → the Cyrillic letter it looks like, for a Latin intruder in a Cyrillic word. */
const LOOKS_CYRILLIC: ReadonlyMap<string, string> = new Map([
  ['a', 'а'],
  ['b', 'в'],
  ['c', 'с'],
  ['e', 'е'],
  ['h', 'н'],
  ['i', 'і'],
  ['k', 'к'],
  ['m', 'м'],
  ['o', 'о'],
  ['p', 'р'],
  ['t', 'т'],
  ['x', 'х'],
  ['y', 'у'],
]);

const isAsciiLetter = (ch: string): boolean => ch >= 'a' && ch <= 'z';
const isCyrillic = (ch: string): boolean => ch >= '\u0400' && ch <= '\u052f';
const isGreek = (ch: string): boolean => ch >= '\u0370' && ch <= '\u03ff';

/**
 * Rewrites a folded (lower-case) word whose letters mix Latin with Cyrillic or Greek into the majority
 * script; returns the word unchanged when it is not mixed or a minority letter has no look-alike.
 *
 * @example unmixWord('кim') // 'kim'   unmixWord('сeргей') // 'сергей'
 */
export function unmixWord(word: string): string {
  let latin = 0;
  let cyrillic = 0;
  let greek = 0;
  for (const ch of word) {
    if (isAsciiLetter(ch)) latin++;
    else if (isCyrillic(ch)) cyrillic++;
    else if (isGreek(ch)) greek++;
  }
  if (latin === 0 || cyrillic + greek === 0) return word;
  if (latin >= cyrillic + greek) return replaceAll(word, (ch) => isCyrillic(ch) || isGreek(ch), LOOKS_LATIN);
  if (greek === 0) return replaceAll(word, isAsciiLetter, LOOKS_CYRILLIC);
  return word;
}

function replaceAll(word: string, isIntruder: (ch: string) => boolean, table: ReadonlyMap<string, string>): string {
  let out = '';
  for (const ch of word) {
    if (!isIntruder(ch)) {
      out += ch;
      continue;
    }
    const lookAlike = table.get(ch);
    if (lookAlike === undefined) return word;
    out += lookAlike;
  }
  return out;
}

/** True for the letters `unmixWord` looks at, so `foldText` only calls it when a word may be mixed. */
export function isCyrillicOrGreek(ch: string): boolean {
  return isCyrillic(ch) || isGreek(ch);
}

/**
 * A wholly Cyrillic or Greek (folded) word read as the Latin letters its capitals look like, when every
 * letter has a look-alike: in a Latin name, "ВАНК" typed on a Cyrillic keyboard is BANK. Undefined otherwise.
 *
 * @example latinLookAlike('ваnк') // undefined (mixed words are `unmixWord`'s)   latinLookAlike('оао') // 'oao'
 */
export function latinLookAlike(word: string): string | undefined {
  let out = '';
  for (const ch of word) {
    const latin = isCyrillic(ch) || isGreek(ch) ? LOOKS_LATIN.get(ch) : undefined;
    if (latin === undefined) return undefined;
    out += latin;
  }
  return out === '' ? undefined : out;
}
