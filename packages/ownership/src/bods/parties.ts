/**
 * @module bods/parties
 * BODS entity and person records as graph nodes: name, schema, countries (jurisdiction, nationalities,
 * tax residencies, addresses), identifiers (LEI, company register, tax and passport numbers, with the
 * org-id scheme the file gives), birth date; anonymous and unknown parties marked `unspecified`.
 */
import { countryCode, type GraphNode, type GraphSource } from '@embargo/core';
import type { FieldReader, Json } from '../fields.js';
import { datePrefixProblem } from '../dates.js';
import { ENTITY_TYPES, PERSON_TYPES, UNSPECIFIED_REASONS, type EntityType } from './codes.js';

/** The node id of a BODS record: its recordId, which the publisher keeps across statements. */
export function bodsNodeId(recordId: string): string {
  return `bods:${recordId}`;
}

/**
 * FollowTheMoney schema per entity type. An arrangement (a trust, a nomination, a joint holding) has no
 * schema of its own there; LegalEntity is the one that does not claim it is a company or a person.
 */
const ENTITY_SCHEMA: Record<EntityType, string> = {
  registeredEntity: 'Company',
  legalEntity: 'Organization',
  arrangement: 'LegalEntity',
  anonymousEntity: 'LegalEntity',
  unknownEntity: 'LegalEntity',
  state: 'PublicBody',
  stateBody: 'PublicBody',
};

export interface BodsParty {
  node: GraphNode;
  /** For entities: the entity type (a relationship's subject must be an entity; an arrangement holds jointly). */
  entityType?: EntityType;
}

export function entityNode(recordId: string, details: Json, fields: FieldReader, source: GraphSource): BodsParty | undefined {
  fields.boolean(details, 'isComponent', 'recordDetails.isComponent', true);
  const entityType = fields.object(details, 'entityType', 'recordDetails.entityType', true);
  const type = entityType && fields.code(entityType, 'type', 'recordDetails.entityType.type', ENTITY_TYPES, true);
  const name = fields.string(details, 'name', 'recordDetails.name');
  const jurisdiction = fields.object(details, 'jurisdiction', 'recordDetails.jurisdiction');
  const countries = new Set<string>();
  if (jurisdiction) addCountry(countries, jurisdiction, 'recordDetails.jurisdiction', fields);
  addressCountries(countries, details, fields);
  const identifiers = readIdentifiers(details, fields);
  const unspecified =
    type === 'anonymousEntity' || type === 'unknownEntity' ? unspecifiedOf(details, 'unspecifiedEntityDetails', type, fields) : undefined;
  if (!type) return undefined;
  const node: GraphNode = {
    id: bodsNodeId(recordId),
    name: name ?? (unspecified ? (type === 'anonymousEntity' ? 'Anonymous entity' : 'Unknown entity') : ''),
    schema: ENTITY_SCHEMA[type],
    ...(countries.size ? { countries: [...countries] } : {}),
    ...(identifiers.length ? { identifiers } : {}),
    ...(unspecified ? { unspecified } : {}),
    source,
  };
  return { node, entityType: type };
}

export function personNode(recordId: string, details: Json, fields: FieldReader, source: GraphSource): BodsParty | undefined {
  fields.boolean(details, 'isComponent', 'recordDetails.isComponent', true);
  const personType = fields.code(details, 'personType', 'recordDetails.personType', PERSON_TYPES, true);
  const names = fields.objects(details, 'names', 'recordDetails.names');
  const fullNames = names.map((n, i) => ({
    type: n.type,
    fullName: fields.string(n, 'fullName', `recordDetails.names[${i}].fullName`, true),
  }));
  // The legal name is the one official documents carry, so the one lists are likeliest to hold.
  const name = (fullNames.find((n) => n.type === 'legal') ?? fullNames[0])?.fullName;
  const countries = new Set<string>();
  for (const key of ['nationalities', 'taxResidencies'])
    fields.objects(details, key, `recordDetails.${key}`).forEach((c, i) => addCountry(countries, c, `recordDetails.${key}[${i}]`, fields));
  addressCountries(countries, details, fields);
  const birthDate = fields.date(details, 'birthDate', 'recordDetails.birthDate', datePrefixProblem);
  const identifiers = readIdentifiers(details, fields);
  const unspecified =
    personType && personType !== 'knownPerson' ? unspecifiedOf(details, 'unspecifiedPersonDetails', personType, fields) : undefined;
  if (!personType) return undefined;
  if (!name && !unspecified) {
    fields.fail('recordDetails.names', 'a known person needs a name');
    return undefined;
  }
  const node: GraphNode = {
    id: bodsNodeId(recordId),
    name: name ?? (personType === 'anonymousPerson' ? 'Anonymous person' : 'Unknown person'),
    schema: 'Person',
    ...(countries.size ? { countries: [...countries] } : {}),
    ...(identifiers.length ? { identifiers } : {}),
    ...(birthDate ? { birthDate } : {}),
    ...(unspecified ? { unspecified } : {}),
    source,
  };
  return { node };
}

