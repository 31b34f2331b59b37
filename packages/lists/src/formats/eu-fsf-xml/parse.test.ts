/**
 * The EU Financial Sanctions Files reader on the fixture written in the published structure
 * (packages/lists/testdata/eu-fsf/, see the README: no full copy of the file is available offline), and on
 * copies of it cut short or broken, which must be refused with file and line.
 */
import { isEmbargoError, values, type Entity } from '@embargo/core';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, test } from 'vitest';
import { EU_FSF_FIXTURES } from '../../../../../test/shared-data.js';
import type { ParsedList } from '../../format.js';
import { listFile } from '../../io.js';
import { parseEuFsfXml } from './index.js';

const NAME = 'eu-fsf/2026-11-28/xmlFullSanctionsList_1_1.xml';
const EU_FIXTURE = join(EU_FSF_FIXTURES, NAME);
const FIXTURE_XML = readFileSync(EU_FIXTURE, 'utf8');

const dir = mkdtempSync(join(tmpdir(), 'embargo-eu-'));
let count = 0;
function fileWith(content: string | Buffer) {
  const path = join(dir, `case-${++count}.xml`);
  writeFileSync(path, content);
  return listFile(path, `cases/case-${count}.xml`);
}

async function refusal(content: string | Buffer): Promise<string> {
  try {
    await parseEuFsfXml(fileWith(content));
  } catch (e) {
    expect(isEmbargoError(e)).toBe(true);
    return (e as Error).message;
  }
  throw new Error('expected the file to be refused');
}

