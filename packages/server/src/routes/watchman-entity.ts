/**
 * @module routes/watchman-entity
 * A listed record in the shape moov-io/watchman's v2 search answers with (`pkg/search/models.go`:
 * `Entity` with `name`, `entityType`, `sourceList`, `sourceID`, one of `person` / `business` /
 * `organization` / `aircraft` / `vessel`, contact, addresses, sanctions info, plus `match`), so a
 * client written against watchman reads Embargo's answers unchanged.
 */
import { isBirthDate, values, type Entity, type ListSource, type SchemaName } from '@embargo/core';

/** watchman's `EntityType` for each schema; an OFAC or UN "entity" is a business to watchman. */
const ENTITY_TYPE: Record<SchemaName, string> = {
  Person: 'person',
  Company: 'business',
  LegalEntity: 'business',
  Organization: 'organization',
  Vessel: 'vessel',
  Airplane: 'aircraft',
};

/** watchman's `SourceList` names for the lists Embargo reads (clients filter on them). */
const SOURCE_LIST: Record<ListSource, string> = {
  'ofac-sdn': 'us_ofac',
  'ofac-cons': 'us_non_sdn',
  'un-sc': 'un_csl',
  'uk-hmt': 'uk_csl',
  'eu-fsf': 'eu_csl',
  'au-dfat': 'au_dfat',
  'ca-sema': 'ca_sema',
};

/** watchman's government id types for the identifier properties that have one. */
const ID_TYPE: Partial<Record<string, string>> = {
  passportNumber: 'passport',
  idNumber: 'national-id',
  taxNumber: 'tax-id',
  registrationNumber: 'business-registration',
};

/** The list's own id: `ofac:21736` → `21736`, `un:KPi.057` → `KPi.057`. */
export function sourceIdOf(entity: Entity): string {
  const colon = entity.id.indexOf(':');
  return colon < 0 ? entity.id : entity.id.slice(colon + 1);
}

function first(entity: Entity, property: Parameters<typeof values>[1]): string {
  return values(entity, property)[0] ?? '';
}

function governmentIds(entity: Entity) {
  return Object.entries(ID_TYPE).flatMap(([property, type]) =>
    (entity.properties[property as keyof Entity['properties']] ?? []).map((s) => ({
      name: s.kind ?? '',
      type,
      country: s.country ?? '',
      identifier: s.value,
    })),
  );
}

/** A date property as watchman's `*time.Time` (RFC 3339), or null when the list gives only a year or month. */
function timeOrNull(value: string | undefined): string | null {
  // A full date that exists: a list's impossible date is no time at all to a watchman client.
  return value && /^\d{4}-\d{2}-\d{2}$/.test(value) && isBirthDate(value) ? `${value}T00:00:00Z` : null;
}

function altNames(entity: Entity): string[] {
  return [...values(entity, 'alias'), ...values(entity, 'weakAlias')];
}

/** The record as a watchman v2 `SearchedEntity`, scored `match` (0–1). */
export function watchmanEntity(entity: Entity, match: number) {
  const type = ENTITY_TYPE[entity.schema];
  const name = entity.caption;
  const common = { name, altNames: altNames(entity) };
  return {
    name,
    entityType: type,
    sourceList: SOURCE_LIST[entity.source],
    sourceID: sourceIdOf(entity),
    person:
      type === 'person'
        ? {
            ...common,
            gender: first(entity, 'gender') || 'unknown',
            birthDate: timeOrNull(first(entity, 'birthDate')),
            placeOfBirth: first(entity, 'birthPlace'),
            deathDate: timeOrNull(first(entity, 'deathDate')),
            titles: values(entity, 'title'),
            governmentIDs: governmentIds(entity),
          }
        : null,
    business:
      type === 'business'
        ? { ...common, created: timeOrNull(first(entity, 'incorporationDate')), dissolved: null, governmentIDs: governmentIds(entity) }
        : null,
    organization:
      type === 'organization'
        ? { ...common, created: timeOrNull(first(entity, 'incorporationDate')), dissolved: null, governmentIDs: governmentIds(entity) }
        : null,
    aircraft:
      type === 'aircraft'
        ? {
            ...common,
            type: 'unknown',
            flag: first(entity, 'flag'),
            built: null,
            icaoCode: '',
            model: first(entity, 'model'),
            serialNumber: first(entity, 'serialNumber'),
          }
        : null,
    vessel:
      type === 'vessel'
        ? {
            ...common,
            imoNumber: first(entity, 'imoNumber'),
            type: first(entity, 'vesselType') || 'unknown',
            flag: first(entity, 'flag'),
            built: null,
            model: '',
            tonnage: Number(first(entity, 'tonnage')) || 0,
            mmsi: first(entity, 'mmsi'),
            callSign: first(entity, 'callSign'),
            grossRegisteredTonnage: Number(first(entity, 'grossRegisteredTonnage')) || 0,
            owner: first(entity, 'owner'),
          }
        : null,
    contact: {
      emailAddresses: values(entity, 'email'),
      phoneNumbers: values(entity, 'phone'),
      faxNumbers: [],
      websites: values(entity, 'website'),
    },
    // Embargo keeps an address as one line; watchman's clients show line1 when the parts are empty.
    addresses: (entity.properties.address ?? []).map((s) => ({
      line1: s.value,
      line2: '',
      city: '',
      postalCode: '',
      state: '',
      country: s.country ?? '',
      latitude: 0,
      longitude: 0,
    })),
    cryptoAddresses: [],
    affiliations: [],
    sanctionsInfo: { programs: values(entity, 'program'), secondary: false, description: values(entity, 'sanctionsNote').join('; ') },
    historicalInfo: values(entity, 'previousName').map((value) => ({ type: 'Former Name', value })),
    sourceData: null,
    match,
  };
}
