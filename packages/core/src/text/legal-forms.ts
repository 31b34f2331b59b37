/**
 * @module text/legal-forms
 * Organisation legal forms and generic business words, in the languages the lists use. They are weak
 * tokens: "DANDONG ZHICHENG METAL MATERIALS CO., LTD" and "Dandong Zhicheng Metal Materials Company
 * Limited" are the same firm, and two firms are not the same because both are an "LLC".
 * Each phrase maps to a legal-form class, so that a JSC is known to differ from an LLC.
 */
import { nameTokens } from './normalize.js';

/** Legal-form classes: forms in one class are translations or abbreviations of one another. */
export type LegalFormClass =
  | 'limited' // Ltd, Limited, Co. Ltd, Youxian Gongsi, Pte Ltd, Pty Ltd, Sdn Bhd, GmbH, SARL, SRL, Ltda
  | 'llc' // LLC, OOO, TOV, Obshchestvo s Ogranichennoy Otvetstvennostyu
  | 'joint-stock' // JSC, AO, OAO, ZAO, PAO, PJSC, CJSC, OJSC, SA, AG, Aktsionernoye Obshchestvo
  | 'corporation' // Corp, Corporation, Inc, Incorporated, CC (Namibian close corporation)
  | 'plc'
  | 'partnership' // LP, LLP, KG, S.C.S., y Cia
  | 'company' // Co, Company, Gongsi, Kompaniya, Compania, Cia
  | 'establishment'; // Est, FZE, FZCO, Establishment

/**
 * Phrases as folded token sequences (lower-case ASCII, space-separated), longest first within a class
 * does not matter: matching takes the longest phrase at each position.
 */
const LEGAL_FORM_PHRASES: Record<LegalFormClass, string[]> = {
  limited: [
    'ltd',
    'limited',
    'co ltd',
    'company limited',
    'youxian gongsi',
    'you xian gong si',
    'youxian zeren gongsi',
    'you xian ze ren gong si',
    'pte ltd',
    'pte',
    'pvt ltd',
    'pvt',
    'private limited',
    'pty ltd',
    'pty',
    'sdn bhd',
    'sdn',
    'bhd',
    'berhad',
    'gmbh',
    'sarl',
    's a r l',
    'srl',
    's r l',
    'ltda',
    'limitada',
    'sprl',
    'bvba',
    'bv',
    'b v',
    'besloten vennootschap',
    'kft',
    'sp z o o',
    'spzoo',
    'doo',
    'd o o',
    'eood',
    'ood',
    'sociedad limitada',
    'sl',
    // Latvian, Lithuanian, Czech and Slovak limited companies (not Estonian OU: Ou is a Chinese surname); Turkish "Limited Sirketi", often cut to "Ltd. Sti."
    'sia',
    'uab',
    'sro',
    's r o',
    'limited sirketi',
    'ltd sti',
    'ltd sirketi',
    'limited company',
    'limitee',
    'yugen gaisha',
    'yuhan hoesa',
  ],
  llc: [
    'llc',
    'l l c',
    'ooo',
    'tov',
    'too',
    'mchj',
    'obshchestvo s ogranichennoy otvetstvennostyu',
    'obshchestvo s ogranichennoi otvetstvennostiu',
    'obshchestvo s ogranichennoi otvetstvennostyu',
    'obshestvo s ogranichennoy otvetstvennostyu',
    'limited liability company',
    'limited liability partnership',
    'tovarystvo z obmezhenoyu vidpovidalnistyu',
    'tovarystvo z obmezhenoiu vidpovidalnistiu',
    'limited liability',
    'sociedad de responsabilidad limitada',
    's de rl',
    'de rl',
    'srl de cv',
    'wll',
    'fzllc',
    'fz llc',
    'l c',
    'lc',
  ],
  'joint-stock': [
    'jsc',
    'ojsc',
    'cjsc',
    'pjsc',
    'ao',
    'oao',
    'zao',
    'pao',
    'nao',
    'jscb',
    'ojscb',
    'pat',
    'prat',
    'vat',
    'zat',
    'joint stock company',
    'open joint stock company',
    'closed joint stock company',
    'public joint stock company',
    'joint stock',
    'aktsionernoye obshchestvo',
    'aktsionernoe obshchestvo',
    'aktsionernoe obshestvo',
    'otkrytoye aktsionernoye obshchestvo',
    'zakrytoye aktsionernoye obshchestvo',
    'publichnoye aktsionernoye obshchestvo',
    'publichnoe aktsionernoe obshchestvo',
    'sa',
    's a',
    'sa de cv',
    'de cv',
    'sociedad anonima',
    'anonim sirketi',
    'sas',
    's a s',
    'societe anonyme',
    'ag',
    'aktiengesellschaft',
    'spa',
    's p a',
    'nv',
    'n v',
    'naamloze vennootschap',
    'as',
    'a s',
    'asa',
    'ab',
    'oy',
    'oyj',
    'kk',
    'kabushiki kaisha',
    'kabushiki gaisha',
    'jusik hoesa',
    'gufen youxian gongsi',
    'gu fen you xian gong si',
    'hap jak hoesa',
    'sae',
    'saog',
    'saoc',
    'psc',
    'pjs',
    'ad',
    'a d',
    'dd',
    'jt',
    'tbk',
    'pt',
  ],
  corporation: ['corp', 'corporation', 'inc', 'incorporated', 'cc', 'close corporation', 'kabushiki', 'sdn bhd corp'],
  plc: ['plc', 'public limited company', 'public company limited', 'pcl'],
  partnership: ['lp', 'llp', 'kg', 'gmbh co kg', 'scs', 's c s', 's en c', 'y cia', 'y compania', 'and co', 'cia', 'snc', 'partnership'],
  company: [
    'co',
    'company',
    'companies',
    'gongsi',
    'gong si',
    'kompaniya',
    'compania',
    'compagnie',
    'cie',
    'firma',
    'hoesa',
    'hoisa',
    'kongsi',
  ],
  establishment: [
    'est',
    'establishment',
    'fze',
    'fzco',
    'fzc',
    'fz',
    'free zone company',
    'free zone establishment',
    'free zone co',
    'fz co',
    'fz e',
    'ent',
    'sole proprietorship',
    'eirl',
  ],
};

