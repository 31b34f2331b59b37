/**
 * @module text/entity-fields
 * How a listed record's properties are grouped and named on its profile (FollowTheMoney property
 * names, core model/schema.ts). A property not named here still shows, under "Other details", so the
 * profile never hides a field the lists gave.
 */

export const PROPERTY_LABELS: Record<string, string> = {
  name: 'Primary name',
  alias: 'Alias',
  weakAlias: 'Weak alias',
  previousName: 'Former name',
  birthDate: 'Birth date',
  birthPlace: 'Place of birth',
  deathDate: 'Death date',
  nationality: 'Nationality',
  citizenship: 'Citizenship',
  country: 'Country',
  jurisdiction: 'Jurisdiction',
  address: 'Address',
  gender: 'Gender',
  title: 'Title',
  position: 'Position',
  passportNumber: 'Passport',
  idNumber: 'National ID',
  registrationNumber: 'Registration number',
  imoNumber: 'IMO number',
  mmsi: 'MMSI',
  callSign: 'Call sign',
  flag: 'Flag',
  vesselType: 'Vessel type',
  tonnage: 'Tonnage',
  grossRegisteredTonnage: 'Gross registered tonnage',
  owner: 'Owner',
  swiftBic: 'SWIFT/BIC',
  taxNumber: 'Tax number',
  website: 'Website',
  email: 'Email',
  phone: 'Phone',
  incorporationDate: 'Incorporation date',
  program: 'Programme',
  authority: 'Legal authority',
  listingDate: 'Listed on',
  modifiedAt: 'Last changed',
  notes: 'Remarks',
  sanctionsNote: 'Sanctions note',
  model: 'Model',
  serialNumber: 'Serial number',
  registrationCountry: 'Country of registration',
  unscId: 'UN reference number',
};

export function propertyLabel(property: string): string {
  return PROPERTY_LABELS[property] ?? property.replace(/([a-z])([A-Z])/g, '$1 $2').toLowerCase();
}

/** Properties whose values are ISO country codes, shown with the country's name. */
export const COUNTRY_PROPERTIES = new Set(['nationality', 'citizenship', 'country', 'jurisdiction', 'flag', 'registrationCountry']);

export const NAME_PROPERTIES = ['name', 'alias', 'previousName', 'weakAlias'] as const;

/** The profile's sections after the names, in order; each lists its properties in order. */
export const PROFILE_SECTIONS: { title: string; properties: string[] }[] = [
  {
    title: 'Identity',
    properties: [
      'birthDate',
      'birthPlace',
      'deathDate',
      'gender',
      'nationality',
      'citizenship',
      'country',
      'jurisdiction',
      'title',
      'position',
      'incorporationDate',
    ],
  },
  {
    title: 'Identifiers',
    properties: [
      'passportNumber',
      'idNumber',
      'registrationNumber',
      'taxNumber',
      'swiftBic',
      'imoNumber',
      'mmsi',
      'callSign',
      'serialNumber',
    ],
  },
  {
    title: 'Vessel and aircraft',
    properties: ['flag', 'registrationCountry', 'vesselType', 'tonnage', 'grossRegisteredTonnage', 'owner', 'model'],
  },
  { title: 'Addresses', properties: ['address'] },
  { title: 'Contact', properties: ['website', 'email', 'phone'] },
];

/** Shown together in the Sanctions section: programmes with their legal authority and listing dates. */
export const SANCTIONS_PROPERTIES = ['program', 'authority', 'listingDate', 'modifiedAt'];
export const NOTE_PROPERTIES = ['notes', 'sanctionsNote'];
