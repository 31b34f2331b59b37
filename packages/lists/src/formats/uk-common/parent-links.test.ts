/**
 * Parents the UK list states in "Other Information" ("(Parent company):…"), as ownership relationships
 * between its records: on the bundled UK list (ConList.xlsx of 2025-04-14), and on small hand-made records
 * for the cases the list does not show together (a parent no record is, a name two records hold).
 */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Entity } from '@embargo/core';
import { BUNDLED_DATA } from '../../../../../test/shared-data.js';
import { listFile } from '../../io.js';
import { parseUkOfsiXlsx } from '../uk-ofsi-xlsx/index.js';
import { ukParentLinks } from './parent-links.js';

const firm = (id: string, caption: string, notes?: string, aliases: string[] = []): Entity => ({
  id,
  source: 'uk-hmt',
  schema: 'Organization',
  caption,
  properties: { name: [{ value: caption }], alias: aliases.map((value) => ({ value })), ...(notes ? { notes: [{ value: notes }] } : {}) },
});

describe('UK parent companies as relationships', () => {
  it('on the bundled list: each firm owned by its parent where the parent is a record, by name or by its acronym', async () => {
    const file = join(BUNDLED_DATA, 'uk-hmt', '2025-04-14', 'ConList.xlsx');
    const list = await parseUkOfsiXlsx(listFile(file, 'uk-hmt/2025-04-14/ConList.xlsx'));
    const caption = new Map(list.entities.map((e) => [e.id, e.caption]));
    const lines = list.relationships.map((r) => `${caption.get(r.from)} ${r.kind} ${caption.get(r.to)}`);
    expect(lines).toContain('KOREA KUMRYONG TRADING CORPORATION ownedBy KOREA MINING DEVELOPMENT TRADING CORPORATION');
    expect(lines).toContain('3M MIZAN MACHINERY MANUFACTURING ownedBy SHAHID HEMMAT INDUSTRIAL GROUP (SHIG)');
    expect(list.relationships.find((r) => caption.get(r.from) === 'KOREA KUMRYONG TRADING CORPORATION')?.sourceText).toBe(
      'Parent company: The Korea Mining Development Corporation (KOMID)',
    );
    for (const r of list.relationships) {
      expect(caption.has(r.to), r.to).toBe(true);
      expect(r.to).not.toBe(r.from);
    }
    expect(list.relationships.length).toBe(50);
  });

  it('states nothing for a parent no record is, or one two records are named', () => {
    const entities = [
      firm('uk:1', 'ALPHA TRADING', '(Parent company):Beta Holdings (BH) (Type of entity):Company'),
      firm('uk:2', 'GAMMA LLC', '(Parent company):Nobody Listed Ltd'),
      firm('uk:3', 'BETA HOLDINGS'),
      firm('uk:4', 'DELTA', '(Parent company):Twin'),
      firm('uk:5', 'TWIN'),
      firm('uk:6', 'OTHER', undefined, ['Twin']),
    ];
    expect(ukParentLinks(entities)).toEqual([
      { from: 'uk:1', to: 'uk:3', kind: 'ownedBy', sourceText: 'Parent company: Beta Holdings (BH)' },
    ]);
  });
});
