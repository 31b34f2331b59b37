/**
 * A firm's name with a country or Chinese place in it (VTB BANK ARMENIA, BOWNE GLOBAL SOLUTIONS (FRANCE)) names a
 * branch or subsidiary: the same name with another country is another firm. On the bundled SDN list of
 * 2023-12-28: each listed firm's name with one place word, every name of whose record gives that place, is
 * screened with the place replaced by a country far from it in spelling (a generated negative, which must
 * not alert on the record), and with the place mistyped or left out (which the rule must not take for
 * another place).
 */
import { beforeAll, describe, expect, it } from 'vitest';
import type { Entity } from '../model/entity.js';
import { nameTokens } from '../text/normalize.js';
import { ScreeningEngine } from './engine.js';
import { isPlaceWord } from './name-form.js';
import { editDistance } from './token-similarity.js';
import { bundledSdnEntities, namesOf } from '../../../../test/bundled-sdn.js';

const OTHER_COUNTRIES = ['PORTUGAL', 'MONGOLIA', 'ECUADOR', 'NORWAY'];

describe('another country in a firm name, on the bundled OFAC SDN list', () => {
  let engine: ScreeningEngine;
  let cases: { record: Entity; name: string; place: string }[];

  beforeAll(async () => {
    const entities = await bundledSdnEntities();
    engine = new ScreeningEngine(entities);
    cases = [];
    for (const e of entities) {
      if (e.schema === 'Person' || e.schema === 'Vessel' || e.schema === 'Airplane') continue;
      for (const name of namesOf(e)) {
        const words = nameTokens(name);
        const places = words.filter(isPlaceWord);
        if (places.length !== 1 || words.length < 3) continue;
        if (!namesOf(e).every((n) => nameTokens(n).includes(places[0]))) continue;
        cases.push({ record: e, name, place: places[0] });
        break;
      }
    }
  }, 120_000);

  const withPlace = (name: string, place: string, other: string) => name.replace(new RegExp(`\\b${place}\\b`, 'i'), other);
  const alerts = (name: string, record: Entity) =>
    engine.screen({ name, schema: 'Organization' }).some((m) => m.alert && m.id === record.id);

  it('VTB BANK ARMENIA alerts on VTB Bank Armenia and not on its sisters in Georgia or Belarus', () => {
    const alerting = engine
      .screen({ name: 'VTB BANK ARMENIA', schema: 'Organization' })
      .filter((m) => m.alert)
      .map((m) => m.entity.caption);
    expect(alerting.some((c) => /ARMENIA/.test(c))).toBe(true);
    expect(alerting.filter((c) => /GEORGIA|BELARUS|KAZAKHSTAN/.test(c))).toEqual([]);
  });

  it("takes a place both names give as the name's own: ISIL - YEMEN is not ISIL - LIBYA, though both say IRAQ", () => {
    const alerting = engine
      .screen({ name: 'ISLAMIC STATE IN IRAQ AND THE LEVANT - YEMEN', schema: 'Organization' })
      .filter((m) => m.alert)
      .map((m) => m.entity.caption);
    expect(alerting).toContain('ISIL-YEMEN');
    expect(alerting.filter((c) => /LIBYA/.test(c))).toEqual([]);
  });

  it('does not alert on a firm for its name with another country', () => {
    expect(cases.length).toBeGreaterThan(50);
    const wrong: string[] = [];
    for (const { record, name, place } of cases) {
      const other = OTHER_COUNTRIES.find(
        (c) => editDistance(c.toLowerCase(), place) > 2 && !namesOf(record).some((n) => n.toUpperCase().includes(c)),
      )!;
      const query = withPlace(name, place, other);
      if (alerts(query, record)) wrong.push(`${query} → ${record.caption}`);
    }
    expect(wrong).toEqual([]);
  });

  it('never takes a mistyped place, or the place left out, for another place', () => {
    const conflicted: string[] = [];
    const conflict = (name: string, record: Entity) =>
      engine
        .screen({ name, schema: 'Organization' }, { limit: 50, minScore: 0 })
        .find((m) => m.id === record.id)
        ?.explanation.scorers.some((s) => s.name === 'placeConflict');
    for (const { record, name, place } of cases) {
      const mistyped = withPlace(name, place, (place.slice(0, -1) + (place.endsWith('a') ? 'o' : 'a')).toUpperCase());
      const without = withPlace(name, place, '').replace(/\s+/g, ' ').trim();
      for (const query of [mistyped, without]) if (conflict(query, record)) conflicted.push(`${query} → ${record.caption}`);
    }
    expect(conflicted).toEqual([]);
  });
});
