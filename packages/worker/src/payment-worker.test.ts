/**
 * The worker's loop against the NATS server on this machine, with a stand-in screening (the real one is
 * tested with the store in payment-worker-screening.test.ts): every message is acknowledged once its
 * decision is published, unreadable ones go to payments.dead, and a decision published twice is kept once.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { startPaymentWorker, type PaymentHandler } from './payment-worker.js';
import { freshNamespace, natsReachable, natsTestClient, TEST_NATS_URL, type NatsTestClient } from './nats-test-kit.js';

const reachable = await natsReachable();
if (!reachable && process.env.CI) throw new Error(`CI needs NATS with JetStream at ${TEST_NATS_URL}`);

/** Decides "pass" for each message, and sends messages starting with BAD to the dead letters. */
function echo(failFirst: (raw: string) => boolean = () => false): PaymentHandler<{ raw: string; tenant?: string }> {
  return {
    async prepare(raw, tenant) {
      return { raw, tenant };
    },
    async commit(prepared, deadIds) {
      if (prepared.some((p) => failFirst(p.raw))) throw new Error('database away');
      return prepared.map(({ raw, tenant }, i) =>
        raw.startsWith('BAD')
          ? { decisions: [], dead: [{ id: deadIds[i](1), body: { error: 'unreadable', raw } }] }
          : { decisions: [{ id: `${tenant ?? 'default'}:${raw}`, body: { decision: 'pass', raw, tenant: tenant ?? null } }], dead: [] },
      );
    },
  };
}

async function waitFor(condition: () => Promise<boolean>, timeoutMs = 20_000): Promise<void> {
  const start = Date.now();
  while (!(await condition())) {
    if (Date.now() - start > timeoutMs) throw new Error('timed out');
    await new Promise((r) => setTimeout(r, 100));
  }
}

describe.skipIf(!reachable)('the payment worker loop on NATS JetStream', () => {
  let client: NatsTestClient | undefined;
  afterEach(async () => client?.cleanUp());

  it('publishes one decision per message, sends unreadable ones to payments.dead, and acknowledges them all', async () => {
    const namespace = freshNamespace();
    const worker = await startPaymentWorker({ servers: TEST_NATS_URL, namespace, handle: echo(), maxInFlight: 8, maxBatch: 4 });
    client = await natsTestClient(namespace);
    await client.publishRaw([...Array.from({ length: 40 }, (_, i) => `MSG-${i}`), 'BAD-1', 'BAD-2']);
    await client.publishRaw(['MSG-T'], 'acme');
    await waitFor(async () => worker.counts.acknowledged === 43).catch((e) => {
      console.log('COUNTS', JSON.stringify(worker.counts));
      throw e;
    });
    await worker.stop();
    const decisions = (await client.readAll('decisions')).map((d) => JSON.parse(d) as { raw: string; tenant: string | null });
    expect(decisions.map((d) => d.raw).sort()).toEqual([...Array.from({ length: 40 }, (_, i) => `MSG-${i}`), 'MSG-T'].sort());
    expect(decisions.find((d) => d.raw === 'MSG-T')!.tenant).toBe('acme');
    expect((await client.readAll('dead')).map((d) => (JSON.parse(d) as { raw: string }).raw).sort()).toEqual(['BAD-1', 'BAD-2']);
    // Work-queue retention: acknowledged messages are gone from payments.in.
    expect((await client.jsm.streams.info(client.topology.streams.in)).state.messages).toBe(0);
    expect(worker.counts).toMatchObject({ acknowledged: 43, dead: 2, retried: 0 });
  });

  it('offers a message again when its screening fails, and keeps one decision when it is published twice', async () => {
    const namespace = freshNamespace();
    let failures = 1;
    const flaky = echo((raw) => raw === 'MSG-FLAKY' && failures-- > 0);
    const worker = await startPaymentWorker({ servers: TEST_NATS_URL, namespace, handle: flaky, maxBatch: 1 });
    client = await natsTestClient(namespace);
    // The same message twice, as a redelivery after a crash between publishing and acknowledging gives it.
    await client.publishRaw(['MSG-FLAKY', 'MSG-1', 'MSG-1']);
    await waitFor(async () => worker.counts.acknowledged === 3);
    await worker.stop();
    expect(worker.counts.retried).toBe(1);
    expect((await client.readAll('decisions')).map((d) => (JSON.parse(d) as { raw: string }).raw).sort()).toEqual(['MSG-1', 'MSG-FLAKY']);
  });
});
