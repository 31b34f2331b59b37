/**
 * @module payment-worker
 * The payment worker's loop: pull raw messages from `payments.in` through the shared durable consumer,
 * hand each to the screening (`handle`), publish its decisions to `payments.decisions` (de-duplicated by
 * message id) and what could not be read to `payments.dead`, and acknowledge only then. A worker killed
 * at any point loses nothing: an unacknowledged message is redelivered (to this worker restarted, or to
 * another), the store answers a message it already decided with the decision it stored, and JetStream
 * drops the decision published twice. The worker owns no business logic: `handle` is the screening the
 * HTTP API uses.
 */
import { jetstream, jetstreamManager, type JsMsg } from '@nats-io/jetstream';
import { connect, type NatsConnection } from '@nats-io/transport-node';
import { ensurePaymentStreams, paymentTopology, type StreamSettings } from './streams.js';

/** A message to publish, with the id JetStream de-duplicates it by. */
export interface Publication {
  id: string;
  body: unknown;
}

/** What became of one raw message: the decisions to publish and the parts that could not be read. */
export interface HandledMessage {
  decisions: Publication[];
  dead: Publication[];
}

/**
 * Screens one raw message (`tenant` from its `Embargo-Tenant` header, when it has one). `deadId(k)` is the
 * de-duplication id for the k-th unreadable part, stable across redeliveries of the same message.
 */
export type PaymentHandler = (raw: string, tenant: string | undefined, deadId: (part: number) => string) => Promise<HandledMessage>;

export interface PaymentWorkerOptions {
  /** NATS server URL(s), e.g. `nats://127.0.0.1:4222`. */
  servers: string | string[];
  handle: PaymentHandler;
  /** Messages this worker holds at once, delivered and not yet acknowledged (default 64). */
  maxInFlight?: number;
  /** The connection's name, as the NATS server's monitoring shows it. */
  name?: string;
  log?: (line: string) => void;
  streams?: StreamSettings;
  /** Prefix of subject and stream names (see `paymentTopology`); none by default. */
  namespace?: string;
}

export interface RunningPaymentWorker {
  /** Messages acknowledged, and of them those with a part sent to `payments.dead`. */
  readonly counts: { acknowledged: number; dead: number; retried: number };
  /** Stops pulling, finishes the messages in hand, closes the connection. */
  stop(): Promise<void>;
  /** Settles when the worker stops: resolves after `stop`, rejects if the connection is lost for good. */
  readonly done: Promise<void>;
}

/** Header naming the tenant a message belongs to (default: the worker's). */
export const TENANT_HEADER = 'Embargo-Tenant';
/** A message whose screening failed (the database away) is offered again after this long. */
const RETRY_DELAY_MS = 2_000;

export async function startPaymentWorker(options: PaymentWorkerOptions): Promise<RunningPaymentWorker> {
  const log = options.log ?? (() => undefined);
  const maxInFlight = options.maxInFlight ?? 64;
  const topology = paymentTopology(options.namespace);
  const nc: NatsConnection = await connect({ servers: options.servers, name: options.name ?? 'embargo-worker', maxReconnectAttempts: -1 });
  try {
    await ensurePaymentStreams(await jetstreamManager(nc), topology, options.streams);
  } catch (error) {
    await nc.close();
    throw error;
  }
  const js = jetstream(nc);
  const consumer = await js.consumers.get(topology.streams.in, topology.consumer);
  const messages = await consumer.consume({ max_messages: maxInFlight });
  const counts = { acknowledged: 0, dead: 0, retried: 0 };
  const inFlight = new Set<Promise<void>>();

  async function process(m: JsMsg): Promise<void> {
    try {
      const tenant = m.headers?.get(TENANT_HEADER) || undefined;
      const deadId = (part: number) => `dead:${m.info.stream}:${m.info.streamSequence}:${part}`;
      const { decisions, dead } = await options.handle(m.string(), tenant, deadId);
      for (const d of dead) await js.publish(topology.subjects.dead, JSON.stringify(d.body), { msgID: d.id });
      for (const d of decisions) await js.publish(topology.subjects.decisions, JSON.stringify(d.body), { msgID: d.id });
      // Acknowledged once the server confirms: a lost acknowledgement would only mean a redelivery, which
      // the store and the de-duplication absorb, but a confirmed one ends the message's life.
      await m.ackAck();
      counts.acknowledged++;
      if (dead.length > 0) counts.dead++;
    } catch (error) {
      counts.retried++;
      log(`embargo worker: message ${m.info.streamSequence} not screened, offered again in ${RETRY_DELAY_MS / 1000} s: ${String(error)}`);
      m.nak(RETRY_DELAY_MS);
    }
  }

  const done = (async () => {
    for await (const m of messages) {
      const task: Promise<void> = process(m).finally(() => inFlight.delete(task));
      inFlight.add(task);
      if (inFlight.size >= maxInFlight) await Promise.race(inFlight);
    }
    await Promise.all(inFlight);
  })();

  let stopping: Promise<void> | undefined;
  return {
    counts,
    done,
    stop() {
      stopping ??= (async () => {
        messages.stop();
        await done.catch(() => undefined);
        await nc.drain();
      })();
      return stopping;
    },
  };
}
