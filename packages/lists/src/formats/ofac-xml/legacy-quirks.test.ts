import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { values } from '@embargo/core';
import type { ListFile } from '../../format.js';
import { parseOfacLegacyXml } from './index.js';

const dir = mkdtempSync(join(tmpdir(), 'embargo-ofac-xml-'));
let n = 0;
function xmlFile(body: string, publish = '<publshInformation><Publish_Date>01/02/2024</Publish_Date></publshInformation>'): ListFile {
  const path = join(dir, `case-${++n}.xml`);
  writeFileSync(
    path,
    `<?xml version="1.0" standalone="yes"?>\n<sdnList xmlns="http://tempuri.org/sdnList.xsd">\n${publish}\n${body}\n</sdnList>\n`,
  );
  return { path, name: `case-${n}.xml` };
}
const entry = (uid: number, inner: string, type = 'Entity') =>
  `<sdnEntry><uid>${uid}</uid>${inner}<sdnType>${type}</sdnType><programList><program>SDGT</program></programList></sdnEntry>`;

describe('legacy sdnList quirks', () => {
  it('matches elements by local name, whatever the prefix or namespace', async () => {
    const path = join(dir, 'prefixed.xml');
    writeFileSync(
      path,
      '<s:sdnList xmlns:s="https://sanctionslistservice.ofac.treas.gov/api/PublicationPreview/exports/XML"><s:publshInformation><s:Publish_Date>06/30/2025</s:Publish_Date></s:publshInformation><s:sdnEntry><s:uid>7</s:uid><s:lastName>ACME</s:lastName><s:sdnType>Entity</s:sdnType></s:sdnEntry></s:sdnList>',
    );
    const list = await parseOfacLegacyXml({ path, name: 'prefixed.xml' }, 'ofac-sdn');
    expect(list.published).toBe('2025-06-30');
    expect(list.entities.map((e) => [e.id, e.caption, e.source])).toEqual([['ofac:7', 'ACME', 'ofac-sdn']]);
  });

  it.each([
    {
      why: "OFAC's spelling",
      block: '<publshInformation><Publish_Date>04/06/2018</Publish_Date></publshInformation>',
      published: '2018-04-06',
    },
    {
      why: 'the correct spelling',
      block: '<publishInformation><Publish_Date>4/6/2018</Publish_Date></publishInformation>',
      published: '2018-04-06',
    },
    { why: 'no block at all', block: '', published: null },
  ])('reads the publication date with $why', async ({ block, published }) => {
    const list = await parseOfacLegacyXml(xmlFile(entry(1, '<lastName>A</lastName>'), block), 'ofac-cons');
    expect(list.published).toBe(published);
  });

  it('reports an unreadable Publish_Date and a Record_Count that disagrees with the entries', async () => {
    const file = xmlFile(
      entry(1, '<lastName>A</lastName>'),
      '<publshInformation><Publish_Date>2018-04-06</Publish_Date><Record_Count>2</Record_Count></publshInformation>',
    );
    const list = await parseOfacLegacyXml(file, 'ofac-cons');
    expect(list.published).toBeNull();
    expect(list.issues.map((i) => i.field)).toEqual(['Publish_Date', 'Record_Count']);
    expect(list.issues[1].message).toBe('Record_Count says 2 entries, the file has 1');
  });

  it('maps a.k.a./f.k.a./n.k.a. and strong/weak to alias, weakAlias and previousName', async () => {
    const akas = [
      ['a.k.a.', 'strong', 'STRONG'],
      ['a.k.a.', 'weak', 'WEAK'],
      ['f.k.a.', 'strong', 'FORMER'],
      ['n.k.a.', 'strong', 'NOW'],
    ].map(
      ([type, category, name], i) =>
        `<aka><uid>${i}</uid><type>${type}</type><category>${category}</category><lastName>${name}</lastName></aka>`,
    );
    const list = await parseOfacLegacyXml(xmlFile(entry(1, `<lastName>ACME</lastName><akaList>${akas.join('')}</akaList>`)), 'ofac-cons');
    const e = list.entities[0];
    expect(e.properties.alias).toEqual([{ value: 'STRONG' }, { value: 'NOW' }]);
    expect(e.properties.weakAlias).toEqual([{ value: 'WEAK', weak: true }]);
    expect(e.properties.previousName).toEqual([{ value: 'FORMER' }]);
  });

  it('maps idList types to their properties, with idCountry and dates', async () => {
    const ids = [
      ['Passport', 'A123', 'Korea, North', '<issueDate>01 Jan 2010</issueDate><expirationDate>01 Jan 2015</expirationDate>'],
      ['National ID No.', '99-1', 'Iran', ''],
      ['SWIFT/BIC', 'BKCHCNBJ', '', ''],
      ['Vessel Registration Identification', 'IMO 9045833', '', ''],
      ['MMSI', '123456789', '', ''],
      ['Website', 'www.example.com', '', ''],
      ['Email Address', 'a@example.com', '', ''],
      ['Registration ID', 'R-1', 'Russia', ''],
      ['Tax ID No.', '7702070139', 'Russia', ''],
      ['Gender', 'Female', '', ''],
      ['Secondary sanctions risk:', 'section 1(b) of Executive Order 13224', '', ''],
      ['Organization Established Date', '17 Oct 1990', '', ''],
      ['ISIN', 'US1694261033', '', ''],
    ].map(
      ([type, number, country, dates]) =>
        `<id><uid>1</uid><idType>${type}</idType><idNumber>${number}</idNumber>${country ? `<idCountry>${country}</idCountry>` : ''}${dates}</id>`,
    );
    const list = await parseOfacLegacyXml(xmlFile(entry(1, `<lastName>X</lastName><idList>${ids.join('')}</idList>`)), 'ofac-cons');
    const e = list.entities[0];
    expect(e.properties.passportNumber).toEqual([
      { value: 'A123', kind: 'Passport', country: 'KP', note: 'issued 01 Jan 2010; expires 01 Jan 2015' },
    ]);
    expect(e.properties.idNumber).toEqual([{ value: '99-1', kind: 'National ID No.', country: 'IR' }]);
    expect(values(e, 'swiftBic')).toEqual(['BKCHCNBJ']);
    expect(values(e, 'imoNumber')).toEqual(['9045833']);
    expect(values(e, 'mmsi')).toEqual(['123456789']);
    expect(values(e, 'website')).toEqual(['www.example.com']);
    expect(values(e, 'email')).toEqual(['a@example.com']);
    expect(e.properties.registrationNumber).toEqual([{ value: 'R-1', kind: 'Registration ID', country: 'RU' }]);
    expect(e.properties.taxNumber).toEqual([{ value: '7702070139', kind: 'Tax ID No.', country: 'RU' }]);
    expect(values(e, 'gender')).toEqual(['female']);
    expect(values(e, 'sanctionsNote')).toEqual(['Secondary sanctions risk: section 1(b) of Executive Order 13224']);
    expect(e.properties.incorporationDate).toEqual([{ value: '1990-10-17', original: '17 Oct 1990' }]);
    expect(values(e, 'notes')).toEqual(['ISIN US1694261033']); // no property of its own; kept, not dropped
  });

  it('makes "Nationality of Registration" a flag for a vessel and a jurisdiction for a company', async () => {
    const id = '<idList><id><uid>1</uid><idType>Nationality of Registration</idType><idNumber>Russia</idNumber></id></idList>';
    const list = await parseOfacLegacyXml(
      xmlFile(entry(1, `<lastName>SHIP</lastName>${id}`, 'Vessel') + entry(2, `<lastName>CO</lastName>${id}`)),
      'ofac-cons',
    );
    expect(list.entities[0].properties.flag).toEqual([{ value: 'RU', original: 'Russia' }]);
    expect(list.entities[1].properties.jurisdiction).toEqual([{ value: 'RU', original: 'Russia' }]);
  });

  it('reads dates, places, nationalities and the OFAC country words "Palestinian" and "Region: Gaza"', async () => {
    const inner =
      '<lastName>DOE</lastName><firstName>John</firstName>' +
      '<addressList><address><uid>1</uid><city>Jabaliya</city><country>Region: Gaza</country></address><address><uid>2</uid><country>undetermined</country></address></addressList>' +
      '<nationalityList><nationality><uid>1</uid><country>Palestinian</country><mainEntry>true</mainEntry></nationality></nationalityList>' +
      '<citizenshipList><citizenship><uid>1</uid><country>Turkey</country><mainEntry>true</mainEntry></citizenship></citizenshipList>' +
      '<dateOfBirthList><dateOfBirthItem><uid>1</uid><dateOfBirth>circa 1962</dateOfBirth></dateOfBirthItem><dateOfBirthItem><uid>2</uid><dateOfBirth>sometime in 1963?</dateOfBirth></dateOfBirthItem></dateOfBirthList>' +
      '<placeOfBirthList><placeOfBirthItem><uid>1</uid><placeOfBirth>Nablus, West Bank</placeOfBirth></placeOfBirthItem></placeOfBirthList>';
    const list = await parseOfacLegacyXml(xmlFile(entry(1, inner, 'Individual')), 'ofac-cons');
    const e = list.entities[0];
    expect(e.caption).toBe('DOE, John');
    expect(e.properties.address).toEqual([{ value: 'Jabaliya, Region: Gaza', country: 'PS' }]);
    expect(e.properties.nationality).toEqual([{ value: 'PS', original: 'Palestinian' }]);
    expect(e.properties.citizenship).toEqual([{ value: 'TR', original: 'Turkey' }]);
    expect(e.properties.birthDate).toEqual([
      { value: '1962', approximate: true, original: 'circa 1962' },
      { value: '1963', original: 'sometime in 1963?' },
    ]);
    expect(values(e, 'birthPlace')).toEqual(['Nablus, West Bank']);
    expect(list.issues).toEqual([expect.objectContaining({ recordId: 'ofac:1', field: 'birthDate', raw: 'sometime in 1963?' })]);
  });

  it('reports and skips entries without uid or name, repeated uids, and reads an unknown sdnType as an organisation', async () => {
    const body =
      entry(1, '<lastName>A</lastName>') +
      entry(1, '<lastName>A AGAIN</lastName>') +
      '<sdnEntry><lastName>NO UID</lastName><sdnType>Entity</sdnType></sdnEntry>' +
      entry(3, '') +
      entry(4, '<lastName>ODD</lastName>', 'Spaceship');
    const list = await parseOfacLegacyXml(xmlFile(body), 'ofac-cons');
    expect(list.entities.map((e) => [e.id, e.schema])).toEqual([
      ['ofac:1', 'Organization'],
      ['ofac:4', 'Organization'],
    ]);
    expect(list.issues.map((i) => i.message)).toEqual([
      'uid listed twice; the later one was skipped',
      'entry without a numeric <uid> ("")',
      'entry without a <lastName>',
      'unknown sdnType "Spaceship"; read as an organisation',
    ]);
  });

  it('reports an element it does not read once per file, with its first line', async () => {
    const body = entry(1, '<lastName>A</lastName><newThing>x</newThing>') + entry(2, '<lastName>B</lastName><newThing>y</newThing>');
    const list = await parseOfacLegacyXml(xmlFile(body), 'ofac-cons');
    expect(list.issues).toEqual([
      expect.objectContaining({ field: 'newThing', line: 4, message: 'element <newThing> is not read by the legacy OFAC XML parser' }),
    ]);
  });

  it('resolves "(Linked To: …)" by primary name first, and reports ambiguous and unknown names', async () => {
    const aka = (name: string) =>
      `<akaList><aka><uid>9</uid><type>a.k.a.</type><category>strong</category><lastName>${name}</lastName></aka></akaList>`;
    const body =
      entry(1, '<lastName>PARENT CO</lastName>') +
      entry(2, `<lastName>PARENT OFFICE</lastName>${aka('PARENT CO')}<remarks>(Linked To: PARENT CO)</remarks>`) +
      entry(3, `<lastName>X1</lastName>${aka('TWIN')}`) +
      entry(4, `<lastName>X2</lastName>${aka('TWIN')}`) +
      entry(5, '<lastName>CHILD</lastName><remarks>Telephone 123; (Linked To: TWIN); (Linked To: NOBODY LTD.)</remarks>');
    const list = await parseOfacLegacyXml(xmlFile(body), 'ofac-cons');
    expect(list.relationships).toEqual([{ from: 'ofac:2', to: 'ofac:1', kind: 'linkedTo', sourceText: 'Linked To: PARENT CO' }]);
    expect(list.issues.map((i) => i.message)).toEqual([
      '"Linked To" name is ambiguous (ofac:3, ofac:4): TWIN',
      '"Linked To" names no record of this file: NOBODY LTD',
    ]);
    const child = list.entities[4];
    expect(values(child, 'notes')).toEqual(['Telephone 123; (Linked To: TWIN); (Linked To: NOBODY LTD.)']);
    expect(values(child, 'phone')).toEqual(['123']);
  });

  it('ignores a DOS end-of-file byte after the document', async () => {
    const path = join(dir, 'dos-eof.xml');
    writeFileSync(path, `<sdnList>${entry(1, '<lastName>A</lastName>')}</sdnList>\r\n\x1a`);
    const list = await parseOfacLegacyXml({ path, name: 'dos-eof.xml' }, 'ofac-cons');
    expect(list.entities).toHaveLength(1);
  });
});
