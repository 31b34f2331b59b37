/**
 * Continuous monitoring, on SQLite and PostgreSQL.
 *
 * 1. Real publications: customers registered while OFAC SDN 2021-07-07 is in force are re-screened
 *    when 2023-12-28 is loaded (`POST /v1/lists/update`), against only the records it added or changed.
 *    Which customers should alert is worked out from the two files' own diff, not written down.
 * 2. Good-guy suppression across list loads (the bundled UN list, edited in a temporary folder): a
 *    remembered false positive holds when the record is delisted and listed again unchanged, and lapses
 *    when the list changes the record (a new alias).
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { diffEntities, ScreeningEngine, type Entity, type ListPublication } from '@embargo/core';
import { loadListDirectory } from '@embargo/lists';
import type { AlertRecord } from '@embargo/store';
import { hasShared, sharedList } from '../../../test/shared-data.js';
import { MONITOR_ACTOR, type RescreenSummary } from './monitoring/delta-rescreen.js';
import { BACKENDS, BUNDLED_UN, bundledUnList, createTestApp, type TestApp } from './testing/app-fixture.js';

const HAS_OLD_SDN = hasShared('ofac-sdn/2021-07-07');
const OLD_SDN = HAS_OLD_SDN ? sharedList('ofac-sdn/2021-07-07') : '';
const NEW_SDN = sharedList('ofac-sdn/2023-12-28');

const words = (caption: string) =>
  caption
    .toLowerCase()
    .split(/[^a-z]+/)
    .filter((x) => x.length > 2);

/** People whose name shares no word with more than one other record of either publication: clean subjects. */
function distinctivePeople(candidates: Entity[], all: Entity[], n: number): Entity[] {
  const wordCount = new Map<string, number>();
  for (const e of all) for (const w of new Set(words(e.caption))) wordCount.set(w, (wordCount.get(w) ?? 0) + 1);
  return candidates
    .filter((e) => e.schema === 'Person')
    .filter((e) => words(e.caption).length >= 2 && words(e.caption).every((w) => (wordCount.get(w) ?? 0) <= 2))
    .slice(0, n);
}

type Kind = 'added' | 'changed' | 'unchanged' | 'unrelated';

/**
 * A customer named like an added record (its first two words) that the engine in force alerts on, but
 * an engine over the added and changed records alone would not: its token weights differ. Delta
 * re-screening must not miss it.
 */
function missedBySmallEngine(
  listed: Entity[],
  rescreened: Set<string>,
  added: Set<string>,
): { key: string; name: string; entity: Entity; kind: Kind } {
  const full = new ScreeningEngine(listed);
  const small = new ScreeningEngine(listed.filter((e) => rescreened.has(e.id)));
  const alertsOn = (engine: ScreeningEngine, name: string, id: string) =>
    engine.screen({ name, schema: 'Person' }, { limit: 1000 }).some((m) => m.id === id && m.alert);
  for (const entity of listed) {
    if (!added.has(entity.id) || entity.schema !== 'Person') continue;
    const name = entity.caption.split(/[ ,]+/).slice(0, 2).join(' ');
    if (alertsOn(full, name, entity.id) && !alertsOn(small, name, entity.id))
      return { key: 'added-by-weights', name, entity, kind: 'added' };
  }
  throw new Error('no added record whose alert depends on the token weights of the whole list');
}

