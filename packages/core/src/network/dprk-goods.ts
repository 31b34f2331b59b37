/**
 * @module network/dprk-goods
 * Goods the UN Security Council bans North Korea from exporting, by Harmonized System code: coal
 * (resolution 2371 (2017), HS 2701), iron and iron ore (2371: 2601, chapter 72), lead and lead ore (2371:
 * 2607, chapter 78), seafood (2371: chapter 03, 1604, 1605), and textiles (2375 (2017): chapters 50–63).
 *
 * TODO: use the trade rules file of `core/trade/` once it lands (it holds the full DPRK rules as data);
 * until then this short list is the ranker's default and a parameter of `rankFacilitators`.
 */

export interface BannedGoods {
  /** HS prefixes (chapter, heading or subheading) whose goods are banned. */
  prefixes: readonly string[];
  /** Where the ban is written, for the evidence. */
  citation: string;
}

const TEXTILE_CHAPTERS = Array.from({ length: 14 }, (_, i) => String(50 + i));

export const DPRK_BANNED_EXPORTS: BannedGoods = {
  prefixes: ['2701', '2601', '72', '2607', '78', '03', '1604', '1605', ...TEXTILE_CHAPTERS],
  citation: 'UNSCR 2371 (2017) coal, iron, lead, seafood; UNSCR 2375 (2017) textiles',
};

/** Whether an HS code (digits) falls under one of the banned prefixes. */
export function isBannedGood(hs: string, goods: BannedGoods = DPRK_BANNED_EXPORTS): boolean {
  if (hs === '') return false;
  for (const prefix of goods.prefixes) if (hs.startsWith(prefix)) return true;
  return false;
}
