/**
 * The screening service's polling of the lists generation: it reloads when another writer changed the
 * lists in force, tells what was in force before and after, and reports a poll that fails instead of
 * dropping it, then recovers.
 */
import { EmbargoError } from '@embargo/core';
import { openStore, type Store } from '@embargo/store';
import { afterEach, describe, expect, it } from 'vitest';
import { ScreeningService } from './screening-service.js';
import { bundledUnList } from './testing/app-fixture.js';

const opened: { store: Store; service: ScreeningService }[] = [];
afterEach(async () => {
  for (const { store, service } of opened.splice(0)) {
    await service.close();
    await store.close();
  }
});

const until = async (done: () => boolean) => {
  for (const started = Date.now(); !done(); await new Promise((r) => setTimeout(r, 10)))
    if (Date.now() - started > 5_000) throw new Error('timed out');
};

describe('screening service polling', () => {
  it('reloads when the generation changes, and reports failed polls until the store answers again', async () => {
    const store = await openStore({ sqlitePath: ':memory:' });
    let away = false;
    // The same store, but its generation unreadable while `away` (a database restarting).
    const flaky: Store = Object.assign(Object.create(store) as Store, {
      listsGeneration: () =>
        away ? Promise.reject(new EmbargoError('STORE_UNAVAILABLE', 'The database cannot be reached.')) : store.listsGeneration(),
    });
    const service = await ScreeningService.fromStore(flaky);
    opened.push({ store, service });
    expect(service.listsGeneration).toBe(0);
    const changes: [number, number][] = [];
    const errors: unknown[] = [];
    service.startPolling(
      20,
      async (before, after) => {
        changes.push([before.length, after.length]);
      },
      (error) => errors.push(error),
    );
    const [un] = await bundledUnList();
    await store.savePublication(un, { loadedAt: new Date() });
    await until(() => service.listsGeneration === 1);
    expect(changes).toEqual([[0, 1]]);
    expect(service.publications.map((p) => p.source)).toEqual(['un-sc']);

    away = true;
    await until(() => errors.length > 0);
    expect(errors[0]).toMatchObject({ code: 'STORE_UNAVAILABLE' });
    expect(service.pollError).toBe(errors.at(-1));
    away = false;
    await until(() => service.pollError === undefined);
    expect(service.listsGeneration).toBe(1);
  });
});
