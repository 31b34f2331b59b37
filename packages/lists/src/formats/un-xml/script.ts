/**
 * @module formats/un-xml/script
 * Names the writing system of a name, as ISO 15924 codes, because the UN's NAME_ORIGINAL_SCRIPT field does
 * not say which script it holds (mostly Arabic and Cyrillic, one Chinese, two Ge'ez/Tigrinya, one Latin).
 * @example detectScript('阿不都·哈克') === 'Hani'; detectScript('JAMAAH ANSHARUT DAULAH') === undefined
 */

const SCRIPTS: readonly [code: string, letters: RegExp][] = [
  ['Hang', /\p{Script=Hangul}/gu],
  ['Hani', /\p{Script=Han}/gu],
  ['Kana', /[\p{Script=Hiragana}\p{Script=Katakana}]/gu],
  ['Cyrl', /\p{Script=Cyrillic}/gu],
  ['Arab', /\p{Script=Arabic}/gu],
  ['Hebr', /\p{Script=Hebrew}/gu],
  ['Grek', /\p{Script=Greek}/gu],
  ['Geor', /\p{Script=Georgian}/gu],
  ['Armn', /\p{Script=Armenian}/gu],
  ['Ethi', /\p{Script=Ethiopic}/gu],
  ['Thai', /\p{Script=Thai}/gu],
  ['Mymr', /\p{Script=Myanmar}/gu],
  ['Deva', /\p{Script=Devanagari}/gu],
];

const NOT_ASCII = /[^\0-\x7f]/;
const LATIN = /\p{Script=Latin}/gu;

/** The non-Latin script most letters of `text` are in, or undefined for Latin text (or no letters). */
export function detectScript(text: string): string | undefined {
  // Most names are plain ASCII, which is Latin or punctuation: no other script can outnumber it, and the
  // thirteen counts below (each a global match building an array) need not run.
  if (!NOT_ASCII.test(text)) return undefined;
  const latin = text.match(LATIN)?.length ?? 0;
  let best: string | undefined;
  let bestCount = latin;
  for (const [code, letters] of SCRIPTS) {
    const count = text.match(letters)?.length ?? 0;
    if (count > bestCount) {
      best = code;
      bestCount = count;
    }
  }
  return best;
}
