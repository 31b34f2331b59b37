/**
 * DFAT's Consolidated List of 2024-11-11 (lists-more/PROVENANCE.md, bundled in data/au-dfat/): the counts of
 * the real workbook, and records checked by hand against its rows.
 */
import { values, type Entity } from '@embargo/core';
import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, test } from 'vitest';
import { hasSharedMore, sharedMoreList } from '../../../../../test/shared-data.js';
import type { ParsedList } from '../../format.js';
import { listFile } from '../../io.js';
import { parseAuDfatXlsx, readAuDfatXlsx } from './index.js';

const NAME = 'au-dfat/2024-11-11/regulation8_consolidated.xlsx';

describe.skipIf(!hasSharedMore(NAME))(NAME, () => {
  const file = () => listFile(sharedMoreList(NAME), NAME);
  let list: ParsedList;
  const byId = (id: string): Entity => list.entities.find((e) => e.id === id)!;
  beforeAll(async () => {
    list = await parseAuDfatXlsx(file());
  });

  test('counts: 9,561 sheet rows (header and 7 formatted empty rows included), 9,553 names, 3,062 parties', () => {
    const sheet = readAuDfatXlsx(file(), readFileSync(file().path));
    expect(sheet.sheetRows).toBe(9561);
    expect(sheet.rows).toHaveLength(9553);
    expect(new Set(sheet.rows.map((r) => r.party)).size).toBe(3062);
    expect(list.entities).toHaveLength(3062);
    expect(new Set(list.entities.map((e) => e.id)).size).toBe(3062);
    expect(list.entities.filter((e) => e.schema === 'Person')).toHaveLength(2316);
    expect(list.entities.filter((e) => e.schema === 'Organization')).toHaveLength(746);
    expect(new Set(sheet.rows.filter((r) => /^individual$/i.test(r.cells.Type)).map((r) => r.party)).size).toBe(2316);
  });

  test('dated by the workbook, read as the au-dfat source', () => {
    expect([list.format, list.source, list.published]).toEqual(['au-dfat-xlsx', 'au-dfat', '2024-11-11']);
  });

  test('a person with several aliases and two birth dates: Akhtar Mohammad Mansour (rows 11, 11a–11e)', () => {
    const e = byId('au:11');
    expect(e.schema).toBe('Person');
    expect(e.caption).toBe('Akhtar Mohammad Mansour Shah Mohammed');
    expect(values(e, 'name')).toEqual(['Akhtar Mohammad Mansour Shah Mohammed']);
    expect(e.properties.alias).toEqual([
      { value: 'Akhtar Mohammad Mansour Khan Muhammad' },
      { value: 'Akhtar Muhammad Mansoor' },
      { value: 'Akhtar Mohammad Mansoor' },
      { value: 'أختر محمد منصور شاه محمد', script: 'Arab' },
      { value: 'Naib Imam' },
    ]);
    expect(e.properties.birthDate).toEqual([{ value: '1960', original: 'Approximately 1960', approximate: true }, { value: '1966' }]);
    expect(e.properties.birthPlace).toEqual([
      { value: 'Band-e-Timur village Maiwand District, Kandahar Province, Afghanistan', country: 'AF' },
    ]);
    expect(values(e, 'nationality')).toEqual(['AF']);
    expect(values(e, 'program')).toEqual(['1988 (Taliban)']);
    // Control Date 42738 is Excel's day for 2017-01-03.
    expect(values(e, 'modifiedAt')).toEqual(['2017-01-03']);
    expect(values(e, 'notes')[0]).toMatch(/^Title: a\) Maulavi b\) Mullah\. .*Deputy to Mullah Abdul Ghani Baradar \(TAi\.024\)/);
    expect(values(e, 'sanctionsNote')).toEqual([
      'Listed on: 25 Jan. 2001 (amended on 3 Sep. 2003, 18 Jul. 2007, 21 Sep. 2007, 1 Feb. 2008, 29 Nov. 2011, 23 Dec. 2016)',
    ]);
  });

  test('UN records the remarks name by reference become relationships: 274 from 181 parties', () => {
    expect(list.relationships).toHaveLength(274);
    expect(new Set(list.relationships.map((r) => r.from)).size).toBe(181);
    expect(list.relationships.filter((r) => r.from === 'au:11')).toEqual([
      {
        from: 'au:11',
        to: 'un:TAi.024',
        kind: 'linkedTo',
        sourceText:
          'Additional Information: …"Governor" of Kandahar as of May 2007. Deputy to Mullah Abdul Ghani Baradar (TAi.024) in the Taliban Supreme Council as of 2009. Taliban official responsible…',
      },
    ]);
    expect(list.relationships.every((r) => /^un:[A-Z]{2}[ie]\.\d{3}$/.test(r.to) && r.kind === 'linkedTo')).toBe(true);
  });

  test('an entity with addresses: Global Relief Foundation (rows 361, 361a)', () => {
    const e = byId('au:361');
    expect(e.schema).toBe('Organization');
    expect(e.caption).toBe('GLOBAL RELIEF FOUNDATION');
    expect(values(e, 'alias')).toEqual(['GRF']);
    expect(e.properties.address).toEqual([
      { value: '9935 South 76th Avenue, Unit 1, Bridgeview, Illinois, 60455, United States of America', country: 'US' },
      { value: 'P.O. Box 1406, Bridgeview, Illinois, 60455, United States of America', country: 'US' },
    ]);
    expect(e.properties.birthDate).toBeUndefined();
  });

  test('birth dates: 2,567 read for 2,222 parties; the 17 items no reading understands are reported with their row', () => {
    const dates = list.entities.flatMap((e) => e.properties.birthDate ?? []);
    expect(dates).toHaveLength(2567);
    expect(list.entities.filter((e) => e.properties.birthDate)).toHaveLength(2222);
    expect(dates.every((d) => /^\d{4}(-\d{2}(-\d{2})?)?$/.test(d.value))).toBe(true);
    const unread = list.issues.filter((i) => i.field === 'Date of Birth');
    // Checked by hand: day and month without a year ("29 March"), a two-digit year ("07/04/62", "23-Apr-68"), a
    // Hijri date, remarks cut by the list's own semicolons ("5 Feb. 1970 (this aka only"), "10/061962".
    expect(unread.map((i) => i.raw)).toContain('24/06/1402 (Hijri Calendar)');
    expect(unread.map((i) => i.raw)).toContain('07/04/62');
    expect(unread).toHaveLength(17);
    for (const issue of unread)
      expect(issue).toMatchObject({ file: NAME, line: expect.any(Number), recordId: expect.stringMatching(/^au:\d+$/) });
  });

  test('citizenship words (demonyms, lettered, "and"-joined) become country codes; "Congolese" (which Congo?) is reported', () => {
    const unknown = list.issues.filter((i) => i.field === 'Citizenship');
    expect(new Set(unknown.map((i) => i.raw))).toEqual(new Set(['Congolese', 'Kuwaiti citizenship withdrawn in 2002']));
    expect(unknown).toHaveLength(16);
    const nationalities = list.entities.flatMap((e) => values(e, 'nationality'));
    expect(nationalities).toHaveLength(1996);
    expect(nationalities.every((c) => /^[A-Z]{2}$/.test(c))).toBe(true);
    expect(list.issues).toHaveLength(33);
  });
});
