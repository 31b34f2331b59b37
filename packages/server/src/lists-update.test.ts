/**
 * `POST /v1/lists/update` on SQLite and PostgreSQL: a changed list file is saved as the publication in
 * force, audited, and screened against at once; an unchanged one is left alone; a data folder holding an
 * older publication beside the newest keeps the newest in force; and (SQLite) `{ download: true }` fetches
 * the publishers' files from a mirror on 127.0.0.1 first — for the EU, Australian and Canadian files too: a
 * changed one is loaded, an unchanged one not stored again, a cut one refused, an unreachable publisher reported.
 */
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { BUNDLED_DATA, EU_FSF_FIXTURES, hasShared, hasSharedMore, sharedList, sharedMoreList } from '../../../test/shared-data.js';
import { buildApp } from './app.js';
import { BACKENDS, BUNDLED_UN, createTestApp, type TestApp } from './testing/app-fixture.js';

const UN_XML = readFileSync(join(BUNDLED_UN, 'consolidated.xml'), 'utf8');

/** The bundled UN file without its first individual: a real publication that differs by one record. */
function unWithoutFirstIndividual(): { xml: string; droppedId: string } {
  const start = UN_XML.indexOf('<INDIVIDUAL>');
  const end = UN_XML.indexOf('</INDIVIDUAL>', start) + '</INDIVIDUAL>'.length;
  const dropped = UN_XML.slice(start, end);
  const reference = /<REFERENCE_NUMBER>([^<]+)</.exec(dropped)![1].trim();
  return { xml: UN_XML.slice(0, start) + UN_XML.slice(end), droppedId: `un:${reference}` };
}

