/**
 * @module match/name-form
 * A name prepared for comparison: each Latin reading of it (one for a Latin name; several for Hangul,
 * Cyrillic, Han or Arabic) split into tokens that carry their romanisation key, consonant skeleton and
 * role (a real name word, a legal form, a title, a particle, a patronymic, an initial).
 */
import { collapseDoubles, tokenSpellings } from '../text/equivalences.js';
import { firmWordMeaning, isGenericFirmWord, spelledOut } from '../text/firm-words.js';
import { findLegalForms, GENERIC_ORGANISATION_WORDS, onlyLegalForms, type LegalFormClass } from '../text/legal-forms.js';
import { HONORIFICS, NAME_PARTICLES, NASAB_PARTICLES, isPatronymic } from '../text/name-words.js';
import { latinLookAlike } from '../text/homoglyphs.js';
import { foldText, nameTokens } from '../text/normalize.js';
import { numberWordsAsDigits } from '../text/number-words.js';
import { wadeGilesToPinyin } from '../text/wade-giles.js';
import { latinReadings } from '../text/scripts/index.js';
import { dominantScript } from '../text/scripts/detect.js';
import type { SkeletonWord } from '../text/scripts/arabic-skeleton.js';
import { COUNTRY_NAMES, countryKey } from '../model/countries.js';

/**
 * One-word country names ('germany', 'iran') and Chinese places: in a firm's name they say where it is,
 * not which firm it is ("REYCO GMBH GERMANY", "KOREA SAMMA SHIPPING", "DANDONG HONGXIANG"), so they count
 * as generic words.
 */
const COUNTRY_WORDS: ReadonlySet<string> = new Set([
  ...Object.values(COUNTRY_NAMES)
    .map(countryKey)
    .filter((name) => name.length > 3 && !name.includes(' ')),
  // Abbreviations firms append the same way ("M AND S TRADING HK"); two-word names (Hong Kong) are two generic words' worth.
  'hk',
  'uae',
  'usa',
  'uk',
  'bvi',
  'prc',
  'sssr',
  'ussr',
  // Chinese provinces and the cities firms are named after (丹东 Dandong + 鸿祥 Hongxiang + trade + legal form):
  // files and the press often leave the place out ("Hongxiang Industrial Development").
  ...['anhui', 'fujian', 'gansu', 'guangdong', 'guangxi', 'guizhou', 'hainan', 'hebei', 'heilongjiang', 'henan', 'hubei', 'hunan'],
  ...['jiangsu', 'jiangxi', 'jilin', 'liaoning', 'ningxia', 'qinghai', 'shaanxi', 'shandong', 'shanxi', 'sichuan', 'xinjiang'],
  ...['yunnan', 'zhejiang', 'beijing', 'shanghai', 'tianjin', 'chongqing', 'guangzhou', 'shenzhen', 'dalian', 'dandong'],
  ...['shenyang', 'qingdao', 'xiamen', 'ningbo', 'hangzhou', 'suzhou', 'nanjing', 'wuhan', 'chengdu', 'harbin', 'changchun'],
  ...['yanbian', 'yanji', 'hunchun', 'zhuhai', 'dongguan', 'foshan', 'yiwu', 'wenzhou', 'quanzhou', 'fuzhou', 'kunming', 'nanning'],
  ...['zhengzhou', 'changsha', 'hefei', 'jinan', 'taiyuan', 'lanzhou', 'urumqi', 'hohhot', 'tangshan', 'yantai', 'weihai'],
]);

/** Whether a word of a firm's name is a country's one-word name or a Chinese place (`COUNTRY_WORDS`). */
export function isPlaceWord(word: string): boolean {
  return COUNTRY_WORDS.has(word);
}

export type TokenRole = 'word' | 'legalForm' | 'generic' | 'honorific' | 'particle' | 'patronymic' | 'initial' | 'registration';

export interface NameToken {
  /** Folded lower-case ASCII. */
  text: string;
  key: string;
  skeleton: string;
  /** The key by letter rules alone (no surname table), for joining neighbours. */
  plainKey: string;
  /** Bit i set when letter 'a'+i occurs in the key: a cheap bound on how far apart two keys can be. */
  letters: number;
  /** The same for the text: bounds the text's edit distance the way `letters` bounds the key's. */
  textLetters: number;
  hasDigit: boolean;
  /** English stems of the word (whole, and without a plural or adjective ending), for firm names. */
  stems: readonly [string, string];
  /** What the word means when it is a common word of firms' names in any language ('zavod' → 'plant'), else ''. */
  meaning: string;
  /** The key with every vowel written 'a' and doubled letters single: Mohamed and Muhammad → 'mahamad'. */
  vowelKey: string;
  /**
   * On a consonant-skeleton token, what its word writes before, between and after its consonants (one
   * code per gap, `text/scripts/arabic-written-vowels`); '' on every other token.
   */
  gaps: string;
  role: TokenRole;
  /** Set by the index: how much the token counts (role weight × rarity among listed names). */
  weight?: number;
  /** Set by the index for listed names' tokens (one object per distinct token), and per query for the query's: a small integer for the comparison cache. */
  id?: number;
}

