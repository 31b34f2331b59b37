/**
 * End-to-end: the real `embargo serve` as a child process on a temporary SQLite file and a small data
 * folder (the bundled UN list). It loads the lists on first start, prints its URL, answers a screening
 * made with a key from `embargo keys create`, logs no names, stops cleanly on SIGTERM, and on the next
 * start uses the stored lists instead of loading them again. With EMBARGO_UPDATE_EVERY it checks the
 * publishers (here a mirror on 127.0.0.1 serving the UN file only) on its schedule, warns of each failed
 * check, shows the outcomes on /healthz and still stops at once; with 0 it checks nothing; a malformed
 * interval or maximum age refuses to start, naming the variable. Needs the CLI built (`npm run build`).
 */
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { BUNDLED_DATA_DIR } from '../config.js';

const BIN = fileURLToPath(new URL('../../bin/embargo.js', import.meta.url));
const BUILT = fileURLToPath(new URL('../../dist/main.js', import.meta.url));

interface Running {
  child: ChildProcessWithoutNullStreams;
  url: string;
  stdout: string[];
  stderr: string[];
  exited: Promise<number | null>;
}

/** Starts `embargo serve --port 0` and waits for its "listening <url>" line. */
function startServer(env: NodeJS.ProcessEnv, cwd: string): Promise<Running> {
  const child = spawn(process.execPath, [BIN, 'serve', '--port', '0'], { env, cwd });
  const stdout: string[] = [];
  const stderr: string[] = [];
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`the server did not start within 90 s:\n${stderr.join('')}`));
    }, 90_000);
    child.stderr.on('data', (chunk: Buffer) => stderr.push(String(chunk)));
    let pending = '';
    child.stdout.on('data', (chunk: Buffer) => {
      stdout.push(String(chunk));
      pending += String(chunk);
      const ready = /^listening (http:\/\/\S+)$/m.exec(pending);
      if (ready) {
        clearTimeout(timer);
        resolve({ child, url: ready[1], stdout, stderr, exited });
      }
    });
    void exited.then((code) => {
      clearTimeout(timer);
      reject(new Error(`the server exited (${code}) before listening:\n${stderr.join('')}`));
    });
  });
}

/** Runs one `embargo` command to completion. */
function embargo(args: string[], env: NodeJS.ProcessEnv, cwd: string): Promise<{ code: number | null; out: string; err: string }> {
  const child = spawn(process.execPath, [BIN, ...args], { env, cwd });
  let out = '';
  let err = '';
  child.stdout.on('data', (c: Buffer) => (out += String(c)));
  child.stderr.on('data', (c: Buffer) => (err += String(c)));
  return new Promise((resolve) => child.on('close', (code) => resolve({ code, out: out.trim(), err })));
}

