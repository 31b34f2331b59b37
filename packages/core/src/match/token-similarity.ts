/**
 * @module match/token-similarity
 * How alike two name tokens are, in [0, 1], and why: the same letters, the same romanisation key, the
 * same consonant skeleton, an initial, or a few typing errors apart.
 */
import { isPlaceAdjective } from '../text/firm-words.js';
import { sameNumber } from '../text/number-words.js';
import { FIRM_NAME_FUNCTION_WORDS } from '../text/legal-forms.js';
import { nameToken, tokenKeys, vowelBlind, type NameToken } from './name-form.js';
import { writtenVowelsAgree } from '../text/scripts/arabic-written-vowels.js';
import { latinSkeletonWords, type SkeletonWord } from '../text/scripts/arabic-skeleton.js';

export type TokenMatchKind =
  'exact' | 'romanisation' | 'vowels' | 'stem' | 'translation' | 'abbreviation' | 'skeleton' | 'initial' | 'spelling' | 'none';

export interface TokenSimilarity {
  similarity: number;
  kind: TokenMatchKind;
}

/** Tuned on the dev set, 2026-11: a key match is near-certain, a skeleton match (vowels unwritten) less so. */
export const ROMANISATION_SIMILARITY = 0.95;
export const SKELETON_SIMILARITY = 0.82;
export const UNWRITTEN_VOWELS_SKELETON_SIMILARITY = 0.92;
/** Same consonants in the same places, other vowels. Tuned on the dev set, 2026-11. */
export const VOWEL_VARIANT_SIMILARITY = 0.86;
export const INITIAL_SIMILARITY = 0.75;
/** Tokens this short differ by one letter only between different names (Jong/Song, Un/Il). */
const SHORT_TOKEN_LENGTH = 4;
/** Firm names translate the same word as noun or adjective, singular or plural (Metal/Metallic Materials). */
export const STEM_SIMILARITY = 0.92;

function popcount(x: number): number {
  x -= (x >>> 1) & 0x55555555;
  x = (x & 0x33333333) + ((x >>> 2) & 0x33333333);
  return (((x + (x >>> 4)) & 0x0f0f0f0f) * 0x01010101) >>> 24;
}

/**
 * Whether two words of firm names are one English word with other endings: plural, adjective or verb
 * endings off, doubled letters single ('metallic' ~ 'metal', 'materials' ~ 'material').
 */
function sameEnglishStem(a: NameToken, b: NameToken): boolean {
  const [a1, a2] = a.stems;
  const [b1, b2] = b.stems;
  return a1 === b2 || a2 === b1 || (a2 !== '' && a2 === b2);
}

/**
 * A word of a firm's name cut short (IMP for IMPORT, INTL for INTERNATIONAL, SHPG for SHIPPING), as
 * registries and payment messages, whose name fields hold 35 characters, abbreviate them. Less than a
 * romanisation variant: CAP may stand for CAPITAL or CAPITOL. Tuned on the dev set, 2026-12.
 */
export const ABBREVIATION_SIMILARITY = 0.85;
/** An abbreviation keeps at least this many letters, and drops at least two. */
const MIN_ABBREVIATION_LENGTH = 3;
const MIN_LETTERS_DROPPED = 2;
const MIN_CONTRACTION_LENGTH = 4;
const VOWEL_LETTERS = 'aeiouy';

/** A whole word of firms' names, with a meaning of its own (BANK), abbreviates no word of another meaning (BANGKOK). */
function abbreviatesWord(short: NameToken, long: NameToken): boolean {
  return (short.meaning === '' || short.meaning === long.meaning) && abbreviates(short.text, long.text);
}

/**
 * Whether `short` abbreviates `long`: its beginning (ELEC, ELECTRONIC), or a contraction that keeps the
 * first and last letters and others in order (SHPG, SHIPPING; MFG, MANUFACTURING).
 */
function abbreviates(short: string, long: string): boolean {
  if (short.length < MIN_ABBREVIATION_LENGTH || long.length < short.length + MIN_LETTERS_DROPPED || short[0] !== long[0]) return false;
  if (FIRM_NAME_FUNCTION_WORDS.has(short)) return false;
  if (long.startsWith(short)) return true;
  // A contraction keeps consonants (INTL, MGMT, GOVT): ADAM is a name, not ABDULKARIM contracted; and
  // three letters (DML) are more often initials than a contraction.
  if (short.length < MIN_CONTRACTION_LENGTH || short[short.length - 1] !== long[long.length - 1]) return false;
  for (let i = 2; i < short.length; i++) if (VOWEL_LETTERS.includes(short[i])) return false;
  let at = 1;
  for (let i = 1; i < short.length - 1; i++) {
    at = long.indexOf(short[i], at) + 1;
    if (at === 0) return false;
  }
  return at < long.length;
}

