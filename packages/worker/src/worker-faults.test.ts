/**
 * Fault test of the payment worker as deployed: `embargo worker` processes on NATS JetStream and one SQLite
 * database holding the bundled SDN list (2023-12-28). 10,000 messages (real MT103 and pacs.008 samples, each with
 * its own UETR, parties named from the list or made up, 1% cut short to be unreadable) are published; a
 * worker is killed with SIGKILL mid-stream and another started. Every readable message must end with
 * exactly one decision on payments.decisions and one stored payment, every unreadable one in
 * payments.dead, none lost, none twice.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openStore, type Store } from '@embargo/store';
import { BUNDLED_DATA, REPO_ROOT, SHARED_PAYMENTS, hasSharedPayments } from '../../../test/shared-data.js';
import { freshNamespace, natsReachable, natsTestClient, TEST_NATS_URL, type NatsTestClient } from './nats-test-kit.js';
import { generatePaymentStream, type PaymentTemplate } from './generated-stream.js';

const reachable = await natsReachable();
if (!reachable && process.env.CI) throw new Error(`CI needs NATS with JetStream at ${TEST_NATS_URL}`);
const MESSAGES = 10_000;
const CLI = join(REPO_ROOT, 'packages', 'cli', 'bin', 'embargo.js');
const PAYMENTS = SHARED_PAYMENTS;
const HAS_SAMPLES = hasSharedPayments();

/** The MT103 and pacs.008 of CBPR+ scenario p.2.1.2, with the strings each copy replaces. */
function templates(): PaymentTemplate[] {
  return [
    {
      text: readFileSync(join(PAYMENTS, 'mt', 'wso2_cbpr_p212_MT103_AtoB.fin'), 'utf8'),
      reference: 'A2B0506272708',
      uetr: '174c245f-2682-4291-ad67-2a41e530cd27',
      debtor: 'GB Engineering',
      creditor: 'US Engines',
    },
    {
      text: readFileSync(join(PAYMENTS, 'mx', 'wso2_cbpr_p212_pacs008_AtoB.xml'), 'utf8'),
      reference: 'A2B0506272708',
      uetr: '174c245f-2682-4291-ad67-2a41e530cd27',
      debtor: 'GB Engineering',
      creditor: 'US Engines',
    },
  ];
}

async function waitFor(what: string, condition: () => Promise<boolean>, timeoutMs: number): Promise<void> {
  const start = Date.now();
  while (!(await condition())) {
    if (Date.now() - start > timeoutMs) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 250));
  }
}

describe.skipIf(!reachable || !HAS_SAMPLES)('embargo worker killed mid-stream', () => {
  const dir = mkdtempSync(join(tmpdir(), 'embargo-worker-faults-'));
  const env = { ...process.env, EMBARGO_SQLITE_PATH: join(dir, 'embargo.db'), EMBARGO_AUDIT_KEY_FILE: join(dir, 'audit.key') };
  const namespace = freshNamespace('faults');
  const workers: ChildProcess[] = [];
  let client: NatsTestClient;
  let store: Store;

  const startWorker = () => {
    const child = spawn(
      process.execPath,
      [CLI, 'worker', '--nats', TEST_NATS_URL, '--nats-namespace', namespace, '--max-in-flight', '32'],
      {
        env,
        stdio: ['ignore', 'ignore', 'pipe'],
      },
    );
    let said = '';
    child.stderr!.on('data', (d: Buffer) => (said += d.toString()));
    workers.push(child);
    return { child, ready: () => said.includes('Ctrl-C stops it'), said: () => said };
  };

  beforeAll(async () => {
    const load = spawnSync(process.execPath, [CLI, 'lists', 'load', join(BUNDLED_DATA, 'ofac-sdn', '2023-12-28')], {
      env,
      encoding: 'utf8',
    });
    if (load.status !== 0) throw new Error(`lists load failed: ${load.stderr}`);
    client = await natsTestClient(namespace);
  }, 120_000);

  afterAll(async () => {
    for (const w of workers) w.kill('SIGKILL');
    await client?.cleanUp();
    await store?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('decides every message exactly once, after one worker is killed with SIGKILL and another takes over', async () => {
    const first = startWorker();
    await waitFor('the first worker to start', async () => first.ready(), 60_000);
    const listed = [
      'VELMUR MANAGEMENT PTE LTD',
      'TRANSATLANTIC PARTNERS PTE. LTD.',
      'FOREIGN TRADE BANK OF THE DPRK',
      'KOREA MINING DEVELOPMENT TRADING CORPORATION',
    ];
    const stream = generatePaymentStream({
      count: MESSAGES,
      templates: templates(),
      names: listed,
      namedShare: 0.05,
      malformedShare: 0.01,
      seed: 7,
    });
    const readable = stream.filter((m) => m.messageId !== undefined).map((m) => m.messageId!);
    await client.publishRaw(stream.map((m) => m.raw));

    // Killed with some of the stream decided and much of it not: messages it held are redelivered.
    const decided = async () => (await client.jsm.streams.info(client.topology.streams.decisions)).state.messages;
    await waitFor('a share of the stream decided', async () => (await decided()) >= MESSAGES / 5, 120_000);
    first.child.kill('SIGKILL');
    const second = startWorker();
    await waitFor('the second worker to start', async () => second.ready(), 60_000);
    await waitFor(
      'every message acknowledged',
      async () => (await client.jsm.streams.info(client.topology.streams.in)).state.messages === 0 && (await decided()) >= readable.length,
      240_000,
    );
    second.child.kill('SIGTERM');

    const decisions = (await client.readAll('decisions')).map(
      (d) => JSON.parse(d) as { messageId: string; decision: string; hits: unknown[] },
    );
    expect(decisions).toHaveLength(readable.length);
    expect(new Set(decisions.map((d) => d.messageId))).toEqual(new Set(readable));
    const dead = (await client.readAll('dead')).map((d) => JSON.parse(d) as { error: { code: string; reason: string } });
    expect(dead).toHaveLength(MESSAGES - readable.length);
    expect(dead.every((d) => d.error.code === 'PAYMENT_PARSE' && d.error.reason.length > 0)).toBe(true);
    // Listed names were mixed in: some payments were stopped, most passed.
    expect(decisions.some((d) => d.decision === 'block')).toBe(true);
    expect(decisions.filter((d) => d.decision === 'pass').length).toBeGreaterThan(readable.length / 2);

    store = await openStore({ sqlitePath: env.EMBARGO_SQLITE_PATH, auditKeyFile: env.EMBARGO_AUDIT_KEY_FILE });
    expect(await store.countPayments({})).toBe(readable.length);
    expect((await store.verifyAudit()).ok).toBe(true);
  }, 600_000);
});
