/**
 * @module network/score
 * The facilitator score: a weighted sum of small named measures of a party's exposure, each from 0 to 1,
 * so that every contribution can be shown beside the rows it rests on. An algorithm is this list of
 * features and weights (nomenklatura's habit): a new one can be added beside it and compared on the
 * generated world (`npm run bench:network`).
 */

/** What `measureExposure` found for one party. */
export interface PartyMeasures {
  /** Value traded in all, in the reference currency. */
  totalValue: number;
  /** …of it with designated counterparts or on designated vessels. */
  designatedValue: number;
  /** Distinct designated counterparts (vessels included). */
  designatedCounterparts: number;
  /** Value of banned goods of North Korean origin handled. */
  dprkGoodsValue: number;
  /** Steps to the nearest designated party; more than MAX_PATH_LENGTH when none is within reach. */
  distance: number;
  /** Σ over designated counterparts of the share of their trade done with this party. */
  dependence: number;
}

export interface FeatureScore {
  /** 0 to 1. */
  value: number;
  /** What was measured, in words. */
  detail: string;
}

export type NetworkFeatureName = 'designatedValue' | 'designatedShare' | 'designatedCounterparts' | 'dprkGoods' | 'proximity' | 'position';

export interface NetworkFeature {
  name: NetworkFeatureName;
  /** What the feature measures, as the evidence shows it to analysts. */
  label: string;
  weight: number;
  score: (m: PartyMeasures) => FeatureScore;
}

/**
 * Value at which a value measure gives half its credit (USD). A value measure saturates: a party's tenth
 * million with designated parties says less than its first. Set by judgement (a mid-sized trade
 * transaction), not tuned on the generated world.
 */
export const HALF_CREDIT_VALUE = 100_000;
/** Dependence (share of designated parties' trade carried) at which the position gives half its credit. */
export const HALF_CREDIT_DEPENDENCE = 0.1;
/** Distinct designated counterparts at which that measure gives half its credit. */
export const HALF_CREDIT_COUNTERPARTS = 2;

const saturating = (x: number, half: number) => (x <= 0 ? 0 : x / (x + half));

const money = (usd: number) => `USD ${Math.round(usd).toLocaleString('en-US')}`;
const percent = (share: number) => `${(share * 100).toFixed(share < 0.1 ? 1 : 0)}%`;

/** Value of its flows with designated parties (and on designated vessels). */
export function scoreDesignatedValue(m: PartyMeasures): FeatureScore {
  return { value: saturating(m.designatedValue, HALF_CREDIT_VALUE), detail: `${money(m.designatedValue)} with designated parties` };
}

/** Share of its own trade that is with designated parties: a firm that exists for them, or one slip in a big book. */
export function scoreDesignatedShare(m: PartyMeasures): FeatureScore {
  const share = m.totalValue > 0 ? m.designatedValue / m.totalValue : 0;
  return { value: share, detail: `${percent(share)} of its ${money(m.totalValue)} traded` };
}

/** Distinct designated counterparts: one may be a mistake, several are a business. */
export function scoreDesignatedCounterparts(m: PartyMeasures): FeatureScore {
  const n = m.designatedCounterparts;
  return { value: saturating(n, HALF_CREDIT_COUNTERPARTS), detail: `${n} distinct designated counterpart${n === 1 ? '' : 's'}` };
}

/** Banned North Korean exports it bought or sold (coal, iron, lead, seafood, textiles). */
export function scoreDprkGoods(m: PartyMeasures): FeatureScore {
  return {
    value: saturating(m.dprkGoodsValue, HALF_CREDIT_VALUE),
    detail: `${money(m.dprkGoodsValue)} of banned goods of North Korean origin`,
  };
}

/** Steps to the nearest designated party: trading with one directly, or through one intermediary. */
export function scoreProximity(m: PartyMeasures): FeatureScore {
  // A quarter per extra step: in a network of traders nearly everyone is three steps from anyone.
  const value = m.distance >= 1 && m.distance <= 3 ? 1 / 4 ** (m.distance - 1) : 0;
  const detail =
    m.distance <= 3 ? `${m.distance} step${m.distance === 1 ? '' : 's'} from a designated party` : 'no designated party within 3 steps';
  return { value, detail };
}

/** Its position: how much of the designated parties' own trade passes through it (they depend on it). */
export function scorePosition(m: PartyMeasures): FeatureScore {
  return {
    value: saturating(m.dependence, HALF_CREDIT_DEPENDENCE),
    // Added up over its designated counterparts: 1 is all of one's trade (or half of two's).
    detail: `carries ${m.dependence.toFixed(2)} of its designated counterparts' own trade, their shares added up (1 = all of one's)`,
  };
}

/** The features and their weights; the weights add up to 1, so a score is from 0 to 1. */
export const FACILITATOR_FEATURES: readonly NetworkFeature[] = [
  { name: 'designatedValue', label: 'Value with designated parties', weight: 0.2, score: scoreDesignatedValue },
  { name: 'designatedShare', label: 'Share of its trade with designated parties', weight: 0.2, score: scoreDesignatedShare },
  { name: 'designatedCounterparts', label: 'Distinct designated counterparts', weight: 0.15, score: scoreDesignatedCounterparts },
  { name: 'dprkGoods', label: 'North Korean banned goods handled', weight: 0.15, score: scoreDprkGoods },
  { name: 'proximity', label: 'Path length to a designated party', weight: 0.1, score: scoreProximity },
  { name: 'position', label: 'Position: designated parties depend on it', weight: 0.2, score: scorePosition },
];

export interface FeatureContribution {
  feature: NetworkFeatureName;
  label: string;
  value: number;
  weight: number;
  contribution: number;
  detail: string;
}

const round = (x: number) => Math.round(x * 1e4) / 1e4;

/** The features' contributions to a party's score, and their sum. */
export function facilitatorScore(
  m: PartyMeasures,
  features: readonly NetworkFeature[] = FACILITATOR_FEATURES,
): { score: number; contributions: FeatureContribution[] } {
  let score = 0;
  const contributions = features.map((f) => {
    const { value, detail } = f.score(m);
    const contribution = f.weight * value;
    score += contribution;
    return { feature: f.name, label: f.label, value: round(value), weight: f.weight, contribution: round(contribution), detail };
  });
  return { score: round(score), contributions };
}