/**
 * Two words of firms' names that translate each other (ZAVOD, PLANT; SUDOSTROITELNY, SHIPBUILDING): the
 * same word in another language, a little less sure than another ending of one word. Tuned on the dev set, 2026-12.
 */
export const TRANSLATION_SIMILARITY = 0.9;

/** A Russian adjective made from the other word, a place (DUBNENSKII, DUBNA). */
function placeAdjective(a: NameToken, b: NameToken): boolean {
  return isPlaceAdjective(a.text, b.text) || isPlaceAdjective(b.text, a.text);
}

/**
 * With two consonants the vowels are most of the word (Moinie/Minai, Daki/Daqou, but also Adil/Adel,
 * Zayb/Zeb): still a variant, less sure. Tuned on the dev set, 2026-12.
 */
export const SHORT_VOWEL_VARIANT_SIMILARITY = 0.83;

/** The runs of vowels of a word, in order (y counted a vowel): mohammed → o, a, e. */
function vowelRuns(word: string): string[] {
  return word.split(/[^aeiouy]+/).filter(Boolean);
}

/** How many runs of vowels differ between two keys of one vowel key (Mironov/Muranov: i/u and o/a, two). */
export function vowelRunsChanged(a: string, b: string): number {
  const x = vowelRuns(a);
  const y = vowelRuns(b);
  let changed = 0;
  for (let i = 0; i < Math.max(x.length, y.length); i++) if (x[i] !== y[i]) changed++;
  return changed;
}

/** A run of vowels that glides into i (ai, ei, oi, ui: the ay of Husayn, the ai of Said, Arabic ي). */
const DIPHTHONG = /[aeou][iy]/;
/** A run of vowels with neither i nor e, which never write that glide (the a of Hasan, the aa of Saad). */
const OPEN_VOWELS = /^[aou]+$/;
/** A long u written in two letters (ou, oo, uo, uu: the ou of Mahmoud, Arabic و). */
const LONG_U = /[ou]{2}/;
/** A run of vowels with neither o nor u, which never write a long u (the a of Muhammad). */
const FRONT_VOWELS = /^[aeiy]+$/;

/**
 * Whether one word writes a long vowel or diphthong where the other writes, at the same place among its
 * vowels, no vowel that could stand for it: Husayn and Hasan, Said and Saad, Ayman and Aman (ay, ai
 * against a); Mahmoud and Muhammad, Hamoud and Hamid (ou against a, i). Those are two names of one
 * consonant frame, not two spellings of one: the long vowel is a letter (ي, و) that the other name does not
 * have. A vowel of its quality may write it (Zayb, Zeb; Husayn, Husin; Mahmoud, Mahmud), so those stay
 * variants.
 */
export function longVowelConflict(a: string, b: string): boolean {
  const x = vowelRuns(a);
  const y = vowelRuns(b);
  const against = (p: string, q: string) => (DIPHTHONG.test(p) && OPEN_VOWELS.test(q)) || (LONG_U.test(p) && FRONT_VOWELS.test(q));
  for (let i = 0; i < Math.min(x.length, y.length); i++) if (against(x[i], y[i]) || against(y[i], x[i])) return true;
  return false;
}

/**
 * Each further place where the vowels differ makes a vowel variant a little less alike, so that of two
 * listed spellings the closer one aligns (Toleban: TALEBAN, one place, before TALIBAN, two): a tie-break,
 * too small to move a score across the alert threshold. Not for readings of Arabic script, whose vowels
 * are guessed.
 */
const VOWEL_PLACE_STEP = 0.005;

function vowelVariantSimilarity(a: NameToken, places: number, options: SimilarityOptions): number {
  const base = consonants(a.vowelKey) >= 3 ? VOWEL_VARIANT_SIMILARITY : SHORT_VOWEL_VARIANT_SIMILARITY;
  if (options.unwrittenVowels) return base;
  return base - VOWEL_PLACE_STEP * Math.max(0, places - 1);
}

/** Letters other than 'a' in a vowel key (where every vowel is written 'a'). */
function consonants(vowelKey: string): number {
  let n = 0;
  for (let i = 0; i < vowelKey.length; i++) if (vowelKey.charCodeAt(i) !== 97) n++;
  return n;
}

/**
 * A Korean syllable in another romanisation's voicing (Byeong/Pyong, Gak/Kak), or a Ukrainian name with h
 * for the g of its Russian form (Rohov/Rogov). Tuned on the dev set, 2026-12.
 */
