/**
 * Records the UN list ties together by reference number in their comments, as relationships: on the
 * bundled list (2026-02-27), and on hand-made records for a reference to itself or to no record.
 */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Entity } from '@embargo/core';
import { BUNDLED_DATA } from '../../../../../test/shared-data.js';
import { listFile } from '../../io.js';
import { unCommentLinks } from './comment-links.js';
import { parseUnXml } from './parse.js';

const record = (id: string, notes?: string): Entity => ({
  id,
  source: 'un-sc',
  schema: 'Person',
  caption: id,
  properties: notes ? { notes: [{ value: notes }] } : {},
});

describe('UN comments naming other records', () => {
  it('on the bundled list: a link per record a comment names by reference, with the words around it', async () => {
    const list = await parseUnXml(
      listFile(join(BUNDLED_DATA, 'un-sc', '2026-02-27', 'consolidated.xml'), 'un-sc/2026-02-27/consolidated.xml'),
    );
    const ids = new Set(list.entities.map((e) => e.id));
    const baluku = list.relationships.filter((r) => r.from === 'un:CDi.036');
    expect(baluku.map((r) => [r.to, r.kind])).toEqual([
      ['un:CDe.001', 'linkedTo'],
      ['un:CDi.015', 'linkedTo'],
    ]);
    expect(baluku[1].sourceText).toMatch(/^Comments: ….*ADF founder Jamil Mukulu \(CDi\.015\) until he took over/);
    for (const r of list.relationships) {
      expect(ids.has(r.to), r.to).toBe(true);
      expect(r.to).not.toBe(r.from);
    }
    expect(list.relationships.length).toBe(506);
  });

  it('leaves out a reference to the record itself, to no record of the list, and a second mention', () => {
    const entities = [
      record('un:QDi.001', 'Own number QDi.001; linked to QDe.002 and again QDe.002; and to QDe.999.'),
      record('un:QDe.002'),
    ];
    expect(unCommentLinks(entities).map((r) => [r.from, r.to])).toEqual([['un:QDi.001', 'un:QDe.002']]);
  });
});
