/**
 * Ownership and control through the HTTP API, on the real SDN list of 2023-12-28 and the bundled UN list:
 * a register extract (CSV) names KOMID by name and VELMUR MANAGEMENT by its SDN id as owners of a trading
 * firm; the firm holds a shipping company. Worked by hand:
 * - OFAC (SDN records, aggregated): 30% (KOMID) + 25% (VELMUR) = 55% ≥ 50% ⇒ the firm blocked; it holds 60% of
 *   the shipping company ⇒ blocked too.
 * - EU (the UN list here): KOMID is UN-listed, VELMUR is not: 30% < 50% ⇒ nothing.
 * - UK (UK and UN lists, each designated person apart): KOMID 30% ⇒ nothing.
 */
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadListDirectory } from '@embargo/lists';
import { hasShared, sharedList } from '../../../test/shared-data.js';
import { BACKENDS, BUNDLED_UN, bundledUnList, createTestApp, type TestApp } from './testing/app-fixture.js';

const HAS_SDN = hasShared('ofac-sdn/2023-12-28');

const REGISTER = [
  'owner,owned,share,share_max,kind,source,date',
  'KOREA MINING DEVELOPMENT TRADING CORPORATION,Pyongyang Front Trading Ltd,30,,ownership,register.csv,2024-01-31',
  'ofac:22606,Pyongyang Front Trading Ltd,25,,ownership,register.csv,2024-01-31',
  'Ri Nominee,Pyongyang Front Trading Ltd,45,,ownership,register.csv,2024-01-31',
  'Pyongyang Front Trading Ltd,Front Shipping Co,60,,ownership,register.csv,2024-01-31',
].join('\n');

