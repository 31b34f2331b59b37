/**
 * The fault case, end to end with the real CLI: `embargo serve` as a child process is killed with
 * SIGKILL in the middle of a 20,000-party batch job. What it acknowledged must be in the database; a new
 * server resumes the job and finishes it with every party's result exactly once, in order, the
 * acknowledged prefix unchanged, and no alert opened twice. On SQLite and PostgreSQL.
 *
 * Needs the CLI built (`npm run build`, which `npm test` runs first).
 */
import { spawn, execFile, type ChildProcess } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openStore, type StoreConfig } from '@embargo/store';
import { BACKENDS, BUNDLED_UN, freshDatabase } from '../testing/app-fixture.js';

const CLI = fileURLToPath(new URL('../../../cli/', import.meta.url));
const BIN = join(CLI, 'bin', 'embargo.js');
const PARTIES = 20_000;

/** 20,000 parties: invented names, with a listed one (UN KPi.057) every 97th so that alerts open. */
function batchParties(): { name: string; customerKey: string }[] {
  const given = ['Amira', 'Boris', 'Chen', 'Dara', 'Elif', 'Farid', 'Goran', 'Hana', 'Ivo', 'Jun', 'Kofi', 'Lena', 'Mateo', 'Nia'];
  const family = ['Albright', 'Brennan', 'Castellano', 'Dunmore', 'Eriksen', 'Falkner', 'Gallardo', 'Hollis', 'Ingram', 'Jovanovic'];
  return Array.from({ length: PARTIES }, (_, i) => ({
    name: i % 97 === 0 ? 'JANG SUNG NAM' : `${given[i % given.length]} ${family[Math.floor(i / given.length) % family.length]} ${i}`,
    customerKey: `crash-${i}`,
  }));
}

interface Server {
  child: ChildProcess;
  url: string;
  stderr: () => string;
}

function environment(database: StoreConfig, dataDir: string): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env, EMBARGO_DATA_DIR: dataDir };
  delete env.EMBARGO_DATABASE_URL;
  delete env.EMBARGO_SQLITE_PATH;
  if (database.databaseUrl) env.EMBARGO_DATABASE_URL = database.databaseUrl;
  else env.EMBARGO_SQLITE_PATH = database.sqlitePath;
  return env;
}

/** `embargo serve --port 0`, resolved once it prints its ready line (`listening <url>`) on stdout. */
function startServer(env: NodeJS.ProcessEnv, running: ChildProcess[]): Promise<Server> {
  const child = spawn(process.execPath, [BIN, 'serve', '--port', '0', '--quiet'], { env, stdio: ['ignore', 'pipe', 'pipe'] });
  running.push(child);
  let stderr = '';
  child.stderr!.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
  return new Promise((resolve, reject) => {
    let stdout = '';
    child.stdout!.setEncoding('utf8').on('data', (chunk: string) => {
      stdout += chunk;
      const ready = /^listening (\S+)$/m.exec(stdout);
      if (ready) resolve({ child, url: ready[1], stderr: () => stderr });
    });
    child.once('exit', (code) => reject(new Error(`embargo serve exited (${code}) before listening:\n${stderr}`)));
  });
}

function killed(child: ChildProcess): Promise<void> {
  return new Promise((resolve) => {
    child.once('exit', () => resolve());
    child.kill('SIGKILL');
  });
}