describe.skipIf(!HAS_OLD_SDN).each(BACKENDS)('delta re-screening of OFAC SDN 2021-07-07 → 2023-12-28 on %s', (backend) => {
  let t: TestApp;
  let older: ListPublication;
  let newer: ListPublication;
  let rescreened: Set<string>;
  const customers: { key: string; name: string; entity?: Entity; kind: Kind }[] = [];

  beforeAll(async () => {
    [older] = await loadListDirectory(OLD_SDN);
    [newer] = await loadListDirectory(NEW_SDN);
    const diff = diffEntities(older.entities, newer.entities);
    rescreened = new Set([...diff.added, ...diff.changed.map((c) => c.id)]);
    const newById = new Map(newer.entities.map((e) => [e.id, e]));
    const olderIds = new Set(older.entities.map((e) => e.id));
    const all = [...older.entities, ...newer.entities];
    const pick = (ids: Iterable<string>, kind: Kind, n: number) =>
      distinctivePeople(
        [...ids].map((id) => newById.get(id)!),
        all,
        n,
      ).forEach((entity, i) => customers.push({ key: `${kind}-${i}`, name: entity.caption, entity, kind }));
    pick(diff.added, 'added', 3);
    // Changed in something other than the name, so the customer alerted on the old version too.
    pick(
      diff.changed.filter((c) => !c.fields.includes('caption')).map((c) => c.id),
      'changed',
      2,
    );
    pick(
      newer.entities.filter((e) => olderIds.has(e.id) && !rescreened.has(e.id)).map((e) => e.id),
      'unchanged',
      2,
    );
    customers.push(missedBySmallEngine(newer.entities, rescreened, new Set(diff.added)));
    customers.push(
      { key: 'unrelated-0', name: 'Maria Eugenia Lindqvist', kind: 'unrelated' },
      { key: 'unrelated-1', name: 'Tobias Kowalczyk', kind: 'unrelated' },
    );
    t = await createTestApp({ backend, publications: [older] });
  }, 120_000);
  afterAll(async () => t?.close());

  it('alerts exactly the customers whose listed record was added or changed, with the counts', async () => {
    expect(customers.map((c) => c.kind)).toEqual([
      'added',
      'added',
      'added',
      'changed',
      'changed',
      'unchanged',
      'unchanged',
      'added',
      'unrelated',
      'unrelated',
    ]);
    const registered = await t.app.inject({
      method: 'POST',
      url: '/v1/customers',
      headers: t.as(t.keys.client),
      payload: { customers: customers.map((c) => ({ customerKey: c.key, name: c.name, schema: 'Person' })) },
    });
    expect(registered.statusCode, registered.body).toBe(200);
    const before = new Map<string, AlertRecord[]>();
    for (const c of customers) before.set(c.key, await t.store.listAlerts({ customerKey: c.key, limit: 1000 }));
    // At registration (2021 in force): the 'added' records are not listed yet; the others alert already,
    // so a full re-screening would alert 'unchanged' customers again, and the delta must not.
    for (const c of customers) {
      const ids = before.get(c.key)!.map((a) => a.entityId);
      if (c.kind === 'added') expect(ids, c.key).not.toContain(c.entity!.id);
      if (c.kind === 'changed' || c.kind === 'unchanged') expect(ids, c.key).toContain(c.entity!.id);
      if (c.kind === 'unrelated') expect(ids, c.key).toEqual([]);
    }

    const loaded = await t.app.inject({ method: 'POST', url: '/v1/lists/update', headers: t.as(t.keys.admin), payload: { dir: NEW_SDN } });
    expect(loaded.statusCode, loaded.body).toBe(200);
    const body = loaded.json() as { saved: { id: number }[]; rescreening: RescreenSummary[] };

    const fresh = new Map<string, AlertRecord[]>();
    for (const c of customers) {
      const all = await t.store.listAlerts({ customerKey: c.key, limit: 1000 });
      const known = new Set(before.get(c.key)!.map((a) => a.id));
      fresh.set(
        c.key,
        all.filter((a) => !known.has(a.id)),
      );
    }
    for (const c of customers) {
      const opened = fresh.get(c.key)!;
      if (c.kind === 'added' || c.kind === 'changed')
        expect(
          opened.map((a) => a.entityId),
          c.key,
        ).toContain(c.entity!.id);
      else expect(opened, c.key).toEqual([]);
      // Only added or changed records can alert; every alert is the monitor's.
      for (const a of opened) {
        expect(rescreened.has(a.entityId), `${c.key} ${a.entityId}`).toBe(true);
        expect((await t.store.getScreening(a.screeningId, null))?.actor).toBe(MONITOR_ACTOR);
      }
    }
    const alertsOpened = [...fresh.values()].reduce((n, a) => n + a.length, 0);
    expect(body.rescreening).toEqual([
      {
        source: 'ofac-sdn',
        publicationId: body.saved[0].id,
        previousPublicationId: expect.any(Number),
        customers: customers.length,
        recordsRescreened: rescreened.size,
        alertsOpened,
        suppressed: 0,
      },
    ]);
    expect(await t.store.verifyAudit()).toMatchObject({ ok: true });
  }, 120_000);

  it('opens the alerts a full screening with the lists now in force gives on the added and changed records', async () => {
    // Re-screening with a small engine over the changed records alone would weigh name words by their
    // rarity among those records only, and score differently.
    for (const c of customers) {
      const expected = (await t.deps.screening.screen({ name: c.name, schema: 'Person' }, { limit: 1000 }))
        .filter((m) => m.alert && rescreened.has(m.id))
        .map((m) => m.id)
        .sort();
      const alerts = await t.store.listAlerts({ customerKey: c.key, limit: 1000 });
      const byMonitor: string[] = [];
      for (const a of alerts) if ((await t.store.getScreening(a.screeningId, null))?.actor === MONITOR_ACTOR) byMonitor.push(a.entityId);
      expect(byMonitor.sort(), c.key).toEqual(expected);
    }
  });
});