/**
 * The small words that join the words of a firm's name in the languages the lists use: an acronym skips
 * them (Democratic People's Republic of Korea → DPRK), and they abbreviate nothing (FOR is not FOREIGN).
 */
export const FIRM_NAME_FUNCTION_WORDS: ReadonlySet<string> = new Set([
  'of',
  'the',
  'and',
  'for',
  'de',
  'del',
  'la',
  'du',
  'des',
  'les',
  'und',
  'et',
  'y',
  'der',
  'den',
  'dos',
  'das',
  'von',
  'van',
  'per',
  'con',
  'sur',
  'aus',
  'mit',
]);

/**
 * Words so common in firm names that on their own they say nothing about which firm is meant.
 * They still count a little when they match, but two names sharing only these do not alert.
 */
export const GENERIC_ORGANISATION_WORDS: ReadonlySet<string> = new Set([
  'trading',
  'trade',
  'traders',
  'international',
  'intl',
  'group',
  'groups',
  'holding',
  'holdings',
  'enterprise',
  'enterprises',
  'industrial',
  'industries',
  'industry',
  'general',
  'import',
  'export',
  'imports',
  'exports',
  'impex',
  'commercial',
  'commerce',
  'services',
  'service',
  'global',
  'investment',
  'investments',
  'development',
  'the',
  'of',
  'and',
  'for',
  'by',
  'de',
  'del',
  'la',
  'el',
  'y',
  'e',
  'et',
  'und',
  'der',
  'di',
  'da',
  'do',
  'dos',
  'das',
  'des',
  'du',
  'le',
  'les',
  'van',
  'technology',
  'technologies',
  'tech',
  'solutions',
  'systems',
  'management',
  'managing',
  'money',
  'financial',
  'finance',
  'partners',
  'associates',
  'asociados',
  'consulting',
  'association',
  'organization',
  'organisation',
  'foundation',
  'institute',
  'institution',
  'center',
  'centre',
  'committee',
  'society',
  'agency',
  'office',
  'logistics',
  'marine',
  'shipping',
  'maritime',
  'energy',
  'resources',
  'products',
  'sociedad',
  // Kinds of armed or political group: ZAYNABIYOUN BRIGADE is named by ZAYNABIYOUN.
  'brigade',
  'brigades',
  'battalion',
  'battalions',
  'front',
  'movement',
  'network',
  // Which office of a firm, and the web addresses firms are named by ("SINBAD.IO", "ALIBABA.COM").
  'branch',
  'com',
  'net',
  'io',
]);

