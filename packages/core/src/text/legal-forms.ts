/**
 * @module text/legal-forms
 * Organisation legal forms and generic business words, in the languages the lists use. They are weak
 * tokens: "DANDONG ZHICHENG METAL MATERIALS CO., LTD" and "Dandong Zhicheng Metal Materials Company
 * Limited" are the same firm, and two firms are not the same because both are an "LLC".
 * Each phrase maps to a legal-form class, so that a JSC is known to differ from an LLC.
 */
import { spellingKey } from './equivalences.js';
import { nameTokens } from './normalize.js';

/** Legal-form classes: forms in one class are translations or abbreviations of one another. */
export type LegalFormClass =
  | 'limited' // Ltd, Limited, Co. Ltd, Youxian Gongsi, Pte Ltd, Pty Ltd, Sdn Bhd, GmbH, SARL, SRL, Ltda
  | 'llc' // LLC, OOO, TOV, Obshchestvo s Ogranichennoy Otvetstvennostyu
  | 'joint-stock' // JSC, AO, OAO, ZAO, PAO, PJSC, CJSC, OJSC, SA, AG, Aktsionernoye Obshchestvo
  | 'corporation' // Corp, Corporation, Inc, Incorporated, CC (Namibian close corporation)
  | 'plc'
  | 'partnership' // LP, LLP, KG, S.C.S., y Cia
  | 'company' // Co, Company, Gongsi, Kompaniya, Compania, Cia, Sherkat
  | 'establishment' // Est, FZE, FZCO, Establishment
  | 'state-owned' // FSUE, FGUP, SUE, GUP, DP: state unitary enterprises and state institutions
  | 'private-enterprise' // PE, PP, UP, Private Enterprise, Pryvatne Pidpryiemstvo, Chastnoe Unitarnoe Predpriyatie
  | 'association'; // NPO, Production Association, Proizvodstvennoe Obyedinenie

