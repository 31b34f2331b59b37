/**
 * @module model/schema
 * The schemata and properties of listed entities, as data. Names follow FollowTheMoney
 * (https://followthemoney.tech) so that exports and API users speak the vocabulary the field knows.
 */

/** The kinds of thing a sanctions list designates. */
export const SCHEMATA = {
  LegalEntity: { parent: null, label: 'Legal entity' },
  Person: { parent: 'LegalEntity', label: 'Person' },
  Organization: { parent: 'LegalEntity', label: 'Organization' },
  Company: { parent: 'Organization', label: 'Company' },
  Vessel: { parent: null, label: 'Vessel' },
  Airplane: { parent: null, label: 'Airplane' },
} as const;

export type SchemaName = keyof typeof SCHEMATA;

export function isSchemaName(value: string): value is SchemaName {
  return Object.prototype.hasOwnProperty.call(SCHEMATA, value);
}

/** The schema and all its ancestors, most specific first: Company → [Company, Organization, LegalEntity]. */
export function schemaLineage(schema: SchemaName): SchemaName[] {
  const lineage: SchemaName[] = [];
  for (let s: SchemaName | null = schema; s; s = SCHEMATA[s].parent) lineage.push(s);
  return lineage;
}

/**
 * Whether a query of one schema may match a listed entity of another: one must be an ancestor of the
 * other (a LegalEntity query can be a Person or a Company; a Person is never a Vessel).
 */
export function schemataCompatible(a: SchemaName, b: SchemaName): boolean {
  return schemaLineage(a).includes(b) || schemaLineage(b).includes(a);
}

/** Property names, as FollowTheMoney spells them. */
export const PROPERTIES = [
  'name',
  'alias',
  'weakAlias',
  'previousName',
  'birthDate',
  'birthPlace',
  'deathDate',
  'nationality',
  'citizenship',
  'country',
  'jurisdiction',
  'address',
  'gender',
  'title',
  'position',
  'passportNumber',
  'idNumber',
  'registrationNumber',
  'imoNumber',
  'mmsi',
  'callSign',
  'flag',
  'vesselType',
  'tonnage',
  'grossRegisteredTonnage',
  'owner',
  'swiftBic',
  'taxNumber',
  'website',
  'email',
  'phone',
  'incorporationDate',
  'program',
  'authority',
  'listingDate',
  'modifiedAt',
  'notes',
  'sanctionsNote',
  'model',
  'serialNumber',
  'registrationCountry',
  /** The UN Security Council's reference number of the same designation ("QDi.006"), where another list states it. */
  'unscId',
] as const;

export type PropertyName = (typeof PROPERTIES)[number];

/** Properties whose values are names of the entity, strongest first. */
export const NAME_PROPERTIES = ['name', 'alias', 'previousName', 'weakAlias'] as const satisfies readonly PropertyName[];
export type NameProperty = (typeof NAME_PROPERTIES)[number];

/** Properties whose values identify an entity by a document or registry number. */
export const IDENTIFIER_PROPERTIES = [
  'passportNumber',
  'idNumber',
  'registrationNumber',
  'imoNumber',
  'mmsi',
  'swiftBic',
  'taxNumber',
  'callSign',
  'serialNumber',
] as const satisfies readonly PropertyName[];
export type IdentifierProperty = (typeof IDENTIFIER_PROPERTIES)[number];

/** Properties whose values are ISO 3166-1 alpha-2 codes (lower case is never used). */
export const COUNTRY_PROPERTIES = [
  'nationality',
  'citizenship',
  'country',
  'jurisdiction',
  'flag',
  'registrationCountry',
] as const satisfies readonly PropertyName[];
