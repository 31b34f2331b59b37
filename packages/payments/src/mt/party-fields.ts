/**
 * @module mt/party-fields
 * One MT party field read in its option into a normalised party: A (optional `/account` line and a BIC),
 * B (optional `/account` line and a location), C (50C: a BIC; 52C/56C/57C: a `/` party identifier),
 * D (optional `/account`, then name and address), F (50F/59F, numbered lines: `mt/structured-party`),
 * G and H (MT101 ordering customer: account and BIC, account and name & address), K and plain 59
 * (optional `/account`, then name and address), L (50L: a party identifier). Which role the field plays
 * is the caller's; this module knows only how each option is written.
 *
 * @example
 * readPartyField({ tag: '52A', lines: ['/0569', 'FOOBESBBXXX'], line: 9 }, { role: 'debtorAgent', source: '52A' })
 * // { value: { role: 'debtorAgent', source: '52A', kind: 'bank', bic: 'FOOBESBBXXX', account: '0569', addressLines: [], identifiers: [] } }
 */
import type { PaymentParty, PaymentPartyKind } from '@embargo/core';
import type { MtField } from './fields.js';
import { mtProblem, type MtParsed } from './problem.js';
import { bicOf, normalisedAddressLines, normalisedName, partyOf, readPartyIdentifier, type PartyIdentifier } from './party-lines.js';
import { readStructuredParty } from './structured-party.js';

/** The options each party field allows across MT101, 103, 202 and 205 (SWIFT Standards MT, SR 2024). */
export const PARTY_FIELD_OPTIONS: Record<string, string> = {
  '50': 'ACFGHKL',
  '51': 'A',
  '52': 'ACD',
  '53': 'ABD',
  '54': 'ABD',
  '55': 'ABD',
  '56': 'ACD',
  '57': 'ABCD',
  '58': 'AD',
  '59': ' AF',
};

/** Whether a tag is one of the party fields (`50K`, `59`, `57A`). */
export function isPartyTag(tag: string): boolean {
  return tag.slice(0, 2) in PARTY_FIELD_OPTIONS;
}

export function readPartyField(field: MtField, base: Pick<PaymentParty, 'role' | 'source'>): MtParsed<PaymentParty> {
  const number = field.tag.slice(0, 2);
  const option = field.tag.slice(2) || ' ';
  const options = PARTY_FIELD_OPTIONS[number];
  if (!options.includes(option))
    return mtProblem(
      `${field.tag} is not an option of field ${number}a (it has ${[...options].map((o) => (o === ' ' ? `${number} without a letter` : number + o)).join(', ')})`,
      field.tag,
      field.line,
    );
  if (option === 'F') return readStructuredParty(field, base);

  // Fields 51 to 58 name banks; 50 and 59 name customers, an organisation when they give only a BIC (50A/C/G, 59A).
  const institution = number !== '50' && number !== '59';
  const kind: PaymentPartyKind = institution ? 'bank' : 'ACG'.includes(option) ? 'organisation' : 'unknown';
  const shaped = SHAPE_OF_OPTION[number === '50' && option === 'C' ? 'BIC' : option](field);
  if (shaped.problem) return shaped;
  return { value: partyOf({ ...base, kind, ...shaped.value }) };
}

type PartyParts = Pick<PaymentParty, 'name' | 'addressLines' | 'account' | 'bic' | 'identifiers'>;

const SHAPE_OF_OPTION: Record<string, (field: MtField) => MtParsed<PartyParts>> = {
  A: identifierAndBic,
  G: identifierAndBic,
  BIC: identifierAndBic,
  B: identifierAndLocation,
  C: identifierOnly,
  D: identifierAndNameAndAddress,
  H: identifierAndNameAndAddress,
  K: identifierAndNameAndAddress,
  ' ': identifierAndNameAndAddress,
  L: partyIdentifierCode,
};

/** The lines after an optional `/…` party identifier line. */
function splitIdentifier(field: MtField): { identifier: PartyIdentifier; rest: string[] } {
  const [first, ...rest] = field.lines;
  return first.startsWith('/') ? { identifier: readPartyIdentifier(first), rest } : { identifier: { identifiers: [] }, rest: field.lines };
}

function identifierAndBic(field: MtField): MtParsed<PartyParts> {
  const { identifier, rest } = splitIdentifier(field);
  const lines = rest.filter((l) => l.trim() !== '');
  const bic = lines.length === 1 ? bicOf(lines[0]) : undefined;
  if (bic === undefined) {
    const wrote = lines.length === 0 ? 'nothing' : `'${lines.join(' / ')}'`;
    return mtProblem(`${field.tag} must end with one BIC (as 'DEUTDEFF' or 'DEUTDEFFXXX'); it has ${wrote}`, field.tag, field.line);
  }
  return { value: { ...identifier, bic, addressLines: [] } };
}

function identifierAndLocation(field: MtField): MtParsed<PartyParts> {
  const { identifier, rest } = splitIdentifier(field);
  if (rest.length > 1)
    return mtProblem(`${field.tag} has ${rest.length} lines after its account; option B allows one location line`, field.tag, field.line);
  return { value: { ...identifier, addressLines: normalisedAddressLines(rest) } };
}

function identifierOnly(field: MtField): MtParsed<PartyParts> {
  if (field.lines.length !== 1 || !field.lines[0].startsWith('/'))
    return mtProblem(`${field.tag} must be one line '/party identifier'; it has '${field.lines.join(' / ')}'`, field.tag, field.line);
  return { value: { ...readPartyIdentifier(field.lines[0]), addressLines: [] } };
}

/** The first line after the account is the name; MT gives no way to tell a second name line from an address. */
function identifierAndNameAndAddress(field: MtField): MtParsed<PartyParts> {
  const { identifier, rest } = splitIdentifier(field);
  const [name, ...address] = rest.filter((l) => l.trim() !== '');
  if (name === undefined && identifier.account === undefined)
    return mtProblem(`${field.tag} has neither an account nor a name`, field.tag, field.line);
  return {
    value: { ...identifier, name: name === undefined ? undefined : normalisedName([name]), addressLines: normalisedAddressLines(address) },
  };
}

function partyIdentifierCode(field: MtField): MtParsed<PartyParts> {
  const value = field.lines.join(' ').trim();
  if (value === '') return mtProblem(`${field.tag} is empty; option L holds a party identifier`, field.tag, field.line);
  return { value: { addressLines: [], identifiers: [{ scheme: 'partyIdentifier', value }] } };
}
