/**
 * @module ftm/schemata
 * The FollowTheMoney schemata this reader takes (followthemoney/schema/*.yaml): parties become nodes,
 * interval schemata that tie two parties become edges. Other schemata (Address, Sanction, Passport, …)
 * are left out and listed; a tie to an entity of such a schema is left out with it.
 */
import type { EdgeKind } from '@embargo/core';

export const PARTY_SCHEMATA = ['Person', 'Company', 'Organization', 'LegalEntity', 'PublicBody', 'Vessel', 'Airplane'] as const;

/** Properties whose values are countries (FtM writes ISO 3166-1 codes in lower case). */
export const COUNTRY_PROPERTIES = ['nationality', 'citizenship', 'country', 'jurisdiction', 'mainCountry', 'flag'] as const;

/** Properties whose values identify a party; the property name is kept as the identifier's scheme. */
export const IDENTIFIER_PROPERTIES = [
  'leiCode',
  'registrationNumber',
  'taxNumber',
  'innCode',
  'ogrnCode',
  'vatCode',
  'idNumber',
  'passportNumber',
  'imoNumber',
  'mmsi',
  'swiftBic',
  'callSign',
] as const;

export interface LinkSchema {
  /** The property holding the holder (owner, director, agent) or the party that states the tie. */
  from: string;
  /** The property holding the held (asset, organization, client) or the other party. */
  to: string;
  kind: Extract<EdgeKind, 'ownership' | 'directorship' | 'family' | 'associate'>;
  /** The property whose words describe the tie ("spouse", "Director", "Shareholder"). */
  words: string;
}

/**
 * Direction as FtM's edge definitions give it (`edge: { source, target }`): owner → asset, director →
 * organization, agent → client. A Representation (an agent acting for a client), a Membership and an
 * Employment are associations: the regimes do not treat them as ownership or control.
 */
export const LINK_SCHEMATA: Readonly<Record<string, LinkSchema>> = {
  Ownership: { from: 'owner', to: 'asset', kind: 'ownership', words: 'role' },
  Directorship: { from: 'director', to: 'organization', kind: 'directorship', words: 'role' },
  Family: { from: 'person', to: 'relative', kind: 'family', words: 'relationship' },
  Associate: { from: 'person', to: 'associate', kind: 'associate', words: 'relationship' },
  UnknownLink: { from: 'subject', to: 'object', kind: 'associate', words: 'role' },
  Representation: { from: 'agent', to: 'client', kind: 'associate', words: 'role' },
  Membership: { from: 'member', to: 'organization', kind: 'associate', words: 'role' },
  Employment: { from: 'employee', to: 'employer', kind: 'associate', words: 'role' },
};
