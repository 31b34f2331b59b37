/**
 * @module batch/screening-threads
 * Batch screening on every core: worker threads that each build their own engine from the list files
 * (an index is ~300 MB, built in 1.5–2.5 s; the threads build theirs at the same time), fed chunks of
 * parties, their answers handed back in input order. Batches under ~15,000 parties, and machines with one
 * core, screen in the main thread, where a second index would cost more than it saves (`threadsFor`).
 *
 * A thread that fails stops the batch with its error: a batch never ends with parties silently missing.
 * (Listeners are taken off one by one: a Worker's `removeAllListeners()` also removes its own, after
 * which its messages stop arriving.)
 */
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import { EmbargoError, type ScreeningEngine } from '@embargo/core';
import { screenedLine, type LineOptions, type PartyToScreen, type ScreenedParty, type ThreadSettings } from './screened-line.js';
import type { FromThread, ToThread } from './screening-thread.js';

/** Screens a batch's parties and hands each result back in input order. */
export interface BatchScreener {
  /** Threads screening (1: the main thread). */
  readonly threads: number;
  /** Listed records each engine holds. */
  readonly records: number;
  /** The alert threshold in force. */
  readonly threshold: number;
  /** Screens the parties; `each` is called once per party, in input order, and awaited. */
  screen(parties: readonly PartyToScreen[], each: (index: number, result: ScreenedParty) => void | Promise<void>): Promise<void>;
  close(): Promise<void>;
}

/** Parties per message to a thread: enough to make messaging cheap, few enough to keep every thread busy to the end. */
const CHUNK = 48;
/** Chunks each thread holds at once (one screening, one waiting), so it never idles between messages. */
const CHUNKS_PER_THREAD = 2;
/** Chunks screened but not yet handed on (waiting for an earlier one), per thread, before sending stops. */
const WINDOW_PER_THREAD = 4;
/**
 * A batch needs this many parties per thread before another index is worth building. Each thread parses
 * the lists, builds its own index and warms its own compiled code, and on two cores the second thread
 * also takes the core that one thread's garbage collector and compiler run on. Measured on the dev set
 * (2026-12-07, this 2-core VM): 6,534 parties took 8.6–9.0 s in all on one thread and 12.1–13.0 s on two;
 * 26,136 took 22.8 s on one and 19.5 s on two. Two threads pay from about 15,000 parties.
 */
export const MIN_PARTIES_PER_THREAD = 7_500;

/**
 * How many threads screen a batch of `parties`: by default the cores, but no more than the batch keeps
 * worth their indexes (MIN_PARTIES_PER_THREAD each), one for a small batch; as many as `requested`
 * (`--threads`, EMBARGO_SCREEN_THREADS) when it is given, but never more than the batch has chunks.
 */
export function threadsFor(parties: number, requested?: number): number {
  if (requested !== undefined) return Math.max(1, Math.min(requested, Math.ceil(parties / CHUNK)));
  return Math.max(1, Math.min(availableParallelism(), Math.floor(parties / MIN_PARTIES_PER_THREAD)));
}

/** Screening in the main thread, on an engine already built. */
export function mainThreadScreener(engine: ScreeningEngine, options: LineOptions): BatchScreener {
  const threshold = options.threshold ?? engine.algorithm.threshold;
  return {
    threads: 1,
    records: engine.size,
    threshold,
    async screen(parties, each) {
      for (const [i, p] of parties.entries()) await each(i, screenedLine(engine, p, { ...options, threshold }));
    },
    async close() {},
  };
}

/**
 * Where the thread's code is. Under the test runner this module runs from `src/*.ts`, which Node cannot
 * start as a thread: the built copy in `dist/` is used (the test command builds first).
 */
function threadScript(): URL {
  const fromSource = import.meta.url.endsWith('.ts');
  return new URL(fromSource ? '../../dist/batch/screening-thread.js' : './screening-thread.js', import.meta.url);
}

function threadError(failed: Extract<FromThread, { failed: unknown }>['failed']): Error {
  return failed.code ? new EmbargoError(failed.code, failed.message, failed.context) : new Error(failed.message);
}

