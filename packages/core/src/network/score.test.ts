import { describe, expect, it } from 'vitest';
import {
  FACILITATOR_FEATURES,
  facilitatorScore,
  HALF_CREDIT_VALUE,
  scoreDesignatedCounterparts,
  scoreDesignatedShare,
  scoreDesignatedValue,
  scoreDprkGoods,
  scorePosition,
  scoreProximity,
  type PartyMeasures,
} from './score.js';

const none: PartyMeasures = {
  totalValue: 100_000,
  designatedValue: 0,
  designatedCounterparts: 0,
  dprkGoodsValue: 0,
  distance: 4,
  dependence: 0,
};
const m = (changes: Partial<PartyMeasures>): PartyMeasures => ({ ...none, ...changes });

describe('the facilitator features, each from 0 to 1', () => {
  const cases: { why: string; score: number; expect: number }[] = [
    { why: 'no value with designated parties scores nothing', score: scoreDesignatedValue(none).value, expect: 0 },
    {
      why: 'value at the half-credit mark scores half',
      score: scoreDesignatedValue(m({ designatedValue: HALF_CREDIT_VALUE })).value,
      expect: 0.5,
    },
    {
      why: 'value saturates: ten times the mark is 10/11',
      score: scoreDesignatedValue(m({ designatedValue: 1e6 })).value,
      expect: 10 / 11,
    },
    { why: 'share is the share of its own trade', score: scoreDesignatedShare(m({ designatedValue: 25_000 })).value, expect: 0.25 },
    { why: 'a party with no trade has no share', score: scoreDesignatedShare(m({ totalValue: 0 })).value, expect: 0 },
    {
      why: 'one designated counterpart scores a third',
      score: scoreDesignatedCounterparts(m({ designatedCounterparts: 1 })).value,
      expect: 1 / 3,
    },
    { why: 'four score two thirds', score: scoreDesignatedCounterparts(m({ designatedCounterparts: 4 })).value, expect: 2 / 3 },
    { why: 'North Korean goods saturate like value', score: scoreDprkGoods(m({ dprkGoodsValue: HALF_CREDIT_VALUE })).value, expect: 0.5 },
    { why: 'trading with a designated party directly scores 1', score: scoreProximity(m({ distance: 1 })).value, expect: 1 },
    { why: 'through one intermediary a quarter', score: scoreProximity(m({ distance: 2 })).value, expect: 0.25 },
    { why: 'three steps a sixteenth', score: scoreProximity(m({ distance: 3 })).value, expect: 1 / 16 },
    { why: 'beyond reach nothing', score: scoreProximity(m({ distance: 4 })).value, expect: 0 },
    { why: 'a designated party itself is not scored for proximity', score: scoreProximity(m({ distance: 0 })).value, expect: 0 },
    {
      why: 'carrying all of one designated record’s trade scores 10/11',
      score: scorePosition(m({ dependence: 1 })).value,
      expect: 1 / 1.1,
    },
  ];
  it.each(cases)('$why', ({ score, expect: expected }) => expect(score).toBeCloseTo(expected, 10));

  it('weights add up to 1, so a score is from 0 to 1', () => {
    expect(FACILITATOR_FEATURES.reduce((n, f) => n + f.weight, 0)).toBeCloseTo(1, 10);
  });

  it('a score is the sum of the contributions it shows', () => {
    const { score, contributions } = facilitatorScore(
      m({ designatedValue: 50_000, designatedCounterparts: 2, distance: 1, dependence: 0.1, dprkGoodsValue: 20_000 }),
    );
    expect(contributions.map((c) => c.feature)).toEqual([
      'designatedValue',
      'designatedShare',
      'designatedCounterparts',
      'dprkGoods',
      'proximity',
      'position',
    ]);
    expect(score).toBeCloseTo(
      contributions.reduce((n, c) => n + c.contribution, 0),
      3,
    );
    // 0.2·(1/3) + 0.2·0.5 + 0.15·0.5 + 0.15·(1/6) + 0.1·1 + 0.2·0.5
    expect(score).toBeCloseTo(0.2 / 3 + 0.1 + 0.075 + 0.025 + 0.1 + 0.1, 3);
    expect(contributions[0].detail).toBe('USD 50,000 with designated parties');
  });
});
