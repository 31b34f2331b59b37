import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { countBySchema, values, type Entity } from '@embargo/core';
import { hasSharedArchive, sharedList } from '../../../../../test/shared-data.js';
import type { ParsedList } from '../../format.js';
import { parseOfacEnhancedXml } from './index.js';

/** These tests read the archive of older publications in ../shared. */
const ARCHIVE = hasSharedArchive();

const ZIP = 'ofac-cons/2025-01-10/CONS_ENHANCED.ZIP';
const dir = mkdtempSync(join(tmpdir(), 'embargo-ofac-enhanced-'));

function byId(list: ParsedList, id: string): Entity {
  const entity = list.entities.find((e) => e.id === id);
  if (!entity) throw new Error(`${id} not parsed`);
  return entity;
}

describe.skipIf(!ARCHIVE)(`parseOfacEnhancedXml on ${ZIP}`, async () => {
  const list = ARCHIVE ? await parseOfacEnhancedXml({ path: sharedList(ZIP), name: ZIP }, 'ofac-cons') : (undefined as never);

  it('reads 443 entities with dataAsOf 2025-01-10 from the zip', () => {
    expect(list.format).toBe('ofac-enhanced');
    expect(list.published).toBe('2025-01-10');
    expect(list.entities).toHaveLength(443);
    expect(new Set(list.entities.map((e) => e.id)).size).toBe(443);
    expect(countBySchema(list.entities)).toEqual({ Organization: 363, Person: 80 });
  });

  it('reads 283 relationships: 278 owned by, 4 owns, 1 acting for', () => {
    expect(list.relationships).toHaveLength(283);
    const byKind: Record<string, number> = {};
    for (const r of list.relationships) byKind[`${r.kind}: ${r.sourceText}`] = (byKind[`${r.kind}: ${r.sourceText}`] ?? 0) + 1;
    expect(byKind).toEqual({
      'ownedBy: Owned or Controlled By': 278,
      'owns: Owns, controls, or operates': 4,
      'actingFor: Acting for or on behalf of': 1,
    });
  });

  it('keeps the link to HAMAS, an SDN-list record not in this file, and reports it', () => {
    expect(list.relationships).toContainEqual({
      from: 'ofac:9647',
      to: 'ofac:4695',
      kind: 'actingFor',
      sourceText: 'Acting for or on behalf of',
    });
    expect(list.issues).toEqual([expect.objectContaining({ file: `${ZIP}!CONS_ENHANCED.XML`, recordId: 'ofac:9647', raw: 'ofac:4695' })]);
  });

  it('reads a person: formatted names, weak aliases, birth date, nationality by reference value, gender', () => {
    const zahhar = byId(list, 'ofac:9647');
    expect(zahhar.caption).toBe('ZAHHAR, Mahmoud Khaled');
    expect(zahhar.properties.weakAlias).toEqual([
      { value: 'ZAHAR, Mahmoud', parts: { family: 'ZAHAR', given: 'Mahmoud' }, weak: true },
      { value: 'AL-ZAHAR, Mahmoud', parts: { family: 'AL-ZAHAR', given: 'Mahmoud' }, weak: true },
    ]);
    expect(zahhar.properties.birthDate).toEqual([{ value: '1945' }]);
    expect(zahhar.properties.nationality).toEqual([{ value: 'PS', original: 'Palestinian' }]);
    expect(values(zahhar, 'gender')).toEqual(['male']);
    expect(zahhar.properties.address).toBeUndefined(); // a region alone is a country, not an address
    expect(zahhar.properties.country).toEqual([{ value: 'PS', original: 'Region: Gaza' }]);
    expect(zahhar.properties.listingDate).toContainEqual({ value: '2023-11-14', note: 'SDN List' });
  });

  it('reads an organisation: Cyrillic translations, identity documents, established date', () => {
    const vtb = byId(list, 'ofac:17013');
    expect(vtb.properties.name).toEqual([
      { value: 'VTB BANK PUBLIC JOINT STOCK COMPANY' },
      { value: 'БАНК ВТБ ПУБЛИЧНОЕ АКЦИОНЕРНОЕ ОБЩЕСТВО', script: 'Cyrl' },
    ]);
    expect(vtb.properties.registrationNumber).toContainEqual({ value: '1027739609391', kind: 'Registration ID', country: 'RU' });
    expect(vtb.properties.incorporationDate).toEqual([{ value: '1990-10-17', original: '17 Oct 1990' }]);
    expect(values(vtb, 'program')).toEqual(['UKRAINE-EO13662', 'RUSSIA-EO14024']);
  });

  it('gives the same result for the XML unzipped', async () => {
    const inner = unzipSync(new Uint8Array(readFileSync(sharedList(ZIP))))['CONS_ENHANCED.XML'];
    const path = join(dir, 'CONS_ENHANCED.XML');
    writeFileSync(path, inner);
    const plain = await parseOfacEnhancedXml({ path, name: 'CONS_ENHANCED.XML' }, 'ofac-cons');
    expect(plain.entities).toEqual(list.entities);
    expect(plain.relationships).toEqual(list.relationships);
    expect(plain.issues.map((i) => i.file)).toEqual(['CONS_ENHANCED.XML']);
  });
});