describe.each(BACKENDS)('list updates on %s', (backend) => {
  let t: TestApp;
  let scratch: string;
  beforeAll(async () => {
    t = await createTestApp({ backend });
    scratch = mkdtempSync(join(tmpdir(), 'embargo-lists-update-'));
  });
  afterAll(async () => {
    await t?.close();
    rmSync(scratch, { recursive: true, force: true });
  });

  const update = (payload: object) => t.app.inject({ method: 'POST', url: '/v1/lists/update', headers: t.as(t.keys.admin), payload });
  const entity = (id: string) => t.app.inject({ method: 'GET', url: `/v1/entities/${id}`, headers: t.as(t.keys.client) });

  it('saves a changed list as the publication in force, audits it and screens against it at once', async () => {
    const { xml, droppedId } = unWithoutFirstIndividual();
    const dir = join(scratch, 'changed', 'un-sc', '2026-02-28');
    mkdirSync(dir, { recursive: true });
    writeFileSync(join(dir, 'consolidated.xml'), xml);
    const [before] = await t.store.currentPublications();
    expect((await entity(droppedId)).statusCode).toBe(200);

    const res = await update({ dir: join(scratch, 'changed') });
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body.saved).toHaveLength(1);
    expect(body.saved[0]).toMatchObject({ source: 'un-sc', records: before.records - 1, current: true });
    expect(body.unchanged).toEqual([]);

    const [now] = await t.store.currentPublications();
    expect(now.id).toBe(body.saved[0].id);
    // The in-memory lists were rebuilt: the dropped record is gone from browsing and from screening.
    expect((await entity(droppedId)).statusCode).toBe(404);
    const screened = (
      await t.app.inject({ method: 'POST', url: '/v1/screen', headers: t.as(t.keys.client), payload: { name: 'Jang Song Nam' } })
    ).json();
    expect(screened.publications).toEqual([{ id: now.id, source: 'un-sc', published: now.published }]);
    // What changed, as `embargo lists diff --json` says it, with the programme counts.
    const diff = (
      await t.app.inject({ method: 'GET', url: `/v1/lists/diff?from=${before.id}&to=${now.id}`, headers: t.as(t.keys.client) })
    ).json();
    expect(diff).toMatchObject({
      added: [],
      removed: [droppedId],
      changed: [],
      bySource: { 'un-sc': { added: 0, removed: 1, changed: 0 } },
    });
    const programmes = Object.values(diff.byProgram as Record<string, { removed: number }>);
    expect(programmes.reduce((n, c) => n + c.removed, 0)).toBeGreaterThanOrEqual(1);
    expect(diff.bySource['un-sc'].byProgram).toEqual(diff.byProgram);
    const loads = await t.store.listAudit({ kind: 'list.load', limit: 10 });
    expect(loads.at(-1)).toMatchObject({
      subject: String(now.id),
      actor: t.keys.admin.split('_')[1],
      details: { source: 'un-sc', records: before.records - 1 },
    });
  });

  it('leaves a list whose files are the ones in force alone, and puts the bundled one back when it differs', async () => {
    const again = (await update({ dir: join(scratch, 'changed') })).json();
    expect(again).toMatchObject({ saved: [], unchanged: ['un-sc'] });
    const back = (await update({})).json();
    expect(back.saved.map((p: { source: string }) => p.source)).toEqual(['un-sc']);
    expect((await entity(unWithoutFirstIndividual().droppedId)).statusCode).toBe(200);
  });

  it.skipIf(!hasShared('un-sc/2018-10-29'))(
    'keeps the newest publication of a folder in force even when it is already stored, and the older one beside it as history, once',
    async () => {
      // data/un-sc/<older> beside data/un-sc/<newest>, with the newest already in force (as after `lists update`).
      const folder = join(scratch, 'history');
      mkdirSync(join(folder, 'un-sc', '2018-10-29'), { recursive: true });
      writeFileSync(join(folder, 'un-sc', '2018-10-29', 'consolidated.xml'), readFileSync(sharedList('un-sc/2018-10-29/consolidated.xml')));
      mkdirSync(join(folder, 'un-sc', '2026-02-27'), { recursive: true });
      writeFileSync(join(folder, 'un-sc', '2026-02-27', 'consolidated.xml'), UN_XML);
      const [inForce] = await t.store.currentPublications();
      const res = (await update({ dir: folder })).json();
      // The older one is kept as history: stored, never in force, not refused as older than the one in force.
      expect(res).toMatchObject({
        saved: [],
        unchanged: ['un-sc'],
        history: [{ source: 'un-sc', published: '2018-10-29', current: false }],
      });
      expect((await t.store.currentPublications())[0].id).toBe(inForce.id);
      const [kept] = await t.store.listAudit({ kind: 'list.history' });
      expect(kept).toMatchObject({
        subject: String(res.history[0].id),
        details: { source: 'un-sc', published: '2018-10-29', records: 1093 },
      });
      // Loading the folder again stores the history no second time.
      const again = (await update({ dir: folder })).json();
      expect(again).toMatchObject({ saved: [], unchanged: ['un-sc'], history: [] });
      expect((await t.store.listPublications()).filter((p) => p.published === '2018-10-29')).toHaveLength(1);
      expect((await t.store.currentPublications())[0].id).toBe(inForce.id);
    },
  );

  it('refuses "dir" and "download" together, and an unknown field, naming it', async () => {
    const both = await update({ dir: scratch, download: true });
    expect(both.statusCode).toBe(400);
    expect(both.json()).toMatchObject({ error: 'INVALID_INPUT', field: 'body/dir' });
    const unknown = await update({ folder: scratch });
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json()).toMatchObject({ field: 'body/folder' });
  });

  it('answers 400 for a folder that does not exist, and changes nothing', async () => {
    const before = await t.store.currentPublications();
    const res = await update({ dir: join(scratch, 'no-such-folder') });
    expect(res.statusCode).toBe(400);
    expect(await t.store.currentPublications()).toEqual(before);
  });
});

const CA = 'ca-sema/2020-04/sema-lmes.xml';
const EU_XML = readFileSync(join(EU_FSF_FIXTURES, 'eu-fsf/2026-11-28/xmlFullSanctionsList_1_1.xml'), 'utf8');

