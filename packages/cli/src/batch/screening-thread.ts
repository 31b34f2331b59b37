/**
 * @module batch/screening-thread
 * One worker thread of a batch screening (`batch/screening-threads`): it reads the list files itself,
 * builds its own engine, then screens the chunks of parties the main thread sends, answering each with
 * the output lines already written, so the main thread only orders and writes them.
 *
 * Messages in: `{ chunk, parties: [{ id, query }] }`, then `{ done: true }`. Out: `{ ready, records,
 * threshold }` once the engine is built, `{ chunk, results }` per chunk, or `{ failed }` if the lists
 * cannot be read (the main thread rethrows it: the batch stops, loudly).
 */
import { parentPort, workerData } from 'node:worker_threads';
import { EmbargoError, ScreeningEngine, type ErrorCode, type ErrorContext } from '@embargo/core';
import { detectPublications, parseNewestPublications } from '@embargo/lists';
import { refuseNoLists, screenedLine, type PartyToScreen, type ScreenedParty, type ThreadSettings } from './screened-line.js';

export type ToThread = { chunk: number; parties: PartyToScreen[] } | { done: true };
export type FromThread =
  | { ready: true; records: number; threshold: number }
  | { chunk: number; results: ScreenedParty[] }
  | { failed: { code?: ErrorCode; message: string; context?: ErrorContext } };

async function buildEngine(dataDir: string): Promise<ScreeningEngine> {
  const { publications } = await detectPublications(dataDir);
  refuseNoLists(dataDir, publications);
  // As `embargo screen` on one thread: the newest publication of each source, never its history.
  const lists = await parseNewestPublications(publications);
  return new ScreeningEngine(lists.flatMap((p) => p.entities));
}

const port = parentPort!;
const settings = workerData as ThreadSettings;

try {
  const engine = await buildEngine(settings.dataDir);
  const threshold = settings.options.threshold ?? engine.algorithm.threshold;
  port.postMessage({ ready: true, records: engine.size, threshold } satisfies FromThread);
  port.on('message', (message: ToThread) => {
    if ('done' in message) return port.close();
    const results = message.parties.map((p) => screenedLine(engine, p, { ...settings.options, threshold }));
    port.postMessage({ chunk: message.chunk, results } satisfies FromThread);
  });
} catch (error) {
  const failed =
    error instanceof EmbargoError
      ? { code: error.code, message: error.message, context: error.context }
      : { message: error instanceof Error ? error.message : String(error) };
  port.postMessage({ failed } satisfies FromThread);
}
