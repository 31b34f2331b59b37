/**
 * List diffs off the screening path: the answer is the one `diffEntities` gives, a pair asked again is
 * answered from the cache, one comparison runs at a time, and the event loop keeps turning while two
 * real OFAC SDN publications (the bundled one and a copy without the BALKANS programme and with edits)
 * are compared.
 */
import { join } from 'node:path';
import { diffEntities, diffEntitiesInSteps, type Entity } from '@embargo/core';
import { loadListDirectory } from '@embargo/lists';
import { openStore, type Store, type StoredPublication } from '@embargo/store';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ListDiffs } from './list-diffs.js';
import { BUNDLED_DATA } from './testing/app-fixture.js';

let store: Store;
let older: StoredPublication;
let newer: StoredPublication;
let entities: { older: Entity[]; newer: Entity[] };

beforeAll(async () => {
  const [sdn] = await loadListDirectory(join(BUNDLED_DATA, 'ofac-sdn', '2023-12-28'));
  const edited = sdn.entities
    .filter((e) => !(e.properties.program ?? []).some((p) => p.value === 'BALKANS'))
    .map((e, i) => (i % 50 === 0 ? { ...e, caption: `${e.caption} (EDITED)` } : e));
  edited.push({
    id: 'ofac:999999',
    source: 'ofac-sdn',
    schema: 'Person',
    caption: 'NEW, Person',
    properties: { name: [{ value: 'NEW, Person' }] },
  });
  store = await openStore({ sqlitePath: ':memory:' });
  older = await store.savePublication(sdn, { loadedAt: new Date('2024-01-01T00:00:00Z') });
  newer = await store.savePublication(
    { ...sdn, published: '2024-01-02', entities: edited },
    { loadedAt: new Date('2024-01-02T00:00:00Z') },
  );
  entities = { older: sdn.entities, newer: edited };
});
afterAll(async () => store?.close());

describe('list diffs', () => {
  it('computes in steps exactly what diffEntities computes at once', async () => {
    const atOnce = diffEntities(entities.older, entities.newer);
    expect(await diffEntitiesInSteps(entities.older, entities.newer, () => Promise.resolve(), 7)).toEqual(atOnce);
    const answer = await new ListDiffs(store).diff(older, newer);
    expect(answer).toMatchObject({ added: atOnce.added, removed: atOnce.removed, changed: atOnce.changed, bySource: atOnce.bySource });
    expect(answer.byProgram.BALKANS.removed).toBeGreaterThan(100);
    expect(answer.captions['ofac:999999']).toBe('NEW, Person');
  });

  it('answers a pair asked again from the cache, and runs one comparison at a time', async () => {
    let reads = 0;
    let running = 0;
    let most = 0;
    const counting: Pick<Store, 'loadEntities'> = {
      loadEntities: async (id, page) => {
        reads++;
        most = Math.max(most, ++running);
        try {
          return await store.loadEntities(id, page);
        } finally {
          running--;
        }
      },
    };
    const diffs = new ListDiffs(counting);
    // Four requests at once, two pairs: two comparisons, one after the other.
    const answers = await Promise.all([
      diffs.diff(older, newer),
      diffs.diff(newer, older),
      diffs.diff(older, newer),
      diffs.diff(newer, older),
    ]);
    expect(answers[0]).toBe(answers[2]);
    expect(answers[1].added).toEqual(answers[0].removed);
    expect(most).toBe(1);
    const readsForTwo = reads;
    await diffs.diff(older, newer);
    expect(reads).toBe(readsForTwo);
  });

  it('keeps the event loop turning while it compares', async () => {
    let turns = 0;
    let counting = true;
    const tick = () => {
      turns++;
      if (counting) setImmediate(tick);
    };
    setImmediate(tick);
    await new ListDiffs(store).diff(older, newer);
    counting = false;
    // 14,000 records read and compared in steps of 1,000: the loop turned between the steps.
    expect(turns).toBeGreaterThan(20);
  });
});
