/**
 * @module text/scripts/arabic
 * A Latin reading of names in Arabic script (Arabic, Persian, Urdu, Pashto letters). Lists write short
 * vowels nowhere, so the reading spells consonants and long vowels (حسن → hsn), except for the common
 * name words of arabic-names.ts, which get their usual full spelling (محمد → muhammad). The article
 * ال becomes "al-" (lists write AL-TIKRITI, al-Majid), ة and ى become a, and hamza is read as the vowel
 * of its seat (إ → i, ؤ → u) or dropped (ء). Comparison that ignores vowels is `arabicSkeleton`.
 *
 * @example romanizeArabic('صدام حسين التكريتي') // 'saddam hussein al-tkriti'
 */
import anyAscii from 'any-ascii';
import { foldText } from '../normalize.js';
import { COMMON_ARABIC_NAME_WORDS } from './arabic-names.js';

const CONSONANTS: ReadonlyMap<string, string> = new Map([
  ['ب', 'b'],
  ['ت', 't'],
  ['ث', 'th'],
  ['ج', 'j'],
  ['ح', 'h'],
  ['خ', 'kh'],
  ['د', 'd'],
  ['ذ', 'dh'],
  ['ر', 'r'],
  ['ز', 'z'],
  ['س', 's'],
  ['ش', 'sh'],
  ['ص', 's'],
  ['ض', 'd'],
  ['ط', 't'],
  ['ظ', 'z'],
  ['ع', ''],
  ['غ', 'gh'],
  ['ف', 'f'],
  ['ق', 'q'],
  ['ك', 'k'],
  ['ل', 'l'],
  ['م', 'm'],
  ['ن', 'n'],
  ['ه', 'h'],
  ['ء', ''],
  // Persian, Urdu, Pashto and Kurdish letters:
  ['پ', 'p'],
  ['چ', 'ch'],
  ['ژ', 'zh'],
  ['گ', 'g'],
  ['ک', 'k'],
  ['ڤ', 'v'],
  ['ٹ', 't'],
  ['ڈ', 'd'],
  ['ڑ', 'r'],
  ['ں', 'n'],
  ['ہ', 'h'],
  ['ۀ', 'h'],
  ['ھ', 'h'],
  ['ە', 'e'],
  ['ے', 'e'],
  ['ځ', 'dz'],
  ['څ', 'ts'],
  ['ښ', 'sh'],
  ['ږ', 'zh'],
  ['ګ', 'g'],
  ['ڼ', 'n'],
]);
/** Letters that write vowels: alif and its hamza forms, ta marbuta, alif maqsura. */
const VOWEL_LETTERS: ReadonlyMap<string, string> = new Map([
  ['ا', 'a'],
  ['أ', 'a'],
  ['آ', 'a'],
  ['إ', 'i'],
  ['ٱ', 'a'],
  ['ة', 'a'],
  ['ۃ', 'a'],
  ['ى', 'a'],
  ['ؤ', 'u'],
  ['ئ', 'i'],
]);
const WAW = 'و';
const YEH = new Set(['ي', 'ی', 'ې', 'ۍ']);

/** The spelling used to look a word up in the common-names table: hamza seats, ى and ة levelled. */
const LOOKUP_LEVELLING: ReadonlyMap<string, string> = new Map([
  ['أ', 'ا'],
  ['إ', 'ا'],
  ['آ', 'ا'],
  ['ٱ', 'ا'],
  ['ى', 'ي'],
  ['ی', 'ي'],
  ['ة', 'ه'],
  ['ک', 'ك'],
  ['ئ', 'ي'],
  ['ؤ', 'و'],
  ['ہ', 'ه'],
  ['ھ', 'ه'],
  ['ۀ', 'ه'],
]);

export function arabicLookupKey(word: string): string {
  let out = '';
  for (const ch of word) out += LOOKUP_LEVELLING.get(ch) ?? ch;
  return out;
}

const ABD = 'عبد';
const ABU = 'ابو';
const ALLAH = 'الله';
const AL_DIN = 'الدين';

