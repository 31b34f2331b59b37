/**
 * @module lists/diff-rows
 * A list comparison as an analyst reads it: one row per record added, removed or changed, with its name,
 * kind, programmes and countries, filtered by programme, country, schema and free text and sorted by name.
 *
 * @example
 * const rows = diffRows(diff, older, newer);
 * filterDiffRows(rows, { programme: 'DPRK3' }).map((r) => r.name); // ['CHI, Yupeng', 'DANDONG TIANFU TRADE CO., LTD.', …]
 */
import { values, type Entity } from '../model/entity.js';
import { COUNTRY_PROPERTIES, NAME_PROPERTIES, schemaLineage, type SchemaName } from '../model/schema.js';
import { foldText } from '../text/normalize.js';
import { NO_PROGRAM, programsOf, type ListDiff } from './diff.js';

export type DiffChange = 'added' | 'removed' | 'changed';

export interface DiffRow {
  id: string;
  change: DiffChange;
  /** The record's primary name (the newer version's, for a changed record). */
  name: string;
  schema: SchemaName;
  /** Its programmes, sorted; a changed record's old and new ones (it is news to the followers of either). */
  programmes: string[];
  /** ISO codes of its nationalities, citizenships, countries, flags and addresses, sorted. */
  countries: string[];
  /** For a changed record, the fields that changed. */
  fields?: string[];
}

export interface DiffFilter {
  /** A programme tag as the list writes it (`DPRK3`); `(none)` for records without one. */
  programme?: string;
  /** ISO 3166-1 alpha-2, upper case. */
  country?: string;
  /** The schema or any of its descendants (Organization takes in Company). */
  schema?: SchemaName;
  /** Words that must all be in the record's names or id, compared folded (case and accents ignored). */
  text?: string;
}

/** Names sort as a reader expects, whatever the runtime's locale: case and accents second. */
const BY_NAME = new Intl.Collator('en', { sensitivity: 'base', numeric: true });

/** The rows of a diff, sorted by name (then id); `older`/`newer` are the two publications' records. */
export function diffRows(diff: ListDiff, older: readonly Entity[], newer: readonly Entity[]): DiffRow[] {
  const olderById = new Map(older.map((e) => [e.id, e] as const));
  const newerById = new Map(newer.map((e) => [e.id, e] as const));
  const rows: DiffRow[] = [
    ...diff.added.map((id) => row(id, 'added', [newerById.get(id)])),
    ...diff.removed.map((id) => row(id, 'removed', [olderById.get(id)])),
    ...diff.changed.map((c) => ({ ...row(c.id, 'changed', [newerById.get(c.id), olderById.get(c.id)]), fields: c.fields })),
  ];
  return rows.sort((a, b) => BY_NAME.compare(a.name, b.name) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}

function row(id: string, change: DiffChange, versions: (Entity | undefined)[]): DiffRow {
  const present = versions.filter((e): e is Entity => e !== undefined);
  if (present.length === 0) throw new Error(`diffRows: record ${id} is in the diff but in neither publication`);
  const [entity] = present;
  const programmes = new Set(present.flatMap((e) => [...programsOf(e)]));
  const countries = new Set(present.flatMap(countriesOf));
  return { id, change, name: entity.caption, schema: entity.schema, programmes: [...programmes].sort(), countries: [...countries].sort() };
}

/** The countries a record is tied to: its country properties and the countries of its addresses and documents. */
function countriesOf(entity: Entity): string[] {
  const out = COUNTRY_PROPERTIES.flatMap((p) => values(entity, p));
  for (const statements of Object.values(entity.properties)) for (const s of statements ?? []) if (s.country) out.push(s.country);
  return out;
}

/** The rows that pass every filter given; with none, all of them. */
export function filterDiffRows(rows: readonly DiffRow[], filter: DiffFilter, namesOf?: (id: string) => readonly string[]): DiffRow[] {
  const words = filter.text ? foldText(filter.text).split(' ').filter(Boolean) : [];
  return rows.filter((r) => {
    if (filter.programme !== undefined && !r.programmes.includes(filter.programme)) return false;
    if (filter.country !== undefined && !r.countries.includes(filter.country)) return false;
    if (filter.schema !== undefined && !schemaLineage(r.schema).includes(filter.schema)) return false;
    if (words.length > 0) {
      const haystack = foldText([r.id, r.name, ...(namesOf?.(r.id) ?? [])].join(' '));
      if (!words.every((w) => haystack.includes(w))) return false;
    }
    return true;
  });
}

/** Every name a record goes by in either publication (primary names, aliases, previous names), for the text filter. */
export function namesOfRecords(...publications: readonly (readonly Entity[])[]): (id: string) => readonly string[] {
  const names = new Map<string, string[]>();
  for (const entities of publications)
    for (const e of entities) {
      const list = names.get(e.id) ?? [];
      for (const p of NAME_PROPERTIES) list.push(...values(e, p));
      names.set(e.id, list);
    }
  return (id) => names.get(id) ?? [];
}

/** What the rows could be filtered by: the programmes, countries and schemata present, each sorted. */
export function diffFacets(rows: readonly DiffRow[]): { programmes: string[]; countries: string[]; schemata: SchemaName[] } {
  const programmes = new Set<string>();
  const countries = new Set<string>();
  const schemata = new Set<SchemaName>();
  for (const r of rows) {
    r.programmes.forEach((p) => programmes.add(p));
    r.countries.forEach((c) => countries.add(c));
    schemata.add(r.schema);
  }
  // The no-programme group last: it is not a programme a reader looks for by name.
  const sortedProgrammes = [...programmes].filter((p) => p !== NO_PROGRAM).sort(BY_NAME.compare);
  if (programmes.has(NO_PROGRAM)) sortedProgrammes.push(NO_PROGRAM);
  return { programmes: sortedProgrammes, countries: [...countries].sort(), schemata: [...schemata].sort() };
}
