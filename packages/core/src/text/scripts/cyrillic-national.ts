/**
 * @module text/scripts/cyrillic-national
 * Ukrainian and Belarusian names as those countries' passports spell them. iuliia's schemas are for
 * Russian: they leave і, ї, є, ґ, ў untouched and read и as i, while Ukraine's official system (Cabinet
 * of Ministers resolution 55, 2010) reads г → h, и → y (Янукович → Yanukovych) and Belarus's passports
 * write Аляксандр Лукашэнка as Aliaksandr Lukashenka. Lists copy those passport spellings.
 */

export type CyrillicLanguage = 'uk' | 'be';

/** Letter → [reading at the start of a word, reading elsewhere]; a plain string reads the same everywhere. */
type LetterTable = ReadonlyMap<string, string | readonly [initial: string, medial: string]>;

const COMMON: ReadonlyArray<[string, string | readonly [string, string]]> = [
  ['а', 'a'],
  ['б', 'b'],
  ['в', 'v'],
  ['г', 'h'],
  ['ґ', 'g'],
  ['д', 'd'],
  ['ж', 'zh'],
  ['з', 'z'],
  ['і', 'i'],
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
  ['ь', ''],
  ['ъ', ''],
  ['ю', ['yu', 'iu']],
  ['я', ['ya', 'ia']],
];

/** Ukrainian, KMU 2010: є/ї/й/ю/я are ye/yi/y/yu/ya at the start of a word and ie/i/i/iu/ia elsewhere. */
const UKRAINIAN: LetterTable = new Map([
  ...COMMON,
  ['е', 'e'],
  ['є', ['ye', 'ie']],
  ['и', 'y'],
  ['ї', ['yi', 'i']],
  ['й', ['y', 'i']],
  // Russian letters sometimes met in Ukrainian-language records:
  ['ы', 'y'],
  ['э', 'e'],
  ['ё', ['yo', 'io']],
]);

/** Belarusian, as in Belarusian passports (ICAO-based): е → ie, ў → u, ы → y, э → e. */
const BELARUSIAN: LetterTable = new Map([
  ...COMMON,
  ['е', ['ye', 'ie']],
  ['ё', ['yo', 'io']],
  ['и', 'i'],
  ['й', ['y', 'i']],
  ['ў', 'u'],
  ['ы', 'y'],
  ['э', 'e'],
]);

const TABLES: Record<CyrillicLanguage, LetterTable> = { uk: UKRAINIAN, be: BELARUSIAN };
const UKRAINIAN_ONLY = /[єїґ]/;
const BELARUSIAN_ONLY = /ў/;
const RUSSIAN_OR_BELARUSIAN = /[ыэё]/;
const DOTTED_I = /і/;

/**
 * The language a lower-case Cyrillic name is probably written in, from its letters: ў is Belarusian;
 * є, ї, ґ are Ukrainian; і is Belarusian beside ы/э/ё and Ukrainian otherwise. Undefined for Russian
 * (and for Ukrainian names without any of these letters, which the Russian systems then read).
 */
export function nationalLanguageOf(text: string): CyrillicLanguage | undefined {
  if (BELARUSIAN_ONLY.test(text)) return 'be';
  if (UKRAINIAN_ONLY.test(text)) return 'uk';
  if (DOTTED_I.test(text)) return RUSSIAN_OR_BELARUSIAN.test(text) ? 'be' : 'uk';
  return undefined;
}

/**
 * Reads lower-case Cyrillic text with the national system of `language`; other characters pass through.
 *
 * @example romanizeNational('віктор янукович', 'uk') // 'viktor yanukovych'
 */
export function romanizeNational(text: string, language: CyrillicLanguage): string {
  const table = TABLES[language];
  let out = '';
  let atWordStart = true;
  let previous = '';
  for (const ch of text) {
    const reading = table.get(ch);
    if (reading === undefined) {
      out += ch;
    } else if (typeof reading === 'string') {
      // KMU 2010 writes зг as zgh so that it is not read as the digraph zh (Згурський → Zghurskyi).
      out += language === 'uk' && ch === 'г' && previous === 'з' ? 'gh' : reading;
    } else {
      out += atWordStart ? reading[0] : reading[1];
    }
    atWordStart = reading === undefined;
    previous = ch;
  }
  return out;
}