describe('the EU fixture', () => {
  let list: ParsedList;
  const byId = (id: string): Entity => list.entities.find((e) => e.id === id)!;
  beforeAll(async () => {
    list = await parseEuFsfXml(listFile(EU_FIXTURE, NAME));
  });

  test('six entries, three of each subject type, dated by generationDate', () => {
    expect([list.format, list.source, list.published]).toEqual(['eu-fsf-xml', 'eu-fsf', '2026-11-28']);
    expect(list.entities.map((e) => [e.id, e.schema])).toEqual([
      ['eu:5471', 'Person'],
      ['eu:176', 'Person'],
      ['eu:142001', 'Person'],
      ['eu:2935', 'Organization'],
      ['eu:207', 'Organization'],
      ['eu:142002', 'Organization'],
    ]);
  });

  test('a person with the UN reference, a passport known to have expired and a birth date', () => {
    const e = byId('eu:5471');
    expect(e.caption).toBe('Jang Sung Nam');
    expect(e.properties.name).toEqual([{ value: 'Jang Sung Nam', parts: { given: 'Sung Nam', family: 'Jang' } }]);
    expect(e.properties.alias).toEqual([{ value: '장성남', script: 'Hang' }]);
    expect(values(e, 'unscId')).toEqual(['KPi.057']);
    expect(e.properties.passportNumber).toEqual([
      {
        value: '563120368',
        kind: 'National passport',
        country: 'KP',
        note: 'known to have expired; Issued on 22.3.2013, expired on 22.3.2018.',
      },
    ]);
    expect(e.properties.birthDate).toEqual([{ value: '1970-07-14' }]);
    // countryIso2Code "00" / "UNKNOWN": no place of birth.
    expect(e.properties.birthPlace).toBeUndefined();
    expect(values(e, 'nationality')).toEqual(['KP']);
    expect(e.properties.gender).toEqual([{ value: 'male', original: 'M' }]);
    expect(values(e, 'position')).toEqual(['Chief of an overseas Tangun Trading Corporation branch']);
    expect(values(e, 'listingDate')).toEqual(['2017-08-10']);
  });

  test('strong and weak names: strong="false", a "Low quality alias" remark; a good-quality remark is not a note', () => {
    const e = byId('eu:176');
    expect(e.caption).toBe('Aiman Muhammed Rabi Al-Zawahiri');
    expect(e.properties.alias).toEqual([
      { value: 'Ayman Al-Zawahari' },
      { value: 'Aïman Mohammed Rabi Al-Zaouahiri', note: 'language FR' },
      { value: 'أيمن محمد ربيع الظواهري', script: 'Arab' },
    ]);
    expect(e.properties.weakAlias).toEqual([
      { value: 'Abu Mohammed', weak: true },
      { value: 'Abu Fatma', weak: true },
    ]);
    expect(values(e, 'title')).toEqual(['Doctor', 'Dr.']);
    expect(values(e, 'notes')).toEqual([
      'Leader of Al-Qaida. Reportedly deceased.',
      'Photo available for inclusion in the INTERPOL-UN Security Council Special Notice.',
    ]);
    expect(e.properties.birthPlace).toEqual([{ value: 'Giza, EGYPT', country: 'EG' }]);
    // Two acts of one programme: one statement naming both, the first act's date as the listing date.
    expect(e.properties.program).toEqual([
      {
        value: 'AQL',
        note: 'EU reference EU.2760.20; regulation 881/2002 (OJ L139) published 2002-05-29 http://eur-lex.europa.eu/LexUriServ/LexUriServ.do?uri=OJ:L:2002:139:0009:0022:EN:PDF; amendment 2021/357 (OJ L69) published 2021-03-02 https://eur-lex.europa.eu/legal-content/EN/TXT/PDF/?uri=CELEX:32021R0357&from=EN',
      },
    ]);
    expect(values(e, 'listingDate')).toEqual(['2002-05-29']);
    expect(e.properties.passportNumber?.map((p) => [p.value, p.country])).toEqual([
      ['1084010', 'EG'],
      ['19820215', undefined],
    ]);
  });

  test('quirks: name parts without wholeName, year ranges and partial dates, CS for Serbia, a Cyrillic number with its Latin one', () => {
    const e = byId('eu:142001');
    expect(e.caption).toBe('Ivan Ivanovich TESTOV');
    expect(e.properties.birthDate).toEqual([{ value: '1958', until: '1960', approximate: true }, { value: '1959-05' }]);
    expect(e.properties.nationality).toEqual([{ value: 'RU' }, { value: 'RS', original: 'CS' }]);
    expect(values(e, 'weakAlias')).toEqual(['Vanya Testov']);
    expect(values(e, 'position')).toEqual(['Director of a test fixture', 'Member of the board']);
    expect(values(e, 'idNumber')).toEqual(['АВ 1234567', 'AB 1234567']);
    expect(values(e, 'taxNumber')).toEqual(['770123456789']);
    expect(values(e, 'listingDate')).toEqual(['2022-03-15']);
    expect(values(e, 'sanctionsNote')).toEqual(['Date of listing: 15.3.2022.']);
    // The birth year in the Islamic calendar is reported, not read as 1378.
    expect(list.issues).toEqual([
      {
        file: NAME,
        line: 101,
        recordId: 'eu:142001',
        field: 'birthdate/calendarType',
        raw: '1378 (ISLAMIC)',
        message: 'date of birth in the ISLAMIC calendar is not read',
      },
    ]);
  });

  test('entities: addresses with contact details, identifiers by type code, several programmes, no euReferenceNumber', () => {
    const komid = byId('eu:2935');
    expect(komid.caption).toBe('Korea Mining Development Trading Corporation');
    expect(values(komid, 'alias')).toEqual(['KOMID', 'Changgwang Sinyong Corporation']);
    expect(komid.properties.address).toEqual([{ value: 'Central District, Pyongyang, NORTH KOREA', country: 'KP' }]);
    expect(values(komid, 'unscId')).toEqual(['KPe.001']);

    const ibda = byId('eu:207');
    expect(ibda.properties.alias?.map((a) => [a.value, a.script, a.note])).toEqual([
      ['Great Islamic Eastern Warriors Front', undefined, undefined],
      ['Фронт на великите ислямски източни воини', 'Cyrl', 'language BG'],
      ['Μέγα Ισλαµικό Μέτωπο των Πολεµιστών της Ανατολής', 'Grek', 'language EL'],
      ['Front islamique des combattants du Grand Orient', undefined, 'language FR'],
      ['IBDA-C', undefined, undefined],
    ]);

    const shipping = byId('eu:142002');
    expect(shipping.properties.address).toEqual([
      { value: 'Nevsky Prospekt 100, office 5, P.O. Box 17, 191025 Saint Petersburg, RUSSIAN FEDERATION', country: 'RU' },
      { value: 'Belgrade, SERBIA AND MONTENEGRO', country: 'RS' },
    ]);
    expect(values(shipping, 'phone')).toEqual(['+7 812 000 00 00', '+7 812 000 00 01']);
    expect(values(shipping, 'email')).toEqual(['office@testova.example']);
    expect(values(shipping, 'website')).toEqual(['www.testova.example']);
    expect(values(shipping, 'registrationNumber')).toEqual(['1027700000001']);
    expect(values(shipping, 'imoNumber')).toEqual(['9876543']);
    expect(values(shipping, 'swiftBic')).toEqual(['TESTRUMMXXX']);
    expect(values(shipping, 'program')).toEqual(['RUS', 'UKR']);
    expect(values(shipping, 'notes')).toEqual(['Ship management company operating tankers.', 'Registered office.']);
  });
});