/**
 * A node for a party a relationship does not name (an `UnspecifiedRecord` as subject or interested
 * party): one per relationship and role, since two undisclosed owners need not be the same party.
 */
export function unspecifiedNode(
  recordId: string,
  role: 'subject' | 'interestedParty',
  record: Json,
  fields: FieldReader,
  source: GraphSource,
): GraphNode | undefined {
  const path = `recordDetails.${role}`;
  const reason = fields.code(record, 'reason', `${path}.reason`, UNSPECIFIED_REASONS, true);
  const description = fields.string(record, 'description', `${path}.description`);
  if (!reason) return undefined;
  return {
    id: `${bodsNodeId(recordId)}/${role}`,
    name: role === 'subject' ? 'Unspecified subject' : 'Unspecified interested party',
    schema: 'LegalEntity',
    unspecified: { reason, ...(description ? { description } : {}) },
    source,
  };
}

function unspecifiedOf(details: Json, key: string, type: string, fields: FieldReader): GraphNode['unspecified'] {
  const about = fields.object(details, key, `recordDetails.${key}`);
  const reason = about ? fields.code(about, 'reason', `recordDetails.${key}.reason`, UNSPECIFIED_REASONS, true) : undefined;
  const description = about ? fields.string(about, 'description', `recordDetails.${key}.description`) : undefined;
  return { reason: reason ?? type, ...(description ? { description } : {}) };
}

/** Identifiers with an id, each under its org-id `scheme` (GB-COH, XI-LEI), else its `schemeName`. */
function readIdentifiers(details: Json, fields: FieldReader): { scheme: string; value: string }[] {
  return fields.objects(details, 'identifiers', 'recordDetails.identifiers').flatMap((identifier, i) => {
    const path = `recordDetails.identifiers[${i}]`;
    const value = fields.string(identifier, 'id', `${path}.id`);
    const scheme = fields.string(identifier, 'scheme', `${path}.scheme`) ?? fields.string(identifier, 'schemeName', `${path}.schemeName`);
    if (scheme === undefined) return fields.fail(path, 'needs a scheme or a schemeName') ?? [];
    return value ? [{ scheme, value }] : [];
  });
}

/**
 * A BODS Country or Jurisdiction: the code where given (a subdivision code such as US-DE counts as its
 * country), else the name; one that is neither an ISO code nor a known country name is a problem.
 */
function addCountry(countries: Set<string>, place: Json, path: string, fields: FieldReader): void {
  const code = fields.string(place, 'code', `${path}.code`);
  const name = fields.string(place, 'name', `${path}.name`, true);
  const country = code !== undefined ? countryCode(code.slice(0, 2)) : countryCode(name);
  if (country) countries.add(country);
  else if (code !== undefined) fields.fail(`${path}.code`, `"${code}" is not an ISO 3166 country or subdivision code`);
}

function addressCountries(countries: Set<string>, details: Json, fields: FieldReader): void {
  fields.objects(details, 'addresses', 'recordDetails.addresses').forEach((address, i) => {
    const country = fields.object(address, 'country', `recordDetails.addresses[${i}].country`);
    if (country) addCountry(countries, country, `recordDetails.addresses[${i}].country`, fields);
  });
}
