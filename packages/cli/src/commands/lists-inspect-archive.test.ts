/**
 * End-to-end: `embargo lists inspect` on the whole shared archive of list files, one publication per
 * source folder. Record counts are the ones PROVENANCE.md states for each file.
 */
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { hasSharedArchive, SHARED_LISTS } from '../../../../test/shared-data.js';
import { runCaptured } from '../capture-io.js';

interface PublicationSummary {
  source: string;
  published: string | null;
  records: number;
}

/** The shared folder is laid out `<source folder>/<publication date>/`; the UK folder is named for its list. */
function sharedPublicationFolders(): { source: string; published: string }[] {
  const sourceOf = (folder: string) => (folder === 'uk-hmt-conlist' ? 'uk-hmt' : folder);
  return readdirSync(SHARED_LISTS, { withFileTypes: true })
    .filter((d) => d.isDirectory() && d.name !== 'schemas')
    .flatMap((d) => readdirSync(join(SHARED_LISTS, d.name)).map((date) => ({ source: sourceOf(d.name), published: date })));
}

const byKey = (a: { source: string; published: string | null }, b: { source: string; published: string | null }) =>
  a.source.localeCompare(b.source) || (a.published ?? '').localeCompare(b.published ?? '');

describe.skipIf(!hasSharedArchive())('embargo lists inspect --json on the shared archive', () => {
  it('finds one publication per source folder in the whole shared folder, ignoring documentation files', async () => {
    const { code, out, err } = await runCaptured(['lists', 'inspect', SHARED_LISTS, '--json']);
    expect(code, err).toBe(0);
    const pubs = (JSON.parse(out) as { publications: PublicationSummary[] }).publications;
    const folders = sharedPublicationFolders();
    expect(folders).toHaveLength(15);
    // ofac-cons/2018-04-06 (CSV + legacy XML) and 2019-03-14 (advanced + legacy XML) each count once.
    expect(pubs.map((p) => ({ source: p.source, published: p.published })).sort(byKey)).toEqual(folders.sort(byKey));
    const records = Object.fromEntries(pubs.map((p) => [`${p.source}/${p.published}`, p.records]));
    expect(records).toMatchObject({
      'ofac-cons/2018-04-06': 639,
      'ofac-cons/2019-03-14': 375,
      'ofac-cons/2025-01-10': 443,
      'ofac-cons/2025-06-30': 443,
      'ofac-cons/2025-12-19': 442,
      'ofac-sdn/2015-01-17': 5876,
      'ofac-sdn/2018-01-26': 6068,
      'ofac-sdn/2021-07-07': 8976,
      'ofac-sdn/2023-12-28': 13821,
      'ofac-sdn/2024-05-03': 14965,
      'un-sc/2017-07-03': 650 + 371,
      'un-sc/2018-10-29': 703 + 390,
      'un-sc/2026-02-27': 730 + 273,
      'uk-hmt/2014-04-02': 2297, // distinct Group IDs
      'uk-hmt/2025-04-14': 4688,
    });
  });
});
