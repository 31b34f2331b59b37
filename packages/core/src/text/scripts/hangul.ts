/**
 * @module text/scripts/hangul
 * Romanisation of Korean written in Hangul, in the three systems sanctions lists and passports use:
 * - 'mr'   McCune–Reischauer without its breves and apostrophes (ŏ → o, ŭ → u, ch' → ch), the system of most
 *          Western publications on North Korea: 정 → Chong, 신 → Shin;
 * - 'dprk' the DPRK's own 1992 system, which OFAC, the UN and the UK follow for North Korean persons
 *          ("KIM Jong Un", "THAE Yong Ho"): ㅈ → j, ㅊ → ch, ㅋ/ㅌ/ㅍ → kh/th/ph, ㅓ → o, ㅡ → u;
 * - 'rr'   South Korea's Revised Romanization (2000): 김정은 → Gim Jeong-eun.
 * Personal names are read syllable by syllable, as the lists print them (Kim Yong Chol, not Kim Yŏngch'ŏl);
 * 'dprk-voiced' keeps the syllables apart but voices ㄱ ㄷ ㅂ ㅈ inside the given name, as the UK list
 * does (김영복 → KIM YONG BOK), and 'mr-word' writes the given name as one MR word (금철 → kumchol).
 * No npm package does McCune–Reischauer, hence these tables.
 *
 * @example romanizeHangul('조선광선은행', 'dprk') // 'josongwangsonunhaeng'
 */
import { KOREAN_SURNAME_SPELLINGS, TWO_SYLLABLE_SURNAMES } from './hangul-surnames.js';

export type HangulSystem = 'mr' | 'dprk' | 'rr';
/** How the given name of a reading is spelled (see the module comment). */
export type KoreanNameSystem = HangulSystem | 'dprk-voiced' | 'mr-word';

export interface KoreanRomanization {
  system: KoreanNameSystem;
  surname: string;
  /** Syllables of the given name, or one word for 'mr-word'. */
  given: string[];
  /** True when the surname is a conventional spelling (Lee, Park) rather than the system's own. */
  conventionalSurname: boolean;
}

/** A Hangul syllable split into its jamo indexes (Unicode's arithmetic: 19 initials × 21 vowels × 28 finals). */
export interface Jamo {
  initial: number;
  vowel: number;
  final: number;
}

const SYLLABLE_FIRST = 0xac00;
const SYLLABLE_LAST = 0xd7a3;

export function decomposeSyllable(syllable: string): Jamo | undefined {
  const cp = syllable.codePointAt(0) ?? 0;
  if (cp < SYLLABLE_FIRST || cp > SYLLABLE_LAST) return undefined;
  const index = cp - SYLLABLE_FIRST;
  return { initial: Math.floor(index / 588), vowel: Math.floor((index % 588) / 28), final: index % 28 };
}

//                   ㄱ    ㄲ    ㄴ   ㄷ    ㄸ    ㄹ   ㅁ   ㅂ    ㅃ    ㅅ   ㅆ    ㅇ  ㅈ     ㅉ     ㅊ    ㅋ     ㅌ    ㅍ    ㅎ
const INITIAL: Record<HangulSystem, readonly string[]> = {
  mr: ['k', 'kk', 'n', 't', 'tt', 'r', 'm', 'p', 'pp', 's', 'ss', '', 'ch', 'tch', 'ch', 'k', 't', 'p', 'h'],
  dprk: ['k', 'kk', 'n', 't', 'tt', 'r', 'm', 'p', 'pp', 's', 'ss', '', 'j', 'jj', 'ch', 'kh', 'th', 'ph', 'h'],
  rr: ['g', 'kk', 'n', 'd', 'tt', 'r', 'm', 'b', 'pp', 's', 'ss', '', 'j', 'jj', 'ch', 'k', 't', 'p', 'h'],
};
/** ㄱ ㄷ ㅂ ㅈ between voiced sounds inside a word, in MR and the DPRK system (not in RR). */
const VOICED: ReadonlyMap<number, string> = new Map([
  [0, 'g'],
  [3, 'd'],
  [7, 'b'],
  [12, 'j'],
]);

