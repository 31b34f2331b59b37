/**
 * @module text/scripts
 * `latinReadings`: every lower-case ASCII Latin reading of a name written in any script, for the matcher,
 * which compares Latin tokens. Each run of words in one script goes to its transliteration:
 * Hangul → DPRK/MR/RR readings (hangul.ts) and, for organisations' names, an English reading of their
 * common words (hangul-terms.ts), Han → pinyin and Korean surname readings (han.ts), Cyrillic →
 * the passport and list standards (cyrillic.ts), Arabic script → a consonant-and-long-vowel reading
 * (arabic.ts) and, for organisations' names, an English reading of their common words (arabic-terms.ts), Greek → ELOT 743 (greek.ts), Armenian → BGN/PCGN (armenian.ts), Hebrew → the
 * English spellings of Israeli names with their unwritten vowels guessed, and בע"מ as Ltd (hebrew.ts), Burmese → the conventional romanisation of
 * Myanmar names (burmese.ts) and, for firms' names, an English reading of their common words, anything else (Georgian, with its legal forms in English) → any-ascii. A name mixing scripts gets the combinations of its runs' readings.
 *
 * @example latinReadings('Андрей Сербин') // ['andrey serbin', 'andrei serbin', …]
 */
import anyAscii from 'any-ascii';
import { foldText } from '../normalize.js';
import { romanizeArabic } from './arabic.js';
import { romanizeArmenian } from './armenian.js';
import { romanizeBurmese, translateBurmeseOrganisationName } from './burmese.js';
import { translateArabicOrganisationName } from './arabic-terms.js';
import { romanizeCyrillic } from './cyrillic.js';
import { scriptOfCodePoint, type Script } from './detect.js';
import { romanizeGreek } from './greek.js';
import { romanizeHebrew, translateHebrewOrganisationName } from './hebrew.js';
import { koreanReadingOfHanja, romanizeHan } from './han.js';
import { romanizeHangul, romanizeKoreanName, startsWithKnownSurname } from './hangul.js';
import { translateKoreanOrganisationName } from './hangul-terms.js';
import { sinoKoreanGivenName } from './sino-korean.js';

export { scriptOf, dominantScript, type Script } from './detect.js';
export { romanizeKoreanName, romanizeHangul, type KoreanRomanization } from './hangul.js';
export { romanizeHan, koreanReadingOfHanja } from './han.js';
export { romanizeCyrillic } from './cyrillic.js';
export { romanizeArabic } from './arabic.js';
export { romanizeGreek } from './greek.js';
export { romanizeArmenian } from './armenian.js';
export { romanizeBurmese } from './burmese.js';
export { romanizeHebrew } from './hebrew.js';
export { arabicSkeleton, latinSkeleton } from './arabic-skeleton.js';

/**
 * At most this many readings per name: a mixed-script name multiplies its runs' readings, and each
 * reading costs the matcher a comparison. 이명박 alone has 14 (4 systems, 5 surname spellings).
 */
const MAX_READINGS = 24;
const ASCII_ONLY = /^[\x00-\x7f]*$/;
const HEBREW_LETTER = /[\u05D0-\u05EA\uFB1D-\uFB4F]/u;

interface Run {
  script: Script;
  text: string;
}

/**
 * Consecutive characters in the same script, so that a Korean name or a Russian full name is read whole
 * and a word without spaces that mixes scripts (カザン火薬工場, kana then Han) is split where the script
 * changes. Spaces, digits and punctuation stay in the run they follow.
 */
function runsOf(folded: string): Run[] {
  const runs: Run[] = [];
  let current: Run | undefined;
  for (const ch of folded) {
    const script = scriptOfCodePoint(ch.codePointAt(0) ?? 0);
    if (current !== undefined && (script === 'Other' || script === current.script)) {
      current.text += ch;
      continue;
    }
    current = { script: script === 'Other' ? 'Latn' : script, text: ch };
    runs.push(current);
  }
  for (const run of runs) run.text = run.text.trim();
  return runs;
}

function readHangul(text: string): string[] {
  const translated = translateKoreanOrganisationName(text);
  if (startsWithKnownSurname(text)) {
    const names = romanizeKoreanName(text).map((r) => [r.surname, ...r.given].join(' '));
    if (names.length > 0) return [...names, ...translated];
  }
  return [romanizeHangul(text, 'dprk'), romanizeHangul(text, 'mr'), romanizeHangul(text, 'rr'), ...translated];
}