export interface NameForm {
  /** The name as written. */
  original: string;
  /** The Latin reading compared, tokens joined by spaces. */
  reading: string;
  /** The script of the original when it is not Latin ('Hang', 'Cyrl', 'Arab', 'Hani', …). */
  script: string;
  tokens: NameToken[];
  legalForms: LegalFormClass[];
  /** Whether this is a person's name, an organisation's (firms, vessels, aircraft), or unknown. */
  kind: NameKind;
  /**
   * Indexes of the family-name tokens where the name says which they are: the part before the comma
   * of "SURNAME, Given" (in Latin or Cyrillic script), or the first syllable of a Chinese or Korean name.
   */
  surname?: number[];
  /**
   * Set by the engine on the readings of an Arabic-script query: its words' consonant skeletons and what
   * each writes around its consonants (`SimilarityOptions.writtenVowels`).
   */
  writtenVowels?: ReadonlyMap<string, readonly string[]>;
  /**
   * Set by the index on the names of Korean persons (North or South Korean nationality, or a DPRK
   * programme): their syllables are compared across romanisations that voice consonants differently.
   */
  korean?: boolean;
  /**
   * Set by the index on the names of Ukrainian and Belarusian persons: their г is written h (Rohov,
   * Hennadiy, Hrodna) where the Russian form of the same name has g (Rogov, Gennadiy).
   */
  hForG?: boolean;
  /**
   * Set by the index on the names of persons of countries that romanise in French (the Maghreb, Lebanon,
   * Syria, French-speaking Africa, France): their ch is the sh of English spellings (BOUCHOUCHA ~ Bushusha,
   * CHERIF ~ Sharif), where elsewhere ch is another sound (Chen is not Shen).
   */
  frenchCh?: boolean;
  /**
   * Set by the index on the names of persons of countries that wrote Cyrillic (Russia, Ukraine, Belarus,
   * Central Asia, the Caucasus, Moldova, Bulgaria): German, Polish and Czech spellings write their y as j
   * (Jurij, Jewgenij), where an English spelling's j is another sound.
   */
  germanSpelling?: boolean;
  /**
   * The name is a person's of a country that writes Arabic script (the Arab states, Iran, Afghanistan): German
   * files write such names ch for kh, sch for sh, dsch for j and j for y (Chamenei, Scheich, Dschamal, Ijad).
   */
  germanArabic?: boolean;
  /**
   * Set by the comparison memo on listed names: each pair of neighbouring tokens joined (`joins[j]` is
   * tokens j and j+1 as one word), made when first needed and kept with the name.
   */
  joins?: (NameToken | undefined)[];
}

/** How much each role counts towards a name match, before token rarity. Tuned on the dev set, 2026-11. */
export const ROLE_WEIGHT: Record<TokenRole, number> = {
  word: 1,
  legalForm: 0.05,
  generic: 0.3,
  honorific: 0.05,
  particle: 0.25,
  patronymic: 0.3,
  initial: 0.3,
  registration: 1,
};

export type NameKind = 'person' | 'organisation' | 'unknown';

/**
 * The Persian and Urdu ezafe, written as a word of its own in firms' and groups' names (SETAD-E FARMAN-E
 * EMAM, FARMAN-EJRAEI-YE EMAM, LASHKAR-E-TAIBA), and often left out: a particle, not a word or an initial.
 */
const EZAFE: ReadonlySet<string> = new Set(['e', 'ye']);

function roleOf(token: string, index: number, kind: NameKind, script: string): TokenRole {
  if (kind !== 'person' && index > 0 && script === 'Latn' && EZAFE.has(token)) return 'particle';
  // A single Latin letter is an initial (J. Smith; S.A.S.); a single letter read from Hangul is a syllable (우 → U).
  if (token.length === 1 && (script === 'Latn' || kind !== 'organisation') && !(script === 'Hang' || script === 'Hani')) return 'initial';
  if (HONORIFICS.has(token) && kind !== 'organisation') return 'honorific';
  if (NAME_PARTICLES.has(token)) return 'particle';
  if (kind !== 'organisation' && index > 0 && isPatronymic(token)) return 'patronymic';
  if (kind !== 'person' && (GENERIC_ORGANISATION_WORDS.has(token) || COUNTRY_WORDS.has(token) || isGenericFirmWord(token)))
    return 'generic';
  return 'word';
}