describe.skipIf(!HAS_SDN).each(BACKENDS)('ownership and control through the API on %s', (backend) => {
  let t: TestApp;
  beforeAll(async () => {
    const [sdn] = await loadListDirectory(sharedList('ofac-sdn/2023-12-28'));
    t = await createTestApp({ backend, publications: [sdn, ...(await bundledUnList())] });
  }, 120_000);
  afterAll(async () => t?.close());

  const upload = (key: string, body: string, name = 'register.csv') =>
    t.app.inject({
      method: 'POST',
      url: `/v1/ownership/files?name=${name}`,
      headers: { ...t.as(key), 'content-type': 'text/csv' },
      payload: body,
    });

  it('loads a register, matches its owners to listed records and derives the statuses per regime', async () => {
    const res = await upload(t.keys.client, REGISTER);
    expect(res.statusCode, res.body).toBe(200);
    const body = res.json();
    expect(body).toMatchObject({ stored: true, resolved: 1, file: { fileName: 'register.csv', format: 'csv', nodes: 4, edges: 4 } });
    expect(body.evaluation.counts).toEqual({
      ofac: { blocked: 2, possibly_blocked: 0 },
      eu: { blocked: 0, possibly_blocked: 0 },
      uk: { blocked: 0, possibly_blocked: 0 },
    });
    expect(body.evaluation.newlyBlocked.map((c: { name: string; regime: string }) => `${c.regime} ${c.name}`).sort()).toEqual([
      'ofac Front Shipping Co',
      'ofac Pyongyang Front Trading Ltd',
    ]);

    const statuses = await t.app.inject({ method: 'GET', url: '/v1/ownership/statuses?regime=ofac', headers: t.as(t.keys.client) });
    expect(statuses.statusCode, statuses.body).toBe(200);
    const firm = statuses.json().statuses.find((s: { name: string }) => s.name === 'Pyongyang Front Trading Ltd');
    expect(firm).toMatchObject({ status: 'blocked', aggregate: { min: 55, max: 55 } });
    const proof = firm.proof.join('\n');
    expect(proof).toContain('ofac:9345');
    expect(proof).toMatch(
      /30% \+ .*25% of Pyongyang Front Trading Ltd = 55% ≥ 50%|25% \+ .*30% of Pyongyang Front Trading Ltd = 55% ≥ 50%/,
    );
  });

  it('shows a party with its status per regime and its chain, and the exposure of a listed record', async () => {
    const node = await t.app.inject({ method: 'GET', url: '/v1/ownership/nodes/csv:front%20shipping%20co', headers: t.as(t.keys.client) });
    expect(node.statusCode, node.body).toBe(200);
    const view = node.json();
    expect(view.statuses.map((s: { regime: string; status: string }) => `${s.regime} ${s.status}`)).toEqual([
      'ofac blocked',
      'eu none',
      'uk none',
    ]);
    expect(view.chain.nodes.map((n: { id: string }) => n.id)).toEqual(
      expect.arrayContaining(['csv:front shipping co', 'csv:pyongyang front trading ltd', 'ofac:22606']),
    );
    expect(view.chain.edges).toContainEqual(
      expect.objectContaining({ kind: 'ownership', from: 'csv:pyongyang front trading ltd', to: 'csv:front shipping co', share: '60%' }),
    );

    const exposure = await t.app.inject({ method: 'GET', url: '/v1/entities/ofac:22606/exposure?depth=2', headers: t.as(t.keys.client) });
    expect(exposure.statusCode, exposure.body).toBe(200);
    expect(exposure.json().targets.length).toBeGreaterThan(0);
    expect(exposure.json().names['ofac:22605']).toBe('TRANSATLANTIC PARTNERS PTE. LTD.');
  });

  it('counts a party several lists designate under each of their regimes, whichever record the file names', async () => {
    // ofac:9345 (KOMID on the SDN list) is linked to the UN's KPe.001 by name: the EU (the UN list here) and
    // the UK (UK and UN lists) count it too.
    const res = await upload(t.keys.analyst, 'owner,owned,share\nofac:9345,Changgwang Holding Co,60\n', 'linked.csv');
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().evaluation.counts).toEqual({
      ofac: { blocked: 1, possibly_blocked: 0 },
      eu: { blocked: 1, possibly_blocked: 0 },
      uk: { blocked: 1, possibly_blocked: 0 },
    });
    const files = await t.app.inject({ method: 'GET', url: '/v1/ownership/files', headers: t.as(t.keys.analyst) });
    const deleted = await t.app.inject({
      method: 'DELETE',
      url: `/v1/ownership/files/${files.json().files[0].id}`,
      headers: t.as(t.keys.analyst),
    });
    expect(deleted.statusCode, deleted.body).toBe(200);
  });

  it('names, with each listed match, the records other lists keep for the same party', async () => {
    const res = await t.app.inject({ method: 'POST', url: '/v1/screen', headers: t.as(t.keys.client), payload: { name: 'KOMID' } });
    expect(res.statusCode, res.body).toBe(200);
    const komid = res.json().matches.find((m: { id: string }) => m.id === 'ofac:9345');
    expect(komid.linkedIds).toContain('un:KPe.001');
  });

  it('keeps each tenant’s ownership data to itself', async () => {
    const other = await t.app.inject({ method: 'GET', url: '/v1/ownership/statuses', headers: t.as(t.keys.admin) });
    expect(other.statusCode, other.body).toBe(200);
    // The admin works in the default tenant, where nothing was loaded.
    expect(other.json()).toEqual({ total: 0, statuses: [] });
    const hidden = await t.app.inject({ method: 'GET', url: '/v1/ownership/nodes/csv:front%20shipping%20co', headers: t.as(t.keys.admin) });
    expect(hidden.statusCode).toBe(404);
  });

  it('refuses a file it cannot read, naming the line, and changes nothing', async () => {
    const res = await upload(t.keys.client, 'owner,owned,share\nA,B,150\n', 'bad.csv');
    expect(res.statusCode).toBe(422);
    expect(res.json(), res.body).toMatchObject({ error: 'OWNERSHIP_PARSE' });
    expect(res.json().message).toMatch(/bad\.csv.*line 2/);
    const files = await t.app.inject({ method: 'GET', url: '/v1/ownership/files', headers: t.as(t.keys.client) });
    expect(files.json().files.map((f: { fileName: string }) => f.fileName)).toEqual(['register.csv']);
  });

  it('unblocks what depended on a deleted file, and says so', async () => {
    const files = (await t.app.inject({ method: 'GET', url: '/v1/ownership/files', headers: t.as(t.keys.client) })).json().files;
    const res = await t.app.inject({ method: 'DELETE', url: `/v1/ownership/files/${files[0].id}`, headers: t.as(t.keys.client) });
    expect(res.statusCode, res.body).toBe(200);
    expect(
      res
        .json()
        .evaluation.unblocked.map((c: { name: string }) => c.name)
        .sort(),
    ).toEqual(['Front Shipping Co', 'Pyongyang Front Trading Ltd']);
    const audit = await t.store.listAudit({ limit: 50 });
    expect(audit.map((a) => a.kind)).toEqual(expect.arrayContaining(['ownership.load', 'ownership.statuses', 'ownership.delete']));
  });
});

/** The bundled UN list under a later generation date, without the entity of one reference number. */
function unListWithout(root: string, reference: string): string {
  const xml = readFileSync(join(BUNDLED_UN, 'consolidated.xml'), 'utf8').replace(
    /dateGenerated="[^"]+"/,
    'dateGenerated="2026-03-05T00:00:00Z"',
  );
  const entities = xml.split(/(?=<ENTITY>)|(?<=<\/ENTITY>)/);
  const kept = entities.filter(
    (part) => !(part.startsWith('<ENTITY>') && part.includes(`<REFERENCE_NUMBER>${reference}</REFERENCE_NUMBER>`)),
  );
  expect(kept.length).toBe(entities.length - 1);
  const dir = join(root, 'un-without');
  mkdirSync(dir);
  writeFileSync(join(dir, 'consolidated.xml'), kept.join(''));
  return dir;
}

