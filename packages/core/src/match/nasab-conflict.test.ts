/**
 * An Arabic name's nasab names the father (and forefathers) after bin, ibn, ben or ould: NOUREDDINE BEN
 * MOHAMED BEN BELKASSEM is not NOUREDDINE BEN ALI BEN BELKASSEM. On the bundled SDN list of 2023-12-28:
 * each listed person's name with a nasab, every name of whose record gives that father, is screened with
 * the father replaced by another listed person's father (a generated negative, which must not alert on
 * the record), and with the father spelled another way (which must still alert).
 */
import { beforeAll, describe, expect, it } from 'vitest';
import type { Entity } from '../model/entity.js';
import { consonantSkeleton } from '../text/equivalences.js';
import { NASAB_PARTICLES } from '../text/name-words.js';
import { nameTokens } from '../text/normalize.js';
import { ScreeningEngine } from './engine.js';
import { bundledSdnEntities, namesOf } from '../../../../test/bundled-sdn.js';

describe("a father's name after bin or ben, on the bundled OFAC SDN list", () => {
  let engine: ScreeningEngine;
  let cases: { record: Entity; name: string; father: string }[];

  beforeAll(async () => {
    const entities = await bundledSdnEntities();
    engine = new ScreeningEngine(entities);
    cases = [];
    for (const e of entities) {
      if (e.schema !== 'Person') continue;
      for (const name of namesOf(e)) {
        const words = nameTokens(name);
        const at = words.findIndex((w, i) => i > 0 && NASAB_PARTICLES.has(w) && i + 1 < words.length);
        if (at < 0) continue;
        const father = words[at + 1];
        if (father.length < 3 || NASAB_PARTICLES.has(father)) continue;
        if (!namesOf(e).every((n) => nameTokens(n).includes(father))) continue;
        cases.push({ record: e, name, father });
        break;
      }
    }
  }, 120_000);

  /** The name with the word after its nasab particle replaced. */
  const withFather = (name: string, father: string, other: string) =>
    name.replace(
      new RegExp(`\\b(${[...NASAB_PARTICLES].join('|')})\\s+${father}\\b`, 'i'),
      (_, particle: string) => `${particle} ${other}`,
    );

  it('NOUREDDINE BEN MOHAMED is not the listed DRISSI, Noureddine Ben Ali', () => {
    const drissi = (name: string) =>
      engine.screen({ name, schema: 'Person' }).find((m) => m.entity.caption.startsWith('DRISSI, Noureddine'));
    expect(drissi('NOUREDDINE BEN ALI BEN BELKASSEM AL-DRISSI')?.alert).toBe(true);
    const other = drissi('NOUREDDINE BEN MOHAMED BEN BELKASSEM AL-DRISSI');
    expect(other?.alert).toBe(false);
    expect(other?.explanation.scorers.map((s) => s.name)).toContain('nasabConflict');
  });

  it("does not alert on the person for a name with another person's father", () => {
    expect(cases.length).toBeGreaterThan(10);
    const fathers = [...new Set(cases.map((c) => c.father))];
    const wrong: string[] = [];
    for (const { record, name, father } of cases) {
      // Another father's name, not a spelling of this one (another consonant skeleton), nowhere in the record's names.
      const other = fathers.find(
        (f) => consonantSkeleton(f) !== consonantSkeleton(father) && !namesOf(record).some((n) => nameTokens(n).includes(f)),
      )!;
      const query = withFather(name, father, other.toUpperCase());
      if (engine.screen({ name: query, schema: 'Person' }).some((m) => m.alert && m.id === record.id))
        wrong.push(`${query} → ${record.caption}`);
    }
    expect(wrong).toEqual([]);
  });

  it('still alerts with the father spelled with other vowels', () => {
    const respelled = (w: string) => w.replace(/ou/g, 'u').replace(/[ei](?=[^aeiou]*$)/, (v) => (v === 'e' ? 'i' : 'e'));
    const missed: string[] = [];
    for (const { record, name, father } of cases) {
      if (father.length < 5 || respelled(father) === father) continue;
      const query = withFather(name, father, respelled(father).toUpperCase());
      if (!engine.screen({ name: query, schema: 'Person' }).some((m) => m.alert && m.id === record.id))
        missed.push(`${query} → ${record.caption}`);
    }
    expect(missed.length).toBeLessThanOrEqual(cases.length * 0.05);
  });
});
