/**
 * Parties to screen in the browser tests, taken from the bundled UN consolidated list (2026-02-27) as the
 * list writes them: persons with a primary name of two words or more and an exact birth date, spread
 * over the whole list. Each should alert on its own record; the tests check it does.
 */
import { join } from 'node:path';
import { loadListDirectory } from '@embargo/lists';
import { BUNDLED_DATA } from '../shared-data.js';

export const UN_LIST = 'un-sc/2026-02-27';

export interface ListedPerson {
  id: string;
  name: string;
  birthDate: string;
}

/** `count` persons of the UN list, evenly spread, in list order. */
export async function listedPersons(count: number): Promise<ListedPerson[]> {
  const [publication] = await loadListDirectory(join(BUNDLED_DATA, UN_LIST));
  const persons = publication.entities.flatMap((e): ListedPerson[] => {
    const birth = e.properties.birthDate?.find((d) => /^\d{4}-\d{2}-\d{2}$/.test(d.value) && !d.approximate && !d.until);
    return e.schema === 'Person' && birth && e.caption.trim().split(/\s+/).length >= 2
      ? [{ id: e.id, name: e.caption, birthDate: birth.value }]
      : [];
  });
  if (persons.length < count) throw new Error(`the UN list has ${persons.length} such persons, fewer than ${count}`);
  const step = persons.length / count;
  return Array.from({ length: count }, (_, i) => persons[Math.floor(i * step)]);
}

/** Invented names, which should not alert: the tests check that they do not. */
export const CLEAN_NAMES = ['Evangeline Ashworth-Pemberton', 'Maren Holmqvist', 'Tobiah Wrenfield'];

/** A CSV field, quoted when it holds a comma, a quote or a line break. */
export const csvField = (value: string): string => (/[",\r\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value);
