/**
 * @module model/entity
 * The normalised entity every list format is mapped into, and the publication that carries them.
 * Each value is a statement that keeps the list's own words (`original`) beside the cleaned value,
 * as FollowTheMoney statements do: `{ value: '1962-03', original: 'circa Mar 1962', approximate: true }`.
 */
import type { PropertyName, SchemaName } from './schema.js';

/** The official sources Embargo reads. */
export const LIST_SOURCES = ['ofac-sdn', 'ofac-cons', 'un-sc', 'uk-hmt', 'eu-fsf', 'au-dfat', 'ca-sema'] as const;
export type ListSource = (typeof LIST_SOURCES)[number];

/**
 * The prefix of record ids per source: `ofac:<ent_num>`, `un:<REFERENCE_NUMBER>`, `uk:<group id>`,
 * `eu:<logicalId>`, `au:<reference number>`, `ca:<schedule item>`.
 */
export const SOURCE_ID_PREFIX: Record<ListSource, string> = {
  'ofac-sdn': 'ofac',
  'ofac-cons': 'ofac',
  'un-sc': 'un',
  'uk-hmt': 'uk',
  'eu-fsf': 'eu',
  'au-dfat': 'au',
  'ca-sema': 'ca',
};

/** One value of one property, with the list's own words and qualifiers. */
export interface Statement {
  /** The cleaned value: a name, an ISO date prefix (YYYY, YYYY-MM, YYYY-MM-DD), an ISO country code, a number. */
  value: string;
  /** The list's own text where it differs from `value`. */
  original?: string;
  /** ISO 3166-1 alpha-2 code of the issuing or related country (passports, ids, addresses). */
  country?: string;
  /** For dates: the value is approximate ("circa"). */
  approximate?: boolean;
  /** For date ranges ("1960 to 1962"): the value is the start and this the end, both ISO prefixes. */
  until?: string;
  /** For names: ISO 15924 script code when not Latin (`Hang`, `Cyrl`, `Arab`, `Hani`). */
  script?: string;
  /** For names: the name's parts where the list gives them separately. */
  parts?: NameParts;
  /** For names: the list marks it low quality (OFAC weak a.k.a., UN quality Low). */
  weak?: boolean;
  /** For identifiers: the kind of document as the list writes it ("National ID No.", "Passport"). */
  kind?: string;
  /** Free remark attached to the value by the list ("issued 2010", "expires 2020"). */
  note?: string;
}

export interface NameParts {
  given?: string;
  middle?: string;
  family?: string;
  patronymic?: string;
  /** The UN's FIRST_NAME … FOURTH_NAME fields, in list order, when their roles are unknown. */
  ordered?: string[];
}

export type Properties = Partial<Record<PropertyName, Statement[]>>;

/** A listed person, organisation, vessel or aircraft. */
export interface Entity {
  /** Globally unique: `ofac:22603`, `un:KPi.057`, `uk:12345`. */
  id: string;
  source: ListSource;
  schema: SchemaName;
  /** The primary name as the list writes it. */
  caption: string;
  properties: Properties;
}

/** A relationship between two listed records (ownership, linked-to, acting for). */
export interface Relationship {
  from: string;
  to: string;
  /** Normalised kind: `ownedBy`, `owns`, `actingFor`, `linkedTo`, `associate`, `family`. */
  kind: RelationshipKind;
  /** The list's own words ("Owned or Controlled By", "Linked To: ..."). */
  sourceText: string;
}

export type RelationshipKind = 'ownedBy' | 'owns' | 'actingFor' | 'linkedTo' | 'associate' | 'family' | 'other';

/** A problem with one record that did not stop the list from loading. */
export interface RecordIssue {
  file: string;
  line?: number;
  recordId?: string;
  field?: string;
  raw?: string;
  message: string;
}

/** One file of a publication as it was read. */
export interface PublicationFile {
  /** Path relative to the loaded directory. */
  path: string;
  sha256: string;
  bytes: number;
  format: string;
}

/** Everything one source published at one time, parsed. */
export interface ListPublication {
  source: ListSource;
  /** Publication date (YYYY-MM-DD) when the files state it or it is known; otherwise null. */
  published: string | null;
  files: PublicationFile[];
  entities: Entity[];
  relationships: Relationship[];
  issues: RecordIssue[];
}

/** Add a statement to an entity's property, skipping exact duplicates. */
export function addStatement(entity: Entity, property: PropertyName, statement: Statement | string): void {
  const st: Statement = typeof statement === 'string' ? { value: statement } : statement;
  if (!st.value) return;
  const list = (entity.properties[property] ??= []);
  if (list.some((s) => s.value === st.value && s.country === st.country && s.until === st.until)) return;
  list.push(st);
}

/** All values of a property (empty when absent). */
export function values(entity: Entity, property: PropertyName): string[] {
  return (entity.properties[property] ?? []).map((s) => s.value);
}

/** Count entities by schema: `{ Person: 6646, Organization: 6033, … }`. */
export function countBySchema(entities: readonly Entity[]): Partial<Record<SchemaName, number>> {
  const counts: Partial<Record<SchemaName, number>> = {};
  for (const e of entities) counts[e.schema] = (counts[e.schema] ?? 0) + 1;
  return counts;
}
