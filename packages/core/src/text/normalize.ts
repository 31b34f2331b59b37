/**
 * @module text/normalize
 * Folding of names to the form the matcher compares: lower case, no diacritics, no punctuation, single
 * spaces. Letters of other scripts are kept (lower-cased) so that `latinReadings` can transliterate them.
 *
 * @example foldText("  O'Brien-Ñúñez  ") // 'obrien nunez'
 * @example nameTokens('KIM, Jong-Un') // ['kim', 'jong', 'un']
 */
import { isCyrillicOrGreek, unmixWord } from './homoglyphs.js';

/**
 * Letters that Unicode does not decompose into base + accent, or that lists spell differently; and the
 * apostrophe family, which is dropped so that "O'Brien", "Sa'b", "Ma‘ruf" and "Ra’is" fold like the
 * same names typed without it (lists are inconsistent about writing ayn/hamza as an apostrophe).
 */
const SPECIAL_LETTERS: ReadonlyMap<string, string> = new Map([
  ['ß', 'ss'],
  ['ẞ', 'ss'],
  ['æ', 'ae'],
  ['œ', 'oe'],
  ['ø', 'o'],
  ['ł', 'l'],
  ['đ', 'd'],
  ['ð', 'd'],
  ['þ', 'th'],
  ['ı', 'i'],
  ['ə', 'e'],
  ['ǝ', 'e'],
  ['ɛ', 'e'],
  ['ħ', 'h'],
  ['ŧ', 't'],
  ['ŋ', 'ng'],
  ['ĸ', 'q'],
  ['ɨ', 'i'],
  ['ʉ', 'u'],
  ['ɔ', 'o'],
  ['ƒ', 'f'],
  ['ς', 'σ'],
  ["'", ''],
  ['`', ''],
  ['´', ''],
  ['‘', ''],
  ['’', ''],
  ['‛', ''],
  ['ʹ', ''],
  ['ʻ', ''],
  ['ʼ', ''],
  ['ʽ', ''],
  ['ʾ', ''],
  ['ʿ', ''],
  ['ˈ', ''],
  ['′', ''],
  ['\u02bd', ''],
  // Invisible joiners and the Arabic tatweel (kashida), which only stretch or join letters: "شعبـان".
  ['\u00ad', ''],
  ['\u200b', ''],
  ['\u200c', ''],
  ['\u200d', ''],
  ['\u2060', ''],
  ['\ufeff', ''],
  ['\u0640', ''],
]);

const LETTER_OR_NUMBER = /^[\p{L}\p{N}]$/u;
const MARK = /^\p{M}$/u;
const MARKS = /\p{M}/gu;

/**
 * Combining marks that are accents on Latin/Greek/Cyrillic letters, Arabic short-vowel signs (harakat,
 * absent from most list entries, so they must not make a difference) or Hebrew points. Other marks
 * (Indic vowel signs, Thai vowels) are part of the letters and are kept for transliteration.
 */
function isDroppedMark(cp: number): boolean {
  return (
    (cp >= 0x0300 && cp <= 0x036f) ||
    (cp >= 0x1ab0 && cp <= 0x1aff) ||
    (cp >= 0x1dc0 && cp <= 0x1dff) ||
    (cp >= 0x20d0 && cp <= 0x20ff) ||
    (cp >= 0xfe20 && cp <= 0xfe2f) ||
    (cp >= 0x0591 && cp <= 0x05c7) ||
    (cp >= 0x0610 && cp <= 0x061a) ||
    (cp >= 0x064b && cp <= 0x065f) ||
    cp === 0x0670 ||
    (cp >= 0x06d6 && cp <= 0x06ed)
  );
}

/** Latin and Greek letters lose their accents; Cyrillic ones keep them (й, ё are letters, not accents). */
function losesAccents(cp: number): boolean {
  return (
    (cp >= 0x00c0 && cp <= 0x02af) ||
    (cp >= 0x1e00 && cp <= 0x1fff) ||
    (cp >= 0x0370 && cp <= 0x03ff) ||
    (cp >= 0x2c60 && cp <= 0x2c7f) ||
    (cp >= 0xa720 && cp <= 0xa7ff)
  );
}

/** What one (NFKC, lower-cased) character folds to: itself, a replacement, '' or ' ' (a separator). */
function foldCharUncached(ch: string): string {
  const special = SPECIAL_LETTERS.get(ch);
  if (special !== undefined) return special;
  const cp = ch.codePointAt(0) ?? 0;
  if (MARK.test(ch)) return isDroppedMark(cp) ? '' : ch;
  if (!LETTER_OR_NUMBER.test(ch)) return ' ';
  if (!losesAccents(cp)) return ch;
  let out = '';
  for (const base of ch.normalize('NFD').replace(MARKS, '')) out += SPECIAL_LETTERS.get(base) ?? base;
  return out;
}

const FOLDED_CHARS = new Map<string, string>();

function foldChar(ch: string): string {
  let folded = FOLDED_CHARS.get(ch);
  if (folded === undefined) {
    folded = foldCharUncached(ch);
    FOLDED_CHARS.set(ch, folded);
  }
  return folded;
}

const ASCII_ONLY = /^[\x00-\x7f]*$/;
const ASCII_APOSTROPHES = /['`]/g;
const ASCII_SEPARATORS = /[^a-z0-9]+/g;

/**
 * Folds a name for comparison: NFKC, lower case, accents stripped (ǎ → a, ø → o, ß → ss, ł → l, ı → i,
 * ə → e), apostrophes dropped, other punctuation (hyphens too) → one space, trimmed. Cyrillic or Greek
 * look-alikes inside a Latin word become Latin ('КIM' → 'kim'); a wholly Cyrillic word stays Cyrillic.
 * Idempotent.
 *
 * @example foldText('Gim Jeong-eun') // 'gim jeong eun'
 */
export function foldText(s: string): string {
  if (ASCII_ONLY.test(s)) {
    // The fast path: ~all names on OFAC's lists are ASCII; this gives the same result as the general path.
    return s.toLowerCase().replace(ASCII_APOSTROPHES, '').replace(ASCII_SEPARATORS, ' ').trim();
  }
  let out = '';
  let pendingSpace = false;
  let hasCyrillicOrGreek = false;
  let hasAsciiLetter = false;
  for (const ch of s.normalize('NFKC').toLowerCase()) {
    const folded = foldChar(ch);
    if (folded === ' ') {
      pendingSpace = out.length > 0;
      continue;
    }
    if (folded === '') continue;
    if (pendingSpace) {
      out += ' ';
      pendingSpace = false;
    }
    out += folded;
    const first = folded.charCodeAt(0);
    if (first >= 0x61 && first <= 0x7a)
      hasAsciiLetter = true; // a–z, and the ASCII replacements (ß → ss)
    else if (!hasCyrillicOrGreek && isCyrillicOrGreek(folded)) hasCyrillicOrGreek = true;
  }
  if (hasCyrillicOrGreek && hasAsciiLetter) out = out.split(' ').map(unmixWord).join(' ');
  // Dropping a character can bring together two that compose (a Hangul jamo pair, say): recompose.
  return out.normalize('NFC');
}

/**
 * The folded words of a name, in order.
 *
 * @example nameTokens('AL-TIKRITI, Saddam Hussein') // ['al', 'tikriti', 'saddam', 'hussein']
 */
export function nameTokens(s: string): string[] {
  const folded = foldText(s);
  return folded === '' ? [] : folded.split(' ');
}
