/**
 * @module text/scripts/sino-korean
 * Chinese characters read in Korean (Sino-Korean, the Hanja readings), for Korean names written in
 * characters: 崔龍海 is 최룡해, CHOE Ryong Hae, where Mandarin reads cui long hai. The readings come from
 * the `hanja` package (its table of each character's Korean sound, MIT), not from a table typed here.
 */
import hanjaModule from 'hanja';

interface HanjaApi {
  translate(text: string, mode: 'SUBSTITUTION'): string;
}
// `hanja` is CommonJS with an ES-style default export: imported from ES modules its functions sit under
// `.default`; bundlers that unwrap it give them directly.
const hanja: HanjaApi = (hanjaModule as unknown as { default?: HanjaApi }).default ?? (hanjaModule as unknown as HanjaApi);

const HANGUL_SYLLABLES = /^[\uac00-\ud7a3]+$/u;

/**
 * The Hangul of a name's characters after its surname, read as they are read inside a name (no initial
 * sound rule: 龍 stays 룡, as in the DPRK's spelling), or undefined when a character has no Korean reading.
 * @example sinoKoreanGivenName('崔', '崔龍海') // '룡해'
 */
export function sinoKoreanGivenName(surnameHanja: string, name: string): string | undefined {
  // Read whole, so that the given name is read as the inside of a word, then the surname cut off: the
  // package's reading of the surname itself (金 as 금) is not the surname's (김).
  const read = hanja.translate(name, 'SUBSTITUTION').slice(surnameHanja.length);
  return read.length === name.length - surnameHanja.length && HANGUL_SYLLABLES.test(read) ? read : undefined;
}