describe('refusals name the file and the line', () => {
  test('the fixture cut short', async () => {
    const cut = FIXTURE_XML.slice(0, FIXTURE_XML.indexOf('<sanctionEntity designationDetails="" unitedNationId="KPe.001"'));
    expect(await refusal(cut)).toMatch(
      /^cases\/case-\d+\.xml:\d+: XML ends early \(unclosed tag: export\): the file is truncated or damaged$/,
    );
  });

  test('a tag broken in the middle of an entry', async () => {
    const broken = FIXTURE_XML.replace(
      '<subjectType code="enterprise" classificationCode="E"/>',
      '<subjectType code="enterprise" classificationCode="E">',
    );
    const line = FIXTURE_XML.slice(0, FIXTURE_XML.indexOf('</sanctionEntity>', FIXTURE_XML.indexOf('unitedNationId="KPe.001"'))).split(
      '\n',
    ).length;
    expect(await refusal(broken)).toMatch(new RegExp(`^cases/case-\\d+\\.xml:${line}: malformed XML: unexpected close tag`));
  });

  test('an entry without its logicalId', async () => {
    const missing = FIXTURE_XML.replace('euReferenceNumber="EU.3523.13" logicalId="207"', 'euReferenceNumber="EU.3523.13"');
    const line = FIXTURE_XML.slice(0, FIXTURE_XML.indexOf('logicalId="207"')).split('\n').length;
    expect(await refusal(missing)).toBe(`cases/case-${count}.xml:${line}: <sanctionEntity> without a numeric logicalId ("")`);
  });

  test('another export format, or no namespace', async () => {
    expect(await refusal('<?xml version="1.0"?>\n<export generationDate="2026-01-01"></export>')).toMatch(
      /^cases\/case-\d+\.xml:2: root element <export> is not the EU Financial Sanctions Files export/,
    );
  });

  test('an empty file, and bytes that are not UTF-8', async () => {
    expect(await refusal('')).toMatch(/^cases\/case-\d+\.xml:1: file is empty$/);
    const bytes = Buffer.from(FIXTURE_XML);
    const at = bytes.indexOf('Chief of an overseas');
    bytes[at] = 0xff;
    expect(await refusal(bytes)).toMatch(/^cases\/case-\d+\.xml:4: file is not valid UTF-8/);
  });
});

describe('what an entry may hold that the reader does not expect', () => {
  test('an unknown element, subject type, identification type or contact kind is reported, the entry still read', async () => {
    const xml = FIXTURE_XML.replace(
      '<subjectType code="enterprise" classificationCode="E"/>',
      '<subjectType code="vessel" classificationCode="V"/><vessel imo="1"/>',
    )
      .replace('identificationTypeCode="swiftbic"', 'identificationTypeCode="lei"')
      .replace('<contactInfo key="WEB"', '<contactInfo key="TELEGRAM"');
    const list = await parseEuFsfXml(fileWith(xml));
    expect(list.entities).toHaveLength(6);
    expect(list.entities.find((e) => e.id === 'eu:2935')!.schema).toBe('LegalEntity');
    expect(list.issues.map((i) => [i.recordId ?? null, i.field, i.message])).toEqual([
      ['eu:142001', 'birthdate/calendarType', 'date of birth in the ISLAMIC calendar is not read'],
      ['eu:2935', 'subjectType', 'unknown subject type "vessel"; read as a legal entity'],
      ['eu:142002', 'identification/identificationTypeCode', 'unknown identification type "lei"; read as an id number'],
      ['eu:142002', 'address/contactInfo', 'unknown contact kind "TELEGRAM"'],
      [null, 'vessel', 'element <vessel> is not read by the EU list parser'],
    ]);
  });
});
