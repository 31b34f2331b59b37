import { describe, expect, it } from 'vitest';
import { countBySchema, values, type Entity } from '@embargo/core';
import { hasSharedArchive, sharedList } from '../../../../../test/shared-data.js';
import type { ParsedList } from '../../format.js';
import { parseOfacLegacyXml } from './index.js';

/** These tests read the archive of older publications in ../shared. */
const ARCHIVE = hasSharedArchive();

async function parseShared(name: string): Promise<ParsedList> {
  return parseOfacLegacyXml({ path: sharedList(name), name }, 'ofac-cons');
}

function byId(list: ParsedList, id: string): Entity {
  const entity = list.entities.find((e) => e.id === id);
  if (!entity) throw new Error(`${id} not parsed`);
  return entity;
}

describe.skipIf(!ARCHIVE)('parseOfacLegacyXml on ofac-cons/2018-04-06/consolidated.xml (old namespace)', async () => {
  const list = ARCHIVE ? await parseShared('ofac-cons/2018-04-06/consolidated.xml') : (undefined as never);

  it('reads all 639 entries with the publication date and types of PROVENANCE.md', () => {
    expect(list.format).toBe('ofac-xml');
    expect(list.published).toBe('2018-04-06');
    expect(list.entities).toHaveLength(639);
    expect(new Set(list.entities.map((e) => e.id)).size).toBe(639);
    expect(countBySchema(list.entities)).toEqual({ Organization: 471, Person: 94, Vessel: 74 });
    expect(list.issues).toEqual([]);
  });

  it('maps an organisation with aliases and addresses', () => {
    const bank = byId(list, 'ofac:4632');
    expect(bank.caption).toBe('BANK MARKAZI JOMHOURI ISLAMI IRAN');
    expect(values(bank, 'alias')).toEqual(['CENTRAL BANK OF THE ISLAMIC REPUBLIC OF IRAN', 'BANK MARKAZI IRAN', 'CENTRAL BANK OF IRAN']);
    expect(bank.properties.address).toContainEqual({ value: '213 Ferdowsi Avenue, Tehran, 11365, Iran', country: 'IR' });
    expect(bank.properties.country).toEqual([{ value: 'IR', original: 'Iran' }]);
    expect(values(bank, 'program')).toEqual(['IRAN']);
    expect(values(bank, 'sanctionsNote')).toContain('Not on the SDN List and Not Subject to Secondary Sanctions');
  });

  it('maps a vessel: IMO number from "Vessel Registration Identification", MMSI, vesselInfo, former names', () => {
    const vessel = byId(list, 'ofac:15036');
    expect(vessel.schema).toBe('Vessel');
    expect(vessel.caption).toBe('SHONA');
    expect(values(vessel, 'imoNumber')).toEqual(['9187629']);
    expect(values(vessel, 'mmsi')).toEqual(['572469210']);
    expect(values(vessel, 'callSign')).toEqual(['T2EU4']);
    expect(vessel.properties.flag).toEqual([{ value: 'TZ', original: 'Tanzania' }]);
    expect(values(vessel, 'vesselType')).toEqual(['Crude/Oil Products Tanker']);
    expect(values(vessel, 'previousName')).toEqual(['ABADAN', 'ALPHA']);
    expect(values(vessel, 'notes')).toContain('Former Vessel Flag Malta');
  });

  it('maps a person: name parts, passport with issuing country, a date-of-birth range', () => {
    const person = byId(list, 'ofac:15960');
    expect(person.properties.name).toEqual([{ value: 'GHALEBANI, Ahmad', parts: { family: 'GHALEBANI', given: 'Ahmad' } }]);
    expect(person.properties.passportNumber).toEqual([{ value: 'H20676140', kind: 'Passport', country: 'IR' }]);
    expect(person.properties.birthDate).toEqual([{ value: '1953-01-01', until: '1954-12-31', original: '01 Jan 1953 to 31 Dec 1954' }]);
    expect(values(person, 'title')[0]).toMatch(/^Managing Director, National Iranian Oil Company;/);
  });

  it('resolves every "(Linked To: …)" remark to a record of the file, preferring primary names', () => {
    expect(list.relationships).toHaveLength(365);
    const ids = new Set(list.entities.map((e) => e.id));
    expect(list.relationships.every((r) => r.kind === 'linkedTo' && ids.has(r.from) && ids.has(r.to))).toBe(true);
    // NATIONAL IRANIAN TANKER COMPANY is 15117's name and an a.k.a. of its office 15119.
    expect(list.relationships).toContainEqual({
      from: 'ofac:15036',
      to: 'ofac:15117',
      kind: 'linkedTo',
      sourceText: 'Linked To: NATIONAL IRANIAN TANKER COMPANY',
    });
  });
});

describe.skipIf(!ARCHIVE)('parseOfacLegacyXml on ofac-cons/2019-03-14/consolidated.xml', async () => {
  const list = ARCHIVE ? await parseShared('ofac-cons/2019-03-14/consolidated.xml') : (undefined as never);

  it('reads 375 entries and 275 links', () => {
    expect(list.published).toBe('2019-03-14');
    expect(list.entities).toHaveLength(375);
    expect(countBySchema(list.entities)).toEqual({ Organization: 293, Person: 82 });
    expect(list.relationships).toHaveLength(275);
    expect(list.issues).toEqual([]);
  });

  it('keeps an alias OFAC lists twice only once (18769)', () => {
    expect(byId(list, 'ofac:18769').properties.weakAlias).toEqual([
      { value: 'VYSOKOTOCHNYE KOMPLEKSY', weak: true },
      { value: 'HIGH PRECISION SYSTEMS', weak: true },
    ]);
  });
});

describe.skipIf(!ARCHIVE)('parseOfacLegacyXml on ofac-cons/2025-06-30/consolidated.xml (Sanctions List Service namespace)', async () => {
  const list = ARCHIVE ? await parseShared('ofac-cons/2025-06-30/consolidated.xml') : (undefined as never);

  it('reads 443 entries with Publish_Date 06/30/2025', () => {
    expect(list.published).toBe('2025-06-30');
    expect(list.entities).toHaveLength(443);
    expect(countBySchema(list.entities)).toEqual({ Organization: 363, Person: 80 });
  });

  it('reads the newer id types', () => {
    const person = byId(list, 'ofac:9639');
    expect(person.properties.birthDate).toEqual([{ value: '1962' }]);
    expect(values(person, 'birthPlace')).toEqual(['Shati']);
    // 361 "Secondary sanctions risk:" ids on 288 entries; 30 "Organization Established Date" ids on 29 (17016 has two).
    const withRisk = list.entities.filter((e) => values(e, 'sanctionsNote').some((n) => n.startsWith('Secondary sanctions risk:')));
    expect(withRisk).toHaveLength(288);
    expect(list.entities.filter((e) => e.properties.incorporationDate)).toHaveLength(29);
    expect(byId(list, 'ofac:17013').properties.incorporationDate).toEqual([{ value: '1990-10-17', original: '17 Oct 1990' }]);
  });

  it('reports the one link whose target (HAMAS) is on the SDN list, not in this file', () => {
    expect(list.relationships).toHaveLength(282);
    expect(list.issues).toEqual([
      expect.objectContaining({
        recordId: 'ofac:9647',
        raw: 'Linked To: HAMAS',
        message: expect.stringMatching(/names no record of this file/),
      }),
    ]);
  });
});
