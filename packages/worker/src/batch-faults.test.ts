/**
 * Batch jobs screened by workers, as deployed: `embargo serve --nats` hands a job of 100,000 parties to two
 * `embargo worker` processes in chunks through NATS JetStream; all three share one PostgreSQL database
 * holding the bundled UN list. One worker is killed with SIGKILL mid-job and another started. The job must
 * finish with exactly one result per party, in submission order.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BUNDLED_DATA, REPO_ROOT } from '../../../test/shared-data.js';
import { freshNamespace, natsReachable, natsTestClient, TEST_NATS_URL, type NatsTestClient } from './nats-test-kit.js';

const reachable = await natsReachable();
if (!reachable && process.env.CI) throw new Error(`CI needs NATS with JetStream at ${TEST_NATS_URL}`);
const ADMIN_URL = process.env.EMBARGO_TEST_POSTGRES_ADMIN_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const PARTIES = 100_000;
const CLI = join(REPO_ROOT, 'packages', 'cli', 'bin', 'embargo.js');

async function asAdmin(statement: string): Promise<void> {
  const client = new pg.Client({ connectionString: ADMIN_URL });
  await client.connect();
  try {
    await client.query(statement);
  } finally {
    await client.end();
  }
}

async function waitFor<T>(what: string, probe: () => Promise<T | undefined>, timeoutMs: number): Promise<T> {
  const start = Date.now();
  for (;;) {
    const value = await probe();
    if (value !== undefined) return value;
    if (Date.now() - start > timeoutMs) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 250));
  }
}

/** Made-up names with a listed one now and then (the bundled UN list's JANG SUNG NAM). */
function parties(): { name: string; customerKey: string }[] {
  const syllables = ['ka', 'ri', 'mon', 'tel', 'sa', 'dor', 'vin', 'le', 'bra', 'to', 'nes', 'gal'];
  return Array.from({ length: PARTIES }, (_, i) => ({
    name:
      i % 997 === 0
        ? 'JANG SUNG NAM'
        : `${syllables[i % 12]}${syllables[(i >> 4) % 12]}${syllables[(i >> 8) % 12]} ${syllables[(i >> 2) % 12]}${syllables[(i >> 6) % 12]}`.toUpperCase(),
    customerKey: `C-${i}`,
  }));
}

describe.skipIf(!reachable)('a 100,000-party batch job on two workers, one killed mid-job', () => {
  const dir = mkdtempSync(join(tmpdir(), 'embargo-batch-faults-'));
  const database = `embargo_batch_faults_${process.pid}`;
  const env = {
    ...process.env,
    EMBARGO_DATABASE_URL: `postgres://postgres@127.0.0.1:5432/${database}`,
    EMBARGO_AUDIT_KEY_FILE: join(dir, 'audit.key'),
    EMBARGO_DATA_DIR: join(BUNDLED_DATA, 'un-sc', '2026-02-27'),
  };
  const namespace = freshNamespace('batch');
  const processes: ChildProcess[] = [];
  let client: NatsTestClient;
  let url = '';
  let key = '';

  const startWorker = () => {
    const child = spawn(process.execPath, [CLI, 'worker', '--nats', TEST_NATS_URL, '--nats-namespace', namespace], {
      env,
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    let said = '';
    child.stderr!.on('data', (d: Buffer) => (said += d.toString()));
    processes.push(child);
    return { child, ready: async () => (said.includes('Ctrl-C stops it') ? true : undefined) };
  };

  beforeAll(async () => {
    await asAdmin(`create database ${database}`);
    const load = spawnSync(process.execPath, [CLI, 'lists', 'load', join(BUNDLED_DATA, 'un-sc', '2026-02-27')], { env, encoding: 'utf8' });
    if (load.status !== 0) throw new Error(`lists load failed: ${load.stderr}`);
    const made = spawnSync(process.execPath, [CLI, 'keys', 'create', '--role', 'client', '--name', 'batch test'], {
      env,
      encoding: 'utf8',
    });
    key = made.stdout.trim().split('\n').pop()!;
    const serve = spawn(
      process.execPath,
      [CLI, 'serve', '--port', '0', '--quiet', '--nats', TEST_NATS_URL, '--nats-namespace', namespace],
      { env, stdio: ['ignore', 'pipe', 'ignore'] },
    );
    processes.push(serve);
    url = await new Promise<string>((resolve, reject) => {
      serve.once('exit', (code) => reject(new Error(`embargo serve stopped (${code})`)));
      createInterface({ input: serve.stdout! }).on('line', (line) => {
        if (line.startsWith('listening ')) resolve(line.slice('listening '.length));
      });
    });
    client = await natsTestClient(namespace);
  }, 180_000);

  afterAll(async () => {
    for (const p of processes) p.kill('SIGKILL');
    await client?.cleanUp();
    await asAdmin(`drop database if exists ${database} with (force)`).catch(() => undefined);
    rmSync(dir, { recursive: true, force: true });
  });

  const api = async (path: string, init: RequestInit = {}) =>
    fetch(`${url}${path}`, { ...init, headers: { authorization: `Bearer ${key}`, 'content-type': 'application/json', ...init.headers } });
  const progress = async (jobId: string) =>
    (await (await api(`/v1/jobs/${jobId}`)).json()) as { status: string; completed: number; total: number };

  it('finishes with exactly one result per party, in order', async () => {
    const first = startWorker();
    const second = startWorker();
    await waitFor('the workers to start', async () => ((await first.ready()) && (await second.ready())) || undefined, 120_000);

    const submitted = await api('/v1/screen/batch', { method: 'POST', body: JSON.stringify({ parties: parties() }) });
    expect(submitted.status).toBe(202);
    const { jobId } = (await submitted.json()) as { jobId: string };

    await waitFor('a fifth of the job', async () => ((await progress(jobId)).completed >= PARTIES / 5 ? true : undefined), 300_000);
    first.child.kill('SIGKILL');
    const third = startWorker();
    await waitFor('the third worker to start', third.ready, 120_000);
    const finished = await waitFor(
      'the job to finish',
      async () => {
        const p = await progress(jobId);
        return p.status === 'done' || p.status === 'failed' ? p : undefined;
      },
      600_000,
    );
    expect(finished).toMatchObject({ status: 'done', completed: PARTIES, total: PARTIES });

    const body = await (await api(`/v1/jobs/${jobId}/results`)).text();
    const lines = body
      .split('\n')
      .filter((l) => l)
      .map((l) => JSON.parse(l) as { index: number; customerKey: string; alerted: boolean });
    expect(lines).toHaveLength(PARTIES);
    expect(lines.every((l, i) => l.index === i && l.customerKey === `C-${i}`)).toBe(true);
    expect(lines.filter((l) => l.alerted).length).toBeGreaterThanOrEqual(Math.floor(PARTIES / 997));
  }, 900_000);
});