type TokenKeys = Pick<
  NameToken,
  'key' | 'skeleton' | 'plainKey' | 'letters' | 'textLetters' | 'hasDigit' | 'stems' | 'meaning' | 'vowelKey' | 'gaps'
>;

/**
 * A token object. Every token is made here, with its fields in one order, so that V8 sees one object
 * shape in the comparison code (tokens of three shapes made the hot functions polymorphic).
 */
export function nameToken(text: string, keys: TokenKeys, role: TokenRole, weight?: number, id?: number): NameToken {
  return {
    text,
    key: keys.key,
    skeleton: keys.skeleton,
    plainKey: keys.plainKey,
    letters: keys.letters,
    textLetters: keys.textLetters,
    hasDigit: keys.hasDigit,
    stems: keys.stems,
    meaning: keys.meaning,
    vowelKey: keys.vowelKey,
    gaps: keys.gaps,
    role,
    weight,
    id,
  };
}

/**
 * A name form. Every form is made here, with all its fields (the optional ones undefined until the index
 * or the engine sets them) in one order: forms of several shapes made the hot functions polymorphic, and
 * each new shape seen cost a deoptimisation while a batch was warming up.
 */
export function nameForm(
  fields: Pick<NameForm, 'original' | 'reading' | 'script' | 'tokens' | 'legalForms' | 'kind'> & Partial<NameForm>,
): NameForm {
  return {
    original: fields.original,
    reading: fields.reading,
    script: fields.script,
    tokens: fields.tokens,
    legalForms: fields.legalForms,
    kind: fields.kind,
    surname: fields.surname,
    writtenVowels: fields.writtenVowels,
    korean: fields.korean,
    hForG: fields.hForG,
    frenchCh: fields.frenchCh,
    germanSpelling: fields.germanSpelling,
    germanArabic: fields.germanArabic,
    joins: undefined,
  };
}

/** The key with every vowel written 'a' and doubled letters single: Mohamed and Muhammad → 'mahamad'. */
export function vowelBlind(key: string): string {
  let out = '';
  for (const c of key) {
    const v = 'aeiouy'.includes(c) ? 'a' : c;
    if (v !== out[out.length - 1]) out += v;
  }
  return out;
}
const tokenCache = new Map<string, TokenKeys>();

export function letterMask(s: string): number {
  let mask = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i) - 97;
    if (c >= 0 && c < 26) mask |= 1 << c;
  }
  return mask;
}

/** The word with doubled letters single, and without a plural, adjective or verb ending ('metallic' → 'metal'). */
function englishStems(word: string): [string, string] {
  const stripped = word.replace(/(ies|es|s|ical|ic|al|ing|ed)$/, '');
  return [collapseDoubles(word), stripped.length >= 4 ? collapseDoubles(stripped) : ''];
}

/** Keys and skeleton of a token, memoised: list names repeat the same tokens thousands of times. */
export function tokenKeys(text: string): TokenKeys {
  let keys = tokenCache.get(text);
  if (!keys) {
    const { key, skeleton, plainKey } = tokenSpellings(text);
    keys = {
      key,
      skeleton,
      plainKey,
      letters: letterMask(key),
      textLetters: letterMask(text),
      hasDigit: /\d/.test(text),
      stems: englishStems(text),
      meaning: firmWordMeaning(text),
      vowelKey: vowelBlind(key),
      gaps: '',
    };
    if (tokenCache.size < 500_000) tokenCache.set(text, keys);
  }
  return keys;
}

/** Builds the tokens of one Latin reading. */
export function formFromReading(original: string, reading: string, script: string, kind: NameKind): NameForm {
  const texts = nameTokens(reading);
  const legal = kind === 'person' ? [] : findLegalForms(texts);
  const legalAt = new Set(legal.flatMap((m) => Array.from({ length: m.length }, (_, k) => m.start + k)));
  const surname = surnameTokens(original, script, kind, texts.length);
  const roles = texts.map((text, i) => (legalAt.has(i) ? 'legalForm' : roleOf(text, i, kind, script)));
  // A title's word after bin, ben or ould is the father's name (Saleck Ould Cheikh).
  for (let i = 1; i < roles.length; i++) if (roles[i] === 'honorific' && NASAB_PARTICLES.has(texts[i - 1])) roles[i] = 'word';
  // A family name written in one letter is a name, not an initial: the Korean O and U ("O, Yong Ho"). And a
  // family name that is an honorific's word is the family name ("SAYED, Khan", "HAJI, Mohammad"), when no
  // other word of the family name is one.
  const honorificSurname = surname !== undefined && surname.every((i) => roles[i] === 'honorific' || roles[i] === 'particle');
  const tokens = texts.map((text, i) => {
    const role = roles[i];
    const asWord = surname?.includes(i) === true && (role === 'initial' || (role === 'honorific' && honorificSurname));
    return nameToken(text, tokenKeys(text), asWord ? 'word' : role);
  });
  return nameForm({ original, reading: texts.join(' '), script, tokens, legalForms: legal.map((m) => m.class), kind, surname });
}

