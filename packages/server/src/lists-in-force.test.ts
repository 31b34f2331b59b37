/**
 * What a list load checks before it goes into force (issue 12, points 1 and 2), through
 * `POST /v1/lists/update` on SQLite and PostgreSQL, on folders built in a temporary directory from the
 * bundled OFAC SDN publication (2023-12-28): alt.csv missing, sdn.csv cut at a line break, the whole list
 * cut short, a whole programme delisted, an older publication. The refused ones leave the previous set
 * in force and screening answering from it; the delisting loads and reports what left.
 */
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadListDirectory } from '@embargo/lists';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BACKENDS, BUNDLED_DATA, createTestApp, type TestApp } from './testing/app-fixture.js';

const SDN_DIR = join(BUNDLED_DATA, 'ofac-sdn', '2023-12-28');
const CRLF = '\r\n';

/** An OFAC CSV file as its lines (CRLF, the last "line" the 0x1A byte), to cut and filter as OFAC's are. */
function ofacLines(name: 'sdn.csv' | 'add.csv' | 'alt.csv'): string[] {
  return readFileSync(join(SDN_DIR, name), 'latin1').split(CRLF);
}
const ofacText = (lines: string[]) => Buffer.from(lines.join(CRLF), 'latin1');
const entNum = (line: string) => line.slice(0, line.indexOf(','));
/** The programme field of an sdn.csv line: `"SDGT] [IFSR"`. */
const programsOf = (line: string) => /^\d+,"[^"]*",[^,]*,"([^"]*)"/.exec(line)?.[1].split('] [') ?? [];

/** A folder `<root>/ofac-sdn/<date>/` holding the given files. */
function sdnFolder(root: string, date: string, files: Partial<Record<'sdn.csv' | 'add.csv' | 'alt.csv', Buffer>>): string {
  const dir = join(root, 'ofac-sdn', date);
  mkdirSync(dir, { recursive: true });
  for (const [name, bytes] of Object.entries(files)) writeFileSync(join(dir, name), bytes);
  return root;
}

/** The three files without the records (and their addresses and aliases) `drop` picks. */
function withoutRecords(drop: (sdnLine: string) => boolean): {
  files: Record<'sdn.csv' | 'add.csv' | 'alt.csv', Buffer>;
  dropped: Set<string>;
} {
  const sdn = ofacLines('sdn.csv');
  const dropped = new Set(sdn.filter((l) => l.length > 1 && drop(l)).map(entNum));
  const keep = (lines: string[]) => ofacText(lines.filter((l) => !dropped.has(entNum(l))));
  return { files: { 'sdn.csv': keep(sdn), 'add.csv': keep(ofacLines('add.csv')), 'alt.csv': keep(ofacLines('alt.csv')) }, dropped };
}

describe.each(BACKENDS)('lists in force on %s', (backend) => {
  let t: TestApp;
  let scratch: string;
  let n = 0;
  const folder = () => join(scratch, `case-${++n}`);
  beforeAll(async () => {
    scratch = mkdtempSync(join(tmpdir(), 'embargo-in-force-'));
    t = await createTestApp({ backend, publications: await loadListDirectory(SDN_DIR) });
  });
  afterAll(async () => {
    await t?.close();
    rmSync(scratch, { recursive: true, force: true });
  });

  const update = (payload: object) => t.app.inject({ method: 'POST', url: '/v1/lists/update', headers: t.as(t.keys.admin), payload });
  const screen = async (name: string) =>
    (await t.app.inject({ method: 'POST', url: '/v1/screen', headers: t.as(t.keys.client), payload: { name } })).json();
  const health = async () => (await t.app.inject({ method: 'GET', url: '/healthz' })).json();

  /** An exact alias of a record far down sdn.csv (past line 9,000): what a cut list stopped alerting on. */
  const lateAlias = () => {
    const late = new Set(ofacLines('sdn.csv').slice(9_000).map(entNum));
    const line = ofacLines('alt.csv').find((l) => late.has(entNum(l)) && /"aka","[A-Z][^"]{8,}"/.test(l))!;
    return { id: `ofac:${entNum(line)}`, name: /"aka","([^"]+)"/.exec(line)![1] };
  };

  /** The set in force is the one before: same publications, same generation, and the late alias still alerts. */
  async function expectPreviousSetInForce(before: { ids: number[]; generation: number }) {
    expect((await t.store.currentPublications()).map((p) => p.id)).toEqual(before.ids);
    expect((await health()).listsGeneration).toBe(before.generation);
    const alias = lateAlias();
    const screened = await screen(alias.name);
    expect(screened.listsGeneration).toBe(before.generation);
    expect(screened.publications.map((p: { id: number }) => p.id)).toEqual(before.ids);
    expect(screened.matches.find((m: { id: string }) => m.id === alias.id)).toMatchObject({ alert: true });
    // The stored screening says the same generation.
    const stored = await t.app.inject({ method: 'GET', url: `/v1/screenings/${screened.screeningId}`, headers: t.as(t.keys.client) });
    expect(stored.json()).toMatchObject({ listsGeneration: before.generation });
  }

  const inForce = async () => ({
    ids: (await t.store.currentPublications()).map((p) => p.id),
    generation: (await health()).listsGeneration,
  });

  it('refuses a folder without alt.csv, naming it, and keeps screening from the previous set', async () => {
    const before = await inForce();
    const dir = sdnFolder(folder(), '2023-12-29', { 'sdn.csv': ofacText(ofacLines('sdn.csv')), 'add.csv': ofacText(ofacLines('add.csv')) });
    const res = await update({ dir });
    expect(res.statusCode).toBe(422);
    expect(res.json()).toMatchObject({ error: 'LIST_INCOMPLETE' });
    expect(res.json().message).toBe(
      'ofac-sdn/2023-12-29: the ofac-sdn publication (ofac-csv) has no alt.csv; it needs sdn.csv, add.csv, alt.csv. A publication goes into force only with all its files.',
    );
    await expectPreviousSetInForce(before);
    // The refusal is in the audit trail, with its reason, though nothing changed.
    expect((await t.store.listAudit({ kind: 'list.refused' })).at(-1)).toMatchObject({
      subject: dir,
      details: { code: 'LIST_INCOMPLETE', reason: expect.stringContaining('has no alt.csv') },
    });
    expect(await t.store.verifyAudit()).toMatchObject({ ok: true });
  });

  it('refuses allowShrink without a reason', async () => {
    const res = await update({ dir: BUNDLED_DATA, allowShrink: { reason: '  ' } });
    expect(res.statusCode).toBe(400);
    expect(res.json()).toMatchObject({ error: 'INVALID_INPUT', field: 'body/allowShrink/reason' });
  });

  it('refuses an empty alt.csv', async () => {
    const dir = sdnFolder(folder(), '2023-12-29', {
      'sdn.csv': ofacText(ofacLines('sdn.csv')),
      'add.csv': ofacText(ofacLines('add.csv')),
      'alt.csv': Buffer.from('\x1a'),
    });
    const res = await update({ dir });
    expect(res.statusCode).toBe(422);
    expect(res.json().message).toMatch(
      /^ofac-sdn\/2023-12-29\/alt\.csv: the file is empty, but the ofac-sdn publication \(ofac-csv\) needs its aliases/,
    );
  });

  it('refuses sdn.csv cut at a line break (9,000 lines), naming the first row that points past the cut', async () => {
    const before = await inForce();
    const sdn = ofacLines('sdn.csv');
    const cut = ofacText([...sdn.slice(0, 9_000), '']); // ends on a line break, as a cut download can
    const dir = sdnFolder(folder(), '2023-12-29', {
      'sdn.csv': cut,
      'add.csv': ofacText(ofacLines('add.csv')),
      'alt.csv': ofacText(ofacLines('alt.csv')),
    });
    const res = await update({ dir });
    expect(res.statusCode).toBe(422);
    const kept = new Set(sdn.slice(0, 9_000).map(entNum));
    const addLines = ofacLines('add.csv');
    const firstOrphan = addLines.findIndex((l) => l.length > 1 && !kept.has(entNum(l)));
    expect(res.json()).toMatchObject({ error: 'LIST_INCOMPLETE', file: 'ofac-sdn/2023-12-29/add.csv', line: firstOrphan + 1 });
    expect(res.json().message).toBe(
      `ofac-sdn/2023-12-29/add.csv:${firstOrphan + 1}: row for record ofac:${entNum(addLines[firstOrphan])}, which ofac-sdn/2023-12-29/sdn.csv does not list (is ofac-sdn/2023-12-29/sdn.csv cut short, or from another day than add.csv?)`,
    );
    await expectPreviousSetInForce(before);
  });

  it('refuses alt.csv cut at a line break as a shrink of the aliases, saying so', async () => {
    const before = await inForce();
    const alt = ofacLines('alt.csv');
    const dir = sdnFolder(folder(), '2023-12-29', {
      'sdn.csv': ofacText(ofacLines('sdn.csv')),
      'add.csv': ofacText(ofacLines('add.csv')),
      'alt.csv': ofacText([...alt.slice(0, 9_000), '']),
    });
    const res = await update({ dir });
    expect(res.statusCode).toBe(409);
    expect(res.json().message).toMatch(
      /: ofac-sdn: records 13,821 → 13,821, aliases [\d,]+ → [\d,]+ \(−[\d.]+ %\)\. A list cut short looks like this/,
    );
    await expectPreviousSetInForce(before);
  });

  it('refuses a whole publication cut short (all three files) as a shrink, saying what shrank, unless a reason is given', async () => {
    const before = await inForce();
    const late = new Set(ofacLines('sdn.csv').slice(9_000).map(entNum));
    const { files } = withoutRecords((l) => late.has(entNum(l)));
    const dir = sdnFolder(folder(), '2023-12-29', files);
    const res = await update({ dir });
    expect(res.statusCode).toBe(409);
    expect(res.json()).toMatchObject({ error: 'LIST_SHRANK' });
    expect(res.json().message).toMatch(
      /^The load would lose more than 5\.0 % of the records or aliases in force: ofac-sdn: records 13,821 → 9,000 \(−34\.9 %\), aliases [\d,]+ → [\d,]+ \(−[\d.]+ %\); programmes that lost the most records: /,
    );
    expect(res.json().message).toContain('--allow-shrink "<reason>"');
    await expectPreviousSetInForce(before);

    // With a reason, it goes into force and the reason into the audit trail.
    const allowed = await update({ dir, allowShrink: { reason: 'test: OFAC cut its list' } });
    expect(allowed.statusCode).toBe(200);
    expect(allowed.json().saved).toMatchObject([{ source: 'ofac-sdn', records: 9_000 }]);
    const [row] = (await t.store.listAudit({ kind: 'list.load' })).slice(-1);
    expect(row.details).toMatchObject({ source: 'ofac-sdn', records: 9_000, allowShrink: 'test: OFAC cut its list' });
    // Put the whole list back for the next cases (it grows: no reason needed).
    const back = await update({
      dir: sdnFolder(folder(), '2023-12-30', {
        'sdn.csv': readFileSync(join(SDN_DIR, 'sdn.csv')),
        'add.csv': readFileSync(join(SDN_DIR, 'add.csv')),
        'alt.csv': readFileSync(join(SDN_DIR, 'alt.csv')),
      }),
    });
    expect(back.statusCode).toBe(200);
  });

  it('loads a whole programme delisted (BALKANS, within 5 %) and reports what left', async () => {
    const before = await inForce();
    const { files, dropped } = withoutRecords((l) => programsOf(l).includes('BALKANS'));
    expect(dropped.size).toBeGreaterThan(100);
    const res = await update({ dir: sdnFolder(folder(), '2024-01-05', files) });
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body.generation).toBe(before.generation + 1);
    expect(body.left).toHaveLength(1);
    expect(body.left[0]).toMatchObject({ source: 'ofac-sdn', records: { before: 13_821, after: 13_821 - dropped.size } });
    expect(body.left[0].programsLost[0]).toEqual({ program: 'BALKANS', before: expect.any(Number), after: 0 });
    expect((await health()).listsGeneration).toBe(before.generation + 1);
  });

  it('refuses a publication older than the one in force unless allowOlder, and does not store the same files twice', async () => {
    const before = await inForce();
    const { files } = withoutRecords((l) => entNum(l) === '36');
    const dir = sdnFolder(folder(), '2023-11-01', files);
    const res = await update({ dir });
    expect(res.statusCode).toBe(409);
    expect(res.json()).toMatchObject({ error: 'LIST_OLDER' });
    expect(res.json().message).toMatch(
      /^ofac-sdn: the publication of 2023-11-01 is older than the one in force \(2024-01-05, publication \d+\); load it with --allow-older/,
    );
    await expect(inForce()).resolves.toEqual(before);
    const allowed = await update({ dir, allowOlder: true });
    expect(allowed.statusCode).toBe(200);
    expect((await t.store.listAudit({ kind: 'list.load' })).at(-1)?.details).toMatchObject({ published: '2023-11-01', allowOlder: true });
    // The same folder again: nothing stored, the generation stays, and the load is still audited.
    const again = await update({ dir, allowOlder: true });
    expect(again.json()).toMatchObject({ saved: [], unchanged: ['ofac-sdn'], generation: before.generation + 1 });
    expect((await t.store.listAudit({ kind: 'list.load' })).at(-1)).toMatchObject({ subject: 'unchanged' });
  });
});
