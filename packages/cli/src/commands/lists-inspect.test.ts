/**
 * End-to-end: `embargo lists inspect` on the real shared list files and on the bundled `data/` folder.
 * Record counts are the ones PROVENANCE.md states for each file.
 */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { BUNDLED_DATA, sharedList } from '../../../../test/shared-data.js';
import { runCaptured } from '../capture-io.js';

interface PublicationSummary {
  source: string;
  published: string | null;
  records: number;
  schemata: Record<string, number>;
}

async function inspectJson(path: string): Promise<PublicationSummary[]> {
  const { code, out, err } = await runCaptured(['lists', 'inspect', path, '--json']);
  expect(code, err).toBe(0);
  return (JSON.parse(out) as { publications: PublicationSummary[] }).publications;
}

describe('embargo lists inspect --json', () => {
  it('summarises the SDN CSV publication of 2023-12-28: 13,821 entries, typed as PROVENANCE counts them', async () => {
    // The CSV states no date: the folder's name dates it, also when that folder is the one inspected.
    const pubs = await inspectJson(sharedList('ofac-sdn/2023-12-28'));
    expect(pubs).toEqual([
      // individual 6646, blank type 6033, vessel 764, aircraft 378
      {
        source: 'ofac-sdn',
        published: '2023-12-28',
        records: 13821,
        schemata: { Person: 6646, Organization: 6033, Vessel: 764, Airplane: 378 },
      },
    ]);
    const [alone] = await inspectJson(sharedList('ofac-sdn/2023-12-28/sdn.csv'));
    expect([alone.published, alone.records]).toEqual(['2023-12-28', 13821]);
  });

  it('summarises the UN list of 2026-02-27: 730 individuals and 273 entities', async () => {
    const expected = { source: 'un-sc', published: '2026-02-27', records: 1003, schemata: { Person: 730, Organization: 273 } };
    expect(await inspectJson(sharedList('un-sc/2026-02-27'))).toEqual([expected]);
    // A single file can be inspected too.
    expect(await inspectJson(sharedList('un-sc/2026-02-27/consolidated.xml'))).toEqual([expected]);
  });

  it('finds the bundled publications in data/, the history included (inspect shows everything the folder holds)', async () => {
    const pubs = await inspectJson(BUNDLED_DATA);
    // Australia's list (bundled since issue 18) sorts first.
    expect(pubs.map((p) => [p.source, p.published, p.records])).toEqual([
      ['au-dfat', '2024-11-11', 3062],
      ['ofac-cons', '2025-12-19', 442],
      // PROVENANCE.md: 5,876 and 6,068 entries.
      ['ofac-sdn', '2015-01-17', 5876],
      ['ofac-sdn', '2018-01-26', 6068],
      ['ofac-sdn', '2023-12-28', 13821],
      ['uk-hmt', '2025-04-14', 4688],
      // 650 individuals + 371 entities; 703 + 390; 730 + 273.
      ['un-sc', '2017-07-03', 1021],
      ['un-sc', '2018-10-29', 1093],
      ['un-sc', '2026-02-27', 1003],
    ]);
  });
});

describe('embargo lists inspect (text)', () => {
  it('prints a table row per publication', async () => {
    const { code, out } = await runCaptured(['lists', 'inspect', sharedList('un-sc/2026-02-27')]);
    expect(code).toBe(0);
    expect(out).toMatch(/^source\s+published\s+records/);
    expect(out).toMatch(/^un-sc\s+2026-02-27\s+1003\s+Person 730, Organization 273\s/m);
  });

  it('rejects a folder that does not exist, naming it', async () => {
    const missing = join(BUNDLED_DATA, 'no-such-folder');
    const { code, err } = await runCaptured(['lists', 'inspect', missing]);
    expect(code).toBe(2);
    expect(err).toContain(`${missing}: no such file or folder`);
  });
});