describe('embargo serve, end to end', () => {
  let dir: string;
  let env: NodeJS.ProcessEnv;
  let server: Running | undefined;

  beforeAll(() => {
    if (!existsSync(BUILT)) throw new Error('the CLI is not built: run `npm run build` (or `npx tsc -b packages/cli`) first');
    dir = mkdtempSync(join(tmpdir(), 'embargo-serve-'));
    const data = join(dir, 'data');
    mkdirSync(join(data, 'un-sc'), { recursive: true });
    cpSync(join(BUNDLED_DATA_DIR, 'un-sc', '2026-02-27'), join(data, 'un-sc', '2026-02-27'), { recursive: true });
    env = {
      PATH: process.env.PATH,
      HOME: process.env.HOME,
      EMBARGO_SQLITE_PATH: join(dir, 'var', 'embargo.db'),
      EMBARGO_DATA_DIR: data,
      EMBARGO_HOST: '127.0.0.1',
    };
  });
  afterAll(() => {
    server?.child.kill('SIGKILL');
    rmSync(dir, { recursive: true, force: true });
  });

  it('loads the lists on first start, screens with a key made by the CLI, and stops on SIGTERM', async () => {
    server = await startServer(env, dir);
    expect(server.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    // The hint goes to stderr just before "listening" goes to stdout; two pipes keep no order between
    // them, so wait for it rather than assume it has arrived.
    const running = server;
    await vi.waitFor(() => expect(running.stderr.join('')).toContain('embargo keys create'), { timeout: 5_000 });
    expect(running.stderr.join('')).toContain('No lists stored yet');
    // The first start also makes the web app's first admin, telling the password once.
    const admin = /created "admin" with password (\S+)/.exec(running.stderr.join(''));
    expect(admin).not.toBeNull();
    const signIn = (password: string) =>
      fetch(`${running.url}/v1/session`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ username: 'admin', password }),
      });
    expect((await signIn(admin![1])).status).toBe(200);
    expect((await signIn('a wrong password')).status).toBe(401);

    const made = await embargo(['keys', 'create', '--role', 'client', '--name', 'e2e'], env, dir);
    expect(made.code).toBe(0);
    const key = made.out;
    expect(key).toMatch(/^emb_[0-9a-f]{16}_/);

    const health = await fetch(`${server.url}/healthz`);
    expect(await health.json()).toMatchObject({ status: 'ok', publications: 1 });

    const refused = await fetch(`${server.url}/v1/screen`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}' });
    expect(refused.status).toBe(401);

    const res = await fetch(`${server.url}/v1/screen`, {
      method: 'POST',
      headers: { authorization: `Bearer ${key}`, 'content-type': 'application/json' },
      body: JSON.stringify({ name: 'Jang Song Nam', schema: 'Person', birthDate: '1970-07-14' }),
    });
    expect(res.status).toBe(200);
    const body = (await res.json()) as { screeningId: string; alerted: boolean; matches: { id: string }[] };
    expect(body.alerted).toBe(true);
    expect(body.matches[0].id).toBe('un:KPi.057');

    server.child.kill('SIGTERM');
    expect(await server.exited).toBe(0);
    const logs = server.stdout.join('');
    expect(logs).toContain('"path":"/v1/screen"');
    expect(logs).toContain(`"keyId":"${key.split('_')[1]}"`);
    for (const secret of ['Jang', '1970-07-14', key, admin![1]]) expect(logs).not.toContain(secret);
  }, 120_000);

  it('uses the stored lists on the next start, and the audit trail is intact', async () => {
    server = await startServer(env, dir);
    const progress = server.stderr.join('');
    expect(progress).not.toContain('No lists stored yet');
    expect(progress).not.toContain('No web-app users yet');
    const health = (await (await fetch(`${server.url}/healthz`)).json()) as { publications: number };
    expect(health.publications).toBe(1);
    server.child.kill('SIGTERM');
    expect(await server.exited).toBe(0);

    const verified = await embargo(['audit', 'verify'], env, dir);
    expect(verified.code).toBe(0);
    expect(verified.out).toMatch(/^OK: \d+ audit rows, chain intact\.$/);
  }, 120_000);

  it('screens at the deployment’s EMBARGO_ALERT_THRESHOLD, and refuses to start with one that is not 0–1', async () => {
    const bad = await embargo(['serve', '--port', '0'], { ...env, EMBARGO_ALERT_THRESHOLD: 'high' }, dir);
    expect(bad.code).toBe(2);
    expect(bad.err).toContain('EMBARGO_ALERT_THRESHOLD is "high": expected a number from 0 to 1');

    // 'Jang Sng Nam' scores about 0.64 against JANG SUNG NAM: below the default 0.81, above this deployment's 0.5.
    server = await startServer({ ...env, EMBARGO_ALERT_THRESHOLD: '0.5' }, dir);
    const key = (await embargo(['keys', 'create', '--role', 'client', '--name', 'threshold'], env, dir)).out;
    const res = await fetch(`${server.url}/v1/screen`, {
      method: 'POST',
      headers: { authorization: `Bearer ${key}`, 'content-type': 'application/json' },
      body: JSON.stringify({ name: 'Jang Sng Nam' }),
    });
    const body = (await res.json()) as { alerted: boolean; matches: { id: string; score: number; explanation: { threshold: number } }[] };
    expect(body.matches[0].id).toBe('un:KPi.057');
    expect(body.matches[0].score).toBeLessThan(0.81);
    expect(body.matches[0].explanation.threshold).toBe(0.5);
    expect(body.alerted).toBe(true);
    server.child.kill('SIGTERM');
    expect(await server.exited).toBe(0);
  }, 120_000);

  it('refuses to start with a malformed EMBARGO_UPDATE_EVERY or EMBARGO_LIST_MAX_AGE, naming the variable', async () => {
    const every = await embargo(['serve', '--port', '0'], { ...env, EMBARGO_UPDATE_EVERY: '6' }, dir);
    expect(every.code).toBe(2);
    expect(every.err).toContain('EMBARGO_UPDATE_EVERY is "6": expected a whole number with a unit, s, m, h or d');
    const age = await embargo(['serve', '--port', '0'], { ...env, EMBARGO_UPDATE_EVERY: '12h', EMBARGO_LIST_MAX_AGE: '6h' }, dir);
    expect(age.code).toBe(2);
    expect(age.err).toContain('EMBARGO_LIST_MAX_AGE (6h) must be longer than EMBARGO_UPDATE_EVERY (12h)');
  }, 60_000);

  it('checks the publishers on its schedule, warns of each failed check, shows them on /healthz, and stops at once', async () => {
    const unFile = readFileSync(join(dir, 'data', 'un-sc', '2026-02-27', 'consolidated.xml'));
    const requests: string[] = [];
    const mirror = createServer((req, res) => {
      requests.push(req.url ?? '');
      if (req.url === '/un-sc/consolidated.xml') res.writeHead(200, { 'Content-Length': String(unFile.length) }).end(unFile);
      else res.writeHead(404).end();
    });
    await new Promise<void>((resolve) => mirror.listen(0, '127.0.0.1', resolve));
    const mirrorUrl = `http://127.0.0.1:${(mirror.address() as AddressInfo).port}`;
    try {
      // Off: nothing asked of the publishers.
      server = await startServer({ ...env, EMBARGO_UPDATE_EVERY: '0', EMBARGO_LISTS_BASE_URL: mirrorUrl }, dir);
      // stderr and stdout are two pipes with no order between them: wait for the notice.
      const off = server;
      await vi.waitFor(() => expect(off.stderr.join('')).toContain('Not checking the publishers for updates (EMBARGO_UPDATE_EVERY=0)'), {
        timeout: 5_000,
      });
      expect((await (await fetch(`${server.url}/healthz`)).json()).listUpdateEverySeconds).toBe(0);
      server.child.kill('SIGTERM');
      expect(await server.exited).toBe(0);
      expect(requests).toEqual([]);

      server = await startServer({ ...env, EMBARGO_UPDATE_EVERY: '2s', EMBARGO_LISTS_BASE_URL: mirrorUrl }, dir);
      const running = server;
      await vi.waitFor(
        () => expect(running.stderr.join('')).toContain(`Checking the publishers for updates every 2 seconds (mirror ${mirrorUrl})`),
        { timeout: 5_000 },
      );
      type Health = { status: string; lists: { source: string; outcome: string | null; attention: boolean }[] };
      const health = async () => (await (await fetch(`${running.url}/healthz`)).json()) as Health;
      await vi.waitFor(async () => expect((await health()).lists.find((l) => l.source === 'un-sc')?.outcome).toBe('unchanged'), {
        timeout: 60_000,
        interval: 500,
      });
      const h = await health();
      // The mirror serves the UN file only: the other publishers are unreachable, and the server degraded.
      expect(h.status).toBe('degraded');
      expect(h.lists.find((l) => l.source === 'ofac-sdn')).toMatchObject({ outcome: 'unreachable', attention: true });
      await vi.waitFor(
        () => expect(running.stderr.join('')).toMatch(/warning: Checking ofac-sdn for an update: unreachable: .*answered 404/),
        {
          timeout: 5_000,
        },
      );
      expect(requests).toContain('/un-sc/consolidated.xml');
      const stopping = Date.now();
      running.child.kill('SIGTERM');
      expect(await running.exited).toBe(0);
      expect(Date.now() - stopping).toBeLessThan(20_000);
    } finally {
      mirror.closeAllConnections();
      await new Promise((resolve) => mirror.close(resolve));
    }

    const verified = await embargo(['audit', 'verify'], env, dir);
    expect(verified.code).toBe(0);
  }, 180_000);
});
