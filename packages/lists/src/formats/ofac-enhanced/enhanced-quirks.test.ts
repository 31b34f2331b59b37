import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { strToU8, zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { isEmbargoError, values } from '@embargo/core';
import { hasShared, sharedList } from '../../../../../test/shared-data.js';
import type { ListFile } from '../../format.js';
import { parseOfacEnhancedXml } from './index.js';

const ENHANCED_ZIP = 'ofac-cons/2025-01-10/CONS_ENHANCED.ZIP';
const dir = mkdtempSync(join(tmpdir(), 'embargo-ofac-enhanced-quirks-'));
function file(name: string, content: string | Uint8Array): ListFile {
  const path = join(dir, name);
  writeFileSync(path, content);
  return { path, name };
}

const doc = (entities: string) => `<?xml version="1.0" encoding="utf-8"?>
<sanctionsData xmlns="https://sanctionslistservice.ofac.treas.gov/api/PublicationPreview/exports/ENHANCED_XML">
  <publicationInfo><dataAsOf>2025-03-01T00:00:00</dataAsOf></publicationInfo>
  <referenceValues><referenceValue refId="11065"><type>COUNTRY</type><value>China</value><isoCode>CN</isoCode></referenceValue></referenceValues>
  <entities>${entities}</entities>
</sanctionsData>`;

const translation = (primary: boolean, script: string, full: string, parts: string) =>
  `<translation><isPrimary>${primary}</isPrimary><script>${script}</script><formattedFullName>${full}</formattedFullName><nameParts>${parts}</nameParts></translation>`;
const part = (type: string, value: string) => `<namePart><type>${type}</type><value>${value}</value></namePart>`;

async function parseError(f: ListFile): Promise<string> {
  const error = await parseOfacEnhancedXml(f, 'ofac-sdn').catch((e: unknown) => e);
  if (!isEmbargoError(error)) throw new Error(`expected a LIST_PARSE error, got ${String(error)}`);
  expect(error.code).toBe('LIST_PARSE');
  return error.message;
}

describe('enhanced XML quirks', () => {
  it('reads translations in other scripts, nicknames, dates, country features and documents', async () => {
    const entity = `<entity id="5">
      <generalInfo><identityId>1</identityId><entityType>Entity</entityType><remarks>Linked to nothing in particular.</remarks></generalInfo>
      <names>
        <name><isPrimary>true</isPrimary><isLowQuality>false</isLowQuality><translations>
          ${translation(false, 'Chinese Simplified', '旷视科技有限公司', part('Entity Name', '旷视科技有限公司'))}
          ${translation(true, 'Latin', 'MEGVII TECHNOLOGY LIMITED', part('Entity Name', 'Megvii Technology Limited'))}
        </translations></name>
        <name><isPrimary>false</isPrimary><aliasType>A.K.A.</aliasType><isLowQuality>true</isLowQuality><translations>
          ${translation(true, 'Latin', 'Face++', part('Nickname', 'Face++'))}
        </translations></name>
        <name><isPrimary>false</isPrimary><aliasType>F.K.A.</aliasType><isLowQuality>false</isLowQuality><translations>
          ${translation(true, 'Latin', 'BEIJING KUANGSHI', part('Entity Name', 'Beijing Kuangshi'))}
        </translations></name>
      </names>
      <features>
        <feature><type>Organization Established Date</type><value>Oct 2011</value><valueDate><fromDateBegin>2011-10-01</fromDateBegin><fromDateEnd>2011-10-01</fromDateEnd><toDateBegin>2011-10-31</toDateBegin><toDateEnd>2011-10-31</toDateEnd><isApproximate>false</isApproximate><isDateRange>false</isDateRange></valueDate></feature>
        <feature><type>Nationality of Registration</type><value>China</value><valueRefId>11065</valueRefId></feature>
        <feature><type>Equity Ticker</type><value>MEGV HK</value></feature>
      </features>
      <identityDocuments><identityDocument><type>Unified Social Credit Code (USCC)</type><documentNumber>91110108</documentNumber><isValid>true</isValid><issuingCountry refId="11065">China</issuingCountry></identityDocument></identityDocuments>
      <relationships><relationship><type>Principal Executive Officer</type><relatedEntity entityId="6">X</relatedEntity></relationship></relationships>
    </entity>`;
    const list = await parseOfacEnhancedXml(file('one.xml', doc(entity)), 'ofac-sdn');
    const e = list.entities[0];
    expect(list.published).toBe('2025-03-01');
    expect([e.id, e.schema, e.caption]).toEqual(['ofac:5', 'Organization', 'MEGVII TECHNOLOGY LIMITED']);
    expect(e.properties.name).toEqual([{ value: 'MEGVII TECHNOLOGY LIMITED' }, { value: '旷视科技有限公司', script: 'Hani' }]);
    expect(e.properties.weakAlias).toEqual([{ value: 'Face++', weak: true }]);
    expect(values(e, 'previousName')).toEqual(['BEIJING KUANGSHI']);
    expect(e.properties.incorporationDate).toEqual([{ value: '2011-10', original: 'Oct 2011' }]);
    expect(e.properties.jurisdiction).toEqual([{ value: 'CN', original: 'China' }]);
    expect(e.properties.registrationNumber).toEqual([{ value: '91110108', kind: 'Unified Social Credit Code (USCC)', country: 'CN' }]);
    expect(values(e, 'notes')).toEqual(['Equity Ticker MEGV HK', 'Linked to nothing in particular.']);
    expect(list.relationships).toEqual([{ from: 'ofac:5', to: 'ofac:6', kind: 'other', sourceText: 'Principal Executive Officer' }]);
  });

  it('reports entities without a numeric id or a primary name', async () => {
    const list = await parseOfacEnhancedXml(
      file(
        'bad.xml',
        doc('<entity id="x"/><entity id="7"><generalInfo><entityType>Individual</entityType></generalInfo><names/></entity>'),
      ),
      'ofac-sdn',
    );
    expect(list.entities).toEqual([]);
    expect(list.issues.map((i) => i.message)).toEqual(['entity without a numeric id ("x")', 'entity without a primary name']);
  });

  it.skipIf(!hasShared(ENHANCED_ZIP))('rejects a zip whose data is cut off, naming the file', async () => {
    const zip = readFileSync(sharedList(ENHANCED_ZIP));
    const message = await parseError(file('CUT_ENHANCED.ZIP', zip.subarray(0, 100_000)));
    expect(message).toBe('CUT_ENHANCED.ZIP: zip archive is corrupt or truncated (no end of central directory)');
  });

  it.skipIf(!hasShared(ENHANCED_ZIP))('rejects a zip whose compressed data is damaged, naming the file', async () => {
    const zip = new Uint8Array(readFileSync(sharedList(ENHANCED_ZIP)));
    for (let i = 5_000; i < 5_100; i++) zip[i] = 0x55;
    expect(await parseError(file('DAMAGED_ENHANCED.ZIP', zip))).toMatch(/^DAMAGED_ENHANCED\.ZIP(!CONS_ENHANCED\.XML:\d+)?: /);
  });

  it('rejects a zip without an .xml member', async () => {
    const message = await parseError(file('NO_XML.ZIP', zipSync({ 'readme.txt': strToU8('nothing here') })));
    expect(message).toBe('NO_XML.ZIP: zip archive holds no .xml file');
  });

  it('names the member and line of a truncated XML inside a zip', async () => {
    const zip = zipSync({ 'SDN_ENHANCED.XML': strToU8('<sanctionsData>\n<entities>\n<entity id="1">\n') });
    expect(await parseError(file('SDN_ENHANCED.ZIP', zip))).toBe(
      'SDN_ENHANCED.ZIP!SDN_ENHANCED.XML:4: XML ends early (unclosed tag: entity): the file is truncated or damaged',
    );
  });

  it('rejects an empty file and a non-OFAC root', async () => {
    expect(await parseError(file('EMPTY.ZIP', ''))).toBe('EMPTY.ZIP:1: file is empty');
    expect(await parseError(file('other.xml', '<sdnList/>'))).toBe(
      'other.xml:1: root element <sdnList> is not an OFAC enhanced XML file (SDN_ENHANCED.XML or CONS_ENHANCED.XML) (expected <sanctionsData>)',
    );
  });
});