export const NATIONAL_SPELLING_SIMILARITY = 0.9;

/**
 * A Belarusian or Ukrainian name and its Russian form (TKACHOU ~ TKACHEV, ALYAKSANDR ~ ALEKSANDR,
 * HENADZIEVICH ~ GENNADIEVICH, KANSTANTSIN ~ KONSTANTIN): the lists give both. Less sure than one letter
 * rule (h for g), since several letters and the vowels may differ. Tuned on the dev set, 2026-12.
 */
export const EAST_SLAVIC_FORM_SIMILARITY = 0.86;
/** Words this long at least, with this many consonants: shorter ones are other names in any form. */
export const MIN_EAST_SLAVIC_LENGTH = 5;

/**
 * The consonants of a Belarusian or Ukrainian romanised word as the Russian form of the name writes them:
 * h is g, dz is d and ts is t where Belarusian softens them (Uladzimir, Kanstantsin), and a final -ou or
 * -au, -eu (ў) is -ov, -ev; vowels are left to `vowelBlind`, since akanye writes a for o and ya for e.
 */
export function russianConsonants(key: string): string {
  return vowelBlind(
    key
      .replace(/([aeo])u$/, '$1v')
      .replaceAll('dz', 'd')
      .replaceAll('ts', 't')
      .replaceAll('h', 'g'),
  );
}

function sameEastSlavicName(a: string, b: string): boolean {
  if (a.length < MIN_EAST_SLAVIC_LENGTH || b.length < MIN_EAST_SLAVIC_LENGTH) return false;
  const x = russianConsonants(a);
  return x === russianConsonants(b) && consonants(x) >= 3;
}

const VOICED: Record<string, string> = { g: 'k', d: 't', b: 'p' };

/** A key with g, d, b written k, t, p (the key already writes ch and j alike). */
function devoiced(key: string): string {
  let out = '';
  for (let i = 0; i < key.length; i++) out += VOICED[key[i]] ?? key[i];
  return out;
}

/** Tokens with digits this long (aircraft registrations) may match with one typing error. */
const MIN_FUZZY_REGISTRATION = 6;
/** Spelling similarity below this counts as no similarity. */
const MIN_SPELLING_SIMILARITY = 0.7;
/** Skeletons shorter than this say too little (Kim and Kam share 'km'). */
const MIN_SKELETON_LENGTH = 3;

/** Rows of the distance table, reused across calls (names are short; longer strings grow them). */
let rowA = new Int32Array(64);
let rowB = new Int32Array(64);
let rowC = new Int32Array(64);

/** Per character code, the positions where it occurs in the pattern (bit i = position i); reset after use. */
const PATTERN_BITS = new Int32Array(128);

/**
 * Optimal-string-alignment distance, bit-parallel (Hyyrö 2003): one machine word holds a column of the
 * distance table, so a comparison costs one pass over `b` instead of |a| × |b| cells. For ASCII `a` of at
 * most 31 characters; the same answers as `editDistanceTable`.
 */
function editDistanceBits(a: string, b: string): number {
  const m = a.length;
  for (let i = 0; i < m; i++) PATTERN_BITS[a.charCodeAt(i)] |= 1 << i;
  const last = 1 << (m - 1);
  let vp = ~0;
  let vn = 0;
  let d0 = 0;
  let previous = 0;
  let distance = m;
  for (let j = 0; j < b.length; j++) {
    const code = b.charCodeAt(j);
    const pm = code < 128 ? PATTERN_BITS[code] : 0;
    const transposed = ((~d0 & pm) << 1) & previous;
    d0 = ((((pm & vp) + vp) | 0) ^ vp) | pm | vn | transposed;
    const hp = vn | ~(d0 | vp);
    const hn = d0 & vp;
    if (hp & last) distance++;
    else if (hn & last) distance--;
    const x = (hp << 1) | 1;
    vn = x & d0;
    vp = (hn << 1) | ~(x | d0);
    previous = pm;
  }
  for (let i = 0; i < m; i++) PATTERN_BITS[a.charCodeAt(i)] = 0;
  return distance;
}

/** Whether the bit-parallel distance applies: `a` fits a 32-bit word and both are ASCII. */
function fitsBits(a: string, b: string): boolean {
  if (a.length > 31) return false;
  for (let i = 0; i < a.length; i++) if (a.charCodeAt(i) >= 128) return false;
  for (let j = 0; j < b.length; j++) if (b.charCodeAt(j) >= 128) return false;
  return true;
}

/**
 * Optimal-string-alignment (restricted Damerau–Levenshtein) distance: a swap of neighbours counts once.
 * Returns `limit + 1` when the distance exceeds `limit`.
 */
