/**
 * @module nats/streams
 * The JetStream streams and consumers the workers use, created when missing (idempotently: every worker
 * and server calls this at start, and the first one makes them):
 *
 * - `PAYMENTS` holds `payments.in`, the raw messages to screen, as a work queue: a message is gone once a
 *   worker acknowledged it, which it does only after its decision is stored and published.
 * - `PAYMENT_DECISIONS` holds `payments.decisions`, one decision per message. Its de-duplication window
 *   drops a second publication with the same message id: a worker that crashed after publishing and
 *   before acknowledging publishes again on redelivery, and the stream keeps one.
 * - `PAYMENTS_DEAD` holds `payments.dead`: messages that could not be read, with the reason.
 * - The durable pull consumer `payment-screeners` on `PAYMENTS`, shared by every worker: explicit
 *   acknowledgement, a redelivery after `ackWait` for a message whose worker died.
 * - `SCREENING_BATCH` holds `screening.batch`: the chunks of batch screening jobs a server started with
 *   `--nats` hands to the workers (`{ jobId, from, count }`), as a work queue with the durable consumer
 *   `batch-screeners`.
 */
import {
  AckPolicy,
  DeliverPolicy,
  jetstreamManager,
  JetStreamApiCodes,
  JetStreamApiError,
  RetentionPolicy,
  StorageType,
  type JetStreamManager,
} from '@nats-io/jetstream';
import { connect, nanos, type NatsConnection } from '@nats-io/transport-node';

/** The subjects, streams and consumer of one deployment. */
export interface PaymentTopology {
  subjects: { in: string; decisions: string; dead: string; batch: string };
  streams: { in: string; decisions: string; dead: string; batch: string };
  consumer: string;
  batchConsumer: string;
}

/**
 * The names: `payments.in`, `payments.decisions`, `payments.dead` and their streams, or with a namespace
 * (letters, digits, dashes) before each, for several deployments (or test runs) on one NATS server:
 * `acme.payments.in`, stream `ACME_PAYMENTS`.
 * @example paymentTopology().subjects.in // 'payments.in'
 */
export function paymentTopology(namespace = ''): PaymentTopology {
  if (namespace !== '' && !/^[A-Za-z0-9-]+$/.test(namespace))
    throw new Error(`NATS namespace "${namespace}": only letters, digits and dashes (it becomes part of subject and stream names)`);
  const subject = (name: string) => (namespace ? `${namespace}.${name}` : name);
  const stream = (name: string) => (namespace ? `${namespace.toUpperCase().replace(/-/g, '_')}_${name}` : name);
  return {
    subjects: {
      in: subject('payments.in'),
      decisions: subject('payments.decisions'),
      dead: subject('payments.dead'),
      batch: subject('screening.batch'),
    },
    streams: {
      in: stream('PAYMENTS'),
      decisions: stream('PAYMENT_DECISIONS'),
      dead: stream('PAYMENTS_DEAD'),
      batch: stream('SCREENING_BATCH'),
    },
    consumer: 'payment-screeners',
    batchConsumer: 'batch-screeners',
  };
}

/**
 * How long JetStream remembers a published message id: a redelivered message's decision published again
 * within it is dropped. It must outlast a worker's crash, restart and the message's redelivery.
 */
export const DEDUPLICATION_WINDOW_MS = 60 * 60 * 1000;

export interface StreamSettings {
  /** How long a delivered message may go unacknowledged before another worker gets it (default 30 s). */
  ackWaitMs?: number;
  /** Messages delivered and not yet acknowledged, across all workers (default 1,000). */
  maxAckPending?: number;
}

async function ensureStream(jsm: JetStreamManager, name: string, subject: string, retention: RetentionPolicy): Promise<void> {
  const config = {
    name,
    subjects: [subject],
    retention,
    storage: StorageType.File,
    duplicate_window: nanos(DEDUPLICATION_WINDOW_MS),
  };
  try {
    await jsm.streams.info(name);
  } catch (error) {
    if (!isMissing(error, JetStreamApiCodes.StreamNotFound)) throw error;
    // A worker racing us to it makes `add` fail ("already in use"): the stream is there, as wanted.
    await jsm.streams.add(config).catch(async (addError: unknown) => {
      await jsm.streams.info(name).catch(() => {
        throw addError;
      });
    });
  }
}

function isMissing(error: unknown, code: number): boolean {
  return error instanceof JetStreamApiError && error.code === code;
}

/** Creates the streams and the shared consumer when they do not exist. */
export async function ensureWorkerStreams(jsm: JetStreamManager, topology: PaymentTopology, settings: StreamSettings = {}): Promise<void> {
  const { streams, subjects } = topology;
  await ensureStream(jsm, streams.in, subjects.in, RetentionPolicy.Workqueue);
  await ensureStream(jsm, streams.decisions, subjects.decisions, RetentionPolicy.Limits);
  await ensureStream(jsm, streams.dead, subjects.dead, RetentionPolicy.Limits);
  await ensureStream(jsm, streams.batch, subjects.batch, RetentionPolicy.Workqueue);
  await ensureConsumer(jsm, streams.in, topology.consumer, settings);
  await ensureConsumer(jsm, streams.batch, topology.batchConsumer, settings);
}

async function ensureConsumer(jsm: JetStreamManager, stream: string, name: string, settings: StreamSettings): Promise<void> {
  const consumer = {
    durable_name: name,
    ack_policy: AckPolicy.Explicit,
    deliver_policy: DeliverPolicy.All,
    ack_wait: nanos(settings.ackWaitMs ?? 30_000),
    max_ack_pending: settings.maxAckPending ?? 1_000,
    // Redelivered until screened: a worker that crashes mid-message must not lose it.
    max_deliver: -1,
  };
  try {
    await jsm.consumers.info(stream, name);
  } catch (error) {
    if (!isMissing(error, JetStreamApiCodes.ConsumerNotFound)) throw error;
    await jsm.consumers.add(stream, consumer).catch(async (addError: unknown) => {
      await jsm.consumers.info(stream, name).catch(() => {
        throw addError;
      });
    });
  }
}

/**
 * A connection to NATS with the deployment's streams and consumers made (when missing): what every worker
 * loop and a server handing out batch jobs start with. Reconnects for ever; closed again if the streams
 * cannot be made.
 */
export async function connectToWorkerStreams(
  servers: string | string[],
  options: { namespace?: string; name: string; streams?: StreamSettings },
): Promise<{ nc: NatsConnection; topology: PaymentTopology }> {
  const topology = paymentTopology(options.namespace);
  const nc = await connect({ servers, name: options.name, maxReconnectAttempts: -1 });
  try {
    await ensureWorkerStreams(await jetstreamManager(nc), topology, options.streams);
  } catch (error) {
    await nc.close();
    throw error;
  }
  return { nc, topology };
}
