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
import { jetstream, type JsMsg } from '@nats-io/jetstream';
import type { NatsConnection } from '@nats-io/transport-node';
import { connectToWorkerStreams, type StreamSettings } from '@embargo/server';

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
 * The screening a worker runs, in two steps so that decisions are stored many at a time: `prepare` parses
 * and screens one raw message (`tenant` from its `Embargo-Tenant` header, when it has one) and stores
 * nothing; `commit` stores prepared messages together (one transaction) and answers, per message, what to
 * publish. `deadIds[k](part)` is the de-duplication id for the part-th unreadable part of the k-th message,
 * stable across redeliveries of the same message.
 */
export interface PaymentHandler<Prepared = unknown> {
  prepare(raw: string, tenant: string | undefined): Promise<Prepared>;
  commit(prepared: readonly Prepared[], deadIds: readonly ((part: number) => string)[]): Promise<HandledMessage[]>;
}

export interface PaymentWorkerOptions {
  /** NATS server URL(s), e.g. `nats://127.0.0.1:4222`. */
  servers: string | string[];
  handle: PaymentHandler;
  /** Messages this worker holds at once, delivered and not yet acknowledged (default 256). */
  maxInFlight?: number;
  /** Most decisions stored in one transaction (default 128). */
  maxBatch?: number;
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
/** The longest a screened message waits for others to share its transaction. */
const MAX_BATCH_WAIT_MS = 5;
/** Batches stored or being stored at once: enough to keep the database busy while the next is screened. */
const MAX_BATCHES_IN_FLIGHT = 4;

export async function startPaymentWorker(options: PaymentWorkerOptions): Promise<RunningPaymentWorker> {
  const log = options.log ?? (() => undefined);
  const maxInFlight = options.maxInFlight ?? 256;
  const maxBatch = options.maxBatch ?? 128;
  const { nc, topology } = await connectToWorkerStreams(options.servers, {
    namespace: options.namespace,
    name: options.name ?? 'embargo-worker',
    streams: options.streams,
  });
  const js = jetstream(nc);
  const consumer = await js.consumers.get(topology.streams.in, topology.consumer);
  const messages = await consumer.consume({ max_messages: maxInFlight });
  const counts = { acknowledged: 0, dead: 0, retried: 0 };
  const handler = options.handle;
  const deadIdOf = (m: JsMsg) => (part: number) => `dead:${m.info.stream}:${m.info.streamSequence}:${part}`;

  /** Stores a batch's decisions, publishes them, then acknowledges its messages; on failure offers them all again. */
  async function commit(batch: { m: JsMsg; prepared: unknown }[]): Promise<void> {
    try {
      const handled = await handler.commit(
        batch.map((b) => b.prepared),
        batch.map((b) => deadIdOf(b.m)),
      );
      await Promise.all(
        handled.flatMap(({ decisions, dead }) => [
          ...dead.map((d) => js.publish(topology.subjects.dead, JSON.stringify(d.body), { msgID: d.id })),
          ...decisions.map((d) => js.publish(topology.subjects.decisions, JSON.stringify(d.body), { msgID: d.id })),
        ]),
      );
      // Acknowledged once stored and published, without waiting for the server's receipt: a lost
      // acknowledgement only means a redelivery, which the store and the de-duplication absorb (waiting
      // for receipts under load timed out, and the messages were offered again for nothing).
      for (const b of batch) b.m.ack();
      counts.acknowledged += batch.length;
      counts.dead += handled.filter((h) => h.dead.length > 0).length;
    } catch (error) {
      retry(
        batch.map((b) => b.m),
        error,
      );
    }
  }

  function retry(failed: JsMsg[], error: unknown): void {
    counts.retried += failed.length;
    log(`embargo worker: ${failed.length} message(s) not decided, offered again in ${RETRY_DELAY_MS / 1000} s: ${String(error)}`);
    for (const m of failed) m.nak(RETRY_DELAY_MS);
  }

  const done = (async () => {
    let pending: { m: JsMsg; prepared: unknown }[] = [];
    let oldest = 0;
    /** Stores what is pending if no further message arrives soon: the last of a burst must not wait for the next burst. */
    let lateFlush: NodeJS.Timeout | undefined;
    const committing = new Set<Promise<void>>();
    const flush = async () => {
      clearTimeout(lateFlush);
      lateFlush = undefined;
      if (pending.length === 0) return;
      const batch = pending;
      pending = [];
      const task: Promise<void> = commit(batch).finally(() => committing.delete(task));
      committing.add(task);
      if (committing.size >= MAX_BATCHES_IN_FLIGHT) await Promise.race(committing);
    };
    for await (const m of messages) {
      try {
        if (pending.length === 0) oldest = performance.now();
        pending.push({ m, prepared: await handler.prepare(m.string(), m.headers?.get(TENANT_HEADER) || undefined) });
      } catch (error) {
        retry([m], error);
      }
      // A batch is stored when full, when its first message has waited long enough, or when no other
      // message is waiting to be screened: under light load each message is stored at once, under heavy
      // load many share a transaction, and none waits long for the others.
      if (pending.length >= maxBatch || messages.getPending() === 0 || performance.now() - oldest >= MAX_BATCH_WAIT_MS) await flush();
      else {
        // (The iterator's count of what waits can include its own bookkeeping, not messages.)
        lateFlush ??= setTimeout(() => void flush(), MAX_BATCH_WAIT_MS);
        // Screening is synchronous work: without a turn of the event loop between messages, the replies of
        // the database, the acknowledgements and the next pull would wait for the whole buffer.
        await new Promise<void>((resolve) => setImmediate(resolve));
      }
    }
    await flush();
    await Promise.all(committing);
  })();

  return { counts, done, stop: stopper(messages, done, nc) };
}

/**
 * A worker loop's `stop`: stop pulling, let the loop finish the messages in hand, then drain the connection
 * (publications in flight are sent). Called twice, it answers the first call's promise.
 */
export function stopper(messages: { stop(): void }, done: Promise<void>, nc: NatsConnection): () => Promise<void> {
  let stopping: Promise<void> | undefined;
  return () =>
    (stopping ??= (async () => {
      messages.stop();
      await done.catch(() => undefined);
      await nc.drain();
    })());
}
