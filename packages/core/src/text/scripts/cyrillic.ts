/**
 * @module text/scripts/cyrillic
 * Cyrillic names to Latin in the systems that lists and passports use, via iuliia's schemas:
 * - BGN/PCGN (US and UK government usage; OFAC and OFSI spell many Russian names this way: Andrey),
 * - ICAO Doc 9303 (Russian passports since 2013: Andrei, Iurii),
 * - MVD 310 (Russian passports 1997–2010: Andrey, Yuriy),
 * - the "telegram" style (Latin letters only, as in old telegrams and SWIFT messages: Hruscev),
 * - Wikipedia's simplified style (Yury, Khrushchyov),
 * - GOST 7.79 system A / ISO 9 and the scientific system, folded to ASCII (Ûrij → urij, Jurij).
 * Ukrainian and Belarusian letters are read as their Russian counterparts by these, and the national
 * passport systems are added when the letters show the language (see cyrillic-national.ts). Readings
 * are lower-case ASCII, deduplicated.
 *
 * @example romanizeCyrillic('Андрей Сербин') // ['andrey serbin', 'andrei serbin', …]
 */
import anyAscii from 'any-ascii';
import { BGN_PCGN, GOST_779, ICAO_DOC_9303, MVD_310, SCIENTIFIC, TELEGRAM, WIKIPEDIA, translate, type Schema } from 'iuliia';
import { foldText } from '../normalize.js';
import { romanizeRussianInEnglish } from './cyrillic-english.js';
import { nationalLanguageOf, romanizeNational } from './cyrillic-national.js';

/**
 * In order of how many whole names of the UK list (2025-04-14, 2,313 Cyrillic names with their Latin
 * forms) each system spells exactly as the list does: MVD 310 756, Wikipedia 732, BGN/PCGN 635, ICAO 570,
 * telegram 434, GOST 116, scientific 100 (the English press style, first of all with 885, is added
 * separately). MVD 782 was dropped: it never matched a name that another system missed.
 */
const SCHEMAS: readonly Schema[] = [MVD_310, WIKIPEDIA, BGN_PCGN, ICAO_DOC_9303, TELEGRAM, GOST_779, SCIENTIFIC];
const SCHEMA_NAMES = ['mvd-310', 'wikipedia', 'bgn-pcgn', 'icao-9303', 'telegram', 'gost-7.79', 'scientific'] as const;

/** Ukrainian and Belarusian letters → the Russian letter iuliia's schemas know (ICAO reads them alike). */
const TO_RUSSIAN_LETTERS: ReadonlyMap<string, string> = new Map([
  ['і', 'и'],
  ['ї', 'и'],
  ['є', 'е'],
  ['ґ', 'г'],
  ['ў', 'у'],
]);
const NON_RUSSIAN_LETTERS = /[іїєґў]/g;
const toRussianLetter = (ch: string): string => TO_RUSSIAN_LETTERS.get(ch) ?? ch;
/**
 * Marks some schemas write for the hard and soft signs and for syllable breaks (BGN ” ’ ·, GOST ʺ ʹ):
 * they are not letters, and as punctuation they would split a word in two.
 */
const SIGN_MARKS = /[’”ʹʺ'"`·]/g;
const HAS_CYRILLIC = /[\u0400-\u052f]/;

/** Readings of one folded word, one per schema; memoised because names repeat (patronymics, Aleksandr). */
const wordCache = new Map<string, readonly string[]>();
const WORD_CACHE_LIMIT = 100_000;

function readingsOfWord(word: string): readonly string[] {
  let readings = wordCache.get(word);
  if (readings !== undefined) return readings;
  if (!HAS_CYRILLIC.test(word)) {
    readings = SCHEMAS.map(() => word);
  } else {
    const russian = word.replace(NON_RUSSIAN_LETTERS, toRussianLetter);
    readings = SCHEMAS.map((schema) => toAsciiReading(translate(russian, schema)));
  }
  if (wordCache.size >= WORD_CACHE_LIMIT) wordCache.clear();
  wordCache.set(word, readings);
  return readings;
}

/** Folds a schema's output to lower-case ASCII; letters of other Cyrillic alphabets (ћ, қ) via any-ascii. */
function toAsciiReading(latin: string): string {
  return foldText(anyAscii(latin.replace(SIGN_MARKS, '')));
}

/** The name of the system behind a reading, for explanations ("read as ICAO 9303"). */
export type CyrillicSystem = (typeof SCHEMA_NAMES)[number] | 'english' | 'ukrainian' | 'belarusian';

export interface CyrillicReading {
  system: CyrillicSystem;
  reading: string;
}

/**
 * Every system's reading of a Cyrillic name, duplicates included: the national system when the letters
 * show Ukrainian or Belarusian, the English press style, then the iuliia schemas in `SCHEMAS` order.
 */
export function cyrillicReadingsBySystem(text: string): CyrillicReading[] {
  const folded = foldText(text);
  if (folded === '') return [];
  const words = folded.split(' ').map(readingsOfWord);
  const out: CyrillicReading[] = [];
  const language = nationalLanguageOf(folded);
  if (language !== undefined) {
    out.push({ system: language === 'uk' ? 'ukrainian' : 'belarusian', reading: toAsciiReading(romanizeNational(folded, language)) });
  }
  out.push({ system: 'english', reading: toAsciiReading(romanizeRussianInEnglish(folded.replace(NON_RUSSIAN_LETTERS, toRussianLetter))) });
  SCHEMA_NAMES.forEach((system, i) => {
    out.push({
      system,
      reading: words
        .map((word) => word[i])
        .filter((w) => w !== '')
        .join(' '),
    });
  });
  return out;
}

/**
 * The distinct Latin readings of a name in Cyrillic (lower-case ASCII, tokens separated by spaces), the
 * most used spellings first. Non-Cyrillic words are kept, folded.
 *
 * @example romanizeCyrillic('Юрий') // ['yury', 'yuriy', 'iurii', 'urij', 'jurij']
 */
export function romanizeCyrillic(text: string): string[] {
  const readings = new Set(cyrillicReadingsBySystem(text).map((r) => r.reading));
  readings.delete('');
  return [...readings];
}