/**
 * Phrases as folded token sequences (lower-case ASCII, space-separated), longest first within a class
 * does not matter: matching takes the longest phrase at each position. A word of five letters or more
 * matches by its romanisation key, so one spelling stands for its transliterations (Obshchestvo,
 * Obschestvo, Obshestvo; Ogranichennoy, Ogranichennoi; Otvetstvennostyu, Otvetstvennostiu); a shorter
 * one matches as written, and also with its letters dotted (S.A. de C.V., W.L.L.), see `dottedVariants`.
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
    'srl',
    'ltda',
    'limitada',
    'sprl',
    'bvba',
    'bv',
    'besloten vennootschap',
    'kft',
    'sp z o o',
    'spzoo',
    // The same forms written out: Polish, Romanian, Italian, French, German and Portuguese limited companies.
    'spolka z ograniczona odpowiedzialnoscia',
    'societatea cu raspundere limitata',
    'societa a responsabilita limitata',
    'societe a responsabilite limitee',
    'gesellschaft mit beschrankter haftung',
    'sociedade limitada',
    'doo',
    'eood',
    'ood',
    'sociedad limitada',
    'sl',
    // Latvian, Lithuanian, Czech and Slovak limited companies (not Estonian OU: Ou is a Chinese surname); Turkish "Limited Sirketi", often cut to "Ltd. Sti."
    'sia',
    'uab',
    'sro',
    'limited sirketi',
    'ltd sti',
    'ltd sirketi',
    'limited company',
    'limitee',
    'yugen gaisha',
    'yuhan hoesa',
    'private company limited',
    'cia ltda',
  ],
  llc: [
    'llc',
    'ooo',
    'tov',
    'too',
    'mchj',
    'obshchestvo s ogranichennoy otvetstvennostyu',
    // The lists themselves also misspell it "Organichennoy" (OFAC: OBSHCHESTVO S ORGANICHENNOI …).
    'obshchestvo s organichennoy otvetstvennostyu',
    'limited liability company',
    'limited liability partnership',
    'tovarystvo z obmezhenoyu vidpovidalnistyu',
    'tovarystvo z obmezhenoiu vidpovidalnistiu',
    // Belarusian TAA (таварыства з абмежаванай адказнасцю).
    'taa',
    'tavarystva z abmezhavanay adkaznastsyu',
    'tavarystva z abmezhavanai adkaznastsiu',
    // Russian "international company" LLC (МКООО), registered in the special administrative regions.
    'mkooo',
    'limited liability',
    'sociedad de responsabilidad limitada',
    's de rl',
    's de rl de cv',
    'de rl',
    'srl de cv',
    'wll',
    'fzllc',
    'fz llc',
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
    'private joint stock company',
    'joint stock',
    // Russian (-oe and -oye endings share a key), Ukrainian and Belarusian joint-stock companies, and the
    // "international company" JSC (МКАО, МКПАО).
    'aktsionernoe obshchestvo',
    'otkrytoe aktsionernoe obshchestvo',
    'zakrytoe aktsionernoe obshchestvo',
    'publichnoe aktsionernoe obshchestvo',
    'nepublichnoe aktsionernoe obshchestvo',
    'aktsionerne tovarystvo',
    'publichne aktsionerne tovarystvo',
    'pryvatne aktsionerne tovarystvo',
    'vidkryte aktsionerne tovarystvo',
    'zakryte aktsionerne tovarystvo',
    'aat',
    'aktsyyanernae tavarystva',
    'aktsyyanernaye tavarystva',
    'adkrytae aktsyyanernae tavarystva',
    'adkrytaye aktsyyanernaye tavarystva',
    'adkrytae aktsyianernae tavarystva',
    'zakrytae aktsyyanernae tavarystva',
    'zakrytaye aktsyyanernaye tavarystva',
    'mkao',
    'mkpao',
    'sa',
    'sa de cv',
    'de cv',
    'sociedad anonima',
    // Venezuelan and Ecuadorian compania anonima (C.A.), Lebanese societe anonyme libanaise offshore. Not
    // S.A.L. or S.A.C. alone: read as a form, their dotted letters left one-word firms matched on that word
    // alone (LOGISTIC SMART LIMITED alerted on SMART LOGISTICS F.S.S.A.L; dev set, 2026-12).
    'ca',
    'compania anonima',
    'saa',
    'sal offshore',
    'sal off shore',
    'anonim sirketi',
    // Persian private and public joint-stock companies (sherkat-e sahami-ye khass / aam).
    'sahami khass',
    'sahami khas',
    'sahami aam',
    'sahami am',
    'sas',
    'societe anonyme',
    'ag',
    'aktiengesellschaft',
    'spa',
    'societa per azioni',
    'spolka akcyjna',
    'nv',
    'naamloze vennootschap',
    'as',
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
    'dd',
    'jt',
    'tbk',
    'pt',
  ],
  corporation: ['corp', 'corporation', 'inc', 'incorporated', 'cc', 'close corporation', 'kabushiki', 'sdn bhd corp'],
  plc: ['plc', 'public limited company', 'public company limited', 'pcl'],
  partnership: [
    ...['lp', 'llp', 'kg', 'gmbh co kg', 'scs', 's en c', 'y cia', 'y compania', 'and co', 'cia', 'snc', 'partnership'],
    // Polish general, limited and limited joint-stock partnerships (sp. j., sp. k., S.K.A.), Dutch and
    // Indonesian CV and VOF, German OHG and KG, abbreviated and written out. Not CV alone: in Mexican
    // firms' names it is what is left of S.A. de C.V. ("ACCESOS ELECTRONICOS SADE CV").
    ...['sp j', 'spolka jawna', 'sp k', 'spolka komandytowa', 'ska', 'spolka komandytowo akcyjna'],
    ...['commanditaire vennootschap', 'vof', 'vennootschap onder firma'],
    ...['ohg', 'offene handelsgesellschaft', 'kommanditgesellschaft'],
  ],
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
    'kongsi',
    // Persian and Arabic "company", written before the name (SHERKAT-E …, SHARIKAT …).
    'sherkat',
    'sherkate',
    'sharikat',
    'korporatsiya',
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
    'dmcc',
  ],
  'state-owned': [
    'fsue',
    'fgup',
    'gup',
    'fgbu',
    'fkp',
    'dp',
    'state enterprise',
    'state unitary enterprise',
    'federal state unitary enterprise',
    'federal state enterprise',
    'federal state budgetary institution',
    'federal state institution',
    'federalnoe gosudarstvennoe unitarnoe predpriyatie',
    'gosudarstvennoe unitarnoe predpriyatie',
    'federalnoe gosudarstvennoe byudzhetnoe uchrezhdenie',
    'federalnoe kazennoe predpriyatie',
    'derzhavne pidpryiemstvo',
    'derzhavne pidpriemstvo',
  ],
  'private-enterprise': [
    'pe',
    'pp',
    'chp',
    'up',
    'ue',
    'private enterprise',
    'private company',
    'unitary enterprise',
    'private unitary enterprise',
    'pryvatne pidpryiemstvo',
    'pryvatne pidpriemstvo',
    'chastnoe predpriyatie',
    'chastnoe unitarnoe predpriyatie',
    'unitarnoe predpriyatie',
    'pryvatnaye unitarnaye pradpryemstva',
    'unitarnaye pradpryemstva',
  ],
  association: [
    'npo',
    'production association',
    'scientific production association',
    'research and production association',
    'proizvodstvennoe obedinenie',
    'proizvodstvennoe obyedinenie',
    'nauchno proizvodstvennoe obedinenie',
    'nauchno proizvodstvennoe obyedinenie',
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
  /** The phrase as the table writes it (not as matched: 's a' is matched and 'sa' recorded). */
  phrase?: string;
}

