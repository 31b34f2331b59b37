/**
 * @module batch-worker
 * The worker's second loop: chunks of batch screening jobs from `screening.batch` (published by a server
 * started with `--nats`), screened as the server screens them (`screenJobChunk`) and stored in the shared
 * database with `saveJobResults`, which takes a job's chunks in order only. Chunks are screened side by side
 * on every worker; each waits for the chunk before it to be stored, then stores its own, and the message is
 * acknowledged after. A chunk already stored (a redelivery after a crash) is acknowledged unscreened; a
 * chunk that waits too long for the one before it (held by a worker that died) is offered again later, so
 * that a worker never waits on a chunk it holds itself.
 */
import { setTimeout as sleep } from 'node:timers/promises';
import { isEmbargoError } from '@embargo/core';
import {
  connectToWorkerStreams,
  planRescreen,
  rescreenCustomerPage,
  screenJobChunk,
  type BatchChunk,
  type JobDeps,
  type RescreenPage,
  type RescreenPlan,
} from '@embargo/server';
import { jetstream, type JsMsg } from '@nats-io/jetstream';
import { stopper } from './payment-worker.js';

export interface BatchWorkerOptions {
  servers: string | string[];
  deps: JobDeps;
  namespace?: string;
  name?: string;
  log?: (line: string) => void;
}

export interface RunningBatchWorker {
  readonly counts: { chunks: number; parties: number; skipped: number; retried: number; rescreenPages: number; rescreenAlerts: number };
  stop(): Promise<void>;
  readonly done: Promise<void>;
}

/** How long a screened chunk waits for the chunk before it to be stored before it is offered again. */
const WAIT_FOR_PREVIOUS_MS = 10_000;
const POLL_MS = 25;
/** A chunk that could not be stored (the database away) is offered again after this long. */
const RETRY_DELAY_MS = 2_000;

export async function startBatchWorker(options: BatchWorkerOptions): Promise<RunningBatchWorker> {
  const log = options.log ?? (() => undefined);
  const { store } = options.deps;
  const { nc, topology } = await connectToWorkerStreams(options.servers, {
    namespace: options.namespace,
    name: options.name ?? 'embargo-batch-worker',
  });
  const js = jetstream(nc);
  const consumer = await js.consumers.get(topology.streams.batch, topology.batchConsumer);
  // One chunk screened at a time (screening takes the core), the next one already delivered.
  const messages = await consumer.consume({ max_messages: 2 });
  const counts = { chunks: 0, parties: 0, skipped: 0, retried: 0, rescreenPages: 0, rescreenAlerts: 0 };
  // The records each recent load added or changed, worked out once per load (two publications read back).
  const plans = new Map<number, Promise<RescreenPlan>>();

  async function finishIfLast(jobId: string): Promise<void> {
    const job = await store.getJob(jobId, null);
    if (job && job.completed >= job.total && job.status !== 'done') await store.setJobStatus(jobId, 'done');
  }

  /** Stores the chunk once the one before it is stored; false if it waited too long. */
  async function storeInTurn(m: JsMsg, chunk: BatchChunk, save: () => Promise<void>): Promise<'stored' | 'already' | 'later'> {
    const started = Date.now();
    for (;;) {
      const job = await store.getJob(chunk.jobId, null);
      if (!job) return 'already';
      if (job.completed > chunk.from) return 'already';
      if (job.completed === chunk.from) {
        try {
          await save();
          return 'stored';
        } catch (error) {
          // Another worker stored it first (a redelivered copy): it is done either way.
          if (isEmbargoError(error) && error.code === 'STORE_CONFLICT') continue;
          throw error;
        }
      }
      if (Date.now() - started > WAIT_FOR_PREVIOUS_MS) return 'later';
      m.working();
      await sleep(POLL_MS);
    }
  }

  /** The plan of a load, or undefined while this worker's lists do not yet hold it (polling will bring it). */
  async function planOf(page: RescreenPage): Promise<RescreenPlan | undefined> {
    const { screening } = options.deps;
    const inForce = () => screening.publications.some((p) => p.id === page.publicationId);
    if (!inForce()) await screening.refreshIfChanged();
    const loaded = await store.getPublication(page.publicationId);
    if (!loaded) throw new Error(`publication ${page.publicationId} is not in the store`);
    const current = (await store.currentPublications()).find((p) => p.source === loaded.source);
    const superseded = current !== undefined && current.id > loaded.id;
    if (!inForce() && !superseded) return undefined;
    let plan = plans.get(page.publicationId);
    if (!plan) {
      const previous = page.previousPublicationId === null ? undefined : await store.getPublication(page.previousPublicationId);
      plan = planRescreen(options.deps, previous, loaded, { superseded });
      plan.catch(() => plans.delete(page.publicationId));
      plans.set(page.publicationId, plan);
      // A few loads' plans kept: pages of one load arrive together.
      for (const key of plans.keys()) if (plans.size > 4) plans.delete(key);
    }
    return plan;
  }

  async function processRescreen(m: JsMsg, page: RescreenPage): Promise<void> {
    try {
      const plan = await planOf(page);
      if (!plan) {
        m.nak(RETRY_DELAY_MS);
        return;
      }
      const customers = await store.listCustomers(null, { after: page.after ?? undefined, limit: page.limit });
      const summary = { ...plan.summary, customers: 0, alertsOpened: 0, suppressed: 0 };
      await rescreenCustomerPage(options.deps, plan, customers, summary);
      counts.rescreenPages++;
      counts.rescreenAlerts += summary.alertsOpened;
      m.ack();
    } catch (error) {
      counts.retried++;
      log(`embargo worker: re-screening page of publication ${page.publicationId} not done, offered again: ${String(error)}`);
      m.nak(RETRY_DELAY_MS);
    }
  }

  async function process(m: JsMsg): Promise<void> {
    const message = JSON.parse(m.string()) as BatchChunk | RescreenPage;
    if ('kind' in message && message.kind === 'rescreen') return processRescreen(m, message);
    const chunk = message as BatchChunk;
    try {
      const job = await store.getJob(chunk.jobId, null);
      if (!job || job.status === 'failed' || job.completed >= chunk.from + chunk.count) {
        counts.skipped++;
        if (job) await finishIfLast(job.id);
        m.ack();
        return;
      }
      const parties = await store.jobParties(chunk.jobId, chunk.from, chunk.count);
      const { results, alerts } = await screenJobChunk(options.deps, job, chunk.from, parties as never[]);
      const outcome = await storeInTurn(m, chunk, () => store.saveJobResults(chunk.jobId, chunk.from, results, alerts));
      if (outcome === 'later') {
        counts.retried++;
        m.nak(POLL_MS * 4);
        return;
      }
      if (outcome === 'stored') {
        counts.chunks++;
        counts.parties += results.length;
      } else counts.skipped++;
      await finishIfLast(chunk.jobId);
      m.ack();
    } catch (error) {
      counts.retried++;
      log(
        `embargo worker: chunk ${chunk.from}–${chunk.from + chunk.count - 1} of job ${chunk.jobId} not stored, offered again: ${String(error)}`,
      );
      m.nak(RETRY_DELAY_MS);
    }
  }

  const done = (async () => {
    for await (const m of messages) await process(m);
  })();

  return { counts, done, stop: stopper(messages, done, nc) };
}
