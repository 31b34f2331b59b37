/**
 * The engine on its own thread (the built `dist/engine-thread.js`, as `embargo serve` runs it) answers as
 * the engine in this thread does, keeps answering across a list reload, puts API requests before batch
 * screenings, and is replaced when it dies, failing only the requests it held.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isEmbargoError, type ScreeningQuery } from '@embargo/core';
import { openStore, type Store } from '@embargo/store';
import { EngineThread } from './engine-pool.js';
import { ScreeningService } from './screening-service.js';
import { bundledUnList, freshDatabase } from './testing/app-fixture.js';

const MODULE = new URL('../dist/engine-thread.js', import.meta.url);

/** A UN-listed person, as the list writes him: alerts. */
const LISTED: ScreeningQuery = { name: 'RI JE SON', schema: 'Person' };

const QUERIES: ScreeningQuery[] = [
  LISTED,
  { name: 'Kim Jong Un', schema: 'Person' },
  { name: '김정은' },
  { name: 'Korea Mining Development Trading Corporation' },
  { name: 'Ri Je Son', birthDate: '1938' },
  { name: 'Jane Smith', schema: 'Person' },
];

describe('the engine thread', () => {
  let store: Store;
  let drop: () => Promise<void>;
  let local: ScreeningService;
  let threaded: ScreeningService;

  beforeAll(async () => {
    const db = await freshDatabase('sqlite');
    drop = db.drop;
    store = await openStore(db.config);
    for (const p of await bundledUnList()) await store.savePublication(p, { loadedAt: new Date('2026-12-01T00:00:00Z') });
    local = await ScreeningService.fromStore(store);
    threaded = await ScreeningService.fromStore(store, { engineThread: MODULE });
  }, 60_000);

  afterAll(async () => {
    await threaded?.close();
    await store?.close();
    await drop?.();
  });

  it('answers as the engine in this thread does, with the records themselves attached', async () => {
    for (const query of QUERIES) {
      const here = local.screen(query);
      const there = await threaded.screen(query);
      expect(there.map((m) => [m.id, m.score, m.alert, m.explanation])).toEqual(
        (await here).map((m) => [m.id, m.score, m.alert, m.explanation]),
      );
      for (const m of there) expect(m.entity).toBe(threaded.entity(m.id));
    }
    expect((await threaded.screen(LISTED))[0]).toMatchObject({ alert: true });
  });

  it('answers requests sent before a reload from the old lists and those after from the new', async () => {
    const before = threaded.screen(QUERIES[0]);
    const reloading = threaded.reload();
    const during = threaded.screen(QUERIES[2]);
    await reloading;
    const after = threaded.screen(QUERIES[0]);
    expect((await before)[0].id).toBe((await after)[0].id);
    expect((await during).length).toBeGreaterThan(0);
    expect(threaded.lists.generation).toBe(2);
  }, 60_000);
});

describe('EngineThread', () => {
  let thread: EngineThread;
  let entities: Awaited<ReturnType<typeof bundledUnList>>[number]['entities'];

  beforeAll(async () => {
    [{ entities }] = await bundledUnList();
    thread = new EngineThread(MODULE);
    await thread.load(1, entities);
  }, 60_000);

  afterAll(() => thread?.close());

  it('answers an API request before batch screenings queued ahead of it', async () => {
    const order: string[] = [];
    const batch = Array.from({ length: 200 }, (_, i) =>
      thread.screen(1, { name: `Kim Chol ${i}` }, undefined, true).then(() => order.push(`batch ${i}`)),
    );
    const api = thread.screen(1, QUERIES[0]).then(() => order.push('api'));
    await Promise.all([...batch, api]);
    expect(order.indexOf('api')).toBeLessThan(100);
    // Batch screenings keep their own order.
    const batchOrder = order.filter((o) => o !== 'api').map((o) => Number(o.split(' ')[1]));
    expect(batchOrder).toEqual([...batchOrder].sort((a, b) => a - b));
  }, 60_000);

  it('fails the requests a dead thread held with SCREENING_UNAVAILABLE, then answers from a new one', async () => {
    const before = thread.threadId;
    // Behind a hundred others, the last is still held when the thread dies.
    const ahead = Array.from({ length: 100 }, (_, i) =>
      thread.screen(1, { name: `Pak Chol ${i}` }, undefined, true).catch(() => undefined),
    );
    const held = thread.screen(1, LISTED, undefined, true);
    await thread.crash();
    await Promise.all(ahead);
    const error = await held.catch((e: unknown) => e);
    expect(isEmbargoError(error) && error.code).toBe('SCREENING_UNAVAILABLE');
    const matches = await thread.screen(1, LISTED);
    expect(thread.threadId).not.toBe(before);
    expect(matches[0]).toMatchObject({ alert: true });
  }, 60_000);

  it('frees a generation only once the screenings queued for it are answered', async () => {
    await thread.load(2, entities);
    const queued = Array.from({ length: 50 }, (_, i) => thread.screen(1, { name: `Ri Song ${i}` }, undefined, true));
    thread.drop(1);
    await expect(Promise.all(queued)).resolves.toHaveLength(50);
    const error = await thread.screen(1, QUERIES[0]).catch((e: unknown) => e);
    expect(isEmbargoError(error) && error.message).toMatch(/No screening index for lists generation 1/);
  }, 60_000);
});
