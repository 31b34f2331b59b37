/**
 * @module text/scripts/han-terms
 * Chinese firm names are written on the lists half in pinyin and half in English: 丹东至诚金属材料有限公司 is
 * "DANDONG ZHICHENG METALLIC MATERIAL CO., LTD." — the place and the brand in joined pinyin, the trade
 * and the legal form translated. This module gives that reading: common business and place terms in
 * English, the characters between them in pinyin joined two by two (most place names and brand names
 * are two characters: 丹东, 至诚).
 */
import { segmentByTerms } from './term-segments.js';

/** Terms as the OFAC and UN lists translate them. Longest match wins. */
const BUSINESS_TERMS: Record<string, string> = {
  有限责任公司: 'limited liability company',
  股份有限公司: 'joint stock co ltd',
  有限公司: 'co ltd',
  公司: 'company',
  集团: 'group',
  控股: 'holding',
  国际: 'international',
  贸易: 'trading',
  商贸: 'trading',
  经贸: 'economic trading',
  进出口: 'import export',
  实业: 'industrial',
  工业: 'industry',
  工贸: 'industry trading',
  发展: 'development',
  投资: 'investment',
  科技: 'technology',
  技术: 'technology',
  能源: 'energy',
  石油: 'petroleum',
  石化: 'petrochemical',
  化工: 'chemical',
  金属: 'metal',
  材料: 'material',
  钢铁: 'steel',
  矿业: 'mining',
  矿产: 'mineral',
  电子: 'electronics',
  电力: 'power',
  机械: 'machinery',
  设备: 'equipment',
  船务: 'shipping',
  航运: 'shipping',
  海运: 'shipping',
  船舶: 'ship',
  物流: 'logistics',
  运输: 'transport',
  建设: 'construction',
  建筑: 'construction',
  工程: 'engineering',
  银行: 'bank',
  金融: 'financial',
  保险: 'insurance',
  证券: 'securities',
  基金: 'fund',
  网络: 'network',
  软件: 'software',
  通信: 'communications',
  通讯: 'communications',
  汽车: 'automobile',
  医药: 'pharmaceutical',
  农业: 'agriculture',
  食品: 'food',
  纺织: 'textile',
  服装: 'garment',
  旅游: 'travel',
  酒店: 'hotel',
  房地产: 'real estate',
  地产: 'real estate',
  管理: 'management',
  咨询: 'consulting',
  服务: 'services',
  研究所: 'research institute',
  研究院: 'research institute',
  大学: 'university',
  工厂: 'factory',
  厂: 'factory',
  香港: 'hong kong',
  中国: 'china',
  朝鲜: 'korea',
  俄罗斯: 'russia',
  新加坡: 'singapore',
  纳米比亚: 'namibia',
  伊朗: 'iran',
  叙利亚: 'syria',
  阿联酋: 'uae',
  迪拜: 'dubai',
  美国: 'united states',
  英国: 'united kingdom',
};

/** The same terms in traditional characters (Hong Kong, Taiwan and UN texts use them). */
const TRADITIONAL_TERMS: Record<string, string> = {
  有限責任公司: 'limited liability company',
  股份有限公司: 'joint stock co ltd',
  集團: 'group',
  國際: 'international',
  貿易: 'trading',
  進出口: 'import export',
  實業: 'industrial',
  工業: 'industry',
  發展: 'development',
  投資: 'investment',
  技術: 'technology',
  電子: 'electronics',
  電力: 'power',
  機械: 'machinery',
  設備: 'equipment',
  船務: 'shipping',
  航運: 'shipping',
  海運: 'shipping',
  物流: 'logistics',
  運輸: 'transport',
  建設: 'construction',
  建築: 'construction',
  銀行: 'bank',
  金融: 'financial',
  保險: 'insurance',
  證券: 'securities',
  網絡: 'network',
  軟件: 'software',
  通訊: 'communications',
  汽車: 'automobile',
  醫藥: 'pharmaceutical',
  農業: 'agriculture',
  紡織: 'textile',
  服裝: 'garment',
  旅遊: 'travel',
  房地產: 'real estate',
  地產: 'real estate',
  管理: 'management',
  諮詢: 'consulting',
  服務: 'services',
  鋼鐵: 'steel',
  礦業: 'mining',
  礦產: 'mineral',
  石化: 'petrochemical',
  中國: 'china',
  朝鮮: 'korea',
  俄羅斯: 'russia',
  伊朗: 'iran',
  敘利亞: 'syria',
  美國: 'united states',
  英國: 'united kingdom',
};
Object.assign(BUSINESS_TERMS, TRADITIONAL_TERMS);

const MAX_TERM_LENGTH = Math.max(...Object.keys(BUSINESS_TERMS).map((t) => t.length));

/**
 * The mixed reading of a Chinese firm name, or undefined when no business term occurs in it.
 * @example readChineseFirmName('丹东至诚金属材料有限公司', toPinyin) // 'dandong zhicheng metal material co ltd'
 */
export function readChineseFirmName(text: string, syllables: (han: string) => string[]): string | undefined {
  // Punctuation and brackets end a name ('華信船務(香港)' → huaxin shipping hong kong).
  const parts = segmentByTerms(
    text,
    (candidate) => (Object.hasOwn(BUSINESS_TERMS, candidate) ? BUSINESS_TERMS[candidate] : undefined),
    MAX_TERM_LENGTH,
    1,
    (ch) => /[\p{Script=Han}]/u.test(ch),
  );
  if (!parts.some((p) => p.term !== undefined)) return undefined;
  const words: string[] = [];
  for (const p of parts) {
    if (p.term !== undefined) {
      words.push(p.term);
      continue;
    }
    const s = syllables(p.run);
    for (let i = 0; i < s.length; i += 2) words.push(s.slice(i, i + 2).join(''));
  }
  return words.join(' ');
}