export function editDistance(a: string, b: string, limit = Infinity): number {
  if (a === b) return 0;
  if (a.length === 0) return b.length;
  if (b.length === 0) return a.length;
  if (!fitsBits(a, b)) return editDistanceTable(a, b, limit);
  const distance = editDistanceBits(a, b);
  return distance > limit ? limit + 1 : distance;
}

/**
 * The same distance by the classic table, row by row; stops early and returns `limit + 1` once the
 * distance must exceed `limit`. For long or non-ASCII strings, and as the reference in tests.
 */
export function editDistanceTable(a: string, b: string, limit = Infinity): number {
  if (a === b) return 0;
  const la = a.length;
  const lb = b.length;
  if (la === 0) return lb;
  if (lb === 0) return la;
  if (lb + 1 > rowA.length) {
    rowA = new Int32Array(lb + 1);
    rowB = new Int32Array(lb + 1);
    rowC = new Int32Array(lb + 1);
  }
  let prev2 = rowA;
  let prev = rowB;
  let curr = rowC;
  for (let j = 0; j <= lb; j++) prev[j] = j;
  for (let i = 1; i <= la; i++) {
    curr[0] = i;
    let rowMin = i;
    const ca = a.charCodeAt(i - 1);
    for (let j = 1; j <= lb; j++) {
      const cb = b.charCodeAt(j - 1);
      let d = prev[j - 1] + (ca === cb ? 0 : 1);
      if (prev[j] + 1 < d) d = prev[j] + 1;
      if (curr[j - 1] + 1 < d) d = curr[j - 1] + 1;
      if (i > 1 && j > 1 && ca === b.charCodeAt(j - 2) && a.charCodeAt(i - 2) === cb && prev2[j - 2] + 1 < d) d = prev2[j - 2] + 1;
      curr[j] = d;
      if (d < rowMin) rowMin = d;
    }
    if (rowMin > limit) return limit + 1;
    const t = prev2;
    prev2 = prev;
    prev = curr;
    curr = t;
  }
  return prev[lb];
}

/**
 * An h after k, t, p, b, d or g marks aspiration or a digraph in many romanisations (Burmese Khin/Kin,
 * Thai Thanom/Tanom, Hindi Bhatt/Batt): a short word with it and without it is one romanisation apart.
 * Tuned on the dev set, 2026-12.
 */
export const ASPIRATION_SIMILARITY = 0.85;

/** Whether one word is the other with one h added after k, t, p, b, d or g. */
function aspirationApart(a: string, b: string): boolean {
  const [short, long] = a.length < b.length ? [a, b] : [b, a];
  if (long.length !== short.length + 1) return false;
  const at = long.indexOf('h');
  if (at < 1 || !'ktpbdg'.includes(long[at - 1])) return false;
  return long.slice(0, at) + long.slice(at + 1) === short;
}

/** Similarity from edit distance, strict on short tokens: one letter off in 'Un'/'Il' is another name. */
export function spellingSimilarity(a: string, b: string): number {
  const longest = Math.max(a.length, b.length);
  if (longest === 0) return 0;
  // Only distances that can still reach MIN_SPELLING_SIMILARITY are worth computing.
  if (longest <= SHORT_TOKEN_LENGTH + 1 && aspirationApart(a, b)) return ASPIRATION_SIMILARITY;
  if (longest <= SHORT_TOKEN_LENGTH) return a === b ? 1 : 0;
  const allowed = Math.floor(longest * (1 - MIN_SPELLING_SIMILARITY));
  if (Math.abs(a.length - b.length) > allowed) return 0;
  const distance = editDistance(a, b, allowed);
  if (distance > allowed || (longest <= 5 && distance > 1)) return 0;
  if (distance === 1 && isAdjacentSwap(a, b)) return 1 - SWAP_COST / longest;
  return 1 - distance / longest;
}

/**
 * Two neighbouring letters typed the other way round (LADEN/ALDEN, ASHTARI/AHSTARI) count as half an
 * edit: the commonest slip of typing, and not how two different names differ.
 */
const SWAP_COST = 0.5;

function isAdjacentSwap(a: string, b: string): boolean {
  if (a.length !== b.length) return false;
  let i = 0;
  while (i < a.length && a.charCodeAt(i) === b.charCodeAt(i)) i++;
  if (i + 1 >= a.length || a[i] !== b[i + 1] || a[i + 1] !== b[i]) return false;
  return a.slice(i + 2) === b.slice(i + 2);
}

