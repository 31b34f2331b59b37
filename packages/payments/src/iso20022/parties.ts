/**
 * @module iso20022/parties
 * ISO 20022 parties and agents as core `PaymentParty`s: a party (`PartyIdentification`: `Nm`, `PstlAdr`,
 * `Id/OrgId` or `Id/PrvtId`, `CtryOfRes`, `CtctDtls`) or an agent (`BranchAndFinancialInstitutionIdentification`:
 * `FinInstnId` with `BICFI` — `BIC` in older versions such as pain.001.001.03 —, `ClrSysMmbId`, `LEI`, `Nm`,
 * `PstlAdr`, `Othr`, and `BrnchId`), each with the account the message pairs with it (`DbtrAcct` with `Dbtr`).
 * What a party carries that the normalised party has no field for (a contact, an account name, a branch's
 * name and address) becomes a text, and a country of birth or residence a country, so nothing is dropped.
 *
 * @example
 * readParty(draft, dbtr, 'debtor', dbtrAcct)
 * // { role: 'debtor', kind: 'unknown', source: 'FIToFICstmrCdtTrf/CdtTrfTxInf[1]/Dbtr', name: 'GB Engineering',
 * //   addressLines: ['Industrial Park', 'Cambridge'], country: 'GB', account: '96325874', identifiers: [] }
 */
import type { PaymentParty, PaymentPartyKind, PaymentPartyRole } from '@embargo/core';
import type { PaymentDraft } from './payment-draft.js';
import {
  childNames,
  childPath,
  failAt,
  optionalChild,
  optionalText,
  repeatedChildren,
  repeatedTexts,
  requiredChild,
  requiredText,
  textLeaves,
  type MxElement,
} from './xml-tree.js';

type Identifier = PaymentParty['identifiers'][number];

/** A name as the shared normalisation wants it: trimmed, runs of whitespace (a name broken over lines) one space. */
export function normaliseName(name: string): string {
  return name.trim().replace(/\s+/g, ' ');
}

/**
 * The elements of a postal address (PostalAddress6 to PostalAddress27) Embargo reads. `CareOf` and
 * `UnitNb` came with the 2023 versions; `AdrTp` is a code for the kind of address, not part of it.
 */
const ADDRESS_ELEMENTS = new Set([
  'AdrTp',
  'CareOf',
  'Dept',
  'SubDept',
  'StrtNm',
  'BldgNb',
  'BldgNm',
  'Flr',
  'UnitNb',
  'PstBx',
  'Room',
  'PstCd',
  'TwnNm',
  'TwnLctnNm',
  'DstrctNm',
  'CtrySubDvsn',
  'Ctry',
  'AdrLine',
]);

/**
 * A postal address as lines in the shared order (Dept, SubDept, `StrtNm BldgNb`, BldgNm, Flr, PstBx, Room,
 * `PstCd TwnNm`, TwnLctnNm, DstrctNm, CtrySubDvsn, then each AdrLine) and its country. An element this
 * does not know is an error: it could hold a place a screening must see.
 */
export function readPostalAddress(address: MxElement): { addressLines: string[]; country?: string } {
  for (const name of childNames(address))
    if (!ADDRESS_ELEMENTS.has(name)) failAt(address, `an address element Embargo does not read: <${name}>`, childPath(address, name));
  const text = (name: string) => optionalText(address, name);
  const joined = (first: string | undefined, second: string | undefined) => [first, second].filter((t) => t !== undefined).join(' ');
  const lines = [
    text('CareOf'),
    text('Dept'),
    text('SubDept'),
    joined(text('StrtNm'), text('BldgNb')),
    text('BldgNm'),
    text('Flr'),
    text('UnitNb'),
    text('PstBx'),
    text('Room'),
    joined(text('PstCd'), text('TwnNm')),
    text('TwnLctnNm'),
    text('DstrctNm'),
    text('CtrySubDvsn'),
    ...repeatedTexts(address, 'AdrLine').map((line) => line.text),
  ];
  const country = text('Ctry');
  return { addressLines: lines.filter((line): line is string => line !== undefined && line !== ''), ...(country ? { country } : {}) };
}

/** `Othr` of an identification: its `Id`, with the scheme named by `SchmeNm/Cd` or `SchmeNm/Prtry`, else its issuer. */
function readOtherIdentifier(other: MxElement): Identifier {
  const value = requiredText(other, 'Id', 'an other identification states its identifier');
  const scheme = optionalChild(other, 'SchmeNm');
  const schemeName = scheme && (optionalText(scheme, 'Cd') ?? optionalText(scheme, 'Prtry'));
  return { scheme: schemeName ?? optionalText(other, 'Issr') ?? 'other', value };
}

/** The code or proprietary text of a `…Choice` element such as `Purp` or `ClrSysId`. */
export function codeOrProprietary(choice: MxElement): string | undefined {
  return optionalText(choice, 'Cd') ?? optionalText(choice, 'Prtry');
}