/** Words at least this long match a phrase's word by romanisation key; shorter ones as written. */
const MIN_KEYED_WORD = 5;

/**
 * A phrase's word this long (as a key) is still read with a letter left out or one too many
 * ("Aktsionernoe Oshchestvo"); not with one letter for another, which makes COOPERATION a CORPORATION.
 */
const MIN_TYPO_TOLERANT_KEY = 8;

/** The keys of the phrases' long words, and each of their one-letter deletions → the key. */
const LONG_PHRASE_KEYS = new Set<string>();
const LONG_PHRASE_KEY_DELETIONS = new Map<string, string>();

const phraseWordKeys = new Map<string, string>();

/**
 * What a word of a name or of a phrase is matched by: itself when short; else its romanisation key, or
 * the key of the phrase word it is one letter short of or over.
 */
function phraseWord(word: string): string {
  if (word.length < MIN_KEYED_WORD) return word;
  let key = phraseWordKeys.get(word);
  if (key === undefined) {
    key = typoTolerantKey(spellingKey(word));
    if (phraseWordKeys.size < 100_000) phraseWordKeys.set(word, key);
  }
  return key;
}

function typoTolerantKey(key: string): string {
  if (key.length + 1 < MIN_TYPO_TOLERANT_KEY || LONG_PHRASE_KEYS.has(key) || LONG_PHRASE_KEYS.size === 0) return key;
  const longer = LONG_PHRASE_KEY_DELETIONS.get(key);
  if (longer !== undefined) return longer;
  if (key.length <= MIN_TYPO_TOLERANT_KEY) return key;
  for (let i = 0; i < key.length; i++) {
    const shorter = key.slice(0, i) + key.slice(i + 1);
    if (LONG_PHRASE_KEYS.has(shorter)) return shorter;
  }
  return key;
}

/**
 * A phrase's words as a name may write them: each short word (two to four letters) also as its letters
 * one by one, which is how dotted forms fold ("S.A. de C.V." → s a de c v, "W.L.L." → w l l).
 * @example dottedVariants(['sa', 'de', 'cv']) → [['sa','de','cv'], ['s','a','de','cv'], …] (8 in all)
 */
function dottedVariants(words: readonly string[]): string[][] {
  let variants: string[][] = [[]];
  for (const word of words) {
    const spellings = word.length >= 2 && word.length <= 4 && /^[a-z]+$/.test(word) ? [[word], word.split('')] : [[word]];
    variants = variants.flatMap((prefix) => spellings.map((spelling) => [...prefix, ...spelling]));
  }
  return variants;
}

const PHRASE_TRIE: PhraseNode = (() => {
  const root: PhraseNode = { next: new Map() };
  for (const phrases of Object.values(LEGAL_FORM_PHRASES))
    for (const phrase of phrases)
      for (const word of phrase.split(' ')) {
        const key = spellingKey(word);
        if (key.length < MIN_TYPO_TOLERANT_KEY) continue;
        LONG_PHRASE_KEYS.add(key);
        for (let i = 0; i < key.length; i++) LONG_PHRASE_KEY_DELETIONS.set(key.slice(0, i) + key.slice(i + 1), key);
      }
  for (const [cls, phrases] of Object.entries(LEGAL_FORM_PHRASES) as [LegalFormClass, string[]][]) {
    for (const phrase of phrases) {
      for (const words of dottedVariants(phrase.split(' '))) {
        let node = root;
        for (const word of words) {
          const key = phraseWord(word);
          let child = node.next.get(key);
          if (!child) node.next.set(key, (child = { next: new Map() }));
          node = child;
        }
        node.class ??= cls;
        node.phrase ??= phrase;
      }
    }
  }
  return root;
})();

/**
 * Finds the legal-form phrases in a folded token list, longest match first at each position.
 * Short ambiguous forms ('sa', 'as', 'ad', 'pt', 'ao', 'co', 'ab'), dotted or not, count only at the
 * start or end of a name, where legal forms stand; 'AS' inside "BANK AS SALAM" is a word, not a form.
 * @example findLegalForms(['dandong','zhicheng','metal','co','ltd']) → [{ start: 3, length: 2, class: 'limited' }]
 */
export function findLegalForms(tokens: readonly string[]): LegalFormMatch[] {
  const found: LegalFormMatch[] = [];
  for (let i = 0; i < tokens.length;) {
    const best = longestPhraseAt(tokens, i);
    const atEdge =
      best && (best.start === 0 || best.start + best.length === tokens.length || best.phrase.includes(' ') || best.phrase.length > 3);
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
    node = node.next.get(phraseWord(tokens[j]));
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
