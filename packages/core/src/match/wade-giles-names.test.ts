/**
 * Chinese persons listed in pinyin (MA Xiaohong and ZHOU Jianshu of Dandong Hongxiang, SUN Sidong),
 * screened on the real OFAC SDN list (2023-12-28) under their names in Wade–Giles, as Taiwanese and Hong
 * Kong files and older press write names.
 */
import { dirname } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { detectPublications, parsePublication } from '@embargo/lists';
import { ScreeningEngine } from './engine.js';
import { sharedList } from '../../../../test/shared-data.js';

describe('Chinese names in Wade–Giles, on OFAC SDN 2023-12-28', () => {
  let engine: ScreeningEngine;
  beforeAll(async () => {
    const { publications } = await detectPublications(dirname(sharedList('ofac-sdn/2023-12-28/sdn.csv')));
    engine = new ScreeningEngine((await parsePublication(publications[0])).entities);
  });

  it.each([
    ['Ma Hsiao-hung', 'ofac:20565'],
    ['Chou Chien-shu', 'ofac:20566'],
    ['Sun Ssu-tung', 'ofac:23170'],
  ])('finds %s as %s', (name, id) => {
    const [top] = engine.screen({ name, schema: 'Person' });
    expect(top?.id, top?.explanation.summary).toBe(id);
    expect(top.alert, top.explanation.summary).toBe(true);
  });
});
