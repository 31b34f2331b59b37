import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { isEmbargoError, values } from '@embargo/core';
import type { ListFile } from '../../format.js';
import { parseOfacAdvancedXml } from './index.js';

const dir = mkdtempSync(join(tmpdir(), 'embargo-ofac-advanced-'));
let n = 0;

// The reference values the cases below use, with OFAC's ids and words.
const REFS = `<ReferenceValueSets>
  <AliasTypeValues><AliasType ID="1400">A.K.A.</AliasType><AliasType ID="1401">F.K.A.</AliasType><AliasType ID="1403">Name</AliasType></AliasTypeValues>
  <AreaCodeValues><AreaCode ID="11291" CountryID="11291" Description="undetermined" AreaCodeTypeID="1" /></AreaCodeValues>
  <CountryValues><Country ID="11171" ISO2="RU">Russia</Country></CountryValues>
  <DetailReferenceValues><DetailReference ID="91526">Male</DetailReference></DetailReferenceValues>
  <DocNameStatusValues><DocNameStatus ID="1">Primary Latin</DocNameStatus><DocNameStatus ID="2">Others</DocNameStatus></DocNameStatusValues>
  <EntryEventTypeValues><EntryEventType ID="1">Created</EntryEventType></EntryEventTypeValues>
  <FeatureTypeValues><FeatureType ID="8">Birthdate</FeatureType><FeatureType ID="11">Citizenship Country</FeatureType><FeatureType ID="25">Location</FeatureType><FeatureType ID="224">Gender</FeatureType><FeatureType ID="3">Vessel Flag</FeatureType></FeatureTypeValues>
  <IDRegDocDateTypeValues><IDRegDocDateType ID="1480">Issue Date</IDRegDocDateType><IDRegDocDateType ID="1481">Expiration Date</IDRegDocDateType></IDRegDocDateTypeValues>
  <IDRegDocTypeValues><IDRegDocType ID="1571">Passport</IDRegDocType><IDRegDocType ID="9">Seaman Book</IDRegDocType></IDRegDocTypeValues>
  <LegalBasisValues><LegalBasis ID="1" LegalBasisTypeID="1" SanctionsProgramID="1">Unknown</LegalBasis><LegalBasis ID="1828" LegalBasisTypeID="1" SanctionsProgramID="1">Executive Order 13224 (Terrorism)</LegalBasis></LegalBasisValues>
  <ListValues><List ID="1550">SDN List</List></ListValues>
  <LocPartTypeValues><LocPartType ID="1">Unknown</LocPartType><LocPartType ID="1450">REGION</LocPartType><LocPartType ID="1454">CITY</LocPartType></LocPartTypeValues>
  <NamePartTypeValues><NamePartType ID="1520">Last Name</NamePartType><NamePartType ID="1521">First Name</NamePartType><NamePartType ID="1525">Entity Name</NamePartType><NamePartType ID="1526">Vessel Name</NamePartType></NamePartTypeValues>
  <PartySubTypeValues><PartySubType ID="1" PartyTypeID="4">Vessel</PartySubType><PartySubType ID="3" PartyTypeID="2">Unknown</PartySubType><PartySubType ID="4" PartyTypeID="1">Unknown</PartySubType></PartySubTypeValues>
  <PartyTypeValues><PartyType ID="1">Individual</PartyType><PartyType ID="2">Entity</PartyType><PartyType ID="4">Transport</PartyType></PartyTypeValues>
  <RelationTypeValues><RelationType ID="15002" Symmetrical="false">Acting for or on behalf of</RelationType><RelationType ID="15007" Symmetrical="false">Leader or official of</RelationType></RelationTypeValues>
  <SanctionsTypeValues><SanctionsType ID="1">Program</SanctionsType></SanctionsTypeValues>
  <ScriptValues><Script ID="215" ScriptCode="Latin">Latin</Script><Script ID="220" ScriptCode="Cyrillic">Cyrillic</Script></ScriptValues>
  <ValidityValues><Validity ID="1">Valid</Validity><Validity ID="2">Fraudulent</Validity></ValidityValues>
</ReferenceValueSets>`;

