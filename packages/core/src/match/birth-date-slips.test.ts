/**
 * A mistyped birth date never hides an exact listed name (issue 13 point 1), on the real SDN list bundled
 * in data/: for persons listed with a full birth date whose exact name alerts, the name with that date
 * mistyped in any one way (fast-check draws the error) still alerts on them, with the slip explained; a
 * clearly different date still conflicts.
 */
import fc from 'fast-check';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { detectPublications, parsePublication } from '@embargo/lists';
import { values } from '../model/entity.js';
import { isBirthDate } from '../model/party-input.js';
import { ScreeningEngine } from './engine.js';
import { BUNDLED_DATA } from '../../../../test/shared-data.js';

/** One typing error in an ISO date, drawn by fast-check: the date it gives, or null where it gives none. */
function mistype(date: string, kind: number, position: number, digit: number): string | null {
  const digits = date.replace(/-/g, '');
  const asDate = (d: string) => `${d.slice(0, 4)}-${d.slice(4, 6)}-${d.slice(6, 8)}`;
  let typed: string;
  if (kind === 0) typed = `${Number(date.slice(0, 4)) + (digit % 2 === 0 ? 1 : -1)}${date.slice(4)}`;
  else if (kind === 1) typed = `${date.slice(0, 4)}-${date.slice(8, 10)}-${date.slice(5, 7)}`;
  else if (kind === 2) {
    const i = position % (digits.length - 1);
    typed = asDate(digits.slice(0, i) + digits[i + 1] + digits[i] + digits.slice(i + 2));
  } else typed = asDate(digits.slice(0, position % digits.length) + String(digit) + digits.slice((position % digits.length) + 1));
  return typed !== date && isBirthDate(typed) ? typed : null;
}

describe('a mistyped birth date on the bundled SDN list', () => {
  let engine: ScreeningEngine;
  const persons: { id: string; name: string; birthDate: string }[] = [];

  beforeAll(async () => {
    const { publications } = await detectPublications(join(BUNDLED_DATA, 'ofac-sdn', '2023-12-28'));
    const entities = (await parsePublication(publications[0])).entities;
    engine = new ScreeningEngine(entities);
    // Every 40th person with one full birth date (not a range or a circa date) and a name of two words or more, whose name alone alerts.
    const candidates = entities.filter((e) => {
      const dates = e.properties.birthDate ?? [];
      return (
        e.schema === 'Person' &&
        dates.length === 1 &&
        /^\d{4}-\d{2}-\d{2}$/.test(dates[0].value) &&
        !dates[0].approximate &&
        !dates[0].until
      );
    });
    for (const [i, e] of candidates.entries()) {
      if (i % 40 !== 0) continue;
      const name = values(e, 'name')[0];
      if (!name || name.split(/[ ,]+/).length < 2) continue;
      const [top] = engine.screen({ name, schema: 'Person' });
      if (top?.id === e.id && top.alert) persons.push({ id: e.id, name, birthDate: e.properties.birthDate![0].value });
    }
  }, 120_000);

  it('has persons to try', () => expect(persons.length).toBeGreaterThan(50));

  it('still alerts on the exact name, and says what kind of slip the date is', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: persons.length - 1 }),
        fc.integer({ min: 0, max: 3 }),
        fc.nat(),
        fc.integer({ min: 0, max: 9 }),
        (which, kind, position, digit) => {
          const person = persons[which];
          const typed = mistype(person.birthDate, kind, position, digit);
          fc.pre(typed !== null);
          const match = engine.screen({ name: person.name, schema: 'Person', birthDate: typed! }).find((m) => m.id === person.id);
          expect(match?.alert, `${person.name} born ${typed} (listed ${person.birthDate}): ${match?.explanation.summary}`).toBe(true);
          const scorers = match!.explanation.scorers.map((s) => s.name);
          expect(scorers).not.toContain('birthDateConflict');
          expect(scorers.some((s) => s === 'birthDateSlip' || s === 'birthDateAgreement')).toBe(true);
        },
      ),
      { numRuns: 300, seed: 20261206 },
    );
  });

  it('still conflicts on a clearly different date (day, month and year all different)', () => {
    let conflicts = 0;
    for (const person of persons) {
      const [y, m, d] = person.birthDate.split('-').map(Number);
      const other = `${y - 7}-${String(((m + 5) % 12) + 1).padStart(2, '0')}-${String(((d + 10) % 28) + 1).padStart(2, '0')}`;
      const match = engine
        .screen({ name: person.name, schema: 'Person', birthDate: other }, { minScore: 0 })
        .find((x) => x.id === person.id);
      if (match?.explanation.scorers.some((s) => s.name === 'birthDateConflict')) conflicts++;
    }
    expect(conflicts).toBe(persons.length);
  });
});
