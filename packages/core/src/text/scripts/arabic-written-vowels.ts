/**
 * @module text/scripts/arabic-written-vowels
 * What a consonant skeleton leaves out, kept beside it so that the letters a script does write still
 * count. Arabic script leaves short vowels unwritten but writes the long ones (ا ā, و ū, ی ī), the ta
 * marbuta (ة) and final vowels; a Latin spelling writes every vowel. Two names with one skeleton are one
 * name only where each side writes, between the same two consonants, what the other's letters require:
 * محمود (Mahmūd) writes و between m and d, where MUHAMMAD has only a, so they are two names; فاطمة
 * ends in ة, which FATIM does not write.
 *
 * Each gap of a skeleton (before its first consonant, between two, after its last) gets one code: the
 * requirements its letters put on the other side (`NEEDS_*`, low bits) and what its letters give the other
 * side (the same bits, shifted by PROVIDES). `writtenVowelsAgree` compares two skeletons' codes gap by gap.
 *
 * | written in Arabic                        | the Latin spelling must write there         |
 * |------------------------------------------|---------------------------------------------|
 * | ا inside a word, آ anywhere, ة           | a, e or o (Hichem هشام, Dari Rahmon, Fatemeh) |
 * | و after the first letter                 | u, o, w or v (Persian v: Javad جواد)          |
 * | ی ي inside a word                        | i, e or y (Hossein, Husayn)                   |
 * | ی ي ى at a word's end (ī or ā: موسی Musa) | some vowel                                  |
 *
 * | written in Latin                                         | Arabic must write there          |
 * |----------------------------------------------------------|----------------------------------|
 * | w or v after the first letter                            | و (ALAVI is not علي)              |
 * | y after the first letter                                 | ي, ی, ى or ئ                      |
 * | a vowel first, a vowel last (not a French mute e), or two vowels in a row (not French ou, a short u) | a letter: ا, ع, hamza, a long vowel, ة, ه |
 *
 * An Arabic word cannot begin or end with an unwritten vowel, and two Latin vowels in a row write a long
 * vowel, a diphthong or an ayn: MOHAMMADI (nisba ي) is not محمد, EHSAN (احسان) is not حسن, HUSSEIN is not حسن.
 * Known limits: the Persian silent و of خوا (Khaja, Khwaja) is exempt; the article is not compared
 * (lists write al- or leave it out at will).
 */

/** The other side must write a, e or o here (Arabic ا, آ, ة). */
const NEEDS_A = 1;
/** …u, o, w or v (Arabic و). */
const NEEDS_U = 2;
/** …i, e or y (Arabic ی inside a word). */
const NEEDS_I = 4;
/** …some vowel (Arabic ی or ى at a word's end, which is ī or ā). */
const NEEDS_VOWEL = 8;
/** …و (Latin w, v). */
const NEEDS_WAW = 16;
/** …ي, ی, ى or ئ (Latin y). */
const NEEDS_YA = 32;
/** …some letter (a Latin long vowel, diphthong, or a vowel that starts or ends a word). */
const NEEDS_LETTER = 64;
const NEEDS = 127;
/** What a gap's letters give the other side sits above what they need. */
const PROVIDES = 7;

/** One gap's code from what its letters need and provide. */
export function gapCode(needs: number, provides: number): number {
  return needs | (provides << PROVIDES);
}

/**
 * What an article written before a word gives its first gap: Latin glues it on as a vowel (ESSABAR is
 * الصبار, Assad الأسد), which the article's alif writes.
 */
export const ARTICLE_GAP = gapCode(0, NEEDS_LETTER);

/** A gap about which nothing is known (a Latin word with a fixed skeleton, such as Ould): it agrees with anything. */
export const UNKNOWN_GAP = gapCode(0, NEEDS);

/**
 * The code an Arabic letter gives the gap it falls in (it is not kept as a consonant).
 * @param position where the letter is in its word (after the article): first, last or inside
 * @param silentWaw a Persian و after خ before ا or ی (خواجه Khaja), which is not pronounced
 */
export function arabicGapLetter(letter: string, position: 'first' | 'inside' | 'last', silentWaw = false): number {
  switch (letter) {
    case 'ا':
      return gapCode(position === 'first' ? 0 : NEEDS_A, NEEDS_LETTER);
    case 'آ':
      return gapCode(NEEDS_A, NEEDS_LETTER);
    case 'ة':
      return gapCode(NEEDS_A, NEEDS_LETTER);
    case 'و':
      return gapCode(position === 'first' || silentWaw ? 0 : NEEDS_U, NEEDS_WAW | NEEDS_LETTER);
    case 'ؤ':
      return gapCode(0, NEEDS_WAW | NEEDS_LETTER);
    case 'ي':
    case 'ی':
    case 'ې':
      return gapCode(position === 'last' ? NEEDS_VOWEL : position === 'inside' ? NEEDS_I : 0, NEEDS_YA | NEEDS_LETTER);
    case 'ى':
      return gapCode(NEEDS_VOWEL, NEEDS_YA | NEEDS_LETTER);
    case 'ئ':
      return gapCode(0, NEEDS_YA | NEEDS_LETTER);
    default:
      // ع, hamza, and a final ه or ح the skeleton drops: written, with no vowel of their own to require.
      return gapCode(0, NEEDS_LETTER);
  }
}

const LATIN_PROVIDES: Readonly<Record<string, number>> = {
  a: NEEDS_A | NEEDS_VOWEL,
  e: NEEDS_A | NEEDS_I | NEEDS_VOWEL,
  o: NEEDS_A | NEEDS_U | NEEDS_VOWEL,
  i: NEEDS_I | NEEDS_VOWEL,
  u: NEEDS_U | NEEDS_VOWEL,
  y: NEEDS_I | NEEDS_VOWEL,
  w: NEEDS_U | NEEDS_VOWEL,
  v: NEEDS_U | NEEDS_VOWEL,
};
const LATIN_VOWELS = 'aeiou';

/**
 * The code a Latin letter (or letter group) gives the gap it falls in (it is not kept as a consonant).
 * @param previous the letter before it in the word ('' for the first)
 * @param last whether it ends the word
 */
export function latinGapLetter(letter: string, previous: string, last: boolean): number {
  const provides = LATIN_PROVIDES[letter] ?? 0;
  let needs = letter === 'w' || letter === 'v' ? NEEDS_WAW : letter === 'y' ? NEEDS_YA : 0;
  if (LATIN_VOWELS.includes(letter)) {
    const first = previous === '';
    const inARow = LATIN_VOWELS.includes(previous) && previous !== '' && !(previous === 'o' && letter === 'u');
    if (first || inARow || (last && letter !== 'e')) needs |= NEEDS_LETTER;
  }
  if (letter === 'y' && last) needs |= NEEDS_LETTER;
  return gapCode(needs, provides);
}

/**
 * Whether two skeletons' gaps (one code per gap, as characters) ask nothing of each other that the other
 * does not write. Gaps of skeletons of other lengths are not compared (nothing lines them up).
 * @example writtenVowelsAgree(gapsOf('محمود'), gapsOf('MUHAMMAD')) // false: و needs u, o or w
 */
export function writtenVowelsAgree(a: string, b: string): boolean {
  if (a.length !== b.length) return true;
  for (let i = 0; i < a.length; i++) {
    const x = a.charCodeAt(i);
    const y = b.charCodeAt(i);
    if ((x & ~(y >> PROVIDES) & NEEDS) !== 0 || (y & ~(x >> PROVIDES) & NEEDS) !== 0) return false;
  }
  return true;
}