export interface SimilarityOptions {
  /**
   * One side is a reading of Arabic script, which leaves short vowels unwritten: consonant skeletons
   * are then the main evidence and count for more.
   */
  unwrittenVowels?: boolean;
  /**
   * The query is a reading of Cyrillic, whose vowels transliterate one way each (и is i, never u): a
   * word with other vowels in more than one place is another name (Миронов is not MURANOV). One place
   * is still a variant: the Belarusian LUKASHENKA of the Russian Лукашенко.
   */
  transliteratedVowels?: boolean;
  /** One side is an organisation's name (firm, vessel, aircraft). */
  organisation?: boolean;
  /**
   * Both names are written in Latin letters, where firms' words are abbreviated (IMP, SHPG); a reading
   * of another script is not ('cha' in a romanised Korean name is a syllable, not CHARITABLE cut short).
   */
  abbreviations?: boolean;
  /**
   * The listed name is a Korean person's: McCune–Reischauer writes Pyong, Kak, Tong where Revised
   * Romanization writes Byeong, Gak, Dong (and MR without its apostrophes cannot tell k from k'), so
   * syllables that differ only in voicing are one syllable.
   */
  korean?: boolean;
  /** The listed name is a Ukrainian or Belarusian person's: h in the query may stand for its g (Rohov, Rogov). */
  hForG?: boolean;
  /** The listed name is that of a person whose country romanises in French: ch on either side may be sh (`frenchReading`). */
  frenchCh?: boolean;
  /**
   * The listed name is a person's of a country that wrote Cyrillic: either side may be spelled as German,
   * Polish and Czech files spell such names, j for the y of English spellings and (German) sch for zh
   * (Jurij ~ YURIY, Jewgenij Prigoschin ~ YEVGENIY PRIGOZHIN; `germanReading`).
   */
  germanSpelling?: boolean;
  /**
   * The listed name is a person's of a country that writes Arabic script: either side may be spelled as
   * German files spell such names (Chamenei ~ KHAMENEI, Ijad ~ IYAD, Scheich ~ SHEIKH; `germanArabicReading`).
   */
  germanArabic?: boolean;
  /**
   * The query is a reading of Arabic script and the listed name Latin: the query's words as consonant
   * skeletons, each with what it writes around its consonants (skeleton → gaps of each word having it).
   * A reading matched on consonants or vowels alone is then no match where the Latin word lacks a
   * long vowel the Arabic writes, or writes one it lacks (محمود is not MUHAMMAD, حسن not HUSSEIN).
   */
  writtenVowels?: ReadonlyMap<string, readonly string[]>;
}

/**
 * Whether two tokens may be taken as one name written with other vowels. Readings of Arabic script
 * need only share their consonant skeleton; Latin spellings must also agree letter for letter once
 * vowels are ignored (Mohamed ~ Muhammad, but not Brenner ~ Polynar or Previa ~ PPRF).
 */
function skeletonsComparable(a: NameToken, b: NameToken, options: SimilarityOptions): boolean {
  if (a.skeleton !== b.skeleton) return false;
  if (options.unwrittenVowels) return a.skeleton.length >= 2;
  return a.skeleton.length >= MIN_SKELETON_LENGTH && a.vowelKey === b.vowelKey;
}

const latinSkeletonCache = new Map<string, SkeletonWord[]>();

/** `latinSkeletonWords` of one token, memoised (only tokens that matched loosely get here). */
function latinSkeletonOf(text: string): SkeletonWord[] {
  let words = latinSkeletonCache.get(text);
  if (!words) {
    words = latinSkeletonWords(text);
    if (latinSkeletonCache.size < 100_000) latinSkeletonCache.set(text, words);
  }
  return words;
}

/**
 * Whether a reading of an Arabic word (`reading`) and a Latin word with its consonant skeleton are two
 * names by what the Arabic writes: none of the query's words with that skeleton agrees with the Latin
 * word's vowels (`writtenVowelsAgree`). The reading's own vowels are partly guessed, so the Arabic
 * letters decide.
 */
function contradictsWrittenVowels(reading: string, latin: string, written: ReadonlyMap<string, readonly string[]>): boolean {
  const query = latinSkeletonOf(reading);
  return latinSkeletonOf(latin).some(({ skeleton, gaps }) => {
    // The reading holds the word (alone, or joined with a neighbour: عباد ال read 'bad al' against ABDUL).
    if (!query.some((w) => w.skeleton.includes(skeleton))) return false;
    const arabic = written.get(skeleton);
    return arabic !== undefined && !arabic.some((word) => writtenVowelsAgree(word, gaps));
  });
}

