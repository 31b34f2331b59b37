/**
 * @module formats/ofac-xml/features
 * The "features" of the advanced and enhanced files (FeatureType "Birthdate", "Place of Birth", "Location",
 * "Vessel Flag", "Website", "Secondary sanctions risk:" …) mapped to properties. Features with a structure of
 * their own (a date period, a country, a location) are read here; the rest are written as the CSV remark
 * item "<type> <value>" and read with the remark rules, as the legacy XML's idList is.
 */
import { addStatement, type Entity, type PropertyName, type RecordIssue, type SchemaName } from '@embargo/core';
import { parseOfacDate, yearIn } from '../ofac-common/dates.js';
import type { RemarksContext } from '../ofac-common/remarks.js';
import { addOfacAddress, type AddressPart } from './addresses.js';
import { countryOf, type CountryWords } from './country-ref.js';
import { dateRangeStatement, type DateRange } from './date-range.js';

/** One value of one feature, as the advanced or enhanced file gives it. */
export interface OfacFeature {
  /** OFAC's feature type words: "Birthdate", "Nationality Country", "SWIFT/BIC". */
  type: string;
  /** The value as written (TEXT and LOOKUP features; the enhanced file writes one for every feature). */
  text?: string;
  /** DATE features: the period the date falls in. */
  date?: DateRange;
  /** COUNTRY features, and the country of a LOCATION. */
  country?: CountryWords;
  /** LOCATION features: the address parts. */
  addressParts?: AddressPart[];
}

type FeatureReader = (entity: Entity, feature: OfacFeature, ctx: RemarksContext, issues: RecordIssue[]) => void;

const date =
  (property: PropertyName): FeatureReader =>
  (entity, f, ctx, issues) => {
    if (f.date) return addStatement(entity, property, dateRangeStatement(f.date, f.text));
    // No period given: read the text as OFAC prints dates ("14 Oct 1963"), keeping at least the year.
    const parsed = f.text ? parseOfacDate(f.text) : undefined;
    if (parsed) return addStatement(entity, property, { ...parsed, ...(parsed.value !== f.text ? { original: f.text } : {}) });
    const { file, line, recordId } = ctx;
    issues.push({ file, line, recordId, field: f.type, raw: f.text ?? '', message: `cannot read ${f.type} "${f.text ?? ''}"` });
    const year = f.text ? yearIn(f.text) : undefined;
    if (year) addStatement(entity, property, { value: year, original: f.text });
  };

const text =
  (property: PropertyName): FeatureReader =>
  (entity, f) => {
    if (f.text) addStatement(entity, property, f.text);
  };

const country =
  (property: (schema: SchemaName) => PropertyName): FeatureReader =>
  (entity, f, ctx, issues) => {
    const words = f.country ?? (f.text ? { name: f.text } : undefined);
    const statement = words ? countryOf(words, ctx, f.type, issues) : undefined;
    if (statement) addStatement(entity, property(entity.schema), statement);
  };

const always = (property: PropertyName) => () => property;

/** A vessel's country of registration is its flag; for others it is the jurisdiction (as in the CSV remarks). */
function registrationCountry(schema: SchemaName): PropertyName {
  if (schema === 'Vessel') return 'flag';
  if (schema === 'Airplane') return 'registrationCountry';
  return 'jurisdiction';
}

// Keys are the feature type in lower case. OFAC spells one type in capitals ("VESSEL GROSS REGISTERED TONNAGE").
const FEATURE_READERS: ReadonlyMap<string, FeatureReader> = new Map([
  ['birthdate', date('birthDate')],
  ['date of death', date('deathDate')],
  ['organization established date', date('incorporationDate')],
  ['place of birth', text('birthPlace')],
  ['title', text('title')],
  ['vessel type', text('vesselType')],
  ['other vessel type', text('vesselType')],
  ['vessel owner', text('owner')],
  ['vessel tonnage', text('tonnage')],
  ['vessel gross registered tonnage', text('grossRegisteredTonnage')],
  ['aircraft model', text('model')],
  ['citizenship country', country(always('citizenship'))],
  ['nationality country', country(always('nationality'))],
  ['nationality of registration', country(registrationCountry)],
  ['vessel flag', country(always('flag'))],
  ['other vessel flag', country(always('flag'))],
  ['location', (entity, f, ctx, issues) => addOfacAddress(entity, f.addressParts ?? [], f.country, ctx, issues)],
]);

/**
 * Adds one feature to the entity, or returns the remark item ("SWIFT/BIC CKLBCNBJ") for a feature without
 * a reader of its own, for the caller to read with `addOfacItems` together with the record's other items.
 */
export function addOfacFeature(entity: Entity, feature: OfacFeature, ctx: RemarksContext, issues: RecordIssue[]): string | undefined {
  const read = FEATURE_READERS.get(feature.type.trim().toLowerCase());
  if (read) {
    read(entity, feature, ctx, issues);
    return undefined;
  }
  const value = feature.text ?? feature.country?.name ?? (feature.date ? dateRangeStatement(feature.date).value : undefined);
  return value ? `${feature.type.trim()} ${value}` : undefined;
}