/** A copy of the bundled UN list in a fresh folder, edited, under a later generation date. */
function unListFolder(root: string, name: string, generated: string, edit: (individuals: string[]) => string[]): string {
  const xml = readFileSync(join(BUNDLED_UN, 'consolidated.xml'), 'utf8').replace(/dateGenerated="[^"]+"/, `dateGenerated="${generated}"`);
  const open = xml.indexOf('<INDIVIDUAL>');
  const close = xml.lastIndexOf('</INDIVIDUAL>') + '</INDIVIDUAL>'.length;
  const individuals = xml.slice(open, close).split(/(?<=<\/INDIVIDUAL>)/);
  const dir = join(root, name);
  mkdirSync(dir);
  writeFileSync(join(dir, 'consolidated.xml'), xml.slice(0, open) + edit(individuals).join('') + xml.slice(close));
  return dir;
}

const JANG = { id: 'un:KPi.057', reference: '<REFERENCE_NUMBER>KPi.057</REFERENCE_NUMBER>', name: 'JANG SUNG NAM' };

describe.each(BACKENDS)('good-guy suppression across list loads on %s', (backend) => {
  let t: TestApp;
  let root: string;
  let delisted: string;
  let relisted: string;
  let withAlias: string;

  beforeAll(async () => {
    root = mkdtempSync(join(tmpdir(), 'embargo-un-'));
    delisted = unListFolder(root, 'delisted', '2026-03-01T00:00:00Z', (people) => people.filter((p) => !p.includes(JANG.reference)));
    // The bundled list again, as a later publication: loading the bundled file itself, older than the one
    // in force by then, would be refused without allowOlder.
    relisted = unListFolder(root, 'relisted', '2026-03-01T12:00:00Z', (people) => people);
    withAlias = unListFolder(root, 'alias', '2026-03-02T00:00:00Z', (people) =>
      people.map((p) =>
        p.includes(JANG.reference)
          ? p.replace(
              /<INDIVIDUAL_ALIAS>\s*<QUALITY\/>\s*<ALIAS_NAME\/>\s*<\/INDIVIDUAL_ALIAS>/,
              '<INDIVIDUAL_ALIAS><QUALITY>Good</QUALITY><ALIAS_NAME>JANG SONG NAM</ALIAS_NAME></INDIVIDUAL_ALIAS>',
            )
          : p,
      ),
    );
    t = await createTestApp({ backend, publications: await bundledUnList() });
  });
  afterAll(async () => {
    await t?.close();
    rmSync(root, { recursive: true, force: true });
  });

  const update = async (dir: string) => {
    const res = await t.app.inject({ method: 'POST', url: '/v1/lists/update', headers: t.as(t.keys.admin), payload: { dir } });
    expect(res.statusCode, res.body).toBe(200);
    const [summary] = res.json().rescreening as RescreenSummary[];
    return summary;
  };
  const decide = (id: string, key: string, decision: string, reason: string) =>
    t.app.inject({
      method: 'POST',
      url: `/v1/alerts/${id}/decisions`,
      headers: t.as(key),
      payload: { decision, reasonCode: 'common-name', reason },
    });
  const jangAlerts = async (customerKey: string) =>
    (await t.store.listAlerts({ customerKey, limit: 1000 })).filter((a) => a.entityId === JANG.id);

  it('keeps a false positive through delisting and unchanged relisting, and alerts again once the record changes', async () => {
    // Two customers named like the listed person; the analysts clear G-1 (four eyes: the score is high).
    const registered = await t.app.inject({
      method: 'POST',
      url: '/v1/customers',
      headers: t.as(t.keys.client),
      payload: {
        customers: [
          { customerKey: 'G-1', name: JANG.name, schema: 'Person' },
          { customerKey: 'G-2', name: JANG.name, schema: 'Person' },
          { customerKey: 'G-3', name: 'Maria Eugenia Lindqvist' },
        ],
      },
    });
    expect(registered.json()).toMatchObject({ registered: 3, alerted: 2 });
    const [alert] = await jangAlerts('G-1');
    expect((await decide(alert.id, t.keys.analyst, 'false_positive', 'born 1988, not 1970')).json().alert.status).toBe('pending_approval');
    expect((await decide(alert.id, t.keys.analyst2, 'approve', 'agreed')).json()).toMatchObject({
      alert: { status: 'false_positive' },
      remembered: true,
    });

    // Delisted: nothing added or changed, nothing to re-screen.
    const removal = await update(delisted);
    expect(t.deps.screening.entity(JANG.id)).toBeUndefined();
    expect(removal).toMatchObject({ source: 'un-sc', recordsRescreened: 0, alertsOpened: 0, suppressed: 0 });

    // Listed again, unchanged: an added record. G-1's false positive still holds; G-2's alert on that same
    // record is still open, so it is not opened twice.
    const relisting = await update(relisted);
    expect(relisting).toMatchObject({ customers: 3, recordsRescreened: 1, alertsOpened: 0, suppressed: 1 });
    expect(await jangAlerts('G-1')).toHaveLength(1);
    expect(await jangAlerts('G-2')).toHaveLength(1);

    // Screening G-1 again says why there is no alert.
    const screened = await t.app.inject({
      method: 'POST',
      url: '/v1/screen',
      headers: t.as(t.keys.client),
      payload: { name: JANG.name, schema: 'Person', customerKey: 'G-1' },
    });
    expect(screened.json().matches.find((m: { id: string }) => m.id === JANG.id)).toMatchObject({ alert: true, suppressed: true });

    // The list gives the record a new alias: G-1 was cleared against the old record only.
    const change = await update(withAlias);
    expect(t.deps.screening.entity(JANG.id)?.properties.alias).toContainEqual(expect.objectContaining({ value: 'JANG SONG NAM' }));
    expect(change).toMatchObject({ customers: 3, recordsRescreened: 1, alertsOpened: 2, suppressed: 0 });
    const reopened = await jangAlerts('G-1');
    expect(reopened.map((a) => a.status)).toEqual(['open', 'false_positive']);
    expect(reopened[0].entityVersion).not.toBe(reopened[1].entityVersion);
    expect(await jangAlerts('G-3')).toEqual([]);
    expect(await t.store.verifyAudit()).toMatchObject({ ok: true });
  });
});
