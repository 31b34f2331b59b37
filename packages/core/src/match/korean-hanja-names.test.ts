/**
 * North Korean officials' names written in Chinese characters (Hanja), as Korean, Chinese and Japanese
 * sources write them, screened on the real OFAC SDN list bundled in data/ (2023-12-28), which lists them
 * romanised: 崔龍海 is CHOE Ryong Hae, read in Korean (최룡해), where Mandarin reads cui long hai.
 */
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { detectPublications, parsePublication } from '@embargo/lists';
import { ScreeningEngine } from './engine.js';
import { BUNDLED_DATA } from '../../../../test/shared-data.js';

const IN_HANJA: { hanja: string; listed: string; expect: string }[] = [
  { hanja: '崔龍海', listed: 'CHOE, Ryong Hae', expect: 'ofac:23213' },
  { hanja: '金英哲', listed: 'KIM, Yong Chol', expect: 'ofac:12211' },
  { hanja: '金與正', listed: 'KIM, Yo Jong', expect: 'ofac:21444' },
  { hanja: '李炳哲', listed: 'RI, Pyong Chol', expect: 'ofac:23215' },
  { hanja: '趙甬元', listed: 'JO, Yong-Won', expect: 'ofac:21303' },
  { hanja: '崔輝', listed: 'CHOE, Hwi', expect: 'ofac:21306' },
  { hanja: '金元弘', listed: 'KIM, Won Hong', expect: 'ofac:21443' },
];

describe('Korean names in Chinese characters, on the bundled OFAC SDN list', () => {
  let engine: ScreeningEngine;
  beforeAll(async () => {
    const { publications } = await detectPublications(join(BUNDLED_DATA, 'ofac-sdn', '2023-12-28'));
    engine = new ScreeningEngine((await parsePublication(publications[0])).entities);
  }, 120_000);

  it.each(IN_HANJA)('finds $listed ($expect) as $hanja, read in Korean', ({ hanja, expect: id }) => {
    const [top] = engine.screen({ name: hanja, schema: 'Person' });
    expect(top?.id, top?.explanation.summary).toBe(id);
    expect(top.alert, top.explanation.summary).toBe(true);
  });

  it.each([
    { why: 'a Chinese leader with a surname Koreans also bear (王, Wang)', name: '王毅' },
    { why: 'a Chinese name read in Korean is not a listed Korean by chance', name: '習近平' },
    { why: 'another Korean with a listed surname and given syllable', name: '玄永哲' },
  ])('does not alert on $why: $name', ({ name }) => {
    const alerts = engine.screen({ name, schema: 'Person' }).filter((m) => m.alert);
    expect(alerts.map((m) => m.explanation.summary)).toEqual([]);
  });
});
