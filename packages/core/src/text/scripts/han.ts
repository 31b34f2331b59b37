/**
 * @module text/scripts/han
 * Chinese characters to Latin: Hanyu Pinyin without tones, via pinyin-pro (which picks the reading of
 * polyphonic characters from context, and the surname reading of 单/曾/朴 in names). Lists write Chinese
 * names syllable by syllable ("Dan Dong Zhi Cheng") or with the given name joined ("DONG Lecheng"), so
 * both are offered for short personal names. Korean surnames written in characters can also be read in
 * Korean (金 → Kim), see `koreanReadingOfHanja`.
 *
 * @example romanizeHan('丹东至诚金属材料有限公司')[0] // 'dan dong zhi cheng jin shu cai liao you xian gong si'
 */
import { pinyin } from 'pinyin-pro';
import { KOREAN_SURNAME_SPELLINGS } from './hangul-surnames.js';
import { HANJA_SURNAME_TO_HANGUL } from './hanja-surnames.js';
import { readChineseFirmName } from './han-terms.js';

/** Punctuation between syllables; letters of other scripts (kana in カザン火薬工場) are kept for any-ascii. */
const SYLLABLE_SEPARATORS = /[^\p{L}\p{N}]+/gu;
const ALL_HAN = /^[\p{Script=Han}]+$/u;
/** pinyin-pro writes ü as ü (lü, nü); passports and lists write lu/lyu/nu/nyu; we keep 'u' (folded). */
const U_UMLAUT = /ü/g;

function toPinyin(text: string, surnameMode: boolean): string {
  const raw = pinyin(text, { toneType: 'none', type: 'string', nonZh: 'consecutive', surname: surnameMode ? 'head' : 'off' });
  return raw.toLowerCase().replace(U_UMLAUT, 'u').replace(SYLLABLE_SEPARATORS, ' ').trim();
}

/**
 * The pinyin readings of `text`: syllables separated by spaces; for a 2–3 character personal name also
 * the surname reading of polyphonic surnames and the form with the given name joined ('dong lecheng').
 * pinyin-pro does not split company names into words (its segmentation only serves polyphone choice),
 * so no word-joined form is given for longer text.
 */
export function romanizeHan(text: string): string[] {
  const readings = new Set<string>();
  const plain = toPinyin(text, false);
  readings.add(plain);
  if (isShortPersonalName(text)) {
    const asName = toPinyin(text, true);
    readings.add(asName);
    for (const reading of [asName, plain]) {
      const [surname, ...given] = reading.split(' ');
      if (given.length > 1) readings.add(`${surname} ${given.join('')}`);
    }
  }
  if (text.length > 3) {
    const firm = readChineseFirmName(text, (han) => toPinyin(han, false).split(' ').filter(Boolean));
    if (firm) readings.add(firm);
  }
  readings.delete('');
  return [...readings];
}

function isShortPersonalName(text: string): boolean {
  return text.length >= 2 && text.length <= 3 && ALL_HAN.test(text);
}

export interface KoreanHanjaReading {
  /** The characters of the surname, e.g. '金' or '南宮'. */
  surnameHanja: string;
  /** The surname in Hangul, e.g. '김'. */
  surnameHangul: string;
  /** Its Latin spellings, e.g. ['kim', 'gim']. */
  surnames: readonly string[];
  /** The characters after the surname (the given name), read only in pinyin by this module. */
  rest: string;
}

/**
 * The Korean reading of the surname of a name written in Chinese characters, or undefined when the name
 * does not start with one of the common Korean surnames. Two-character surnames are tried first.
 *
 * @example koreanReadingOfHanja('金正恩') // { surnameHanja: '金', surnameHangul: '김', surnames: ['kim', 'gim'], rest: '正恩' }
 */
export function koreanReadingOfHanja(text: string): KoreanHanjaReading | undefined {
  const name = text.normalize('NFKC').trim();
  for (const length of [2, 1]) {
    const surnameHanja = name.slice(0, length);
    const surnameHangul = HANJA_SURNAME_TO_HANGUL.get(surnameHanja);
    if (surnameHangul === undefined || name.length <= length) continue;
    const surnames = KOREAN_SURNAME_SPELLINGS.get(surnameHangul) ?? [];
    return { surnameHanja, surnameHangul, surnames, rest: name.slice(length) };
  }
  return undefined;
}