/**
 * The commonest outcomes, one shared object each: most of a query's thousands of comparisons end in one
 * of these, and they are only ever read.
 */
const NO_MATCH: Readonly<TokenSimilarity> = { similarity: 0, kind: 'none' };
const EXACT_MATCH: Readonly<TokenSimilarity> = { similarity: 1, kind: 'exact' };
const ROMANISATION_MATCH: Readonly<TokenSimilarity> = { similarity: ROMANISATION_SIMILARITY, kind: 'romanisation' };

/**
 * @example tokenSimilarity(tok('grigoriy'), tok('grigorii')) → { similarity: 0.95, kind: 'romanisation' }
 */
export function tokenSimilarity(a: NameToken, b: NameToken, options: SimilarityOptions = {}): TokenSimilarity {
  const asWritten = similarityAsWritten(a, b, options);
  if ((!options.frenchCh && !options.germanSpelling && !options.germanArabic) || asWritten.similarity >= NATIONAL_SPELLING_SIMILARITY)
    return asWritten;
  let best = asWritten;
  if (options.frenchCh) best = readAlike(a, b, options, best, frenchReading);
  if (options.germanSpelling) best = readAlike(a, b, options, best, germanReading);
  if (options.germanArabic) best = readAlike(a, b, options, best, germanArabicReading);
  return best;
}

/**
 * A national romanisation's reading of a token: `rewrite` applied to its text where `applies` says it may
 * change it, the token itself otherwise. Memoised per text: few listed names carry a national reading, and
 * their words recur.
 */
function nationalReading(applies: (text: string) => boolean, rewrite: (text: string) => string): (t: NameToken) => NameToken {
  const readings = new Map<string, NameToken>();
  return (t) => {
    if (!applies(t.text)) return t;
    let read = readings.get(t.text);
    if (!read) {
      const text = rewrite(t.text);
      read = text === t.text ? t : nameToken(text, tokenKeys(text), t.role);
      if (readings.size < 100_000) readings.set(t.text, read);
    }
    return read;
  };
}

/** ch as French romanisations write the sh of English ones: not in sch (German) or tch (French for English ch). */
const FRENCH_CH = /(?<![st])ch/g;

/** The token with its French ch read as sh (BOUCHOUCHA → boushousha, CHERIF → sherif), or the token itself. */
export const frenchReading = nationalReading(
  (text) => text.includes('ch'),
  (text) => text.replace(FRENCH_CH, 'sh'),
);

/** German sch, where it is not the tsch of ч: ж (Prigoschin, PRIGOZHIN) or ш, which the key already reads. */
const GERMAN_SCH = /(?<!t)sch/g;

/**
 * The token read as a German (or Polish, Czech) spelling of a Cyrillic name, j as y and sch as zh (JURIJ →
 * yuriy, PRIGOSCHIN → prigozhin), or the token itself.
 */
export const germanReading = nationalReading(
  (text) => text.includes('j') || text.includes('sch'),
  (text) => text.replace(GERMAN_SCH, 'zh').replaceAll('j', 'y'),
);

/** The letters German spellings of Arabic and Persian names write for the English ones (see `germanArabicReading`). */
const GERMAN_ARABIC = /dsch|tsch|sch|ch|j/g;
const ENGLISH_OF_GERMAN_ARABIC: Record<string, string> = { dsch: 'y', tsch: 'kh', sch: 'sh', ch: 'kh', j: 'y' };

/**
 * The token read so that a German spelling of an Arabic or Persian name and the English one meet: German
 * writes ch for kh (Chamenei, KHAMENEI), sch for sh (Scheich, SHEIKH), dsch for j and j for y (Dschamal,
 * JAMAL; Ijad, IYAD). Both sides are read alike, so each class becomes one letter: ch and kh are kh, and
 * dsch, j and y are all y (Dschamal and JAMAL both read yamal). Such a reading counts as a national
 * spelling, a little below the same letters.
 */
export const germanArabicReading = nationalReading(
  (text) => text.includes('j') || text.includes('ch'),
  (text) => text.replace(GERMAN_ARABIC, (letters) => ENGLISH_OF_GERMAN_ARABIC[letters]),
);

/**
 * Two tokens compared again, both read by a national romanisation's rule (French ch as sh, German j as y:
 * `SimilarityOptions.frenchCh`, `germanSpelling`). Alike once read so, they are one name in two romanisations,
 * counted like a national spelling; alike only loosely, both differences count. The better of this and
 * `best` (what the tokens scored so far).
 */
