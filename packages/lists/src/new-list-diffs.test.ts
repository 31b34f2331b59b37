/**
 * Diffs between two publications of each new list (core lists/diff.ts), as `embargo lists diff` shows them:
 * ids are stable from one file to the next (EU logicalId, DFAT reference number, Canada's regime, schedule and
 * item), so an amended record is "changed", not removed and added. The EU fixture and the real Canadian file,
 * each with one record amended and one left out.
 */
import { diffEntities, type Entity } from '@embargo/core';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { EU_FSF_FIXTURES, hasSharedMore, sharedMoreList } from '../../../test/shared-data.js';
import { listFile } from './io.js';
import { parseCaSemaXml } from './formats/ca-sema-xml/index.js';
import { parseEuFsfXml } from './formats/eu-fsf-xml/index.js';

const dir = mkdtempSync(join(tmpdir(), 'embargo-new-diffs-'));
function written(name: string, content: string) {
  const path = join(dir, name);
  writeFileSync(path, content);
  return listFile(path, name);
}
const ids = (entities: readonly Entity[]) => entities.map((e) => e.id);

describe('diffs of the new lists', () => {
  it('EU: an amended entry is changed in the fields that changed, a dropped one removed', async () => {
    const xml = readFileSync(join(EU_FSF_FIXTURES, 'eu-fsf/2026-11-28/xmlFullSanctionsList_1_1.xml'), 'utf8');
    const older = await parseEuFsfXml(written('older.xml', xml));
    const reworded = xml.replace(
      'Leader of Al-Qaida. Reportedly deceased.',
      'Leader of Al-Qaida. Reportedly killed in Kabul on 31 July 2022.',
    );
    const dropFrom = reworded.indexOf('<sanctionEntity designationDetails="" unitedNationId="" logicalId="142002">');
    const amended = `${reworded.slice(0, dropFrom)}</export>\n`;
    const newer = await parseEuFsfXml(written('newer.xml', amended));
    expect(ids(newer.entities)).toEqual(ids(older.entities).filter((id) => id !== 'eu:142002'));
    const diff = diffEntities(older.entities, newer.entities);
    expect(diff).toMatchObject({ added: [], removed: ['eu:142002'], changed: [{ id: 'eu:176', fields: ['notes'] }] });
    expect(diff.bySource['eu-fsf']).toMatchObject({ added: 0, removed: 1, changed: 1 });
  });

  it.skipIf(!hasSharedMore('ca-sema/2020-04/sema-lmes.xml'))('Canada: an amended record is changed, a delisted one removed', async () => {
    const xml = readFileSync(sharedMoreList('ca-sema/2020-04/sema-lmes.xml'), 'utf8');
    const older = await parseCaSemaXml(written('sema-older.xml', xml));
    const first = xml.indexOf('<record>');
    const end = xml.indexOf('</record>', first) + '</record>'.length;
    const amended = (xml.slice(0, first) + xml.slice(end)).replace(
      '<Aliases>Alexei, Aleksei </Aliases>',
      '<Aliases>Alexei, Aleksei, Alexej</Aliases>',
    );
    const newer = await parseCaSemaXml(written('sema-newer.xml', amended));
    expect(diffEntities(older.entities, newer.entities)).toMatchObject({
      added: [],
      removed: ['ca:burma-1-1'],
      changed: [{ id: 'ca:russia-1-96', fields: ['weakAlias'] }],
    });
  });
});
