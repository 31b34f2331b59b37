import { describe, expect, it } from 'vitest';
import { countBySchema, NAME_PROPERTIES, values, type Entity } from '@embargo/core';
import { hasSharedArchive, sharedList } from '../../../../../test/shared-data.js';
import type { ParsedList } from '../../format.js';
import { parseOfacLegacyXml } from '../ofac-xml/index.js';
import { parseOfacAdvancedXml } from './index.js';

/** These tests read the archive of older publications in ../shared. */
const ARCHIVE = hasSharedArchive();

const ADVANCED = 'ofac-cons/2019-03-14/cons_advanced.xml';
const LEGACY_SAME_DAY = 'ofac-cons/2019-03-14/consolidated.xml';

function byId(list: ParsedList, id: string): Entity {
  const entity = list.entities.find((e) => e.id === id);
  if (!entity) throw new Error(`${id} not parsed`);
  return entity;
}

/** Every name of an entity as "property: value", sorted, to compare two readings of one record. */
function nameSet(entity: Entity): string[] {
  return NAME_PROPERTIES.flatMap((p) => values(entity, p).map((v) => `${p}: ${v}`)).sort();
}

describe.skipIf(!ARCHIVE)(`parseOfacAdvancedXml on ${ADVANCED}`, async () => {
  const list = ARCHIVE ? await parseOfacAdvancedXml({ path: sharedList(ADVANCED), name: ADVANCED }, 'ofac-cons') : (undefined as never);
  const legacy = ARCHIVE
    ? await parseOfacLegacyXml({ path: sharedList(LEGACY_SAME_DAY), name: LEGACY_SAME_DAY }, 'ofac-cons')
    : (undefined as never);

  it('reads 375 parties, DateOfIssue 2019-3-14, and no issues', () => {
    expect(list.format).toBe('ofac-advanced');
    expect(list.published).toBe('2019-03-14');
    expect(list.entities).toHaveLength(375);
    expect(countBySchema(list.entities)).toEqual({ Organization: 293, Person: 82 });
    expect(list.issues).toEqual([]);
  });

  it('uses the FixedRef as id: the same ids as the legacy uids of the same day', () => {
    expect(list.entities.map((e) => e.id).sort()).toEqual(legacy.entities.map((e) => e.id).sort());
  });

  it('prints every name as the legacy file of the same day does', () => {
    const legacyById = new Map(legacy.entities.map((e) => [e.id, e]));
    const differing = list.entities.filter((e) => JSON.stringify(nameSet(e)) !== JSON.stringify(nameSet(legacyById.get(e.id)!)));
    expect(differing.map((e) => e.id)).toEqual([]);
    expect(list.entities.every((e) => e.caption === legacyById.get(e.id)!.caption)).toBe(true);
  });

  it('reads 275 "Owned or Controlled By" relationships, the pairs the legacy file links by name', () => {
    expect(list.relationships).toHaveLength(275);
    expect(new Set(list.relationships.map((r) => `${r.kind}/${r.sourceText}`))).toEqual(new Set(['ownedBy/Owned or Controlled By']));
    const pairs = (l: ParsedList) => l.relationships.map((r) => `${r.from}>${r.to}`).sort();
    expect(pairs(list)).toEqual(pairs(legacy));
    expect(list.relationships).toContainEqual({
      from: 'ofac:18267',
      to: 'ofac:17022',
      kind: 'ownedBy',
      sourceText: 'Owned or Controlled By',
    });
  });

  it('reads names, features, documents and sanctions entries of a party (17015 VNESHECONOMBANK)', () => {
    const veb = byId(list, 'ofac:17015');
    expect(veb.properties.name).toEqual([{ value: 'VNESHECONOMBANK', original: 'Vnesheconombank' }]);
    expect(veb.properties.weakAlias).toEqual([{ value: 'VEB', weak: true }]);
    expect(values(veb, 'swiftBic')).toEqual(['BFEARUMM']);
    expect(veb.properties.address).toEqual([{ value: '9 Akademika Sakharova prospekt, Moscow, 107996, Russia', country: 'RU' }]);
    expect(values(veb, 'sanctionsNote')).toEqual(['Executive Order 13662 Directive Determination - Subject to Directive 1']);
    expect(values(veb, 'program')).toEqual(['UKRAINE-EO13662']);
    expect(veb.properties.listingDate).toEqual([
      { value: '2014-10-10', note: 'Consolidated List' },
      { value: '2014-07-16', note: 'Sectoral Sanctions Identifications List' },
    ]);
    expect(values(veb, 'authority')).toContain('Executive Order 13662 (Ukraine)');
  });

  it('reads a birth year from its date period and identifiers with their issuing country', () => {
    const haniya = byId(list, 'ofac:9639');
    expect(haniya.properties.birthDate).toEqual([{ value: '1962' }]);
    expect(haniya.properties.name).toEqual([
      { value: 'HANIYA, Ismail Abdul Salah', parts: { family: 'HANIYA', given: 'Ismail Abdul Salah' } },
    ]);
    const lengiproneftekhim = byId(list, 'ofac:23552');
    expect(lengiproneftekhim.properties.taxNumber).toEqual([
      { value: '7810327462', kind: 'Tax ID No.', country: 'RU', note: 'issued by INN' },
    ]);
    expect(lengiproneftekhim.properties.jurisdiction).toEqual([{ value: 'RU', original: 'Russia' }]);
  });
});