describe.each(BACKENDS)('ownership statuses as the lists and files change, with alerts on monitored customers, on %s', (backend) => {
  let t: TestApp;
  let root: string;
  beforeAll(async () => {
    root = mkdtempSync(join(tmpdir(), 'embargo-ownership-'));
    t = await createTestApp({ backend });
  }, 120_000);
  afterAll(async () => {
    await t?.close();
    rmSync(root, { recursive: true, force: true });
  });

  it('alerts a monitored customer once a file makes it blocked, and screens it as an ownership match with the proof', async () => {
    const registered = await t.app.inject({
      method: 'POST',
      url: '/v1/customers',
      headers: t.as(t.keys.client),
      payload: { customers: [{ customerKey: 'C-TANCHON', name: 'Tanchon Ore Export Company', schema: 'Organization' }] },
    });
    expect(registered.statusCode, registered.body).toBe(200);
    const before = await t.store.listAlerts({ customerKey: 'C-TANCHON', limit: 10 });
    const loaded = await t.app.inject({
      method: 'POST',
      url: '/v1/ownership/files?name=tanchon.csv',
      headers: { ...t.as(t.keys.client), 'content-type': 'text/csv' },
      payload: 'owner,owned,share\nun:KPe.001,Tanchon Ore Export Company,60\n',
    });
    expect(loaded.statusCode, loaded.body).toBe(200);
    // The EU (here: the UN list) and the UK take UN records as designated; OFAC only the SDN list.
    expect(loaded.json().evaluation.counts).toEqual({
      ofac: { blocked: 0, possibly_blocked: 0 },
      eu: { blocked: 1, possibly_blocked: 0 },
      uk: { blocked: 1, possibly_blocked: 0 },
    });
    expect(loaded.json().evaluation.alertsOpened).toBe(1);
    const alerts = (await t.store.listAlerts({ customerKey: 'C-TANCHON', limit: 10 })).filter((a) => !before.some((b) => b.id === a.id));
    expect(alerts.map((a) => [a.entityId, a.source, a.tenant])).toEqual([['csv:tanchon ore export company', 'ownership', t.clientTenant]]);

    const screened = await t.app.inject({
      method: 'POST',
      url: '/v1/screen',
      headers: t.as(t.keys.client),
      payload: { name: 'TANCHON ORE EXPORT CO', schema: 'Organization' },
    });
    expect(screened.statusCode, screened.body).toBe(200);
    const match = screened.json().matches.find((m: { kind?: string }) => m.kind === 'ownership');
    expect(match).toMatchObject({ id: 'csv:tanchon ore export company', source: 'ownership', alert: true });
    expect(match.ownership.map((s: { regime: string; proof: string[] }) => [s.regime, s.proof.at(-1)])).toEqual([
      [
        'eu',
        'KOREA MINING DEVELOPMENT TRADING CORPORATION 60% of Tanchon Ore Export Company ⇒ Tanchon Ore Export Company blocked (EU Best Practices 2024 (ownership))',
      ],
      [
        'uk',
        expect.stringMatching(
          /^KOREA MINING DEVELOPMENT TRADING CORPORATION 60% of Tanchon Ore Export Company.*⇒ Tanchon Ore Export Company blocked/,
        ),
      ],
    ]);
    // Another tenant's screening knows nothing of it.
    const elsewhere = await t.app.inject({
      method: 'POST',
      url: '/v1/screen',
      headers: t.as(t.keys.admin),
      payload: { name: 'TANCHON ORE EXPORT CO' },
    });
    expect(elsewhere.json().matches.some((m: { kind?: string }) => m.kind === 'ownership')).toBe(false);
  });

  it('unblocks what a delisting leaves without a designated owner, and says so in the load', async () => {
    const res = await t.app.inject({
      method: 'POST',
      url: '/v1/lists/update',
      headers: t.as(t.keys.admin),
      payload: { dir: unListWithout(root, 'KPe.001') },
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().ownership).toEqual([{ tenant: t.clientTenant, newlyBlocked: 0, unblocked: 2, alertsOpened: 0 }]);
    const statuses = await t.app.inject({ method: 'GET', url: '/v1/ownership/statuses', headers: t.as(t.keys.client) });
    expect(statuses.json()).toEqual({ total: 0, statuses: [] });
  });
});