export interface LegalFormMatch {
  /** Token index where the phrase starts, and how many tokens it covers. */
  start: number;
  length: number;
  class: LegalFormClass;
  phrase: string;
}

interface PhraseNode {
  next: Map<string, PhraseNode>;
  class?: LegalFormClass;
  phrase?: string;
}

const PHRASE_TRIE: PhraseNode = (() => {
  const root: PhraseNode = { next: new Map() };
  for (const [cls, phrases] of Object.entries(LEGAL_FORM_PHRASES) as [LegalFormClass, string[]][]) {
    for (const phrase of phrases) {
      let node = root;
      for (const token of phrase.split(' ')) {
        let child = node.next.get(token);
        if (!child) node.next.set(token, (child = { next: new Map() }));
        node = child;
      }
      node.class ??= cls;
      node.phrase ??= phrase;
    }
  }
  return root;
})();

/**
 * Finds the legal-form phrases in a folded token list, longest match first at each position.
 * Short ambiguous forms ('sa', 'as', 'ad', 'pt', 'ao', 'co', 'ab') count only at the start or end of a
 * name, where legal forms stand; 'AS' inside "BANK AS SALAM" is a word, not a form.
 * @example findLegalForms(['dandong','zhicheng','metal','co','ltd']) → [{ start: 3, length: 2, class: 'limited' }]
 */
export function findLegalForms(tokens: readonly string[]): LegalFormMatch[] {
  const found: LegalFormMatch[] = [];
  for (let i = 0; i < tokens.length;) {
    const best = longestPhraseAt(tokens, i);
    const atEdge = best && (best.start === 0 || best.start + best.length === tokens.length || best.length > 1 || best.phrase.length > 3);
    if (best && atEdge && tokens.length > best.length) {
      found.push(best);
      i += best.length;
    } else i++;
  }
  return found;
}

/** The longest legal-form phrase starting at token `i`, if any. */
function longestPhraseAt(tokens: readonly string[], i: number): LegalFormMatch | undefined {
  let node: PhraseNode | undefined = PHRASE_TRIE;
  let best: LegalFormMatch | undefined;
  for (let j = i; j < tokens.length && node; j++) {
    node = node.next.get(tokens[j]);
    if (node?.class) best = { start: i, length: j - i + 1, class: node.class, phrase: node.phrase! };
  }
  return best;
}

/** The last parenthesis of a name, and what follows it: "… wal-Ansar (JAMWA)", "… COMPANY (PEDCO) LIMITED". */
const LAST_PARENTHESIS = /\s*\(([^()]*)\)([^()]*)$/;

/**
 * The parenthesis that ends a name, or stands just before its legal form alone: what it holds, and the
 * name without it (undefined when there is none, or nothing named is left). Lists append acronyms
 * ("AL-QAIDA IN THE ARABIAN PENINSULA (AQAP)"), translations and qualifiers ("(LEBANON BRANCH)") that
 * other lists and customers' files leave out; "(DALIAN)" in "SC (DALIAN) INDUSTRY AND TRADE CO." is
 * part of the name.
 * @example closingParenthesis('PETROIRAN DEVELOPMENT COMPANY (PEDCO) LIMITED') → { inside: 'PEDCO', without: 'PETROIRAN DEVELOPMENT COMPANY LIMITED' }
 */
export function closingParenthesis(name: string): { inside: string; without: string } | undefined {
  const last = LAST_PARENTHESIS.exec(name);
  if (!last || (last[2].trim() !== '' && !onlyLegalForms(nameTokens(last[2])))) return undefined;
  const without = name.slice(0, last.index) + last[2];
  return /\p{L}/u.test(without) ? { inside: last[1], without } : undefined;
}

/**
 * Whether folded tokens are legal forms and nothing else ("pte ltd", "limited", "co ltd"), read as
 * `findLegalForms` reads them, longest phrase first.
 */
export function onlyLegalForms(tokens: readonly string[]): boolean {
  for (let i = 0; i < tokens.length;) {
    const phrase = longestPhraseAt(tokens, i);
    if (!phrase) return false;
    i += phrase.length;
  }
  return true;
}