interface AccountReading {
  account?: string;
  identifiers: Identifier[];
}

/**
 * An account (`CashAccount`): its `Id/IBAN` or `Id/Othr/Id`; a proxy (`Prxy`, an e-mail or phone number
 * standing for it) is an identifier, and the account's name (`Nm`) a text, since it may name another person.
 */
function readAccount(draft: PaymentDraft, account: MxElement): AccountReading {
  const id = optionalChild(account, 'Id');
  const proxy = optionalChild(account, 'Prxy');
  if (id === undefined && proxy === undefined)
    failAt(account, 'the account has neither an Id nor a proxy (Prxy)', childPath(account, 'Id'));
  const other = id && optionalChild(id, 'Othr');
  const number =
    id &&
    (optionalText(id, 'IBAN') ?? (other && requiredText(other, 'Id', 'an account identified otherwise than by IBAN states its number')));
  if (id !== undefined && number === undefined) failAt(id, 'the account Id holds neither an IBAN nor Othr/Id');
  const identifiers: Identifier[] = [];
  if (proxy !== undefined) {
    const type = optionalChild(proxy, 'Tp');
    identifiers.push({
      scheme: (type && codeOrProprietary(type)) ?? 'proxy',
      value: requiredText(proxy, 'Id', 'a proxy states its identifier'),
    });
  }
  const name = optionalText(account, 'Nm');
  if (name !== undefined) draft.texts.push({ source: childPath(account, 'Nm'), lines: [name] });
  return { ...(number === undefined ? {} : { account: number }), identifiers };
}

/** An error when the message pairs an account with a party it does not have (`DbtrAcct` without `Dbtr`). */
export function failOnLoneAccount(account: MxElement | undefined, partyName: string): void {
  if (account !== undefined) failAt(account, `<${account.name}> is written without the <${partyName}> it belongs to`);
}

/** Whether the reading found anything that identifies the party; an empty party element is an error, not a blank party. */
function assertIdentifies(party: PaymentParty, element: MxElement): PaymentParty {
  const says =
    party.name !== undefined ||
    party.bic !== undefined ||
    party.account !== undefined ||
    party.birthDate !== undefined ||
    party.addressLines.length > 0 ||
    party.identifiers.length > 0;
  if (!says) failAt(element, `<${element.name}> names no one: it has no name, BIC, address, account or identification`);
  return party;
}

/** The party's identification (`Id`): an organisation's BIC, LEI and other ids, or a person's birth and ids. */
function readPartyIdentification(
  draft: PaymentDraft,
  id: MxElement,
): { kind: PaymentPartyKind; bic?: string; birthDate?: string; identifiers: Identifier[] } {
  const organisation = optionalChild(id, 'OrgId');
  const person = optionalChild(id, 'PrvtId');
  if (organisation !== undefined && person !== undefined)
    failAt(person, 'a party is identified as an organisation (OrgId) or a person (PrvtId), not both');
  if (organisation !== undefined) {
    // AnyBIC since 2009 versions; BICOrBEI in pain.001.001.03 and its national variants.
    const bic = optionalText(organisation, 'AnyBIC') ?? optionalText(organisation, 'BICOrBEI');
    const lei = optionalText(organisation, 'LEI');
    const identifiers = [
      ...(lei ? [{ scheme: 'LEI', value: lei }] : []),
      ...repeatedChildren(organisation, 'Othr').map(readOtherIdentifier),
    ];
    return { kind: 'organisation', ...(bic ? { bic: bic.toUpperCase() } : {}), identifiers };
  }
  if (person !== undefined) {
    const birth = optionalChild(person, 'DtAndPlcOfBirth');
    const identifiers = repeatedChildren(person, 'Othr').map(readOtherIdentifier);
    const birthDate = birth && optionalText(birth, 'BirthDt');
    if (birth !== undefined) {
      const city = optionalText(birth, 'CityOfBirth');
      const province = optionalText(birth, 'PrvcOfBirth');
      if (city !== undefined || province !== undefined)
        identifiers.unshift({ scheme: 'placeOfBirth', value: [city, province].filter((p) => p !== undefined).join(', ') });
      const countryOfBirth = optionalText(birth, 'CtryOfBirth');
      if (countryOfBirth !== undefined) draft.countries.push({ source: childPath(birth, 'CtryOfBirth'), code: countryOfBirth });
    }
    return { kind: 'person', ...(birthDate ? { birthDate } : {}), identifiers };
  }
  return { kind: 'unknown', identifiers: [] };
}

/**
 * A party (`Dbtr`, `Cdtr`, `UltmtDbtr`, `UltmtCdtr`, `InitgPty`) with its account when the message pairs one.
 * `CtryOfRes` is the party's country when its address gives none, else a country of its own.
 */
