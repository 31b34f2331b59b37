/**
 * The history beside the newest publication in the bundled data/ folder: which publication of each source
 * is the newest (from the folder names, nothing parsed), which companion files the history lacks, and that
 * screening's parse reads the newest only.
 */
import { mkdirSync, mkdtempSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { BUNDLED_DATA } from '../../../test/shared-data.js';
import { fieldsOfMissingFiles, missingFiles } from './completeness.js';
import { detectPublications } from './detect.js';
import { parseNewestPublications, splitHistory } from './history.js';

const scratch = mkdtempSync(join(tmpdir(), 'embargo-history-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

describe('splitHistory on data/', () => {
  it('keeps the latest-dated folder of each source as the newest and the others as history, oldest first', async () => {
    const { publications } = await detectPublications(BUNDLED_DATA);
    const split = splitHistory(publications);
    expect(split.newest.map((d) => d.folder).sort()).toEqual([
      'au-dfat/2024-11-11',
      'ofac-cons/2025-12-19',
      'ofac-sdn/2023-12-28',
      'uk-hmt/2025-04-14',
      'un-sc/2026-02-27',
    ]);
    expect(split.earlier.map((d) => d.folder)).toEqual([
      'ofac-sdn/2015-01-17',
      'ofac-sdn/2018-01-26',
      'un-sc/2017-07-03',
      'un-sc/2018-10-29',
    ]);
    expect(split.undecided).toEqual([]);
  });

  it('leaves a source undecided when one of its folders is not named by date', async () => {
    const root = join(scratch, 'undated');
    mkdirSync(join(root, 'un-sc'), { recursive: true });
    symlinkSync(join(BUNDLED_DATA, 'un-sc', '2018-10-29'), join(root, 'un-sc', 'latest'));
    symlinkSync(join(BUNDLED_DATA, 'un-sc', '2017-07-03'), join(root, 'un-sc', '2017-07-03'));
    const { publications } = await detectPublications(root);
    expect(splitHistory(publications)).toMatchObject({ newest: [], earlier: [] });
    expect(splitHistory(publications).undecided).toHaveLength(2);
    // The parsed dates decide then: 2018-10-29 (in the undated folder) is the newer.
    const parsed = await parseNewestPublications(publications);
    expect(parsed.map((p) => [p.source, p.published, p.entities.length])).toEqual([['un-sc', '2018-10-29', 1093]]);
  });
});

describe('parseNewestPublications', () => {
  it('parses only the newest publication of each source: one record per id, nothing from the history', async () => {
    const { publications } = await detectPublications(join(BUNDLED_DATA, 'ofac-sdn'));
    const parsed: string[] = [];
    const pubs = await parseNewestPublications(publications, (d) => parsed.push(d.folder));
    expect(parsed).toEqual(['2023-12-28']);
    expect(pubs.map((p) => [p.source, p.published, p.entities.length])).toEqual([['ofac-sdn', '2023-12-28', 13821]]);
  });
});

describe('missingFiles', () => {
  it('names the alias and address files the SDN history lacks, and none for complete publications', async () => {
    const { publications } = await detectPublications(BUNDLED_DATA);
    const missing = Object.fromEntries(await Promise.all(publications.map(async (d) => [d.folder, await missingFiles(d)])));
    expect(missing).toEqual({
      'au-dfat/2024-11-11': [],
      'ofac-cons/2025-12-19': [],
      'ofac-sdn/2015-01-17': ['add.csv', 'alt.csv'],
      'ofac-sdn/2018-01-26': ['add.csv', 'alt.csv'],
      'ofac-sdn/2023-12-28': [],
      'uk-hmt/2025-04-14': [],
      'un-sc/2017-07-03': [],
      'un-sc/2018-10-29': [],
      'un-sc/2026-02-27': [],
    });
    expect(fieldsOfMissingFiles(['add.csv', 'alt.csv'])).toEqual(['address', 'alias', 'country', 'previousName', 'weakAlias']);
    expect(fieldsOfMissingFiles([])).toEqual([]);
  });
});
