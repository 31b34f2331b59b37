/**
 * An Arabic name's nasab names the father after bin, ibn or ben: "SALMAN BIN MUHAMMAD" is the son of a
 * Muhammad, "MUHAMMAD BIN SALMAN" the son of a Salman. The same words with the person and the father
 * swapped name another person, and never alert.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import type { Entity } from '../model/entity.js';
import { ScreeningEngine } from './engine.js';
import { HONORIFICS, NAME_PARTICLES, NASAB_PARTICLES } from '../text/name-words.js';
import { bundledSdnEntities, withoutAliases } from '../../../../test/bundled-sdn.js';
import { listedPerson } from '../../../../test/hand-made.js';

/**
 * The name's words with the person's own name (the word before the first bin) and the father's (the word
 * after) swapped; undefined where they are not two plain names.
 */
function fatherAndSonSwapped(words: string[]): string[] | undefined {
  const at = words.findIndex((w, i) => i > 0 && NASAB_PARTICLES.has(w.toLowerCase()) && i + 1 < words.length);
  if (at < 0) return undefined;
  // Plain names only, each written once: not a particle, an article ('Abd al-Rahman) or a title (Cheikh), not a name the nasab repeats.
  const plain = (w: string) =>
    /^[A-Za-z]{3,}$/.test(w) &&
    !NAME_PARTICLES.has(w.toLowerCase()) &&
    !HONORIFICS.has(w.toLowerCase()) &&
    words.filter((o) => o.toLowerCase() === w.toLowerCase()).length === 1;
  if (!plain(words[at - 1]) || !plain(words[at + 1])) return undefined;
  const swapped = [...words];
  [swapped[at - 1], swapped[at + 1]] = [words[at + 1], words[at - 1]];
  return swapped;
}

describe('father and son the other way round, on the bundled OFAC SDN list', () => {
  let engine: ScreeningEngine;
  let persons: { entity: Entity; written: string; swapped: string }[];

  beforeAll(async () => {
    const entities = (await bundledSdnEntities()).map(withoutAliases);
    engine = new ScreeningEngine(entities);
    persons = entities.flatMap((entity) => {
      if (entity.schema !== 'Person') return [];
      // "FAMILY, Given bin Father" is written "Given bin Father FAMILY".
      const [family, given] = entity.caption.split(', ', 2);
      const words = (given === undefined ? family : `${given} ${family}`).split(/\s+/);
      const swapped = fatherAndSonSwapped(words);
      return swapped ? [{ entity, written: words.join(' '), swapped: swapped.join(' ') }] : [];
    });
  }, 120_000);

  it('finds each such person as written, and not with the person and the father swapped', () => {
    expect(persons.length).toBeGreaterThan(40);
    const alerts = (name: string, entity: Entity) =>
      engine.screen({ name, schema: 'Person' }, { limit: 20 }).find((m) => m.id === entity.id)?.alert ?? false;
    const missed = persons.filter((p) => !alerts(p.written, p.entity)).map((p) => p.written);
    const swappedAlerts = persons.filter((p) => alerts(p.swapped, p.entity)).map((p) => `${p.swapped} (listed ${p.entity.caption})`);
    expect(missed).toEqual([]);
    expect(swappedAlerts).toEqual([]);
  });

  it('says so in the explanation', () => {
    const [match] = new ScreeningEngine([listedPerson('rawi', 'MUHAMMAD BIN SALMAN AL-RAWI')]).screen({
      name: 'Salman bin Muhammad al-Rawi',
      schema: 'Person',
    });
    expect(match.alert).toBe(false);
    expect(match.explanation.summary).toMatch(/father and son the other way round/);
  });
});
