/**
 * A running server picks up lists loaded by another process within seconds, through the store's lists
 * generation (issue 12, point 2): an app (polling every 100 ms) runs over a fresh database; the built
 * `embargo lists load` CLI, a separate process, loads the bundled OFAC consolidated list into the same
 * database; the app's /healthz generation changes and screening answers from the new set. A refused
 * load (alt.csv missing) changes neither. On SQLite and PostgreSQL.
 */
import { spawn } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadListDirectory } from '@embargo/lists';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BACKENDS, createTestApp, type TestApp } from '../../../server/src/testing/app-fixture.js';
import { BUNDLED_DATA_DIR } from '../config.js';

const BIN = fileURLToPath(new URL('../../bin/embargo.js', import.meta.url));
const BUILT = fileURLToPath(new URL('../../dist/main.js', import.meta.url));
const CONS = join(BUNDLED_DATA_DIR, 'ofac-cons', '2025-12-19');

function runCli(args: string[]): Promise<{ code: number | null; out: string; err: string }> {
  const child = spawn(process.execPath, [BIN, ...args], { env: { ...process.env, EMBARGO_DATABASE_URL: '' } });
  let out = '';
  let err = '';
  child.stdout.on('data', (d: Buffer) => (out += d.toString()));
  child.stderr.on('data', (d: Buffer) => (err += d.toString()));
  return new Promise((resolve) => child.on('exit', (code) => resolve({ code, out, err })));
}

describe.each(BACKENDS)('a running server and `embargo lists load` on %s', (backend) => {
  let t: TestApp;
  let scratch: string;
  beforeAll(async () => {
    if (!existsSync(BUILT)) throw new Error('the CLI is not built: run `npm run build` (or `npx tsc -b packages/cli`) first');
    scratch = mkdtempSync(join(tmpdir(), 'embargo-running-'));
    t = await createTestApp({ backend, listsPollSeconds: 0.1 });
  });
  afterAll(async () => {
    await t?.close();
    rmSync(scratch, { recursive: true, force: true });
  });

  const storeArgs = () => (t.config.databaseUrl ? ['--database', t.config.databaseUrl] : ['--sqlite', t.config.sqlitePath!]);
  const health = async () => (await t.app.inject({ method: 'GET', url: '/healthz' })).json();
  const screen = async (name: string) =>
    (await t.app.inject({ method: 'POST', url: '/v1/screen', headers: t.as(t.keys.client), payload: { name } })).json();

  async function healthUntil(
    predicate: (h: { listsGeneration: number }) => boolean,
  ): Promise<{ listsGeneration: number; publications: number }> {
    for (const started = Date.now(); Date.now() - started < 10_000;) {
      const h = await health();
      if (predicate(h)) return h;
      await new Promise((r) => setTimeout(r, 50));
    }
    throw new Error('the server did not pick up the new lists within 10 s');
  }

  it('refuses an incomplete folder from the CLI and the server keeps its generation', async () => {
    const before = await health();
    const dir = join(scratch, 'incomplete', 'ofac-cons', '2025-12-19');
    cpSync(CONS, dir, { recursive: true });
    rmSync(join(dir, 'cons_alt.csv'));
    const { code, out, err } = await runCli(['lists', 'load', join(scratch, 'incomplete'), ...storeArgs()]);
    expect(code).toBe(3);
    expect(out).toBe('');
    expect(err).toContain('embargo: ofac-cons/2025-12-19: the ofac-cons publication (ofac-csv) has no cons_alt.csv');
    expect(err).toContain('Nothing was stored; the lists in force are unchanged.');
    await new Promise((r) => setTimeout(r, 300));
    expect(await health()).toEqual(before);
  });

  it('sees a load by the CLI within seconds: /healthz says the new generation, screening answers from the new set', async () => {
    const before = await health();
    const [cons] = await loadListDirectory(CONS);
    const listed = cons.entities.find((e) => e.schema !== 'Person' && e.caption.length > 15)!;
    expect((await screen(listed.caption)).matches.some((m: { id: string }) => m.id === listed.id)).toBe(false);
    // A monitored customer named like the record: re-screened by the server once it picks the load up.
    const registered = await t.app.inject({
      method: 'POST',
      url: '/v1/customers',
      headers: t.as(t.keys.client),
      payload: { customerKey: 'M-1', name: listed.caption },
    });
    expect(registered.statusCode, registered.body).toBe(200);

    const { code, out, err } = await runCli(['lists', 'load', join(BUNDLED_DATA_DIR, 'ofac-cons'), ...storeArgs()]);
    expect(code, err).toBe(0);
    expect(out).toContain(`Lists generation ${before.listsGeneration + 1} is in force.`);
    const after = await healthUntil((h) => h.listsGeneration === before.listsGeneration + 1);
    expect(after.publications).toBe(before.publications + 1);
    const screened = await screen(listed.caption);
    expect(screened.listsGeneration).toBe(before.listsGeneration + 1);
    expect(screened.matches[0]).toMatchObject({ id: listed.id, alert: true });
    // The monitor re-screened the customer against what the load added, as after a load through the API.
    for (const started = Date.now(); (await t.store.listAlerts({ customerKey: 'M-1' })).length === 0;) {
      if (Date.now() - started > 10_000) throw new Error('the monitored customer was not re-screened');
      await new Promise((r) => setTimeout(r, 50));
    }
    expect(await t.store.listAlerts({ customerKey: 'M-1' })).toMatchObject([{ entityId: listed.id, status: 'open' }]);
    // The CLI's load is audited like the API's.
    expect((await t.store.listAudit({ kind: 'list.load' })).at(-1)).toMatchObject({ actor: 'cli', details: { source: 'ofac-cons' } });
  });
});

