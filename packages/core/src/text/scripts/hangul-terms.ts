/**
 * @module text/scripts/hangul-terms
 * North Korean firms and bodies are listed under English names with their proper names romanised:
 * 조선광선은행 is "KOREA KWANGSON BANKING CORP", 조선광업개발무역회사 "KOREA MINING DEVELOPMENT TRADING
 * CORPORATION", 정찰총국 the "RECONNAISSANCE GENERAL BUREAU". Romanised whole ("choson kwangson
 * unhaeng") they share no word with the list. This module gives a second reading of such a name: the
 * common words of firms' and bodies' names in English, the syllables between them romanised as one word
 * each (광선 → kwangson), as `han-terms` does for Chinese and `arabic-terms` for Arabic names.
 *
 * Only names holding a word for a kind of organisation (bank, company, bureau…) are read this way: a
 * person's name of two to four syllables is not translated, though its syllables may spell words.
 */
import { romanizeHangul, type HangulSystem } from './hangul.js';
import { segmentByTerms } from './term-segments.js';

/** Words naming a kind of organisation, in the North's spelling and the South's where they differ. */
const ORGANISATION_WORDS: Readonly<Record<string, string>> = {
  은행: 'bank',
  회사: 'company',
  총회사: 'general corporation',
  공사: 'corporation',
  상사: 'trading company',
  총국: 'general bureau',
  그룹: 'group',
  련합: 'association',
  연합: 'association',
  련합회: 'federation',
  기업: 'enterprise',
  기업소: 'enterprise',
  공장: 'factory',
  대학: 'university',
  연구소: 'research institute',
  연구원: 'research institute',
  위원회: 'committee',
  인민군: 'peoples army',
  로동당: 'workers party',
  노동당: 'workers party',
  주식회사: 'joint stock company',
  유한회사: 'limited company',
  합영회사: 'joint venture company',
  합작회사: 'joint venture company',
};

/** Other common words of such names. */
const OTHER_WORDS: Readonly<Record<string, string>> = {
  조선: 'korea',
  조선민주주의인민공화국: 'democratic peoples republic of korea',
  북한: 'north korea',
  대외: 'foreign',
  무역: 'trading',
  수출입: 'export import',
  광업: 'mining',
  광산: 'mine',
  개발: 'development',
  합영: 'joint venture',
  합작: 'joint venture',
  해운: 'shipping',
  물류: 'logistics',
  운송: 'transport',
  해양: 'ocean',
  원양: 'ocean',
  항만: 'port',
  조선소: 'shipyard',
  정밀: 'precision',
  전기: 'electric',
  반도체: 'semiconductor',
  제약: 'pharmaceutical',
  식품: 'food',
  에너지: 'energy',
  통상: 'trading',
  투자: 'investment',
  증권: 'securities',
  선박: 'ship',
  기술: 'technology',
  공업: 'industry',
  산업: 'industry',
  국제: 'international',
  정찰: 'reconnaissance',
  원자력: 'atomic energy',
  석유: 'petroleum',
  화학: 'chemical',
  금속: 'metal',
  제련소: 'smelter',
  수산: 'fisheries',
  해외: 'overseas',
  건설: 'construction',
  전자: 'electronics',
  설비: 'equipment',
  기계: 'machinery',
  상업: 'commercial',
  금융: 'financial',
  보험: 'insurance',
  항공: 'air',
  철도: 'railway',
  중앙: 'central',
  군수공업: 'munitions industry',
  인민: 'peoples',
  보위: 'security',
  국가: 'state',
  안전: 'security',
};

interface Term {
  english: string;
  organisation: boolean;
}
const TERMS = new Map<string, Term>();
for (const [k, english] of Object.entries(OTHER_WORDS)) TERMS.set(k, { english, organisation: false });
for (const [k, english] of Object.entries(ORGANISATION_WORDS)) TERMS.set(k, { english, organisation: true });
const MAX_TERM_LENGTH = Math.max(...[...TERMS.keys()].map((t) => t.length));

/**
 * A person's name is at most this many syllables (a surname and a given name of one or two each; the rare
 * two-syllable surnames are within it too): so short a name is translated only when it ends in a word for
 * a kind of organisation (정찰총국). Every term is two syllables or more: 국, 성, 부 end many given
 * names (Kuk, Song, Bu).
 */
const LONGEST_PERSONAL_NAME = 4;
const SYLLABLE = /[\uac00-\ud7a3]/;

/** The systems whose readings the lists use for North Korean proper names, and the South's. */
const SYSTEMS: readonly HangulSystem[] = ['dprk', 'mr', 'rr'];

/**
 * English readings of an organisation's name in Hangul (one per romanisation of its proper names), or []
 * when it names no kind of organisation.
 *
 * @example translateKoreanOrganisationName('조선광선은행') // ['korea kwangson bank', 'korea gwangseon bank']
 */
export function translateKoreanOrganisationName(text: string): string[] {
  const short = [...text].filter((c) => SYLLABLE.test(c)).length <= LONGEST_PERSONAL_NAME && !/\s/.test(text.trim());
  // Parts: English words, and runs of other syllables to romanise.
  const parts = segmentByTerms(
    text,
    (candidate) => TERMS.get(candidate),
    MAX_TERM_LENGTH,
    2,
    (ch) => SYLLABLE.test(ch),
  );
  const organisation = parts.some((p) => p.term?.organisation);
  if (!organisation || (short && !(parts.length > 1 && parts[parts.length - 1].term?.organisation))) return [];
  const readings = SYSTEMS.map((system) => parts.map((p) => (p.term ? p.term.english : romanizeHangul(p.run, system))).join(' '));
  return [...new Set(readings)];
}
