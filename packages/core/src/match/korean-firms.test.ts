/**
 * North Korean firms and bodies written in Hangul, as Korean-language media and documents write them,
 * screened on the real OFAC SDN list (2023-12-28), which lists them under English names with the proper
 * names romanised (KOREA KWANGSON BANKING CORP).
 */
import { dirname } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { detectPublications, parsePublication } from '@embargo/lists';
import { ScreeningEngine } from './engine.js';
import { sharedList } from '../../../../test/shared-data.js';

const IN_HANGUL: { hangul: string; english: string; expect: string }[] = [
  { hangul: '조선광선은행', english: 'Korea Kwangson Bank', expect: 'ofac:11581' },
  { hangul: '조선광업개발무역회사', english: 'Korea Mining Development Trading Company (KOMID)', expect: 'ofac:9345' },
  { hangul: '조선련봉총회사', english: 'Korea Ryonbong General Corporation', expect: 'ofac:9347' },
  { hangul: '조선혁신무역회사', english: 'Korea Hyoksin Trading Company', expect: 'ofac:10012' },
  { hangul: '조선단군무역회사', english: 'Korea Tangun Trading Company', expect: 'ofac:11599' },
  { hangul: '정찰총국', english: 'Reconnaissance General Bureau', expect: 'ofac:12210' },
  { hangul: '조선인민군', english: "Korean People's Army", expect: 'ofac:22284' },
];

describe('North Korean firms in Hangul, on OFAC SDN 2023-12-28', () => {
  let engine: ScreeningEngine;
  beforeAll(async () => {
    const { publications } = await detectPublications(dirname(sharedList('ofac-sdn/2023-12-28/sdn.csv')));
    engine = new ScreeningEngine((await parsePublication(publications[0])).entities);
  });

  it.each(IN_HANGUL)('finds $expect as $hangul ($english)', ({ hangul, expect: id }) => {
    const [top] = engine.screen({ name: hangul });
    expect(top?.id, top?.explanation.summary).toBe(id);
    expect(top.alert, top.explanation.summary).toBe(true);
  });

  it('tells Kwangsong Trading (광성) from Kwangson Banking (광선)', () => {
    const matches = engine.screen({ name: '조선광성무역회사' }, { limit: 20 });
    expect(matches[0]?.id, matches[0]?.explanation.summary).toBe('ofac:9523');
    expect(matches.find((m) => m.id === 'ofac:11581')?.alert ?? false).toBe(false);
  });
});
