/**
 * End-to-end: `embargo lists diff` between real publications, checked against the "Facts for tests"
 * of PROVENANCE.md (SDN 2015-01-17 → 2018-01-26, UN 2017-07-03 → 2018-10-29).
 */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { ListDiff } from '@embargo/core';
import { hasSharedArchive, SHARED_LISTS } from '../../../../test/shared-data.js';
import { runCaptured } from '../capture-io.js';

const folder = (source: string, date: string) => join(SHARED_LISTS, source, date);

async function diffJson(older: string, newer: string): Promise<ListDiff> {
  const { code, out, err } = await runCaptured(['lists', 'diff', older, newer, '--json']);
  expect(code, err).toBe(0);
  return JSON.parse(out) as ListDiff;
}

/** PROVENANCE.md, "OFAC designations of 22 Aug 2017": 10 entities and 6 individuals. */
const DESIGNATED_2017_08_22 = [
  ...[21737, 22583, 22603, 22605, 22606, 22607, 22613, 22614, 22703, 22704],
  ...[22608, 22610, 22611, 22612, 22701, 22702],
].map((n) => `ofac:${n}`);

/** The differences counted here are between publications of the shared archive. */
const ARCHIVE = hasSharedArchive();

describe.skipIf(!ARCHIVE)('embargo lists diff --json', () => {
  it('counts SDN 2015-01-17 → 2018-01-26 as +1834 / −1642 / 167 changed, with the 22 Aug 2017 designations added', async () => {
    // Only sdn.csv exists in these folders, so both sides are the primary records alone.
    const diff = await diffJson(folder('ofac-sdn', '2015-01-17'), folder('ofac-sdn', '2018-01-26'));
    expect([diff.added.length, diff.removed.length, diff.changed.length]).toEqual([1834, 1642, 167]);
    expect(diff.bySource['ofac-sdn']).toMatchObject({ added: 1834, removed: 1642, changed: 167 });
    expect(DESIGNATED_2017_08_22).toHaveLength(16);
    expect(diff.added).toEqual(expect.arrayContaining(DESIGNATED_2017_08_22));
    // PROVENANCE: the file of 2015 starts with ent_num 10, an old Cuba entry removed later.
    expect(diff.removed).toContain('ofac:10');
    expect(Object.keys(diff.bySource)).toEqual(['ofac-sdn']);
  });

  it('counts UN 2017-07-03 → 2018-10-29 as 95 added and 23 removed, 56 of the added being DPRK references', async () => {
    const diff = await diffJson(folder('un-sc', '2017-07-03'), folder('un-sc', '2018-10-29'));
    expect([diff.added.length, diff.removed.length]).toEqual([95, 23]);
    const dprk = (ids: string[]) => ids.filter((id) => id.startsWith('un:KP'));
    expect(dprk(diff.added)).toHaveLength(56);
    expect(dprk(diff.removed)).toEqual([]);
    // KPi.054 to KPi.080 (27) and KPe.047 to KPe.075 (29): 53 → 80 individuals, 46 → 75 entities.
    expect(dprk(diff.added).filter((id) => id.startsWith('un:KPi.'))).toHaveLength(27);
    expect(dprk(diff.added).filter((id) => id.startsWith('un:KPe.'))).toHaveLength(29);
    expect(diff.added).toContain('un:KPi.057'); // JANG SUNG NAM, listed 2017-08-05
  });
});

describe.skipIf(!ARCHIVE)('embargo lists diff (text)', () => {
  it('groups the changes by source and programme', async () => {
    const { code, out, err } = await runCaptured(['lists', 'diff', folder('un-sc', '2017-07-03'), folder('un-sc', '2018-10-29')]);
    expect(code, err).toBe(0);
    expect(out).toMatch(/^un-sc: 95 added, 23 removed, \d+ changed$/m);
    expect(out).toMatch(/^ {2}DPRK: 56 added, 0 removed, \d+ changed$/m);
    expect(out).toMatch(/^ {4}\+ un:KPe\.047 {2}FOREIGN TRADE BANK \(FTB\)$/m);
    // Each programme's counts add up to the source's added count (a UN record has one regime).
    const perProgramme = [...out.matchAll(/^ {2}[^:\n]+: (\d+) added/gm)].map((m) => Number(m[1]));
    expect(perProgramme.length).toBeGreaterThan(3);
    expect(perProgramme.reduce((a, b) => a + b, 0)).toBe(95);
  });
});