/** Family-name token indexes, where the way the name is written tells them (see NameForm.surname). */
function surnameTokens(original: string, script: string, kind: NameKind, count: number): number[] | undefined {
  if (kind === 'organisation' || count < 2) return undefined;
  if (script === 'Hang' || script === 'Hani') return [0];
  const comma = original.indexOf(',');
  // The lists write Cyrillic names the same way ("МАТКИН, Олег Владимирович"); a Cyrillic word reads as one Latin word.
  if ((script !== 'Latn' && script !== 'Cyrl') || comma <= 0) return undefined;
  const before = nameTokens(original.slice(0, comma)).length;
  return before > 0 && before < count ? Array.from({ length: before }, (_, i) => i) : undefined;
}

/**
 * All forms of a name: one per distinct Latin reading.
 * @example nameForms('김정은', 'person').map(f => f.reading) // ['kim jong un', 'gim jeong eun', …]
 */
export function nameForms(name: string, kind: NameKind): NameForm[] {
  const script = dominantScript(name);
  const readings = script === 'Latn' ? latinNameReadings(name, kind).flatMap(withOtherScriptsRead) : latinReadings(name);
  // A firm's kind abbreviated (AO NPP ALMAZ) is also read spelled out (RESEARCH AND PRODUCTION ENTERPRISE).
  if (kind !== 'person') readings.push(...readings.flatMap(spelledOut));
  const seen = new Set<string>();
  const forms: NameForm[] = [];
  for (const reading of readings) {
    const form = formFromReading(name, reading, script, kind);
    // Readings that differ only within romanisation classes (andrey/andrei) align alike: keep the first.
    const keys = form.tokens.map((t) => t.key).join(' ');
    if (form.tokens.length === 0 || seen.has(keys)) continue;
    seen.add(keys);
    forms.push(form);
  }
  return forms;
}

/**
 * A Latin name's readings: itself; a firm's with its dotted letters joined; a person's written in
 * Wade–Giles also in pinyin ("Ma Hsiao-hung", MA Xiaohong); a firm's, unit's or vessel's with its number
 * words as digits ("Unit Twenty-Nine", UNIT 29), and without the "No." before a number.
 */
function latinNameReadings(name: string, kind: NameKind): string[] {
  const readings = withDottedLettersJoined(name, kind);
  const article = HAS_HYPHEN.test(name) ? name.replace(ASSIMILATED_ARTICLE, (_, vowel: string) => `${vowel}l-`) : name;
  if (article !== name) readings.push(article);
  if (kind !== 'organisation') {
    const pinyin = wadeGilesToPinyin(name);
    if (pinyin !== undefined) readings.push(pinyin);
  }
  if (kind !== 'person') {
    const digits = numberWordsAsDigits(name);
    if (digits !== undefined) readings.push(digits);
    // (Most names have no digit at all: they are spared the expression.)
    const bare = HAS_DIGIT.test(name) ? name.replace(NUMBER_SIGN, '') : name;
    if (bare !== name) readings.push(bare);
  }
  return readings;
}

/**
 * The Arabic article as romanisations write it before a "sun letter", assimilated to the letter and
 * hyphened to the word: an-Nusra, ad-Din, ar-Rahman, ash-Shabaab, az-Zawahiri, and in Urdu and Persian
 * names ud-Din, ur-Rahman. Other spellings write al-Nusra, al-Din, ul-Rahman. Only hyphened and before the
 * same consonant: "An Nguyen" is a Vietnamese name, not an article.
 */