/** Listens to a worker's message, error and exit events until the returned function is called. */
function listen(worker: Worker, onMessage: (m: FromThread) => void, onError: (e: unknown) => void, onExit: (code: number) => void) {
  worker.on('message', onMessage);
  worker.on('error', onError);
  worker.on('exit', onExit);
  return () => {
    worker.off('message', onMessage);
    worker.off('error', onError);
    worker.off('exit', onExit);
  };
}

/** The thread's answer once its engine is built. */
function whenReady(worker: Worker, n: number): Promise<{ records: number; threshold: number }> {
  return new Promise((resolve, reject) => {
    const stop = listen(
      worker,
      (m) => {
        stop();
        if ('ready' in m) resolve(m);
        else if ('failed' in m) reject(threadError(m.failed));
        else reject(new Error(`screening thread ${n + 1} answered before it was ready`));
      },
      (error) => {
        stop();
        reject(error);
      },
      (code) => {
        stop();
        reject(new Error(`screening thread ${n + 1} stopped (exit code ${code}) while building its index`));
      },
    );
  });
}

/** `threads` worker threads, each with its own engine over the list files under `dataDir`, ready to screen. */
export async function threadScreener(dataDir: string, options: LineOptions, threads: number): Promise<BatchScreener> {
  const settings: ThreadSettings = { dataDir, options };
  const workers = Array.from({ length: threads }, () => new Worker(threadScript(), { workerData: settings }));
  const ready = await Promise.all(workers.map(whenReady)).catch(async (error: unknown) => {
    await Promise.all(workers.map((w) => w.terminate()));
    throw error;
  });
  return {
    threads,
    records: ready[0].records,
    threshold: ready[0].threshold,
    screen: (parties, each) => screenInThreads(workers, parties, each),
    async close() {
      await Promise.all(workers.map((w) => w.terminate()));
    },
  };
}

/**
 * Deals the parties out in chunks, at most CHUNKS_PER_THREAD per thread at once, and hands the results
 * on in input order as chunks complete. Rejects on the first thread error or unexpected exit.
 */
export function screenInThreads(
  workers: Worker[],
  parties: readonly PartyToScreen[],
  each: (index: number, result: ScreenedParty) => void | Promise<void>,
): Promise<void> {
  const chunks = Math.ceil(parties.length / CHUNK);
  if (chunks === 0) return Promise.resolve();
  return new Promise<void>((resolve, reject) => {
    const finished = new Map<number, ScreenedParty[]>();
    const inFlight = new Map<Worker, number>(workers.map((w) => [w, 0]));
    const stops: (() => void)[] = [];
    let nextToSend = 0;
    let nextToHand = 0;
    let failed = false;
    let handing: Promise<void> = Promise.resolve();

    const fail = (error: unknown) => {
      if (failed) return;
      failed = true;
      stops.forEach((stop) => stop());
      reject(error);
    };
    /** Sends the worker chunks until it holds its share, unless the results waiting to be handed on fill the window. */
    const feed = (worker: Worker) => {
      while (
        !failed &&
        nextToSend < chunks &&
        inFlight.get(worker)! < CHUNKS_PER_THREAD &&
        nextToSend - nextToHand < workers.length * WINDOW_PER_THREAD
      ) {
        const chunk = nextToSend++;
        inFlight.set(worker, inFlight.get(worker)! + 1);
        worker.postMessage({ chunk, parties: parties.slice(chunk * CHUNK, (chunk + 1) * CHUNK) } satisfies ToThread);
      }
    };
    const handOn = async () => {
      while (!failed && finished.has(nextToHand)) {
        const results = finished.get(nextToHand)!;
        finished.delete(nextToHand);
        for (const [k, result] of results.entries()) await each(nextToHand * CHUNK + k, result);
        nextToHand++;
        workers.forEach(feed);
      }
      if (!failed && nextToHand === chunks) {
        stops.forEach((stop) => stop());
        resolve();
      }
    };
    workers.forEach((worker, n) =>
      stops.push(
        listen(
          worker,
          (m) => {
            if (!('chunk' in m)) return fail(new Error(`screening thread ${n + 1} sent an unexpected message`));
            finished.set(m.chunk, m.results);
            inFlight.set(worker, inFlight.get(worker)! - 1);
            feed(worker);
            handing = handing.then(handOn).catch(fail);
          },
          fail,
          (code) => fail(new Error(`screening thread ${n + 1} stopped (exit code ${code}) with parties still to screen`)),
        ),
      ),
    );
    workers.forEach(feed);
  });
}
