/**
 * @module jobs/job-runner
 * Runs batch screening jobs one at a time, in chunks: each chunk's results and alerts are acknowledged
 * in one transaction (store.saveJobResults), so a server killed mid-job loses at most the chunk it was
 * screening, and a restart resumes the job from the last acknowledged party (`resumeUnfinished`).
 */
import type { FastifyBaseLogger } from 'fastify';
import { isEmbargoError } from '@embargo/core';
import type { AlertRecord, JobRecord } from '@embargo/store';
import type { AppDeps } from '../deps.js';
import { screenParty, type Party } from '../screening-flow.js';
import { batchResult, batchScreeningId, type BatchResult } from './batch-result.js';

/** Parties per acknowledged chunk: large enough to keep transactions few, small enough to lose little. */
export const JOB_CHUNK = 500;

/**
 * Parties screened between two yields to the event loop. Screening one takes about a millisecond, so a
 * request arriving during a job waits at most ~25 ms for its turn instead of a whole chunk (~0.5 s).
 */
const PARTIES_BETWEEN_YIELDS = 25;

/** How long to wait before trying a job again while the database is unreachable. */
export const STORE_RETRY_MS = 5_000;

export type JobDeps = Pick<AppDeps, 'store' | 'screening' | 'clock' | 'newId'>;

export interface JobRunnerOptions {
  /**
   * Hands a job's chunks to workers instead of screening them here (`serve --nats`): the job is marked
   * running and its chunks published; workers store the results.
   */
  dispatch?: (job: JobRecord) => Promise<void>;
  /** Parties per acknowledged chunk (default `JOB_CHUNK`). */
  chunk?: number;
  /** Wait before retrying while the database is unreachable (default `STORE_RETRY_MS`). */
  storeRetryMs?: number;
}

const nextTurn = () => new Promise<void>((resolve) => setImmediate(resolve));

/**
 * The parties `from` … of a job, screened in submission order, as the lines `GET /v1/jobs/:id/results`
 * serves, with the alerts they open in the job's tenant (suppressed false positives are not opened, as for
 * `POST /v1/screen`). Every batch party opens alerts, with a customer key or without one (the alert then
 * names the job and the party's place in it): a batch is a screening of the client's parties, not a look-up.
 */
export async function screenJobChunk(
  deps: JobDeps,
  job: Pick<JobRecord, 'id' | 'tenant'>,
  from: number,
  parties: readonly Party[],
): Promise<{ results: BatchResult[]; alerts: AlertRecord[] }> {
  const jobId = job.id;
  // The chunk's customers' remembered false positives, read at once rather than per alerting match. The
  // read is not awaited before screening starts: on SQLite it waits for the previous chunk's write.
  const keys = parties.flatMap((p) => (p.customerKey ? [p.customerKey] : []));
  const rememberedKey = (customerKey: string, entityId: string, fingerprint: string) =>
    `${customerKey}\u0000${entityId}\u0000${fingerprint}`;
  const remembered = deps.store
    .suppressionsOf(job.tenant, keys)
    .then((found) => new Map(found.map((s) => [rememberedKey(s.customerKey, s.entityId, s.partyFingerprint), s])));
  remembered.catch(() => undefined); // a failed read fails the first party that needs it
  const suppressionOf = async (customerKey: string, entityId: string, fingerprint: string) =>
    (await remembered).get(rememberedKey(customerKey, entityId, fingerprint));
  const screened: { result: BatchResult; alerts: AlertRecord[] }[] = new Array(parties.length);
  let next = 0;
  let failed = false;
  // On an engine thread the whole chunk is in flight, so that the thread has work queued while this one
  // shapes results and stores the previous chunk (API requests overtake it there). In this thread the
  // engine runs synchronously: one party at a time, yielding every few to let requests in.
  const lane = async () => {
    while (next < parties.length && !failed) {
      const k = next++;
      if (k > 0 && k % PARTIES_BETWEEN_YIELDS === 0) await nextTurn();
      const index = from + k;
      const party = parties[k];
      // The alert names the job and the party's place in it; its result line is the screening on record.
      // Read in the same turn as the engine is asked (screenParty sends the query before it first waits):
      // a list update between two parties changes both together.
      const lists = deps.screening.lists;
      const publicationIds = lists.publications.map((p) => p.id);
      const outcome = await screenParty(deps, party, job.tenant, batchScreeningId(jobId, index), {
        suppressionOf,
        alertWithoutCustomer: true,
        background: true,
      }).catch((error: unknown) => {
        failed = true; // the other lanes take no further parties: the chunk fails as a whole
        throw error;
      });
      screened[k] = { result: batchResult(index, party, outcome, publicationIds, lists.listsGeneration), alerts: outcome.alerts };
    }
  };
  await Promise.all(Array.from({ length: deps.screening.concurrent ? parties.length : 1 }, lane));
  return { results: screened.map((s) => s.result), alerts: screened.flatMap((s) => s.alerts) };
}

export class JobRunner {
  private readonly queue: string[] = [];
  private running: Promise<void> | undefined;
  private stopped = false;
  private wakeUp: (() => void) | undefined;
  private readonly chunk: number;
  private readonly storeRetryMs: number;
  private readonly dispatch: JobRunnerOptions['dispatch'];