const ASSIMILATED_ARTICLE = /(?<![\p{L}\p{N}'’])([aeu])(dh|th|sh|zh|[dnrstz])-(?=\2)/giu;
const HAS_HYPHEN = /-/;

/** "No." or "Nr." before a number, which vessels' names write or leave out (CHAO LE NO. 8, CHAO LE 8). */
const NUMBER_SIGN = /\b(?:no|nr|n°)\.?\s*(?=\d)/gi;
const HAS_DIGIT = /\d/;

const ASCII_ONLY = /^[\x00-\x7f]*$/;

/**
 * A Latin reading with its words in another script transliterated: a firm's name with one word in
 * Cyrillic or Greek ("ROSOBORONEXPORT ОАО", "ТОВ SOKHRA") is read as its Latin form. A word whose every
 * letter looks like a Latin one is also read by its look ("ВАNК" typed on a Cyrillic keyboard is BANK).
 */
function withOtherScriptsRead(reading: string): string[] {
  const folded = foldText(reading);
  if (ASCII_ONLY.test(folded)) return [reading];
  const readings = latinReadings(folded);
  const lookAlike = folded
    .split(' ')
    .map((word) => (ASCII_ONLY.test(word) ? word : (latinLookAlike(word) ?? '')))
    .join(' ');
  if (!lookAlike.split(' ').includes('') && !readings.includes(lookAlike)) readings.push(lookAlike);
  return readings.length > 0 ? readings : [reading];
}

/** Single letters joined by dots, "N.A.Z." or "V.P"; not "S.A", whose letters are spaced by a dot and a space. */
const DOTTED_LETTERS = /(?<![\p{L}\p{N}.])\p{L}(?:\.\p{L})+\.?(?![\p{L}\p{N}])/gu;

/**
 * The name, and for a firm's (or an unknown party's) name with letters joined by dots, also the name with
 * them written as one word: "N.A.Z. TECHNOLOGY" is NAZ TECHNOLOGY. A person's dotted letters are initials.
 * Dotted legal forms (S.A., B.V., L.L.C.) are legal forms either way and stay as they are.
 */
function withDottedLettersJoined(name: string, kind: NameKind): string[] {
  if (kind === 'person' || !name.includes('.')) return [name];
  const joined = name.replace(DOTTED_LETTERS, (run) => {
    const word = run.replace(/\./g, '');
    return onlyLegalForms(nameTokens(word)) || onlyLegalForms(nameTokens(run)) ? run : word;
  });
  return joined === name ? [name] : [name, joined];
}

/**
 * A name as consonant skeleton words ('mhmd bd l'), for comparing Arabic script with Latin spellings
 * whose vowels differ: every word is a plain name word whose key and skeleton are itself, and which
 * carries what the word writes around its consonants (its gaps).
 * @param words the name's skeleton words (`arabicSkeletonWords`, `latinSkeletonWords`)
 */
export function skeletonNameForm(original: string, words: readonly SkeletonWord[]): NameForm {
  const tokens = words.map(({ skeleton: text, gaps }) =>
    nameToken(
      text,
      {
        key: text,
        skeleton: text,
        plainKey: text,
        letters: letterMask(text),
        textLetters: letterMask(text),
        hasDigit: false,
        stems: [text, ''],
        meaning: '',
        vowelKey: vowelBlind(text),
        gaps,
      },
      'word',
    ),
  );
  return nameForm({
    original,
    reading: words.map((w) => w.skeleton).join(' '),
    script: 'skeleton',
    tokens,
    legalForms: [],
    kind: 'unknown',
  });
}

/** Registration marks are four to eight letters and digits once the hyphen is gone. */
const MIN_MARK = 4;
const MAX_MARK = 8;

/**
 * An aircraft registration mark as one compact token (letters and digits only, lower case): "YK-AIC" →
 * 'ykaic', "YV3071" → 'yv3071'. Marks are written with and without their hyphen and mistyped like any
 * code; compared whole, one slip apart, they still meet. Undefined for what does not look like a mark.
 * @param anyShape accept a plain word of mark length too (the caller knows it is an aircraft)
 */
export function registrationMark(name: string, anyShape = false): string | undefined {
  const trimmed = name.trim();
  if (!/^[A-Za-z0-9]+([- ][A-Za-z0-9]+)?$/.test(trimmed)) return undefined;
  const compact = trimmed.replace(/[- ]/g, '').toLowerCase();
  if (compact.length < MIN_MARK || compact.length > MAX_MARK) return undefined;
  // A mark has a nationality prefix of one or two characters before a hyphen, or digits.
  const shaped = /^[A-Za-z0-9]{1,2}-/.test(trimmed) || /\d/.test(compact);
  return shaped || anyShape ? compact : undefined;
}

/** The one-token form of a registration mark, compared only with other marks. */
export function registrationForm(original: string, mark: string): NameForm {
  return nameForm({
    original,
    reading: mark,
    script: 'Latn',
    tokens: [nameToken(mark, tokenKeys(mark), 'registration')],
    legalForms: [],
    kind: 'organisation',
  });
}