function readAlike(
  a: NameToken,
  b: NameToken,
  options: SimilarityOptions,
  best: TokenSimilarity,
  read: (t: NameToken) => NameToken,
): TokenSimilarity {
  const fa = read(a);
  const fb = read(b);
  if (fa === a && fb === b) return best;
  const alike = similarityAsWritten(fa, fb, options);
  const romanisation = alike.kind === 'exact' || alike.kind === 'romanisation';
  const similarity = romanisation ? NATIONAL_SPELLING_SIMILARITY : alike.similarity * NATIONAL_SPELLING_SIMILARITY;
  if (similarity <= best.similarity) return best;
  return { similarity, kind: romanisation ? 'romanisation' : alike.kind };
}

/** The similarity of two tokens as their letters are written (all but the national readings, `readAlike`). */
function similarityAsWritten(a: NameToken, b: NameToken, options: SimilarityOptions): TokenSimilarity {
  if (a.role === 'registration' || b.role === 'registration') return markSimilarity(a, b);
  // One consonant skeleton is two names where one side writes a vowel the other lacks (محمود, MUHAMMAD).
  if (a.gaps !== '' && b.gaps !== '' && !writtenVowelsAgree(a.gaps, b.gaps)) return NO_MATCH;
  if (a.text === b.text) return EXACT_MATCH;
  if (a.key === b.key) return ROMANISATION_MATCH;
  if (options.korean && devoiced(a.key) === devoiced(b.key)) return { similarity: NATIONAL_SPELLING_SIMILARITY, kind: 'romanisation' };
  if (options.hForG && a.key.length === b.key.length && a.key.replaceAll('h', 'g') === b.key.replaceAll('h', 'g'))
    return { similarity: NATIONAL_SPELLING_SIMILARITY, kind: 'romanisation' };
  if (options.hForG && sameEastSlavicName(a.text, b.text)) return { similarity: EAST_SLAVIC_FORM_SIMILARITY, kind: 'romanisation' };
  // Numbers (vessel hulls, aircraft tails) match exactly (or as the same key: 558th ~ 558) or not at all,
  // written in digits, words or roman numerals (SEA STAR 3, SEA STAR III; 1ST, FIRST).
  if (a.hasDigit !== b.hasDigit && (a.hasDigit ? sameNumber(a.text, b.text) : sameNumber(b.text, a.text))) return ROMANISATION_MATCH;
  if (a.hasDigit || b.hasDigit) {
    // Long registration marks (RA-76502) can carry a typing error in their letters; short numbers cannot.
    // The digits must agree exactly (YV2565 is not YV2567); a stray or missing letter may not.
    const long =
      Math.max(a.text.length, b.text.length) >= MIN_FUZZY_REGISTRATION &&
      a.hasDigit &&
      b.hasDigit &&
      a.text.replace(/\D/g, '') === b.text.replace(/\D/g, '');
    const similarity = long ? spellingSimilarity(a.text, b.text) : 0;
    return similarity > 0 ? { similarity, kind: 'spelling' } : NO_MATCH;
  }
  if (a.role === 'initial' || b.role === 'initial') {
    const [short, long] = a.role === 'initial' ? [a, b] : [b, a];
    // An initial stands for a person's name (J. for John); in a firm's name a letter is only a letter.
    return long.text.startsWith(short.text) && long.role !== 'initial' && !options.organisation
      ? { similarity: INITIAL_SIMILARITY, kind: 'initial' }
      : NO_MATCH;
  }
  if (a.text.length === 1 || b.text.length === 1) return NO_MATCH;
  const similarity = looseSimilarity(a, b, options);
  if (options.writtenVowels && similarity.kind !== 'none' && contradictsWrittenVowels(a.text, b.text, options.writtenVowels))
    return NO_MATCH;
  return similarity;
}