describe.each(BACKENDS)('`embargo lists load` killed while it saves, on %s', (backend) => {
  let t: TestApp;
  let scratch: string;
  beforeAll(async () => {
    scratch = mkdtempSync(join(tmpdir(), 'embargo-killed-'));
    t = await createTestApp({ backend });
  });
  afterAll(async () => {
    await t?.close();
    rmSync(scratch, { recursive: true, force: true });
  });

  it('leaves the previous set in force: all sources of a folder go into force together or none does', async () => {
    const before = await t.store.currentPublications();
    const generation = await t.store.listsGeneration();
    // Three sources at once (OFAC SDN, OFAC consolidated, UK), killed once the CLI says it is saving them.
    const dir = join(scratch, 'three');
    for (const source of ['ofac-sdn', 'ofac-cons', 'uk-hmt'])
      cpSync(join(BUNDLED_DATA_DIR, source), join(dir, source), { recursive: true });
    const args = [
      'lists',
      'load',
      dir,
      ...(t.config.databaseUrl ? ['--database', t.config.databaseUrl] : ['--sqlite', t.config.sqlitePath!]),
    ];
    const child = spawn(process.execPath, [BIN, ...args], { env: { ...process.env, EMBARGO_DATABASE_URL: '' } });
    let err = '';
    const exited = new Promise<NodeJS.Signals | null>((resolve) => child.on('exit', (_code, signal) => resolve(signal)));
    await new Promise<void>((saving, failed) => {
      child.stderr.on('data', (d: Buffer) => {
        err += d.toString();
        if (/^saving /m.test(err)) saving();
      });
      child.on('exit', () => failed(new Error(`the load ended before it saved: ${err}`)));
    });
    child.kill('SIGKILL');
    expect(await exited).toBe('SIGKILL');
    // The database recovers the interrupted transaction: the previous set is in force, whole.
    expect(await t.store.currentPublications()).toEqual(before);
    expect(await t.store.listsGeneration()).toBe(generation);
    expect(await t.store.verifyAudit()).toMatchObject({ ok: true });
    // And the load, run again to the end, puts all three in force at once.
    const { code, err: again } = await runCli(args);
    expect(code, again).toBe(0);
    expect((await t.store.currentPublications()).map((p) => p.source)).toEqual(['ofac-cons', 'ofac-sdn', 'uk-hmt', 'un-sc']);
    expect(await t.store.listsGeneration()).toBe(generation + 1);
  });
});
