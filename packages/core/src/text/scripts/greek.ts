/**
 * @module text/scripts/greek
 * Greek to Latin as Greek passports do it (ELOT 743, the UN-adopted system, without its diacritics):
 * ου → ou, αυ/ευ → av/ev (af/ef before voiceless consonants), μπ/ντ at the start of a word → b/d,
 * γγ/γκ → ng/g, χ → ch, θ → th, ψ → ps. any-ascii would write Papadopoylos for Παπαδόπουλος.
 *
 * @example romanizeGreek('παπαδόπουλος') // 'papadopoulos'
 */
import { foldText } from '../normalize.js';

const DIGRAPHS: ReadonlyArray<readonly [RegExp, string]> = [
  [/ου/g, 'ou'],
  [/([αε])υ(?=[θκξπσςτφχψ]|$|\s)/g, '$1f'],
  [/([αε])υ/g, '$1v'],
  [/(^|\s)μπ/g, '$1b'],
  [/(^|\s)ντ/g, '$1d'],
  [/γγ/g, 'ng'],
  [/γκ/g, 'gk'],
  [/γξ/g, 'nx'],
  [/γχ/g, 'nch'],
];

const LETTERS: ReadonlyMap<string, string> = new Map([
  ['α', 'a'],
  ['β', 'v'],
  ['γ', 'g'],
  ['δ', 'd'],
  ['ε', 'e'],
  ['ζ', 'z'],
  ['η', 'i'],
  ['θ', 'th'],
  ['ι', 'i'],
  ['κ', 'k'],
  ['λ', 'l'],
  ['μ', 'm'],
  ['ν', 'n'],
  ['ξ', 'x'],
  ['ο', 'o'],
  ['π', 'p'],
  ['ρ', 'r'],
  ['σ', 's'],
  ['ς', 's'],
  ['τ', 't'],
  ['υ', 'y'],
  ['φ', 'f'],
  ['χ', 'ch'],
  ['ψ', 'ps'],
  ['ω', 'o'],
]);

/** A lower-case Latin reading of Greek text; characters of other scripts are kept, folded. */
export function romanizeGreek(text: string): string {
  let s = foldText(text);
  for (const [pattern, replacement] of DIGRAPHS) s = s.replace(pattern, replacement);
  let out = '';
  for (const ch of s) out += LETTERS.get(ch) ?? ch;
  return out;
}