export function readParty(draft: PaymentDraft, element: MxElement, role: PaymentPartyRole, accountElement?: MxElement): PaymentParty {
  const name = optionalText(element, 'Nm');
  const address = optionalChild(element, 'PstlAdr');
  const { addressLines, country } = address ? readPostalAddress(address) : { addressLines: [] as string[], country: undefined };
  const id = optionalChild(element, 'Id');
  const identification = id ? readPartyIdentification(draft, id) : { kind: 'unknown' as const, identifiers: [] };
  const residence = optionalText(element, 'CtryOfRes');
  if (residence !== undefined && country !== undefined && residence !== country)
    draft.countries.push({ source: childPath(element, 'CtryOfRes'), code: residence });
  const contact = optionalChild(element, 'CtctDtls');
  if (contact !== undefined) {
    const lines = textLeaves(contact);
    if (lines.length > 0) draft.texts.push({ source: contact.path, lines });
  }
  const account = accountElement ? readAccount(draft, accountElement) : { identifiers: [] };
  const countryOfParty = country ?? residence;
  return assertIdentifies(
    {
      role,
      kind: identification.kind,
      source: element.path,
      ...(name === undefined ? {} : { name: normaliseName(name) }),
      addressLines,
      ...(countryOfParty === undefined ? {} : { country: countryOfParty }),
      ...(account.account === undefined ? {} : { account: account.account }),
      ...(identification.bic === undefined ? {} : { bic: identification.bic }),
      ...(identification.birthDate === undefined ? {} : { birthDate: identification.birthDate }),
      identifiers: [...identification.identifiers, ...account.identifiers],
    },
    element,
  );
}

/**
 * A clearing system membership as one identifier: the member id, after the clearing system's code where
 * the message names one (`USABA/011104238`), since a member id alone is ambiguous across systems.
 */
function readClearingMember(member: MxElement): Identifier {
  const memberId = requiredText(member, 'MmbId', 'a clearing system membership states the member id');
  const system = optionalChild(member, 'ClrSysId');
  const systemCode = system && codeOrProprietary(system);
  return { scheme: 'clearingCode', value: systemCode === undefined ? memberId : `${systemCode}/${memberId}` };
}

/**
 * A branch (`BrnchId`): its id and LEI are identifiers of the agent; its name and address, which may
 * differ from the institution's, a text of their own, with the address's country a country.
 */
function readBranch(draft: PaymentDraft, branch: MxElement): Identifier[] {
  const id = optionalText(branch, 'Id');
  const lei = optionalText(branch, 'LEI');
  const name = optionalText(branch, 'Nm');
  const address = optionalChild(branch, 'PstlAdr');
  const { addressLines, country } = address ? readPostalAddress(address) : { addressLines: [] as string[], country: undefined };
  const lines = [...(name === undefined ? [] : [normaliseName(name)]), ...addressLines];
  if (lines.length > 0) draft.texts.push({ source: branch.path, lines });
  if (country !== undefined && address !== undefined) draft.countries.push({ source: childPath(address, 'Ctry'), code: country });
  return [...(id ? [{ scheme: 'branchId', value: id }] : []), ...(lei ? [{ scheme: 'LEI', value: lei }] : [])];
}

/**
 * An agent or other financial institution (`DbtrAgt`, `IntrmyAgt1`, `InstgAgt`, pacs.009's `Dbtr` and
 * `Cdtr`, the AppHdr's `Fr/FIId`), kind 'bank', with its account when the message pairs one.
 */
export function readAgent(draft: PaymentDraft, element: MxElement, role: PaymentPartyRole, accountElement?: MxElement): PaymentParty {
  const institution = requiredChild(element, 'FinInstnId', 'a financial institution is identified by its FinInstnId');
  // BICFI since the 2013 versions; BIC in pain.001.001.03 and its national variants.
  const bic = optionalText(institution, 'BICFI') ?? optionalText(institution, 'BIC');
  const member = optionalChild(institution, 'ClrSysMmbId');
  const lei = optionalText(institution, 'LEI');
  const name = optionalText(institution, 'Nm');
  const address = optionalChild(institution, 'PstlAdr');
  const { addressLines, country } = address ? readPostalAddress(address) : { addressLines: [] as string[], country: undefined };
  const other = optionalChild(institution, 'Othr');
  const branch = optionalChild(element, 'BrnchId');
  const account = accountElement ? readAccount(draft, accountElement) : { identifiers: [] };
  const identifiers = [
    ...(member ? [readClearingMember(member)] : []),
    ...(lei ? [{ scheme: 'LEI', value: lei }] : []),
    ...(other ? [readOtherIdentifier(other)] : []),
    ...(branch ? readBranch(draft, branch) : []),
    ...account.identifiers,
  ];
  return assertIdentifies(
    {
      role,
      kind: 'bank',
      source: element.path,
      ...(name === undefined ? {} : { name: normaliseName(name) }),
      addressLines,
      ...(country === undefined ? {} : { country }),
      ...(account.account === undefined ? {} : { account: account.account }),
      ...(bic === undefined ? {} : { bic: bic.toUpperCase() }),
      identifiers,
    },
    element,
  );
}