//                   ㅏ    ㅐ     ㅑ     ㅒ      ㅓ     ㅔ    ㅕ      ㅖ     ㅗ    ㅘ     ㅙ      ㅚ     ㅛ     ㅜ    ㅝ     ㅞ     ㅟ     ㅠ     ㅡ     ㅢ     ㅣ
const MR_VOWELS = ['a', 'ae', 'ya', 'yae', 'o', 'e', 'yo', 'ye', 'o', 'wa', 'wae', 'oe', 'yo', 'u', 'wo', 'we', 'wi', 'yu', 'u', 'ui', 'i'];
const VOWEL: Record<HangulSystem, readonly string[]> = {
  mr: MR_VOWELS,
  dprk: MR_VOWELS,
  rr: ['a', 'ae', 'ya', 'yae', 'eo', 'e', 'yeo', 'ye', 'o', 'wa', 'wae', 'oe', 'yo', 'u', 'wo', 'we', 'wi', 'yu', 'eu', 'ui', 'i'],
};

// Syllable-final sounds (the same in the three systems once MR's diacritics are gone):
//             -  ㄱ   ㄲ   ㄳ   ㄴ   ㄵ   ㄶ   ㄷ   ㄹ   ㄺ   ㄻ   ㄼ   ㄽ   ㄾ   ㄿ   ㅀ   ㅁ   ㅂ   ㅄ   ㅅ   ㅆ   ㅇ    ㅈ   ㅊ   ㅋ   ㅌ   ㅍ   ㅎ
const FINAL = [
  '',
  'k',
  'k',
  'k',
  'n',
  'n',
  'n',
  't',
  'l',
  'k',
  'm',
  'l',
  'l',
  'l',
  'p',
  'l',
  'm',
  'p',
  'p',
  't',
  't',
  'ng',
  't',
  't',
  'k',
  't',
  'p',
  't',
];
/** Finals after which a following ㄱ ㄷ ㅂ ㅈ is voiced: none, ㄴ, ㄹ, ㅁ, ㅇ (and the ㄴ/ㄹ clusters). */
const VOICING_FINALS: ReadonlySet<number> = new Set([0, 4, 5, 6, 8, 16, 21]);
const RIEUL = 5;
const SIOS = 9;
const FINAL_N = 4;
const FINAL_L = 8;
/** ㅣ and ㅟ: MR as South Korea used it from 1984 writes ㅅ before them as sh (시 → shi, 신 → Shin). */
const I_VOWELS: ReadonlySet<number> = new Set([20, 16]);

function readInitial(jamo: Jamo, system: HangulSystem, previous: Jamo | undefined): string {
  if (previous !== undefined && system !== 'rr') {
    const voiced = VOICED.get(jamo.initial);
    if (voiced !== undefined && VOICING_FINALS.has(previous.final)) return voiced;
  }
  if (jamo.initial === RIEUL && previous !== undefined && (previous.final === FINAL_L || previous.final === FINAL_N)) return 'l';
  if (jamo.initial === SIOS && system === 'mr' && I_VOWELS.has(jamo.vowel)) return 'sh';
  return INITIAL[system][jamo.initial];
}

/**
 * One Hangul word in a system. Inside the word MR and the DPRK system voice ㄱ ㄷ ㅂ ㅈ after a vowel or
 * ㄴ ㄹ ㅁ ㅇ (조선광선 → Chosŏn'gwangsŏn → chosongwangson), and ㄹ after ㄴ/ㄹ is l. Other sound changes
 * (nasalisation, liaison) are left out: lists rarely show them and they cost tables for little.
 */
function romanizeWord(syllables: readonly Jamo[], system: HangulSystem, voicing: boolean): string {
  return romanizeSyllables(syllables, system, voicing).join('');
}

function romanizeSyllables(syllables: readonly Jamo[], system: HangulSystem, voicing: boolean): string[] {
  return syllables.map((jamo, i) => {
    const next = voicing ? syllables[i + 1] : undefined;
    // ㄴ before ㄹ is pronounced l (신라 → Silla).
    const final = jamo.final === FINAL_N && next?.initial === RIEUL ? 'l' : FINAL[jamo.final];
    return readInitial(jamo, system, voicing && i > 0 ? syllables[i - 1] : undefined) + VOWEL[system][jamo.vowel] + final;
  });
}