function advancedFile(blocks: { locations?: string; documents?: string; parties: string; relations?: string; entries?: string }): ListFile {
  const path = join(dir, `case-${++n}.xml`);
  writeFileSync(
    path,
    `<?xml version="1.0" encoding="utf-8"?>
<Sanctions xmlns="http://www.un.org/sanctions/1.0" Version="3">
<DateOfIssue CalendarTypeID="1"><Year>2024</Year><Month>2</Month><Day>9</Day></DateOfIssue>
${REFS}
<Locations>${blocks.locations ?? ''}</Locations>
<IDRegDocuments>${blocks.documents ?? ''}</IDRegDocuments>
<DistinctParties>${blocks.parties}</DistinctParties>
<ProfileRelationships>${blocks.relations ?? ''}</ProfileRelationships>
<SanctionsEntries>${blocks.entries ?? ''}</SanctionsEntries>
</Sanctions>`,
  );
  return { path, name: `case-${n}.xml` };
}

const namePart = (group: string, value: string, script = '215') =>
  `<DocumentedNamePart><NamePartValue NamePartGroupID="${group}" ScriptID="${script}">${value}</NamePartValue></DocumentedNamePart>`;
const alias = (type: string, attrs: string, names: string) => `<Alias AliasTypeID="${type}" ${attrs}>${names}</Alias>`;
const party = (ref: number, subType: string, identity: string, features = '') =>
  `<DistinctParty FixedRef="${ref}"><Comment /><Profile ID="${ref}" PartySubTypeID="${subType}"><Identity ID="${ref}0" Primary="true" False="false">${identity}</Identity>${features}</Profile></DistinctParty>`;
const groups = (pairs: Array<[string, string]>) =>
  `<NamePartGroups>${pairs.map(([id, type]) => `<MasterNamePartGroup><NamePartGroup ID="${id}" NamePartTypeID="${type}" /></MasterNamePartGroup>`).join('')}</NamePartGroups>`;
const day = (y: number, m: number, d: number) => `<Year>${y}</Year><Month>${m}</Month><Day>${d}</Day>`;
const period = (from: string, to: string, approximate = false) =>
  `<DatePeriod CalendarTypeID="1" YearFixed="false" MonthFixed="false" DayFixed="false"><Start Approximate="${approximate}"><From>${from}</From><To>${from}</To></Start><End Approximate="false"><From>${to}</From><To>${to}</To></End></DatePeriod>`;
const feature = (type: string, version: string) =>
  `<Feature FeatureTypeID="${type}"><FeatureVersion ID="1">${version}</FeatureVersion></Feature>`;
const company = (ref: number) =>
  party(
    ref,
    '3',
    alias('1403', 'Primary="true"', `<DocumentedName DocNameStatusID="1">${namePart(`${ref}1`, `Company ${ref}`)}</DocumentedName>`) +
      groups([[`${ref}1`, '1525']]),
  );

