/**
 * Continuous monitoring on real publications, on SQLite and PostgreSQL: customers registered while
 * OFAC SDN 2021-07-07 is in force are re-screened when 2023-12-28 is loaded, against only the records it
 * added or changed. Which customers should alert is worked out from the two files' own diff.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { diffEntities, type Entity, type ListPublication } from '@embargo/core';
import { loadListDirectory } from '@embargo/lists';
import { sharedList } from '../../../test/shared-data.js';
import { BACKENDS, createTestApp, type TestApp } from './testing/app-fixture.js';

const OLD_SDN = sharedList('ofac-sdn/2021-07-07');
const NEW_SDN = sharedList('ofac-sdn/2023-12-28');

/** People whose name no other record of either publication shares a word with is a clean test subject. */
function distinctivePeople(candidates: Entity[], all: Entity[], n: number): Entity[] {
  const wordCount = new Map<string, number>();
  for (const e of all)
    for (const w of new Set(
      e.caption
        .toLowerCase()
        .split(/[^a-z]+/)
        .filter((x) => x.length > 2),
    ))
      wordCount.set(w, (wordCount.get(w) ?? 0) + 1);
  return candidates
    .filter((e) => e.schema === 'Person')
    .filter((e) => {
      const words = e.caption
        .toLowerCase()
        .split(/[^a-z]+/)
        .filter((x) => x.length > 2);
      return words.length >= 2 && words.every((w) => (wordCount.get(w) ?? 0) <= 2);
    })
    .slice(0, n);
}

describe.each(BACKENDS)('delta re-screening on %s', (backend) => {
  let t: TestApp;
  let older: ListPublication;
  let newer: ListPublication;
  const customers: { key: string; entity?: Entity; kind: 'added' | 'changed' | 'unchanged' | 'unrelated' }[] = [];

  beforeAll(async () => {
    [older] = await loadListDirectory(OLD_SDN);
    [newer] = await loadListDirectory(NEW_SDN);
    const diff = diffEntities(older.entities, newer.entities);
    const newById = new Map(newer.entities.map((e) => [e.id, e]));
    const all = [...older.entities, ...newer.entities];
    const changedIds = new Set(diff.changed.map((c) => c.id));
    const pick = (ids: Iterable<string>, kind: 'added' | 'changed' | 'unchanged', n: number) =>
      distinctivePeople([...ids].map((id) => newById.get(id)!).filter(Boolean), all, n).forEach((entity, i) =>
        customers.push({ key: `${kind}-${i}`, entity, kind }),
      );
    pick(diff.added, 'added', 3);
    pick(changedIds, 'changed', 2);
    pick(
      newer.entities.filter((e) => !changedIds.has(e.id) && older.entities.some((o) => o.id === e.id)).map((e) => e.id),
      'unchanged',
      2,
    );
    customers.push({ key: 'unrelated-0', kind: 'unrelated' }, { key: 'unrelated-1', kind: 'unrelated' });
    t = await createTestApp({ backend, publications: [older] });
  }, 120_000);
  afterAll(async () => t?.close());

  it('alerts only the customers whose listed record was added or changed', async () => {
    expect(customers.filter((c) => c.kind === 'added')).toHaveLength(3);
    expect(customers.filter((c) => c.kind === 'changed')).toHaveLength(2);
    const names: Record<string, string> = { 'unrelated-0': 'Maria Eugenia Lindqvist', 'unrelated-1': 'Tobias Kowalczyk' };
    const registered = await t.app.inject({
      method: 'POST',
      url: '/v1/customers',
      headers: t.as(t.keys.client),
      payload: { customers: customers.map((c) => ({ customerKey: c.key, name: c.entity?.caption ?? names[c.key], schema: 'Person' })) },
    });
    expect(registered.statusCode).toBe(200);
    const alertsBefore = new Map<string, number>();
    for (const c of customers) alertsBefore.set(c.key, (await t.store.listAlerts({ customerKey: c.key })).length);
    // Not yet listed in 2021: no alert for the 'added' customers at registration.
    for (const c of customers.filter((x) => x.kind === 'added'))
      expect((await t.store.listAlerts({ customerKey: c.key })).map((a) => a.entityId)).not.toContain(c.entity!.id);

    const loaded = await t.app.inject({ method: 'POST', url: '/v1/lists/update', headers: t.as(t.keys.admin), payload: { dir: NEW_SDN } });
    expect(loaded.statusCode).toBe(200);
    const body = loaded.json();
    const diff = diffEntities(older.entities, newer.entities);
    expect(body.rescreening).toEqual([
      expect.objectContaining({ source: 'ofac-sdn', records: diff.added.length + diff.changed.length, customers: customers.length }),
    ]);

    for (const c of customers) {
      const all = await t.store.listAlerts({ customerKey: c.key, limit: 1000 }); // newest first
      const fresh = all.slice(0, all.length - alertsBefore.get(c.key)!);
      if (c.kind === 'added' || c.kind === 'changed')
        expect(
          fresh.map((a) => a.entityId),
          c.key,
        ).toContain(c.entity!.id);
      else expect(fresh, c.key).toEqual([]);
    }
    const screenings = await t.store.listAudit({ kind: 'screening', limit: 10_000 });
    expect(screenings.some((r) => r.actor === 'monitor')).toBe(true);
    expect(await t.store.verifyAudit()).toMatchObject({ ok: true });
  }, 120_000);
});