function toJamo(word: string): Jamo[] | undefined {
  const out: Jamo[] = [];
  for (const ch of word) {
    const jamo = decomposeSyllable(ch);
    if (jamo === undefined) return undefined;
    out.push(jamo);
  }
  return out;
}

/** Reading of one syllable standing alone, as in a list's "Kim Yong Chol". */
export function romanizeSyllable(syllable: string, system: HangulSystem): string {
  const jamo = decomposeSyllable(syllable);
  return jamo === undefined ? syllable : romanizeWord([jamo], system, false);
}

const HANGUL_RUN = /[\uac00-\ud7a3]+/g;

/**
 * Romanises every run of Hangul syllables in `text` as one word of the given system, leaving other
 * characters as they are; for organisation names and other text that is not a personal name.
 *
 * @example romanizeHangul('조선광선은행', 'rr') // 'joseongwangseoneunhaeng'
 */
export function romanizeHangul(text: string, system: HangulSystem): string {
  return text.replace(HANGUL_RUN, (run) => romanizeWord(toJamo(run) ?? [], system, true));
}

const WHITESPACE = /\s+/;

/** Splits a Korean personal name into surname and given name, or undefined when it does not look like one. */
export function splitKoreanName(name: string): { surname: string; given: string } | undefined {
  const parts = name.trim().split(WHITESPACE);
  if (parts.length === 2 && parts[0].length <= 2 && parts[1].length <= 3) return { surname: parts[0], given: parts[1] };
  if (parts.length !== 1) return undefined;
  const [whole] = parts;
  if (whole.length < 2 || whole.length > 4) return undefined;
  const surnameLength = whole.length >= 3 && TWO_SYLLABLE_SURNAMES.has(whole.slice(0, 2)) ? 2 : 1;
  if (whole.length - surnameLength > 3) return undefined;
  return { surname: whole.slice(0, surnameLength), given: whole.slice(surnameLength) };
}

/** True when the name starts with one of the surnames of the conventions table (used to tell names from text). */
export function startsWithKnownSurname(name: string): boolean {
  const split = splitKoreanName(name);
  return split !== undefined && KOREAN_SURNAME_SPELLINGS.has(split.surname);
}

/**
 * The distinct readings of a Korean personal name in Hangul: the DPRK system (plain and voiced), MR
 * syllable by syllable, MR with the given name in one word, RR; then the conventional surname spellings
 * (Lee, Park, Choi…) with the given name of the DPRK and RR readings. Returns [] when `hangul` is not a
 * 2–4 syllable name.
 *
 * @example romanizeKoreanName('김정은')[0] // { system: 'dprk', surname: 'kim', given: ['jong', 'un'], … }
 */
export function romanizeKoreanName(hangul: string): KoreanRomanization[] {
  const split = splitKoreanName(hangul);
  if (split === undefined) return [];
  const surnameJamo = toJamo(split.surname);
  const givenJamo = toJamo(split.given);
  if (surnameJamo === undefined || givenJamo === undefined || givenJamo.length === 0) return [];
  const readings: KoreanRomanization[] = [];
  const seen = new Set<string>();
  const add = (system: KoreanNameSystem, surname: string, given: string[], conventionalSurname: boolean): void => {
    const key = `${surname} ${given.join(' ')}`;
    if (seen.has(key)) return;
    seen.add(key);
    readings.push({ system, surname, given, conventionalSurname });
  };
  const dprkGiven = romanizeSyllables(givenJamo, 'dprk', false);
  const rrGiven = romanizeSyllables(givenJamo, 'rr', false);
  add('dprk', romanizeWord(surnameJamo, 'dprk', true), dprkGiven, false);
  add('dprk-voiced', romanizeWord(surnameJamo, 'dprk', true), romanizeSyllables(givenJamo, 'dprk', true), false);
  add('mr', romanizeWord(surnameJamo, 'mr', true), romanizeSyllables(givenJamo, 'mr', false), false);
  add('mr-word', romanizeWord(surnameJamo, 'mr', true), [romanizeWord(givenJamo, 'mr', true)], false);
  add('rr', romanizeWord(surnameJamo, 'rr', false), rrGiven, false);
  for (const surname of KOREAN_SURNAME_SPELLINGS.get(split.surname) ?? []) {
    add('dprk', surname, dprkGiven, true);
    add('rr', surname, rrGiven, true);
  }
  return readings;
}
