/**
 * @module nats-test-kit
 * For tests and the benchmark: whether NATS answers on the test URL, a fresh namespace per run (so that
 * runs never see each other's streams), publishing raw messages, reading a stream back, and removing a
 * namespace's streams afterwards.
 */
import { randomUUID } from 'node:crypto';
import { Socket } from 'node:net';
import { jetstream, jetstreamManager, type JetStreamManager } from '@nats-io/jetstream';
import { connect, headers, type NatsConnection } from '@nats-io/transport-node';
import { paymentTopology, type PaymentTopology } from '@embargo/server';
import { TENANT_HEADER } from './payment-worker.js';

export const TEST_NATS_URL = process.env.EMBARGO_TEST_NATS_URL ?? 'nats://127.0.0.1:4222';

/** Whether a NATS server accepts connections at the URL (within a second). */
export function natsReachable(url = TEST_NATS_URL): Promise<boolean> {
  const { hostname, port } = new URL(url);
  return new Promise((resolve) => {
    const socket = new Socket();
    const done = (up: boolean) => {
      socket.destroy();
      resolve(up);
    };
    socket.setTimeout(1_000, () => done(false));
    socket.once('error', () => done(false));
    socket.connect(Number(port || 4222), hostname, () => done(true));
  });
}

/** A namespace no other run uses. */
export function freshNamespace(prefix = 'test'): string {
  return `${prefix}-${randomUUID().slice(0, 8)}`;
}

export interface NatsTestClient {
  nc: NatsConnection;
  jsm: JetStreamManager;
  topology: PaymentTopology;
  /** Publishes raw messages to the namespace's `payments.in` (the streams must exist: start a worker first, or call `ensureWorkerStreams`). */
  publishRaw(messages: readonly string[], tenant?: string): Promise<void>;
  /** Every message of one of the namespace's streams, oldest first, as text. */
  readAll(stream: 'decisions' | 'dead' | 'in'): Promise<string[]>;
  /** Deletes the namespace's streams and closes the connection. */
  cleanUp(): Promise<void>;
}

export async function natsTestClient(namespace: string, url = TEST_NATS_URL): Promise<NatsTestClient> {
  const nc = await connect({ servers: url, name: `embargo-test-${namespace}` });
  const jsm = await jetstreamManager(nc);
  const js = jetstream(nc);
  const topology = paymentTopology(namespace);
  return {
    nc,
    jsm,
    topology,
    async publishRaw(messages, tenant) {
      const h = tenant ? headers() : undefined;
      if (h && tenant) h.set(TENANT_HEADER, tenant);
      // Published in windows of acknowledgements: one at a time would take a round trip each.
      for (let i = 0; i < messages.length; i += 500)
        await Promise.all(messages.slice(i, i + 500).map((m) => js.publish(topology.subjects.in, m, { headers: h })));
    },
    async readAll(which) {
      const stream = topology.streams[which];
      const total = (await jsm.streams.info(stream)).state.messages;
      const out: string[] = [];
      if (total === 0) return out;
      // An ordered consumer reads the stream from its start, in order, without a durable of its own.
      const consumer = await js.consumers.get(stream);
      const messages = await consumer.consume();
      for await (const m of messages) {
        out.push(m.string());
        if (out.length >= total) break;
      }
      await messages.close();
      return out;
    },
    async cleanUp() {
      for (const stream of Object.values(topology.streams)) await jsm.streams.delete(stream).catch(() => false);
      await nc.close();
    },
  };
}
