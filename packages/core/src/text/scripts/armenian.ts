/**
 * @module text/scripts/armenian
 * Eastern Armenian to Latin as Armenian passports and the press write it (BGN/PCGN 1981 without its
 * apostrophes and diacritics, as the Armenian passport system also writes it): ու → u, ե → ye and ո → vo
 * at the start of a word, և → ev (yev at the start), ղ → gh, խ → kh, ծ and ց → ts, ձ → dz, ժ → zh, ճ and
 * չ → ch, ջ → j. any-ascii would write Tsatowryan for Ծատուրյան and Erevan for Երևան. Firms' legal forms
 * are read as their English abbreviations (ՍՊԸ is an LLC).
 *
 * @example romanizeArmenian('Փաշինյան') // 'pashinyan'
 */

const LETTERS: ReadonlyMap<string, string> = new Map([
  ['ա', 'a'],
  ['բ', 'b'],
  ['գ', 'g'],
  ['դ', 'd'],
  ['ե', 'e'],
  ['զ', 'z'],
  ['է', 'e'],
  ['ը', 'y'],
  ['թ', 't'],
  ['ժ', 'zh'],
  ['ի', 'i'],
  ['լ', 'l'],
  ['խ', 'kh'],
  ['ծ', 'ts'],
  ['կ', 'k'],
  ['հ', 'h'],
  ['ձ', 'dz'],
  ['ղ', 'gh'],
  ['ճ', 'ch'],
  ['մ', 'm'],
  ['յ', 'y'],
  ['ն', 'n'],
  ['շ', 'sh'],
  ['ո', 'o'],
  ['չ', 'ch'],
  ['պ', 'p'],
  ['ջ', 'j'],
  ['ռ', 'r'],
  ['ս', 's'],
  ['վ', 'v'],
  ['տ', 't'],
  ['ր', 'r'],
  ['ց', 'ts'],
  ['ւ', 'v'],
  ['փ', 'p'],
  ['ք', 'k'],
  ['և', 'ev'],
  ['օ', 'o'],
  ['ֆ', 'f'],
]);

/** Letters written otherwise at the start of a word. */
const WORD_INITIAL: ReadonlyMap<string, string> = new Map([
  ['ե', 'ye'],
  ['ո', 'vo'],
  ['և', 'yev'],
]);

/**
 * Legal forms of the Armenian Civil Code, abbreviated as firms' names write them: limited liability company
 * (սահմանափակ պատասխանատվությամբ ընկերություն), closed and open joint-stock companies (փակ, բաց
 * բաժնետիրական ընկերություն).
 */
const LEGAL_FORMS: ReadonlyMap<string, string> = new Map([
  ['սպը', 'llc'],
  ['փբը', 'cjsc'],
  ['բբը', 'ojsc'],
]);

const ARMENIAN_WORD = /[\u0531-\u0587\uFB13-\uFB17]+/g;

function romanizeWord(word: string): string {
  const lower = word.toLowerCase();
  const form = LEGAL_FORMS.get(lower);
  if (form) return form;
  let out = '';
  for (let i = 0; i < lower.length; i++) {
    const ch = lower[i];
    // ու is one vowel, u; at the start of a word too (Ուրարտու, Urartu).
    if (ch === 'ո' && lower[i + 1] === 'ւ') {
      out += 'u';
      i++;
      continue;
    }
    out += (i === 0 ? WORD_INITIAL.get(ch) : undefined) ?? LETTERS.get(ch) ?? ch;
  }
  return out;
}

/** The Latin reading of Armenian text; other characters are left as they are. */
export function romanizeArmenian(text: string): string {
  return text.replace(ARMENIAN_WORD, romanizeWord);
}