/** Similarity of two tokens that are neither the same text, key, number nor initial: variants, stems, skeletons, typing errors. */
function looseSimilarity(a: NameToken, b: NameToken, options: SimilarityOptions): TokenSimilarity {
  if (options.organisation && a.text.length >= 4 && b.text.length >= 4 && (sameEnglishStem(a, b) || placeAdjective(a, b)))
    return { similarity: STEM_SIMILARITY, kind: 'stem' };
  // Translations of generic words (EMPRESA, BONYAD) are generic themselves (firm-words), so they count little.
  if (options.organisation && a.meaning !== '' && a.meaning === b.meaning)
    return { similarity: TRANSLATION_SIMILARITY, kind: 'translation' };
  if (options.abbreviations && (abbreviatesWord(a, b) || abbreviatesWord(b, a)))
    return { similarity: ABBREVIATION_SIMILARITY, kind: 'abbreviation' };
  // Letters in one key and not the other bound the edit distance from below (each edit changes at most two).
  const keyDistanceFloor = popcount(a.letters ^ b.letters) / 2;
  const keySpelling =
    keyDistanceFloor > Math.max(a.key.length, b.key.length) * (1 - MIN_SPELLING_SIMILARITY) ? 0 : spellingSimilarity(a.key, b.key);
  const textDistanceFloor = popcount(a.textLetters ^ b.textLetters) / 2;
  const textSpelling =
    keySpelling >= ROMANISATION_SIMILARITY || textDistanceFloor > Math.max(a.text.length, b.text.length) * (1 - MIN_SPELLING_SIMILARITY)
      ? 0
      : spellingSimilarity(a.text, b.text);
  const spelling = Math.max(keySpelling, textSpelling);
  // Vowels are what transliterations disagree on most (Maleki/Maliki, Shebib/Shabib, Lazim/Lazem).
  // The long vowels Latin names write must agree (Husayn is not Hasan, Mahmoud not Muhammad): read from
  // the letters as written, since a key writes ou as u.
  // Read only for the few pairs of one vowel key that get this far (not for every comparison).
  const longVowelsAgree = () => options.unwrittenVowels === true || !longVowelConflict(a.text, b.text);
  if (
    spelling < VOWEL_VARIANT_SIMILARITY &&
    a.key.length >= 4 &&
    Math.abs(a.key.length - b.key.length) <= 1 &&
    a.vowelKey === b.vowelKey &&
    longVowelsAgree()
  ) {
    const places = vowelRunsChanged(a.key, b.key);
    if (!options.transliteratedVowels || places <= 1) return { similarity: vowelVariantSimilarity(a, places, options), kind: 'vowels' };
  }
  const skeleton = options.unwrittenVowels ? UNWRITTEN_VOWELS_SKELETON_SIMILARITY : SKELETON_SIMILARITY;
  if (spelling < skeleton && skeletonsComparable(a, b, options) && longVowelsAgree()) return { similarity: skeleton, kind: 'skeleton' };
  return spelling > 0 ? { similarity: spelling, kind: 'spelling' } : NO_MATCH;
}

/** Two registration marks one slip apart (a letter typed, dropped, changed or swapped). Tuned on the dev set, 2026-12. */
export const MARK_SLIP_SIMILARITY = 0.9;

/**
 * Aircraft registration marks match each other exactly or one slip apart, and nothing else. A slip is a
 * character typed, dropped or swapped with its neighbour, or a digit typed for a letter; one letter for
 * another, or one digit for another, is the next aircraft of a series (EP-IAA, EP-IAB), not a slip.
 */
function markSimilarity(a: NameToken, b: NameToken): TokenSimilarity {
  if (a.role !== b.role) return NO_MATCH;
  if (a.text === b.text) return EXACT_MATCH;
  const slip = editDistance(a.text, b.text, 1) <= 1 && !sameClassSubstitution(a.text, b.text);
  return slip ? { similarity: MARK_SLIP_SIMILARITY, kind: 'spelling' } : NO_MATCH;
}

const isDigit = (c: string) => c >= '0' && c <= '9';

/** Two strings of one length, one apart, whose one difference is a letter for a letter or a digit for a digit. */
function sameClassSubstitution(a: string, b: string): boolean {
  if (a.length !== b.length) return false;
  let i = 0;
  while (a[i] === b[i]) i++;
  const swapped = a[i] === b[i + 1] && a[i + 1] === b[i] && a.slice(i + 2) === b.slice(i + 2);
  return !swapped && isDigit(a[i]) === isDigit(b[i]);
}

/**
 * How much an aligned pair counts towards the name score. Between people's names fuzzy evidence counts
 * less than its raw similarity: two different names one or two letters apart are common (Maya/Mariya,
 * Mironov/Muranov), while a romanisation variant is nearly always the same name.
 */
export function alignmentCredit(s: TokenSimilarity, personNames: boolean): number {
  if (s.kind !== 'spelling' && s.kind !== 'skeleton') return s.similarity;
  // Firm and vessel names vary by typing errors; people's names by being other, similar names.
  if (!personNames) return s.similarity;
  // One slip in a word of six letters or more (Taher/Tahfer, Mubeen/Umbeen) is a typing error more often
  // than another name: it counts at its similarity. Other fuzzy pairs of people's names count squared.
  return s.kind === 'spelling' && s.similarity >= ONE_SLIP_IN_A_LONG_WORD ? s.similarity : s.similarity * s.similarity;
}

/** 1 − 1/6: one edit in a six-letter word. Tuned on the dev set, 2026-12. */
const ONE_SLIP_IN_A_LONG_WORD = 0.83;