function readHan(text: string): string[] {
  const readings = romanizeHan(text);
  const korean = text.length <= 4 ? koreanReadingOfHanja(text) : undefined;
  if (korean !== undefined) {
    // A Korean surname in characters: the name may be Korean, read in Korean (崔龍海, 최룡해: CHOE Ryong
    // Hae) with every Korean romanisation, besides its Korean surname with the given name in pinyin.
    const givenHangul = sinoKoreanGivenName(korean.surnameHanja, text);
    if (givenHangul !== undefined)
      for (const r of romanizeKoreanName(korean.surnameHangul + givenHangul)) readings.push([r.surname, ...r.given].join(' '));
    const given = romanizeHan(korean.rest)[0] ?? '';
    for (const surname of korean.surnames) readings.push(`${surname} ${given}`);
  }
  return readings;
}

/**
 * Georgian legal forms as their English abbreviations: შპს (შეზღუდული პასუხისმგებლობის საზოგადოება, a
 * limited liability company) is an LLC, სს (სააქციო საზოგადოება) a JSC. Georgian letters otherwise go to
 * any-ascii, which writes the national system of 2002 (მზიური → mziuri).
 */
const GEORGIAN_LEGAL_FORMS = /(?<![\u10A0-\u10FF])(შპს|სს)(?![\u10A0-\u10FF])/gu;
const ENGLISH_OF_GEORGIAN_FORM: Record<string, string> = { შპს: 'llc', სს: 'jsc' };

function georgianWithLegalForms(text: string): string {
  return anyAscii(text.replace(GEORGIAN_LEGAL_FORMS, (form) => ` ${ENGLISH_OF_GEORGIAN_FORM[form]} `));
}

function readRun({ script, text }: Run): string[] {
  switch (script) {
    case 'Latn':
      return [text];
    case 'Hang':
      return readHangul(text);
    case 'Hani':
      return readHan(text);
    case 'Cyrl':
      return romanizeCyrillic(text);
    case 'Arab':
      return [romanizeArabic(text), ...translateArabicOrganisationName(text)];
    case 'Grek':
      return [romanizeGreek(text)];
    case 'Armn':
      return [romanizeArmenian(text)];
    case 'Mymr':
      // At most four readings and three with English words, well within MAX_READINGS for a mixed name.
      return [...romanizeBurmese(text), ...translateBurmeseOrganisationName(text)];
    case 'Hebr':
      return [...romanizeHebrew(text), ...translateHebrewOrganisationName(text)];
    case 'Geor':
      return [georgianWithLegalForms(text)];
    default:
      return [anyAscii(text)];
  }
}

/** Folds a reading to lower-case ASCII; readings of a run may keep characters of another script. */
function asciiReading(reading: string): string {
  const folded = foldText(reading);
  return ASCII_ONLY.test(folded) ? folded : foldText(anyAscii(folded));
}

/**
 * The distinct lower-case ASCII Latin readings of a name, tokens separated by single spaces; [] for a
 * name with no letters or digits. A Latin name has one reading, its folded form.
 *
 * @example latinReadings('KIM Jong-Un') // ['kim jong un']
 * @example latinReadings('김정은') // ['kim jong un', 'kim chong un', 'kim chongun', 'gim jeong eun', …]
 */
export function latinReadings(name: string): string[] {
  const folded = foldText(name);
  if (folded === '') return [];
  if (ASCII_ONLY.test(folded)) return [folded];
  let readings: string[] = [''];
  // Folding drops Hebrew points and the geresh (ג׳ is j, בע״מ is Ltd): a name with Hebrew is split into runs
  // as written, and its other runs are folded before they are read.
  const hebrew = HEBREW_LETTER.test(name);
  for (const run of runsOf(hebrew ? name.normalize('NFC') : folded)) {
    if (hebrew && run.script !== 'Hebr') run.text = foldText(run.text);
    const options = readRun(run)
      .map(asciiReading)
      .filter((r) => r !== '');
    if (options.length === 0) continue;
    const next: string[] = [];
    for (const prefix of readings) {
      for (const option of options) {
        if (next.length < MAX_READINGS) next.push(prefix === '' ? option : `${prefix} ${option}`);
      }
    }
    readings = next;
  }
  return [...new Set(readings.filter((r) => r !== ''))];
}