/**
 * Splits the compounds that Arabic sometimes writes as one word and sometimes as two: عبدالحليم →
 * عبد + الحليم, ابواليزيد → ابو + اليزيد, عتيق‌الله → عتيق + الله, نورالدين → نور + الدين. (The UN list
 * writes both عبد الله and عبدالله.)
 */
export function splitArabicCompounds(word: string): string[] {
  const key = arabicLookupKey(word);
  const glued = splitPreposition(word);
  if (glued) return [glued[0], ...splitArabicCompounds(glued[1])];
  if (key.length > 3 && (key.startsWith(ABD) || key.startsWith(ABU)) && key !== 'عبده') {
    return [word.slice(0, 3), ...splitArabicCompounds(word.slice(3))];
  }
  for (const suffix of [ALLAH, AL_DIN]) {
    if (key.length > suffix.length + 1 && key.endsWith(suffix)) return [word.slice(0, -suffix.length), word.slice(-suffix.length)];
  }
  return [word];
}

/**
 * One-letter conjunctions and prepositions written onto the next word: wa- "and", bi- "by", li- "for",
 * fa-, ka- "as". (Before the article, li- takes its alif: للمسلمين, see `splitPreposition`.)
 */
export const GLUED_PREPOSITIONS: ReadonlySet<string> = new Set(['و', 'ب', 'ل', 'ف', 'ك']);
/** Letters a word must keep after the article for a first letter to be read as a glued preposition (والي is Wali). */
const MIN_STEM_AFTER_ARTICLE = 2;

/**
 * Splits a one-letter conjunction or preposition off a word with the article: والشام → و + الشام, بالدم →
 * ب + الدم; li- takes the article's alif away, للمسلمين → ل + المسلمين. Latin writes these apart (wal-Sham,
 * bil-Dima, lil-Muslimin).
 */
function splitPreposition(word: string): [string, string] | undefined {
  if (GLUED_PREPOSITIONS.has(word[0]) && word.startsWith('ال', 1) && word.length - 3 >= MIN_STEM_AFTER_ARTICLE)
    return [word[0], word.slice(1)];
  if (word.startsWith('لل') && word.length - 2 > MIN_STEM_AFTER_ARTICLE) return ['ل', 'ا' + word.slice(1)];
  return undefined;
}

/** Splits the article ال off a word (not off الله, which the table reads whole). */
export function splitArticle(word: string): { article: boolean; stem: string } {
  if (word.length > 3 && word.startsWith('ال') && arabicLookupKey(word) !== 'الله') return { article: true, stem: word.slice(2) };
  return { article: false, stem: word };
}

/**
 * و and ي are consonants (w, y) at the start of a word and next to alif; between consonants they write
 * the long vowels u and i.
 */
function readLetters(word: string): string {
  const letters = [...word];
  let out = '';
  letters.forEach((ch, i) => {
    const isWaw = ch === WAW;
    if (isWaw || YEH.has(ch)) {
      const next = letters[i + 1];
      const previous = letters[i - 1];
      const consonantal =
        i === 0 || (next !== undefined && VOWEL_LETTERS.has(next)) || (previous !== undefined && VOWEL_LETTERS.has(previous));
      out += consonantal ? (isWaw ? 'w' : 'y') : isWaw ? 'u' : 'i';
      return;
    }
    out += CONSONANTS.get(ch) ?? VOWEL_LETTERS.get(ch) ?? anyAscii(ch);
  });
  return out;
}

function readWord(word: string): string {
  const { article, stem } = splitArticle(word);
  const known = COMMON_ARABIC_NAME_WORDS.get(arabicLookupKey(stem));
  return (article ? 'al-' : '') + (known ?? readLetters(stem));
}

/**
 * A lower-case Latin reading of a name in Arabic script; words in other scripts are kept, folded.
 *
 * @example romanizeArabic('عبد الله') // 'abd allah'
 */
export function romanizeArabic(text: string): string {
  return foldText(text)
    .split(' ')
    .filter((w) => w !== '')
    .flatMap(splitArabicCompounds)
    .map(readWord)
    .join(' ');
}
