/**
 * End-to-end: `embargo lists load` into a fresh SQLite file, and `embargo lists status` reading it
 * back. Small real publications (UN, OFAC consolidated) keep it quick.
 */
import { mkdirSync, mkdtempSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { hasSharedArchive, sharedList } from '../../../../test/shared-data.js';
import { runCaptured } from '../capture-io.js';

interface StatusRow {
  id: number;
  source: string;
  published: string | null;
  records: number;
  current: boolean;
  files: { path: string; sha256: string; bytes: number; format: string }[];
}

let scratch: string;
let db: string;
beforeEach(() => {
  scratch = mkdtempSync(join(tmpdir(), 'embargo-load-'));
  db = join(scratch, 'embargo.db');
});
afterEach(() => rmSync(scratch, { recursive: true, force: true }));

/** A folder of links to shared publication folders, laid out `<source>/<date>/` as the data folder is. */
function listsFolder(name: string, publications: string[]): string {
  const root = join(scratch, name);
  for (const p of publications) {
    mkdirSync(join(root, p, '..'), { recursive: true });
    symlinkSync(sharedList(p), join(root, p));
  }
  return root;
}

async function load(dir: string): Promise<void> {
  const { code, err } = await runCaptured(['lists', 'load', dir, '--sqlite', db]);
  expect(code, err).toBe(0);
}

async function status(): Promise<StatusRow[]> {
  const { code, out, err } = await runCaptured(['lists', 'status', '--json', '--sqlite', db]);
  expect(code, err).toBe(0);
  return (JSON.parse(out) as { publications: StatusRow[] }).publications;
}

const inForce = (rows: StatusRow[]) =>
  rows
    .filter((r) => r.current)
    .map((r) => [r.source, r.published, r.records])
    .sort();

describe('embargo lists load / status', () => {
  it.skipIf(!hasSharedArchive())('stores one publication per source and shows each as in force', async () => {
    await load(listsFolder('old', ['un-sc/2017-07-03', 'ofac-cons/2018-04-06']));
    const rows = await status();
    expect(rows).toHaveLength(2);
    expect(inForce(rows)).toEqual([
      ['ofac-cons', '2018-04-06', 639],
      ['un-sc', '2017-07-03', 1021],
    ]);
    // The stored files are the chosen format's, hashed: the UN file's SHA-256 is the one PROVENANCE.md gives.
    const un = rows.find((r) => r.source === 'un-sc')!;
    expect(un.files).toEqual([
      {
        path: 'un-sc/2017-07-03/consolidated.xml',
        sha256: '4ea9d976981d5e2a5a2af6c8bb6ad0ab51fc26325e7ecdc11bd2d67423e27138',
        bytes: 1504237,
        format: 'un-xml',
      },
    ]);
    expect(rows.find((r) => r.source === 'ofac-cons')!.files.map((f) => f.format)).toEqual(['ofac-xml']);
  });

  it.skipIf(!hasSharedArchive())('switches the publication in force when a newer folder is loaded, and keeps the older one', async () => {
    await load(listsFolder('old', ['un-sc/2017-07-03', 'ofac-cons/2018-04-06']));
    const before = await status();
    await load(listsFolder('new', ['un-sc/2018-10-29']));
    const after = await status();
    expect(after).toHaveLength(3);
    expect(inForce(after)).toEqual([
      ['ofac-cons', '2018-04-06', 639],
      ['un-sc', '2018-10-29', 1093],
    ]);
    const oldUn = before.find((r) => r.source === 'un-sc')!;
    expect(after.find((r) => r.id === oldUn.id)).toMatchObject({ published: '2017-07-03', current: false });
    const cons = before.find((r) => r.source === 'ofac-cons')!;
    expect(after.find((r) => r.source === 'ofac-cons')).toEqual(cons);
  });

  it.skipIf(!hasSharedArchive())(
    'makes the newest publication in force when one folder holds several of a source, keeping the older one as history',
    async () => {
      const folder = listsFolder('both', ['un-sc/2018-10-29', 'un-sc/2017-07-03']);
      const { code, out, err } = await runCaptured(['lists', 'load', folder, '--sqlite', db]);
      expect(code, err).toBe(0);
      expect(out).toMatch(/^un-sc 2017-07-03: stored as history \(publication \d+, 1021 records, never in force\)$/m);
      const rows = await status();
      // The same loader as POST /v1/lists/update: the older publication beside the newest is history, never in force.
      expect(rows.map((r) => [r.published, r.current])).toEqual([
        ['2018-10-29', true],
        ['2017-07-03', false],
      ]);
      expect(inForce(rows)).toEqual([['un-sc', '2018-10-29', 1093]]);
      // Loaded again, nothing is stored twice.
      await load(folder);
      expect(await status()).toHaveLength(2);
    },
  );

  it('refuses to load a folder without list files instead of storing nothing quietly', async () => {
    const empty = join(scratch, 'empty');
    mkdirSync(empty);
    const { code, err } = await runCaptured(['lists', 'load', empty, '--sqlite', db]);
    expect(code).toBe(2);
    expect(err).toContain(`${empty}: no official list files found`);
  });

  it('shows an empty store as having no publications', async () => {
    expect(await status()).toEqual([]);
    const { code, out } = await runCaptured(['lists', 'status', '--sqlite', db]);
    expect(code).toBe(0);
    expect(out).toMatch(/^publication\s+source\s+published/);
  });
});

describe('embargo lists load options', () => {
  it.each([
    {
      why: 'a share that is not one',
      args: ['--max-shrink', 'lots'],
      message: '--max-shrink must be a share from 0 to 1 or a percentage (0.05 or 5%), not "lots"',
    },
    {
      why: 'a share above 1',
      args: ['--max-shrink', '150%'],
      message: '--max-shrink must be a share from 0 to 1 or a percentage (0.05 or 5%), not "150%"',
    },
    {
      why: 'an empty shrink reason',
      args: ['--allow-shrink', ' '],
      message: '--allow-shrink needs a reason: it goes into the audit trail.',
    },
  ])('refuses $why before reading anything', async ({ args, message }) => {
    const { code, err } = await runCaptured(['lists', 'load', sharedList('un-sc/2026-02-27'), '--sqlite', db, ...args]);
    expect(code).toBe(2);
    expect(err).toContain(`embargo: ${message}`);
    expect(await status()).toEqual([]);
  });

  it.skipIf(!hasSharedArchive())(
    'refuses an older publication without --allow-older and loads it with it (and a larger --max-shrink)',
    async () => {
      await load(listsFolder('new', ['un-sc/2018-10-29']));
      const older = listsFolder('old', ['un-sc/2017-07-03']);
      const refused = await runCaptured(['lists', 'load', older, '--sqlite', db]);
      expect(refused.code).toBe(3);
      expect(refused.err).toContain(
        'embargo: un-sc: the publication of 2017-07-03 is older than the one in force (2018-10-29, publication 1)',
      );
      expect(inForce(await status())).toEqual([['un-sc', '2018-10-29', 1093]]);
      // The older UN list also has 6.6 % fewer records: beyond the default 5 %, within 10 %.
      const shrank = await runCaptured(['lists', 'load', older, '--sqlite', db, '--allow-older']);
      expect(shrank.code).toBe(3);
      expect(shrank.err).toContain('un-sc: records 1,093 → 1,021 (−6.6 %)');
      const { code, out, err } = await runCaptured(['lists', 'load', older, '--sqlite', db, '--allow-older', '--max-shrink', '10%']);
      expect(code, err).toBe(0);
      expect(out).toContain('Lists generation 2 is in force.');
      expect(inForce(await status())).toEqual([['un-sc', '2017-07-03', 1021]]);
    },
  );
});
