/**
 * Canada's consolidated SEMA/JVCFOA list of about April 2020 (lists-more/PROVENANCE.md): a test fixture only,
 * never bundled, as its reproduction terms require. Counts of the real file and records checked by hand.
 */
import { values, type Entity } from '@embargo/core';
import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, test } from 'vitest';
import { hasSharedMore, sharedMoreList } from '../../../../../test/shared-data.js';
import type { ParsedList } from '../../format.js';
import { listFile } from '../../io.js';
import { parseCaSemaXml } from './index.js';

const NAME = 'ca-sema/2020-04/sema-lmes.xml';

describe.skipIf(!hasSharedMore(NAME))(NAME, () => {
  const file = () => listFile(sharedMoreList(NAME), NAME);
  let list: ParsedList;
  const byId = (id: string): Entity => list.entities.find((e) => e.id === id)!;
  beforeAll(async () => {
    list = await parseCaSemaXml(file());
  });

  test('1,369 records, as many <record> elements as the file has; people and entities as they are named', () => {
    const records = readFileSync(file().path, 'utf8').match(/<record>/g)!.length;
    expect(records).toBe(1369);
    expect(list.entities).toHaveLength(1369);
    expect(new Set(list.entities.map((e) => e.id)).size).toBe(1369);
    expect(list.entities.filter((e) => e.schema === 'Organization')).toHaveLength(384);
    expect(list.entities.filter((e) => e.schema === 'Person')).toHaveLength(985);
    expect([list.format, list.source, list.published]).toEqual(['ca-sema-xml', 'ca-sema', null]);
    expect(list.issues).toEqual([]);
  });

  test('a person with aliases and a birth date: Alexey Gennadyevich DYUMIN (Russia, Schedule 1, item 96)', () => {
    const e = byId('ca:russia-1-96');
    expect(e.schema).toBe('Person');
    expect(e.caption).toBe('DYUMIN, Alexey Gennadyevich');
    expect(e.properties.name).toEqual([
      { value: 'DYUMIN, Alexey Gennadyevich', parts: { family: 'DYUMIN', given: 'Alexey Gennadyevich' } },
    ]);
    // "Alexei, Aleksei": spellings of the first name alone, so weak.
    expect(e.properties.weakAlias).toEqual([
      { value: 'Alexei', weak: true, note: 'listed together as "Alexei, Aleksei"' },
      { value: 'Aleksei', weak: true, note: 'listed together as "Alexei, Aleksei"' },
    ]);
    expect(e.properties.birthDate).toEqual([{ value: '1972-08-28' }]);
    expect(e.properties.program).toEqual([{ value: 'Russia', original: 'Russia / Russie', note: 'Schedule 1, item 96' }]);
  });

  test('two birth dates in one field, and the bilingual regulation as the programme: ABAHUSSAIN (JVCFOR item 54)', () => {
    const e = byId('ca:jvcfor-1-54');
    expect(e.caption).toBe('ABAHUSSAIN, Mansour Othman');
    expect(values(e, 'birthDate')).toEqual(['1972-08-10', '1972-08-11']);
    expect(values(e, 'program')).toEqual(['Justice for Victims of Corrupt Foreign Officials Regulations (JVCFOR)']);
  });

  test('an entity with its aliases: Iran Aircraft Manufacturing Industries (Iran, Schedule 1, item 25)', () => {
    const e = byId('ca:iran-1-25');
    expect(e.schema).toBe('Organization');
    expect(e.caption).toBe('Iran Aircraft Manufacturing Industries');
    expect(values(e, 'alias')).toEqual([
      'IAMI',
      'IAMCO',
      'HESA',
      'HASA',
      'Iran Aircraft Manufacturing Company',
      'Iran Aircraft Mfg. In. Co.',
      'Iran Aircraft Manufacturing Industries Corporation',
      'Havapeyma Sazhran',
      'Hava Payma Sazi-E Iran',
      'Havapeyma Sazi Iran',
      'HESA Trade Center',
      'Karkhanejate Sanaye Havapaymaie Iran',
    ]);
  });

  test('schedules "1, Part 2", "N/A" and none at all make distinct ids', () => {
    expect(byId('ca:russia-1p2-1')).toBeDefined();
    expect(list.entities.filter((e) => e.id.startsWith('ca:zimbabwe-')).length).toBe(181);
    expect(list.entities.filter((e) => e.id.startsWith('ca:venezuela-')).length).toBe(96);
  });
});