interface JobView {
  status: string;
  total: number;
  completed: number;
  alerted: number;
  error: string | null;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe.each(BACKENDS)('a server killed during a batch job, on %s', (backend) => {
  const running: ChildProcess[] = [];
  let dataDir: string;
  let database: Awaited<ReturnType<typeof freshDatabase>>;

  beforeAll(async () => {
    if (!existsSync(join(CLI, 'dist', 'main.js'))) throw new Error('This test drives the built CLI: run `npm run build` first.');
    // Only the UN list: the server starts in seconds and the job still screens against real records.
    dataDir = mkdtempSync(join(tmpdir(), 'embargo-crash-'));
    cpSync(BUNDLED_UN, join(dataDir, 'un-sc', '2026-02-27'), { recursive: true });
    database = await freshDatabase(backend);
  });

  afterAll(async () => {
    for (const child of running) if (child.exitCode === null && child.signalCode === null) await killed(child);
    await database?.drop();
    if (dataDir) rmSync(dataDir, { recursive: true, force: true });
  });

  it('loses nothing acknowledged, and the restarted server finishes the job exactly once', { timeout: 300_000 }, async () => {
    const env = environment(database.config, dataDir);
    const first = await startServer(env, running);
    const { stdout: key } = await promisify(execFile)(
      process.execPath,
      [BIN, 'keys', 'create', '--role', 'client', '--name', 'crash test'],
      {
        env,
        encoding: 'utf8',
      },
    );
    const headers = { authorization: `Bearer ${key.trim()}`, 'content-type': 'application/json' };
    const job = async (server: Server, id: string): Promise<JobView> => {
      const res = await fetch(`${server.url}/v1/jobs/${id}`, { headers });
      expect(res.status, server.stderr()).toBe(200);
      return (await res.json()) as JobView;
    };

    const parties = batchParties();
    const submitted = await fetch(`${first.url}/v1/screen/batch`, { method: 'POST', headers, body: JSON.stringify({ parties }) });
    expect(submitted.status).toBe(202);
    const { jobId } = (await submitted.json()) as { jobId: string };

    // Kill the server as soon as some, not all, of the job is acknowledged.
    let seen = await job(first, jobId);
    while (seen.completed === 0) {
      await sleep(20);
      seen = await job(first, jobId);
    }
    expect(seen.completed).toBeLessThan(PARTIES);
    await killed(first.child);

    // What the dead server acknowledged is in the database, whole.
    const store = await openStore(database.config);
    let acknowledged: unknown[];
    try {
      const stored = await store.getJob(jobId, null);
      expect(stored).toMatchObject({ status: 'running', total: PARTIES, error: null });
      expect(stored!.completed).toBeGreaterThanOrEqual(seen.completed);
      expect(stored!.completed).toBeLessThan(PARTIES);
      acknowledged = await store.jobResults(jobId, 0, PARTIES);
      expect(acknowledged).toHaveLength(stored!.completed);
      expect(acknowledged.map((r) => (r as { index: number }).index)).toEqual([...Array(stored!.completed).keys()]);
    } finally {
      await store.close();
    }

    // A new server resumes the job on start-up and finishes it.
    const second = await startServer(env, running);
    let finished = await job(second, jobId);
    while (finished.status === 'queued' || finished.status === 'running') {
      await sleep(200);
      finished = await job(second, jobId);
    }
    expect(finished, second.stderr()).toMatchObject({ status: 'done', total: PARTIES, completed: PARTIES, error: null });

    const res = await fetch(`${second.url}/v1/jobs/${jobId}/results`, { headers });
    expect(res.headers.get('content-type')).toMatch(/^application\/x-ndjson/);
    const lines = (await res.text())
      .split('\n')
      .filter((l) => l)
      .map((l) => JSON.parse(l) as { index: number; customerKey: string; matches: { alert: boolean; suppressed?: boolean }[] });
    // Every party exactly once, in submission order, and the acknowledged prefix as it was.
    expect(lines.map((l) => l.index)).toEqual([...Array(PARTIES).keys()]);
    expect(lines.map((l) => l.customerKey)).toEqual(parties.map((p) => p.customerKey));
    expect(lines.slice(0, acknowledged.length)).toEqual(acknowledged);
    expect(lines.filter((l) => l.matches.some((m) => m.alert)).length).toBe(Math.ceil(PARTIES / 97));

    // One alert per alerting match, none opened twice by the resumed run.
    const opened = lines.reduce((sum, l) => sum + l.matches.filter((m) => m.alert && !m.suppressed).length, 0);
    expect(finished.alerted).toBe(opened);
    const check = await openStore(database.config);
    try {
      expect(await check.listAlerts({ limit: 100_000 })).toHaveLength(opened);
      expect(await check.verifyAudit()).toMatchObject({ ok: true });
    } finally {
      await check.close();
    }
    await killed(second.child);
  });
});