describe('advanced XML quirks', () => {
  it("reads a person's names: parts in capitals as OFAC prints them, weak and former aliases, a Cyrillic name", async () => {
    const identity =
      alias(
        '1403',
        'Primary="true" LowQuality="false"',
        `<DocumentedName DocNameStatusID="1">${namePart('1', 'Ivanov')}${namePart('2', 'Ivan')}</DocumentedName><DocumentedName DocNameStatusID="2">${namePart('3', 'Иванов', '220')}</DocumentedName>`,
      ) +
      alias('1400', 'Primary="false" LowQuality="true"', `<DocumentedName DocNameStatusID="2">${namePart('4', 'Vanya')}</DocumentedName>`) +
      alias(
        '1401',
        'Primary="false" LowQuality="false"',
        `<DocumentedName DocNameStatusID="2">${namePart('5', 'Petrov')}${namePart('6', 'Ivan')}</DocumentedName>`,
      ) +
      groups([
        ['1', '1520'],
        ['2', '1521'],
        ['3', '1520'],
        ['4', '1521'],
        ['5', '1520'],
        ['6', '1521'],
      ]);
    const list = await parseOfacAdvancedXml(advancedFile({ parties: party(7, '4', identity) }), 'ofac-sdn');
    const e = list.entities[0];
    expect([e.id, e.schema, e.caption, e.source]).toEqual(['ofac:7', 'Person', 'IVANOV, Ivan', 'ofac-sdn']);
    expect(e.properties.name).toEqual([
      { value: 'IVANOV, Ivan', original: 'Ivanov, Ivan', parts: { family: 'IVANOV', given: 'Ivan' } },
      { value: 'ИВАНОВ', original: 'Иванов', script: 'Cyrl' },
    ]);
    expect(e.properties.weakAlias).toEqual([{ value: 'Vanya', weak: true }]);
    expect(e.properties.previousName).toEqual([
      { value: 'PETROV, Ivan', original: 'Petrov, Ivan', parts: { family: 'PETROV', given: 'Ivan' } },
    ]);
  });

  it('reads a vessel, date periods of a month and of several years, lookups and country-only locations', async () => {
    const identity =
      alias('1403', 'Primary="true"', `<DocumentedName DocNameStatusID="1">${namePart('1', 'Sea Star')}</DocumentedName>`) +
      groups([['1', '1526']]);
    const features =
      feature('8', period(day(1960, 3, 1), day(1960, 3, 31))) +
      feature('8', period(day(1960, 1, 1), day(1962, 12, 31), true)) +
      feature('224', '<VersionDetail DetailTypeID="1431" DetailReferenceID="91526" />') +
      feature('3', '<VersionLocation LocationID="20" />') +
      feature('25', '<VersionLocation LocationID="21" />');
    const locations =
      '<Location ID="20"><LocationPart LocPartTypeID="1"><LocationPartValue Primary="true"><Value>Russia</Value></LocationPartValue></LocationPart></Location>' +
      '<Location ID="21"><LocationAreaCode AreaCodeID="11291" /><LocationPart LocPartTypeID="1454"><LocationPartValue Primary="true"><Value>Jabaliya</Value></LocationPartValue></LocationPart><LocationPart LocPartTypeID="1450"><LocationPartValue Primary="true"><Value>Gaza</Value></LocationPartValue></LocationPart></Location>';
    const list = await parseOfacAdvancedXml(advancedFile({ locations, parties: party(8, '1', identity, features) }), 'ofac-sdn');
    const e = list.entities[0];
    expect([e.schema, e.caption]).toEqual(['Vessel', 'SEA STAR']);
    expect(e.properties.birthDate).toEqual([{ value: '1960-03' }, { value: '1960', until: '1962', approximate: true }]);
    expect(values(e, 'gender')).toEqual(['male']);
    // The flag's location names the country as a part of type "Unknown", without a LocationCountry.
    expect(e.properties.flag).toEqual([{ value: 'RU', original: 'Russia' }]);
    // An area without a country is a REGION part: read as the legacy file's "Region: Gaza".
    expect(e.properties.address).toEqual([{ value: 'Jabaliya, Region: Gaza', country: 'PS' }]);
    expect(list.issues).toEqual([]);
  });

  it('attaches documents to their identity, with dates, issuing country and validity', async () => {
    const documents = `<IDRegDocument ID="1" IDRegDocTypeID="1571" IdentityID="90" IssuedBy-CountryID="11171" ValidityID="2"><IDRegistrationNo>AB123</IDRegistrationNo>
      <DocumentDate IDRegDocDateTypeID="1480">${period(day(2010, 5, 1), day(2010, 5, 1))}</DocumentDate>
      <DocumentDate IDRegDocDateTypeID="1481">${period(day(2015, 5, 1), day(2015, 5, 1))}</DocumentDate></IDRegDocument>
      <IDRegDocument ID="2" IDRegDocTypeID="9" IdentityID="90"><IDRegistrationNo>S-9</IDRegistrationNo></IDRegDocument>
      <IDRegDocument ID="3" IDRegDocTypeID="9" IdentityID="77"><IDRegistrationNo>S-10</IDRegistrationNo></IDRegDocument>`;
    const list = await parseOfacAdvancedXml(advancedFile({ documents, parties: company(9) }), 'ofac-sdn');
    const e = list.entities[0];
    expect(e.properties.passportNumber).toEqual([
      { value: 'AB123', kind: 'Passport', country: 'RU', note: 'issued 2010-05-01; expires 2015-05-01; fraudulent' },
    ]);
    // A document type the remark rules do not know is still an identifier.
    expect(e.properties.idNumber).toEqual([{ value: 'S-9', kind: 'Seaman Book' }]);
    expect(list.issues).toEqual([
      expect.objectContaining({ raw: '77', message: '1 IDRegDocument(s) for an identity of no DistinctParty' }),
    ]);
  });

  it('maps relation types, marks former relations, and reports relations to profiles not in the file', async () => {
    const relations =
      '<ProfileRelationship ID="1" From-ProfileID="1" To-ProfileID="2" RelationTypeID="15002" Former="false" />' +
      '<ProfileRelationship ID="2" From-ProfileID="1" To-ProfileID="2" RelationTypeID="15007" Former="true" />' +
      '<ProfileRelationship ID="3" From-ProfileID="1" To-ProfileID="99" RelationTypeID="15002" Former="false" />';
    const entries = `<SanctionsEntry ID="5" ProfileID="1" ListID="1550"><EntryEvent EntryEventTypeID="1" LegalBasisID="1828"><Date>${day(2001, 9, 23)}</Date></EntryEvent>
      <SanctionsMeasure SanctionsTypeID="1"><Comment>SDGT</Comment><DatePeriod CalendarTypeID="1" YearFixed="true" MonthFixed="true" DayFixed="true" /></SanctionsMeasure></SanctionsEntry>
      <SanctionsEntry ID="6" ProfileID="42" ListID="1550" />`;
    const list = await parseOfacAdvancedXml(advancedFile({ parties: company(1) + company(2), relations, entries }), 'ofac-sdn');
    expect(list.published).toBe('2024-02-09');
    expect(list.relationships).toEqual([
      { from: 'ofac:1', to: 'ofac:2', kind: 'actingFor', sourceText: 'Acting for or on behalf of' },
      { from: 'ofac:1', to: 'ofac:2', kind: 'other', sourceText: 'Leader or official of (former)' },
    ]);
    const e = list.entities[0];
    expect(e.properties.listingDate).toEqual([{ value: '2001-09-23', note: 'SDN List' }]);
    expect(values(e, 'authority')).toEqual(['Executive Order 13224 (Terrorism)']);
    expect(values(e, 'program')).toEqual(['SDGT']);
    expect(list.issues.map((i) => i.message)).toEqual([
      'SanctionsEntry for an unknown profile',
      '"Acting for or on behalf of" between profiles not both in this file',
    ]);
  });

  it('rejects a file whose root is not <Sanctions>, naming file and line', async () => {
    const path = join(dir, 'sdnlist.xml');
    writeFileSync(path, '<?xml version="1.0"?>\n<sdnList/>');
    const error = await parseOfacAdvancedXml({ path, name: 'sdnlist.xml' }, 'ofac-sdn').catch((e: unknown) => e);
    expect(isEmbargoError(error) && error.message).toBe(
      'sdnlist.xml:2: root element <sdnList> is not an OFAC advanced XML file (sdn_advanced.xsd) (expected <Sanctions>)',
    );
  });

  it('names the file and line of a truncated advanced file', async () => {
    const path = join(dir, 'cut.xml');
    writeFileSync(path, '<Sanctions>\n<DistinctParties>\n<DistinctParty FixedRef="1">\n');
    const error = await parseOfacAdvancedXml({ path, name: 'cut.xml' }, 'ofac-sdn').catch((e: unknown) => e);
    expect(isEmbargoError(error) && error.message).toBe(
      'cut.xml:4: XML ends early (unclosed tag: DistinctParty): the file is truncated or damaged',
    );
  });
});
