/**
 * @module nats/job-dispatch
 * Batch jobs handed to workers: a server started with `--nats` does not screen a job's parties itself but
 * publishes its chunks (`{ jobId, from, count }`) to `screening.batch`, where any `embargo worker` on any
 * machine takes them; the results, alerts and the job's progress go to the shared database as when the
 * server screens (`saveJobResults`, in order). Each chunk is published under `<jobId>:<from>`, so that
 * publishing a job again (a server restarted, resuming it) adds nothing the stream already holds.
 */
import { jetstream } from '@nats-io/jetstream';
import type { JobRecord } from '@embargo/store';
import { JOB_CHUNK } from '../jobs/job-runner.js';
import { connectToWorkerStreams } from './streams.js';

/** A chunk of a batch job, as published to `screening.batch`. */
export interface BatchChunk {
  jobId: string;
  from: number;
  count: number;
}

export interface JobDispatcher {
  /** Publishes the chunks of the job not yet acknowledged. */
  dispatch(job: Pick<JobRecord, 'id' | 'total' | 'completed'>): Promise<void>;
  close(): Promise<void>;
}

export async function natsJobDispatcher(servers: string, options: { namespace?: string; chunk?: number } = {}): Promise<JobDispatcher> {
  const chunk = options.chunk ?? JOB_CHUNK;
  const { nc, topology } = await connectToWorkerStreams(servers, { namespace: options.namespace, name: 'embargo-serve' });
  const js = jetstream(nc);
  return {
    async dispatch(job) {
      const sends: Promise<unknown>[] = [];
      for (let from = job.completed; from < job.total; from += chunk) {
        const body: BatchChunk = { jobId: job.id, from, count: Math.min(chunk, job.total - from) };
        sends.push(js.publish(topology.subjects.batch, JSON.stringify(body), { msgID: `${job.id}:${from}` }));
      }
      await Promise.all(sends);
    },
    close: () => nc.drain(),
  };
}