  constructor(
    private readonly deps: JobDeps,
    private readonly log?: FastifyBaseLogger,
    options: JobRunnerOptions = {},
  ) {
    this.chunk = options.chunk ?? JOB_CHUNK;
    this.storeRetryMs = options.storeRetryMs ?? STORE_RETRY_MS;
    this.dispatch = options.dispatch;
  }

  /** Queues a job; it runs once the jobs before it are done. */
  enqueue(jobId: string): void {
    if (this.stopped) return;
    this.queue.push(jobId);
    this.running ??= this.drain().finally(() => {
      this.running = undefined;
    });
  }

  /**
   * Queues the jobs a previous server left queued or running (killed, or stopped mid-job), oldest first.
   * @example const resumed = await app.jobs.resumeUnfinished(); // at start-up, before listening
   */
  async resumeUnfinished(): Promise<number> {
    const jobs = await this.deps.store.unfinishedJobs();
    for (const job of jobs) {
      this.log?.info({ jobId: job.id, completed: job.completed, total: job.total }, 'resuming batch job');
      this.enqueue(job.id);
    }
    return jobs.length;
  }

  /** Stops after the chunk in flight; what is acknowledged stays, the rest resumes on the next start. */
  async stop(): Promise<void> {
    this.stopped = true;
    this.wakeUp?.();
    await this.running;
  }

  /** Resolves when the queue is empty (for tests and benchmarks). */
  async idle(): Promise<void> {
    while (this.running) await this.running;
  }

  private async drain(): Promise<void> {
    while (!this.stopped && this.queue.length > 0) {
      const jobId = this.queue[0];
      try {
        await this.run(jobId);
        this.queue.shift();
      } catch (error) {
        if (isEmbargoError(error) && error.code === 'STORE_UNAVAILABLE') {
          // Not the job's fault: keep it at the head of the queue and try again when the database is back.
          this.log?.warn({ jobId, retryInMs: this.storeRetryMs }, 'database unavailable; batch job waits');
          await this.pause(this.storeRetryMs);
          continue;
        }
        this.queue.shift();
        if (isEmbargoError(error) && error.code === 'STORE_CONFLICT') {
          // Another server on the same database acknowledged this job's next chunk first: the job is
          // in its hands; failing it here would stop a job that is running well.
          this.log?.warn({ jobId }, 'batch job taken over by another server');
          continue;
        }
        await this.fail(jobId, error);
      }
    }
  }

  private pause(ms: number): Promise<void> {
    return new Promise<void>((resolve) => {
      const timer = setTimeout(resolve, ms);
      this.wakeUp = () => {
        clearTimeout(timer);
        resolve();
      };
    }).finally(() => {
      this.wakeUp = undefined;
    });
  }

  /** Records the failure on the job; its `completed` count stays as acknowledged. */
  private async fail(jobId: string, error: unknown): Promise<void> {
    const message = error instanceof Error ? error.message : String(error);
    this.log?.error({ jobId, err: { message, code: isEmbargoError(error) ? error.code : undefined } }, 'batch job failed');
    try {
      await this.deps.store.setJobStatus(jobId, 'failed', message);
    } catch (recordError) {
      // The job stays `running` in the database and is tried again at the next start.
      this.log?.error({ jobId, err: { message: (recordError as Error).message } }, 'could not record the batch job failure');
    }
  }

  private async run(jobId: string): Promise<void> {
    const { store } = this.deps;
    const job = await store.getJob(jobId, null);
    if (!job || job.status === 'done' || job.status === 'failed') return;
    if (job.status === 'queued') await store.setJobStatus(jobId, 'running');
    if (this.dispatch) {
      // Workers screen it: the job is theirs once its chunks are published.
      await this.dispatch(job);
      this.log?.info({ jobId, total: job.total, from: job.completed }, 'batch job handed to workers');
      return;
    }
    const total = job.total;
    const partiesFrom = async (from: number) => {
      const parties = (await store.jobParties(jobId, from, Math.min(this.chunk, total - from))) as Party[];
      if (parties.length === 0) throw new Error(`Job ${jobId} has ${total} parties but none stored from ${from}.`);
      return parties;
    };
    const screenFrom = (from: number, parties: Party[]) => {
      const screening = screenJobChunk(this.deps, job, from, parties).then((chunk) => ({ count: parties.length, ...chunk }));
      // Its failure is reported when it is awaited, after the chunk before it is stored (or that fails first).
      screening.catch(() => undefined);
      return screening;
    };
    let from = job.completed;
    let screening = from < total ? screenFrom(from, await partiesFrom(from)) : undefined;
    while (screening) {
      const { count, results, alerts } = await screening;
      if (this.stopped) return;
      // The next chunk is screened while this one is stored: on an engine thread the two run side by
      // side. Its parties are read first (on SQLite a read waits for the write). Nothing of the next is
      // acknowledged before this one is, so a crash still loses at most what was not yet stored.
      const next = from + count;
      screening = next < total ? screenFrom(next, await partiesFrom(next)) : undefined;
      await store.saveJobResults(jobId, from, results, alerts);
      from += count;
      // Let requests in between chunks: a 100,000-party job must not stall the API.
      await nextTurn();
    }
    await store.setJobStatus(jobId, 'done');
    this.log?.info({ jobId, total: job.total }, 'batch job done');
  }
}
