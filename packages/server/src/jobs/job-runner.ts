/**
 * @module jobs/job-runner
 * Runs batch screening jobs one at a time, in chunks: each chunk's results and alerts are acknowledged
 * in one transaction (store.saveJobResults), so a server killed mid-job loses at most the chunk it was
 * screening, and a restart resumes the job from the last acknowledged party.
 */
import type { FastifyBaseLogger } from 'fastify';
import type { AlertRecord } from '@embargo/store';
import type { AppDeps } from '../deps.js';
import { screenParty, type Party } from '../screening-flow.js';

/** Parties per acknowledged chunk: large enough to keep transactions few, small enough to lose little. */
export const JOB_CHUNK = 500;

export class JobRunner {
  private readonly queue: string[] = [];
  private running: Promise<void> | undefined;
  private stopped = false;

  constructor(
    private readonly deps: Pick<AppDeps, 'store' | 'screening' | 'clock' | 'newId'>,
    private readonly log?: FastifyBaseLogger,
  ) {}

  /** Queues a job; runs it once those before it are done. */
  enqueue(jobId: string): void {
    this.queue.push(jobId);
    this.running ??= this.drain().finally(() => {
      this.running = undefined;
    });
  }

  /** Queues the jobs a previous server left queued or running. */
  async resumeUnfinished(): Promise<number> {
    const jobs = await this.deps.store.unfinishedJobs();
    for (const job of jobs) this.enqueue(job.id);
    return jobs.length;
  }

  /** Stops after the chunk in flight; what is acknowledged stays, the rest resumes on the next start. */
  async stop(): Promise<void> {
    this.stopped = true;
    await this.running;
  }

  /** Resolves when the queue is empty (for tests). */
  async idle(): Promise<void> {
    while (this.running) await this.running;
  }

  private async drain(): Promise<void> {
    while (!this.stopped && this.queue.length > 0) {
      const jobId = this.queue.shift()!;
      try {
        await this.run(jobId);
      } catch (error) {
        const message = error instanceof Error ? error.message : String(error);
        this.log?.error({ jobId, err: { message } }, 'batch job failed');
        await this.deps.store.setJobStatus(jobId, 'failed', message).catch(() => undefined);
      }
    }
  }

  private async run(jobId: string): Promise<void> {
    const { store } = this.deps;
    const job = await store.getJob(jobId);
    if (!job || job.status === 'done' || job.status === 'failed') return;
    await store.setJobStatus(jobId, 'running');
    let from = job.completed;
    while (from < job.total) {
      if (this.stopped) return;
      const parties = (await store.jobParties(jobId, from, JOB_CHUNK)) as Party[];
      const results: unknown[] = [];
      const alerts: AlertRecord[] = [];
      for (const [k, party] of parties.entries()) {
        const index = from + k;
        const screened = await screenParty(this.deps, party, `${jobId}#${index}`);
        results.push({ index, customerKey: party.customerKey ?? null, alerted: screened.alerted, matches: screened.matches });
        alerts.push(...screened.alerts);
      }
      await store.saveJobResults(jobId, from, results, alerts);
      from += parties.length;
      // Let requests in between chunks: a 100,000-party job must not stall the API.
      await new Promise((resolve) => setImmediate(resolve));
    }
    await store.setJobStatus(jobId, 'done');
    this.log?.info({ jobId, total: job.total }, 'batch job done');
  }
}
