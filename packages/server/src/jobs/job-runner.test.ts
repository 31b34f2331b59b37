/**
 * The job runner on SQLite and PostgreSQL: chunks acknowledged in order, a job resumed from what a
 * stopped runner acknowledged, failures recorded with their completed count, and a database outage
 * waited out instead of failing the job.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EmbargoError } from '@embargo/core';
import type { JobRecord, Store } from '@embargo/store';
import { BACKENDS, createTestApp, type TestApp } from '../testing/app-fixture.js';
import type { ScreeningService } from '../screening-service.js';
import { JobRunner, screenJobChunk, type JobDeps } from './job-runner.js';

const NAMES = ['JANG SUNG NAM', 'Evangeline Ashworth-Pemberton', 'Sea Star', 'Kim Jong Un', '장성남'];

describe.each(BACKENDS)('job runner on %s', (backend) => {
  let t: TestApp;
  let n = 0;
  beforeAll(async () => {
    t = await createTestApp({ backend });
  });
  afterAll(async () => t?.close());

  /** A queued job of `total` parties cycling through NAMES. */
  async function queuedJob(total: number, name = (i: number) => NAMES[i % NAMES.length]): Promise<JobRecord> {
    const now = new Date().toISOString();
    const job: JobRecord = {
      id: `job-${backend}-${++n}`,
      tenant: 'default',
      createdAt: now,
      updatedAt: now,
      actor: null,
      status: 'queued',
      total,
      completed: 0,
      alerted: 0,
      error: null,
    };
    const parties = Array.from({ length: total }, (_, i) => ({ name: name(i), customerKey: `c-${i}` }));
    await t.store.createJob(job, parties);
    return job;
  }

  /** The test store with some methods replaced; `original` is the real store. */
  function storeWith(overrides: (original: Store) => Partial<Store>): Store {
    const replaced = overrides(t.store);
    return new Proxy(t.store, {
      get(target, property, receiver) {
        if (property in replaced) return replaced[property as keyof Store];
        const value = Reflect.get(target, property, receiver) as unknown;
        return typeof value === 'function' ? value.bind(target) : value;
      },
    });
  }

  /** The store, with `saveJobResults` calls seen by `onSave` before they happen (it may throw). */
  const watchedStore = (onSave: (from: number) => void): Store =>
    storeWith((original) => ({
      saveJobResults: async (...args) => {
        onSave(args[1]);
        return original.saveJobResults(...args);
      },
    }));

  const allResults = async (job: JobRecord) => (await t.store.jobResults(job.id, 0, job.total)) as { index: number }[];

  it('screens every party once, in order, acknowledging chunk by chunk', async () => {
    const job = await queuedJob(11);
    const acknowledged: number[] = [];
    const runner = new JobRunner({ ...t.deps, store: watchedStore((from) => acknowledged.push(from)) }, undefined, { chunk: 4 });
    runner.enqueue(job.id);
    await runner.idle();
    expect(acknowledged).toEqual([0, 4, 8]);
    expect((await allResults(job)).map((r) => r.index)).toEqual([...Array(11).keys()]);
    const done = await t.store.getJob(job.id, null);
    expect(done).toMatchObject({ status: 'done', completed: 11, error: null });
    // JANG SUNG NAM and 장성남 alert (customer keys given), at 0, 4, 5 and 9.
    expect(done!.alerted).toBeGreaterThanOrEqual(4);
  });

  it('resumes a stopped job from the last acknowledged party, keeping what was acknowledged', async () => {
    const job = await queuedJob(9);
    let runner: JobRunner | undefined = undefined;
    // Stop once the second chunk is acknowledged, as a server shutting down mid-job would.
    const first = new JobRunner(
      {
        ...t.deps,
        store: watchedStore((from) => {
          if (from === 3) void runner!.stop();
        }),
      },
      undefined,
      { chunk: 3 },
    );
    runner = first;
    first.enqueue(job.id);
    await first.idle();
    const stopped = await t.store.getJob(job.id, null);
    expect(stopped).toMatchObject({ status: 'running', completed: 6 });
    const before = await t.store.jobResults(job.id, 0, 6);

    const second = new JobRunner(t.deps, undefined, { chunk: 3 });
    expect(await second.resumeUnfinished()).toBeGreaterThanOrEqual(1);
    await second.idle();
    expect(await t.store.getJob(job.id, null)).toMatchObject({ status: 'done', completed: 9 });
    const after = await allResults(job);
    expect(after.map((r) => r.index)).toEqual([...Array(9).keys()]);
    expect(after.slice(0, 6)).toEqual(before);
    // The resumed part answers as an uninterrupted run would.
    const { results } = await screenJobChunk(
      t.deps,
      job,
      6,
      NAMES.slice(1, 4).map((name, k) => ({ name, customerKey: `c-${6 + k}` })),
    );
    expect(after.slice(6)).toEqual(results);
  });

  it('records a failure with its error and the parties completed before it', async () => {
    const job = await queuedJob(7, (i) => (i === 5 ? 'BOOM' : NAMES[i % NAMES.length]));
    const exploding = {
      get publications() {
        return t.deps.screening.publications;
      },
      get lists() {
        return t.deps.screening.lists;
      },
      screen: (query: { name: string }, options?: object) => {
        if (query.name === 'BOOM') throw new Error('the engine failed on this party');
        return t.deps.screening.screen(query, options);
      },
    } as unknown as ScreeningService;
    const runner = new JobRunner({ ...t.deps, screening: exploding }, undefined, { chunk: 2 });
    runner.enqueue(job.id);
    await runner.idle();
    expect(await t.store.getJob(job.id, null)).toMatchObject({ status: 'failed', completed: 4, error: 'the engine failed on this party' });
    expect(await allResults(job)).toHaveLength(4);
    // A failed job is not picked up again.
    expect((await t.store.unfinishedJobs()).map((j) => j.id)).not.toContain(job.id);
  });

  it('waits out a database outage and finishes the job when the database is back', async () => {
    const job = await queuedJob(5);
    let outages = 2;
    const deps: JobDeps = {
      ...t.deps,
      store: watchedStore(() => {
        if (outages-- > 0) throw new EmbargoError('STORE_UNAVAILABLE', 'The database cannot be reached.');
      }),
    };
    const runner = new JobRunner(deps, undefined, { chunk: 2, storeRetryMs: 10 });
    runner.enqueue(job.id);
    await runner.idle();
    expect(await t.store.getJob(job.id, null)).toMatchObject({ status: 'done', completed: 5, error: null });
    expect((await allResults(job)).map((r) => r.index)).toEqual([0, 1, 2, 3, 4]);
  });

  it('leaves a job another server is acknowledging to that server, without failing it', async () => {
    const job = await queuedJob(6);
    // The other server acknowledges the first chunk while this one is screening it.
    const { results, alerts } = await screenJobChunk(
      t.deps,
      job,
      0,
      NAMES.slice(0, 3).map((name, i) => ({ name, customerKey: `c-${i}` })),
    );
    const store = storeWith((original) => ({
      jobParties: async (...args) => {
        const parties = await original.jobParties(...args);
        if (args[1] === 0) await original.saveJobResults(job.id, 0, results, alerts);
        return parties;
      },
    }));
    const runner = new JobRunner({ ...t.deps, store }, undefined, { chunk: 3 });
    runner.enqueue(job.id);
    await runner.idle();
    expect(await t.store.getJob(job.id, null)).toMatchObject({ status: 'running', completed: 3, error: null });
  });

  it('runs one job at a time, in the order queued', async () => {
    const a = await queuedJob(3);
    const b = await queuedJob(3);
    const order: string[] = [];
    const store = storeWith((original) => ({
      setJobStatus: async (id, status, error) => {
        order.push(`${id === a.id ? 'a' : 'b'}:${status}`);
        return original.setJobStatus(id, status, error);
      },
    }));
    const runner = new JobRunner({ ...t.deps, store }, undefined, { chunk: 2 });
    runner.enqueue(a.id);
    runner.enqueue(b.id);
    await runner.idle();
    expect(order).toEqual(['a:running', 'a:done', 'b:running', 'b:done']);
  });
});
