/**
 * Names written in Chinese characters or Hangul are compared character by character as well as in their Latin
 * readings: a character of another sound is another name (习近朋 is not 习近平, 김종은 not 김정은), while a
 * simplified character for its traditional form (长 for 長) is the same. On the bundled UN list of
 * 2026-02-27, whose DPRK firms are also listed in Chinese characters.
 */
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { detectPublications, parsePublication } from '@embargo/lists';
import type { Entity } from '../model/entity.js';
import { ScreeningEngine } from './engine.js';
import { BUNDLED_DATA } from '../../../../test/shared-data.js';
import { listedPerson } from '../../../../test/hand-made.js';
import { namesOf } from '../../../../test/bundled-sdn.js';

const HAN = /\p{Script=Han}/u;

describe('names in Chinese characters or Hangul, character by character', () => {
  let engine: ScreeningEngine;
  let listedInHan: { record: Entity; name: string }[];

  beforeAll(async () => {
    const { publications } = await detectPublications(join(BUNDLED_DATA, 'un-sc', '2026-02-27'));
    const entities = (await parsePublication(publications[0])).entities;
    engine = new ScreeningEngine([...entities, listedPerson('xi', '习近平'), listedPerson('kim', '김정은')]);
    listedInHan = entities.flatMap((record) =>
      namesOf(record)
        .filter((n) => HAN.test(n) && !/[A-Za-z]/.test(n))
        .map((name) => ({ record, name })),
    );
  }, 120_000);

  const alertsOn = (name: string, id: string) => engine.screen({ name }).some((m) => m.alert && m.id === id);

  it('a character of another sound is another name', () => {
    expect(alertsOn('习近平', 'test:xi')).toBe(true);
    expect(alertsOn('习近朋', 'test:xi')).toBe(false);
    expect(alertsOn('김정은', 'test:kim')).toBe(true);
    expect(alertsOn('김종은', 'test:kim')).toBe(false);
  });

  it('a traditional character for its simplified form is the same name (習近平, 長安海連 for 长安海连)', () => {
    expect(alertsOn('習近平', 'test:xi')).toBe(true);
    const changan = listedInHan.find((c) => c.name.startsWith('長安海連'));
    expect(changan).toBeDefined();
    expect(alertsOn('长安海连技术有限公司', changan!.record.id)).toBe(true);
  });

  it("each listed name in characters alerts as written, and not with a character of another sound in its firm's own name", () => {
    expect(listedInHan.length).toBeGreaterThanOrEqual(3);
    const wrong: string[] = [];
    for (const { record, name } of listedInHan) {
      if (!alertsOn(name, record.id)) wrong.push(`${name} missed`);
      // The second character replaced by 龍 (long), a sound none of these names has there.
      const changed = name.slice(0, 1) + '龍' + name.slice(2);
      if (alertsOn(changed, record.id)) wrong.push(`${changed} → ${name}`);
    }
    expect(wrong).toEqual([]);
  });
});