describe.runIf(BACKENDS.includes('sqlite') && hasSharedMore(CA))('list updates that download first', () => {
  /**
   * The mirror serves the bundled publications at `/<source>/<file>` (OFAC sends no comments file for
   * 2023-12-28), the EU fixture and Canada's file of 2020.
   */
  const served: Record<string, Buffer> = {
    'ofac-sdn/sdn.csv': readFileSync(sharedList('ofac-sdn/2023-12-28/sdn.csv')),
    'ofac-sdn/add.csv': readFileSync(sharedList('ofac-sdn/2023-12-28/add.csv')),
    'ofac-sdn/alt.csv': readFileSync(sharedList('ofac-sdn/2023-12-28/alt.csv')),
    'ofac-sdn/sdn_comments.csv': Buffer.alloc(0),
    'ofac-cons/cons_prim.csv': readFileSync(sharedList('ofac-cons/2025-12-19/cons_prim.csv')),
    'ofac-cons/cons_add.csv': readFileSync(sharedList('ofac-cons/2025-12-19/cons_add.csv')),
    'ofac-cons/cons_alt.csv': readFileSync(sharedList('ofac-cons/2025-12-19/cons_alt.csv')),
    'ofac-cons/cons_comments.csv': readFileSync(sharedList('ofac-cons/2025-12-19/cons_comments.csv')),
    'un-sc/consolidated.xml': Buffer.from(UN_XML),
    'uk-hmt/ConList.xlsx': readFileSync(sharedList('uk-hmt-conlist/2025-04-14/ConList.xlsx')),
    'eu-fsf/xmlFullSanctionsList_1_1.xml': Buffer.from(EU_XML),
    'au-dfat/regulation8_consolidated.xlsx': readFileSync(join(BUNDLED_DATA, 'au-dfat/2024-11-11/regulation8_consolidated.xlsx')),
    'ca-sema/sema-lmes.xml': hasSharedMore(CA) ? readFileSync(sharedMoreList(CA)) : Buffer.alloc(0),
  };
  let notFound: string | undefined;
  /** A file sent cut in half with a Content-Length to match, and one whose publisher does not answer. */
  let halfSent: string | undefined;
  let unreachable: string | undefined;
  const mirror: Server = createServer((req, res) => {
    const file = decodeURIComponent(req.url ?? '').replace(/^\/+/, '');
    const body = served[file];
    if (file === unreachable) req.socket.destroy();
    else if (!body || file === notFound) res.writeHead(404).end('not found');
    else {
      const sent = file === halfSent ? body.subarray(0, body.length >> 1) : body;
      res.writeHead(200, { 'Content-Length': String(sent.length) }).end(sent);
    }
  });
  let t: TestApp;
  let dataDir: string;
  let baseUrl: string;

  beforeAll(async () => {
    await new Promise<void>((resolve) => mirror.listen(0, '127.0.0.1', resolve));
    baseUrl = `http://127.0.0.1:${(mirror.address() as AddressInfo).port}`;
    const realFetch = globalThis.fetch;
    // Nothing may reach the internet: a fetch beyond the mirror fails the test.
    vi.stubGlobal('fetch', (input: string | URL | Request, init?: RequestInit) => {
      const url = new URL(input instanceof Request ? input.url : input);
      if (url.host !== new URL(baseUrl).host) throw new Error(`test tried to fetch ${url}`);
      return realFetch(input, init);
    });
    t = await createTestApp({ backend: 'sqlite' });
    dataDir = mkdtempSync(join(tmpdir(), 'embargo-download-'));
  });
  afterAll(async () => {
    vi.unstubAllGlobals();
    mirror.closeAllConnections();
    await new Promise((resolve) => mirror.close(resolve));
    await t?.close();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('downloads into the data folder, then loads what changed', async () => {
    const app = await buildApp({ ...t.deps, config: { ...t.deps.config, dataDir, listsBaseUrl: baseUrl } });
    try {
      notFound = 'ofac-sdn/alt.csv';
      const failed = await app.inject({
        method: 'POST',
        url: '/v1/lists/update',
        headers: t.as(t.keys.admin),
        payload: { download: true },
      });
      expect(failed.statusCode).toBe(502);
      expect(failed.json()).toMatchObject({ error: 'LIST_DOWNLOAD', message: expect.stringContaining('alt.csv') });
      expect((await t.store.currentPublications()).map((p) => p.source)).toEqual(['un-sc']);

      notFound = undefined;
      const res = await app.inject({ method: 'POST', url: '/v1/lists/update', headers: t.as(t.keys.admin), payload: { download: true } });
      expect(res.statusCode).toBe(200);
      const body = res.json();
      // The UN file is the one already in force; the other six are new.
      expect(body.saved.map((p: { source: string }) => p.source).sort()).toEqual([
        'au-dfat',
        'ca-sema',
        'eu-fsf',
        'ofac-cons',
        'ofac-sdn',
        'uk-hmt',
      ]);
      expect(body.unchanged).toEqual(['un-sc']);
      expect((await t.store.currentPublications()).map((p) => p.source).sort()).toEqual([
        'au-dfat',
        'ca-sema',
        'eu-fsf',
        'ofac-cons',
        'ofac-sdn',
        'uk-hmt',
        'un-sc',
      ]);
      const health = (await app.inject({ method: 'GET', url: '/healthz' })).json();
      expect(health.publications).toBe(7);
      // The download was a check of every publisher: on /healthz and in the audit trail, by the admin.
      const outcomes = Object.fromEntries(health.lists.map((l: { source: string; outcome: string }) => [l.source, l.outcome]));
      expect(outcomes).toMatchObject({
        'au-dfat': 'loaded',
        'ca-sema': 'loaded',
        'eu-fsf': 'loaded',
        'ofac-cons': 'loaded',
        'ofac-sdn': 'loaded',
        'uk-hmt': 'loaded',
        'un-sc': 'unchanged',
      });
      const checks = await t.store.listAudit({ kind: 'list.check', limit: 100 });
      expect(checks.find((r) => r.subject === 'un-sc')).toMatchObject({
        actor: t.keys.admin.split('_')[1],
        details: { outcome: 'unchanged' },
      });
    } finally {
      await app.close();
    }
  }, 180_000);

  it('of the EU, Australian and Canadian files: loads the changed ones, does not store the unchanged one again, refuses a cut one and reports an unreachable publisher', async () => {
    const app = await buildApp({ ...t.deps, config: { ...t.deps.config, dataDir, listsBaseUrl: baseUrl } });
    const download = () =>
      app.inject({ method: 'POST', url: '/v1/lists/update', headers: t.as(t.keys.admin), payload: { download: true } });
    const inForce = async () => Object.fromEntries((await t.store.currentPublications()).map((p) => [p.source, p.id]));
    try {
      // The EU publishes a new file (a later generation, one remark changed); Canada amends one record.
      served['eu-fsf/xmlFullSanctionsList_1_1.xml'] = Buffer.from(
        EU_XML.replace('generationDate="2026-11-28T', 'generationDate="2026-12-01T').replace(
          'Leader of Al-Qaida. Reportedly deceased.',
          'Leader of Al-Qaida. Reportedly killed in Kabul on 31 July 2022.',
        ),
      );
      served['ca-sema/sema-lmes.xml'] = Buffer.from(
        served['ca-sema/sema-lmes.xml']
          .toString('utf8')
          .replace('<Aliases>Alexei, Aleksei </Aliases>', '<Aliases>Alexei, Aleksei, Alexej</Aliases>'),
      );
      const before = await inForce();
      const changed = await download();
      expect(changed.statusCode, changed.body).toBe(200);
      const body = changed.json();
      expect(body.saved.map((p: { source: string; published: string | null }) => p.source).sort()).toEqual(['ca-sema', 'eu-fsf']);
      expect(body.saved.find((p: { source: string }) => p.source === 'eu-fsf').published).toBe('2026-12-01');
      // DFAT's workbook is the one in force: not stored again.
      expect(body.unchanged).toEqual(expect.arrayContaining(['au-dfat', 'un-sc']));
      const after = await inForce();
      expect(after['au-dfat']).toBe(before['au-dfat']);
      expect(after['eu-fsf']).not.toBe(before['eu-fsf']);
      const zawahiri = (await app.inject({ method: 'GET', url: '/v1/entities/eu:176', headers: t.as(t.keys.client) })).json();
      expect(JSON.stringify(zawahiri)).toContain('Reportedly killed in Kabul on 31 July 2022.');
      const dyumin = (await app.inject({ method: 'GET', url: '/v1/entities/ca:russia-1-96', headers: t.as(t.keys.client) })).json();
      expect(JSON.stringify(dyumin)).toContain('Alexej');

      // DFAT's workbook arrives cut in half: refused, named by its URL, nothing stored.
      halfSent = 'au-dfat/regulation8_consolidated.xlsx';
      const cut = await download();
      expect(cut.statusCode).toBe(502);
      expect(cut.json()).toMatchObject({
        error: 'LIST_DOWNLOAD',
        message: expect.stringMatching(
          /\/au-dfat\/regulation8_consolidated\.xlsx: the downloaded file does not verify \(regulation8_consolidated\.xlsx: /,
        ),
      });
      expect(await inForce()).toEqual(after);
      halfSent = undefined;

      // Canada's server does not answer: reported, nothing stored.
      unreachable = 'ca-sema/sema-lmes.xml';
      const down = await download();
      expect(down.statusCode).toBe(502);
      expect(down.json()).toMatchObject({
        error: 'LIST_DOWNLOAD',
        message: expect.stringMatching(/\/ca-sema\/sema-lmes\.xml: cannot download/),
      });
      expect(await inForce()).toEqual(after);
      const audit = await t.store.listAudit({ kind: 'list.load', limit: 50 });
      expect(audit.filter((a) => (a.details as { source?: string }).source === 'eu-fsf')).toHaveLength(2);
    } finally {
      unreachable = undefined;
      halfSent = undefined;
      await app.close();
    }
  }, 180_000);
});
