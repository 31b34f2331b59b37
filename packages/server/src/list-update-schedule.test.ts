/**
 * Scheduled list updates (issue 18, point 6) on SQLite and PostgreSQL, against a publisher's mirror on
 * 127.0.0.1 (node:http) serving the bundled UN file and cut or failing variants of it: a changed file is
 * loaded and monitored customers re-screened, an unchanged one is not stored again, a truncated one is
 * refused and reported (the publication in force stays), an unreachable publisher is reported; every
 * check is a `list.check` audit row, read back after a restart, and /healthz and the dashboard show the
 * outcomes. A second server on the same database that loses the race to load the same files reports
 * "unchanged". The schedule itself runs on an injected timer: one round at a time, stopped on close. On
 * SQLite, one round over every publisher serves each format (OFAC CSV, UN XML, UK XLSX) from the real
 * files, and a CSV cut at a line boundary (which parses) is refused for what it lost.
 */
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { ListSource } from '@embargo/core';
import { loadListDirectory, OFFICIAL_FILES } from '@embargo/lists';
import type { Store } from '@embargo/store';
import { hasShared, sharedList } from '../../../test/shared-data.js';
import { buildApp } from './app.js';
import type { AppDeps } from './deps.js';
import { ListChecks, publisherSources } from './list-checks.js';
import { ListUpdateSchedule, SCHEDULE_ACTOR, type ScheduleTimer } from './list-update-schedule.js';
import { BACKENDS, BUNDLED_UN, createTestApp, type TestApp } from './testing/app-fixture.js';

const HOUR = 3_600_000;
const UN_XML = readFileSync(join(BUNDLED_UN, 'consolidated.xml'), 'utf8');

/** The bundled UN file without its first individual: the publication "before" the bundled one. */
function unWithoutFirstIndividual(): string {
  const start = UN_XML.indexOf('<INDIVIDUAL>');
  const end = UN_XML.indexOf('</INDIVIDUAL>', start) + '</INDIVIDUAL>'.length;
  return UN_XML.slice(0, start) + UN_XML.slice(end);
}

/** What the mirror answers for one path. */
type Answer = { body: Buffer } | { status: number } | { cutAfter: number; body: Buffer };

/** A publisher's mirror on 127.0.0.1: `/<source>/<file>` as `answers` says, 404 for anything else. */
class Mirror {
  readonly answers = new Map<string, Answer>();
  readonly requests: string[] = [];
  private readonly server: Server = createServer((req, res) => {
    const path = decodeURIComponent(req.url ?? '').replace(/^\/+/, '');
    this.requests.push(path);
    const answer = this.answers.get(path);
    if (!answer) return void res.writeHead(404).end('not found');
    if ('status' in answer) return void res.writeHead(answer.status).end('unavailable');
    res.writeHead(200, { 'Content-Length': String(answer.body.length) });
    if (!('cutAfter' in answer)) return void res.end(answer.body);
    // The connection drops mid-file, as a publisher's does under load: fewer bytes than declared.
    res.write(answer.body.subarray(0, answer.cutAfter), () => res.socket?.destroy());
  });
  url = '';

  async start(): Promise<void> {
    await new Promise<void>((resolve) => this.server.listen(0, '127.0.0.1', resolve));
    this.url = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
  }
  async stop(): Promise<void> {
    this.server.closeAllConnections();
    await new Promise((resolve) => this.server.close(resolve));
  }
}

/** A port nothing listens on: a publisher that cannot be reached. */
async function closedPort(): Promise<string> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  return `http://127.0.0.1:${port}`;
}

/** Nothing may reach the internet: a fetch beyond 127.0.0.1 fails the test. */
function onlyLocalFetch(): void {
  const realFetch = globalThis.fetch;
  vi.stubGlobal('fetch', (input: string | URL | Request, init?: RequestInit) => {
    const url = new URL(input instanceof Request ? input.url : input);
    if (url.hostname !== '127.0.0.1') throw new Error(`test tried to fetch ${url}`);
    return realFetch(input, init);
  });
}

/** A timer the test fires by hand: what was set, for how long. */
function manualTimer(): ScheduleTimer & { pending: { run: () => void; ms: number }[]; fire(): void } {
  const timer = {
    pending: [] as { run: () => void; ms: number }[],
    set(run: () => void, ms: number) {
      const entry = { run, ms };
      timer.pending.push(entry);
      return entry;
    },
    clear(handle: unknown) {
      timer.pending = timer.pending.filter((p) => p !== handle);
    },
    fire() {
      const next = timer.pending.shift();
      if (!next) throw new Error('no timer set');
      next.run();
    },
  };
  return timer;
}

/** The app's deps with a data folder and mirror of its own, and fresh checks (the fixture's app keeps its own). */
function scheduledDeps(t: TestApp, dataDir: string, baseUrl: string, store: Store = t.store): AppDeps {
  return {
    ...t.deps,
    store,
    config: { ...t.deps.config, dataDir, listsBaseUrl: baseUrl, listUpdateEveryMs: 6 * HOUR, listMaxAgeMs: 24 * HOUR },
    listChecks: new ListChecks(24 * HOUR, 6 * HOUR),
  };
}

describe.each(BACKENDS)('scheduled list updates on %s', (backend) => {
  let t: TestApp;
  let now = new Date('2026-12-07T06:00:00.000Z');
  const mirror = new Mirror();
  let scratch: string;
  let deps: AppDeps;
  let schedule: ListUpdateSchedule;
  const warnings: string[] = [];
  /** The UN record the mirror's file has and the one in force at the start lacks. */
  let addedRecord: { id: string; caption: string };

  beforeAll(async () => {
    onlyLocalFetch();
    await mirror.start();
    scratch = mkdtempSync(join(tmpdir(), 'embargo-schedule-'));
    // In force at the start: the UN publication before the bundled one (one individual fewer).
    const before = join(scratch, 'before', 'un-sc', '2026-02-26');
    mkdirSync(before, { recursive: true });
    writeFileSync(join(before, 'consolidated.xml'), unWithoutFirstIndividual());
    const publications = await loadListDirectory(join(scratch, 'before'));
    const full = (await loadListDirectory(BUNDLED_UN))[0];
    const inForce = new Set(publications[0].entities.map((e) => e.id));
    const added = full.entities.find((e) => !inForce.has(e.id))!;
    addedRecord = { id: added.id, caption: added.caption };
    t = await createTestApp({ backend, publications, clock: () => now });
    // The fixture app's checks: its /healthz and dashboard show what this schedule records.
    deps = { ...scheduledDeps(t, join(scratch, 'data'), mirror.url), listChecks: t.deps.listChecks };
    schedule = new ListUpdateSchedule(deps, deps.listChecks!, { everyMs: 6 * HOUR, warn: (m) => warnings.push(m) });
  }, 60_000);
  afterAll(async () => {
    await schedule?.stop();
    vi.unstubAllGlobals();
    await mirror.stop();
    await t?.close();
    rmSync(scratch, { recursive: true, force: true });
  }, 120_000);

  const later = (hours: number) => (now = new Date(now.getTime() + hours * HOUR));
  const unInForce = async () => (await t.store.currentPublications()).find((p) => p.source === 'un-sc')!;
  const checksOf = async (source: string) =>
    (await t.store.listAudit({ kind: 'list.check', subject: source, limit: 1000 })).map((r) => r.details);
  const health = async (app = t.app) => (await app.inject({ method: 'GET', url: '/healthz' })).json();
  const dashboardChecks = async (key: string) =>
    (await t.app.inject({ method: 'GET', url: '/v1/dashboard', headers: t.as(key) })).json().listChecks as {
      source: string;
      outcome: string | null;
      attention: boolean;
      attentionReason: string | null;
      lastCheckedAt: string | null;
    }[];

  it('loads a changed publication through the loader, audits the check and re-screens monitored customers', async () => {
    // A monitored customer named as the record the publisher has added: no alert yet.
    const registered = await t.app.inject({
      method: 'POST',
      url: '/v1/customers',
      headers: t.as(t.keys.client),
      payload: { customers: [{ customerKey: 'C-ADDED', name: addedRecord.caption, schema: 'Person' }] },
    });
    expect(registered.statusCode, registered.body).toBe(200);
    expect(await t.store.listAlerts({ customerKey: 'C-ADDED', limit: 100 })).toEqual([]);
    const before = await unInForce();

    mirror.answers.set('un-sc/consolidated.xml', { body: Buffer.from(UN_XML) });
    later(6);
    const check = await schedule.checkSource('un-sc');

    const after = await unInForce();
    expect(after.id).not.toBe(before.id);
    expect(after.records).toBe(before.records + 1);
    expect(check).toEqual({ source: 'un-sc', outcome: 'loaded', publication: after.id, at: now.toISOString() });
    // Through the loader: its own audit row, by the schedule.
    const load = (await t.store.listAudit({ kind: 'list.load', newestFirst: true, limit: 1 }))[0];
    expect(load).toMatchObject({ actor: SCHEDULE_ACTOR, subject: String(after.id), details: { source: 'un-sc', records: after.records } });
    expect(await checksOf('un-sc')).toEqual([{ outcome: 'loaded', publication: after.id }]);
    // Delta re-screening ran: the monitored customer now has an alert on the added record, opened by `monitor`.
    const alerts = await t.store.listAlerts({ customerKey: 'C-ADDED', limit: 100 });
    expect(alerts.map((a) => a.entityId)).toContain(addedRecord.id);
    // And screening answers from it at once.
    expect((await t.app.inject({ method: 'GET', url: `/v1/entities/${addedRecord.id}`, headers: t.as(t.keys.client) })).statusCode).toBe(
      200,
    );
    expect(warnings).toEqual([]);
  }, 60_000);

  it('does not store an unchanged publication again, nor write a load row for it', async () => {
    const publications = (await t.store.listPublications()).length;
    const loads = (await t.store.listAudit({ kind: 'list.load', limit: 1000 })).length;
    later(6);
    expect(await schedule.checkSource('un-sc')).toEqual({ source: 'un-sc', outcome: 'unchanged', at: now.toISOString() });
    expect((await t.store.listPublications()).length).toBe(publications);
    expect((await t.store.listAudit({ kind: 'list.load', limit: 1000 })).length).toBe(loads);
    expect((await checksOf('un-sc')).at(-1)).toEqual({ outcome: 'unchanged' });
    expect((await health()).status).toBe('ok');
  });

  it('refuses a file cut short by the publisher (it does not parse) and reports it; the publication in force stays', async () => {
    const inForce = await unInForce();
    const cut = Buffer.from(UN_XML.slice(0, Math.floor(UN_XML.length / 2)));
    mirror.answers.set('un-sc/consolidated.xml', { body: cut });
    later(6);
    const check = await schedule.checkSource('un-sc');
    expect(check).toMatchObject({ outcome: 'refused', code: 'LIST_DOWNLOAD', reason: expect.stringContaining('does not verify') });
    expect(check!.reason).toContain(`${mirror.url}/un-sc/consolidated.xml`);
    expect((await unInForce()).id).toBe(inForce.id);
    expect((await checksOf('un-sc')).at(-1)).toMatchObject({ outcome: 'refused', code: 'LIST_DOWNLOAD' });
    expect(warnings.at(-1)).toMatch(
      /^Checking un-sc for an update: refused: .*does not verify.* The publication in force stays in force\.$/,
    );

    // /healthz: degraded, the outcome without the reason (it is public).
    const h = await health();
    expect(h.status).toBe('degraded');
    expect(h.listUpdateEverySeconds).toBe(6 * 3600);
    expect(h.lists.find((l: { source: string }) => l.source === 'un-sc')).toEqual({
      source: 'un-sc',
      lastCheckedAt: now.toISOString(),
      lastSuccessAt: new Date(now.getTime() - 6 * HOUR).toISOString(),
      outcome: 'refused',
      attention: true,
    });
    // The dashboard: the reason for admins, only the flag for analysts.
    const forAdmin = (await dashboardChecks(t.keys.admin)).find((c) => c.source === 'un-sc')!;
    expect(forAdmin).toMatchObject({ outcome: 'refused', attention: true, lastCheckedAt: now.toISOString() });
    expect(forAdmin.attentionReason).toContain('does not verify');
    const forAnalyst = (await dashboardChecks(t.keys.analyst)).find((c) => c.source === 'un-sc')!;
    expect(forAnalyst).toMatchObject({ outcome: 'refused', attention: true, attentionReason: null });
  });

  it('refuses a download that broke off before the declared length as truncated', async () => {
    const inForce = await unInForce();
    mirror.answers.set('un-sc/consolidated.xml', { body: Buffer.from(UN_XML), cutAfter: 64 * 1024 });
    later(1);
    const check = await schedule.checkSource('un-sc');
    expect(check).toMatchObject({ outcome: 'refused', code: 'LIST_DOWNLOAD', reason: expect.stringMatching(/truncated/) });
    expect((await unInForce()).id).toBe(inForce.id);
  });

  it('reports an unreachable publisher (HTTP error or no connection) and keeps what is in force', async () => {
    const inForce = await unInForce();
    mirror.answers.set('un-sc/consolidated.xml', { status: 503 });
    later(1);
    expect(await schedule.checkSource('un-sc')).toMatchObject({ outcome: 'unreachable', reason: expect.stringContaining('answered 503') });

    const away = scheduledDeps(t, join(scratch, 'data'), await closedPort());
    const nowhere = new ListUpdateSchedule(away, away.listChecks!, { everyMs: 6 * HOUR, warn: (m) => warnings.push(m) });
    const check = await nowhere.checkSource('un-sc');
    expect(check).toMatchObject({ outcome: 'unreachable', code: 'LIST_DOWNLOAD', reason: expect.stringContaining('ECONNREFUSED') });
    expect(warnings.at(-1)).toMatch(/^Checking un-sc for an update: unreachable: .*ECONNREFUSED/);
    expect((await unInForce()).id).toBe(inForce.id);
    expect((await checksOf('un-sc')).slice(-2).map((d) => d.outcome)).toEqual(['unreachable', 'unreachable']);
  });

  it('reads the checks back from the audit trail after a restart, and marks a list overdue past the maximum age', async () => {
    const restarted = await ListChecks.fromAuditTrail(t.store, 24 * HOUR, 6 * HOUR);
    const status = restarted.status(now, publisherSources(), await t.store.currentPublications());
    const un = status.find((s) => s.source === 'un-sc')!;
    expect(un).toMatchObject({ outcome: 'unreachable', lastCheckedAt: now.toISOString(), attention: true });
    expect(un.lastSuccessAt).toBe(new Date(now.getTime() - 8 * HOUR).toISOString());
    expect(un.attentionReason).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/un-sc\/consolidated\.xml: cannot download \(.*ECONNREFUSED/);

    // Fixed at the publisher: unchanged again, no attention; a day and more later without a check, overdue.
    mirror.answers.set('un-sc/consolidated.xml', { body: Buffer.from(UN_XML) });
    expect(await schedule.checkSource('un-sc')).toMatchObject({ outcome: 'unchanged' });
    expect((await health()).lists.find((l: { source: string }) => l.source === 'un-sc')).toMatchObject({ attention: false });
    const app = await buildApp({ ...deps });
    try {
      later(25);
      const h = await health(app);
      expect(h.status).toBe('degraded');
      expect(h.lists.find((l: { source: string }) => l.source === 'un-sc')).toMatchObject({ outcome: 'unchanged', attention: true });
      const reason = deps
        .listChecks!.status(now, publisherSources(), await t.store.currentPublications())
        .find((s) => s.source === 'un-sc')!;
      expect(reason.attentionReason).toBe('Not successfully checked for longer than 1 day (EMBARGO_LIST_MAX_AGE).');
    } finally {
      await app.close();
    }
  });

  it('reports a load that another server on the same database made first as unchanged, and stores it once', async () => {
    const edited = UN_XML.replace('</CONSOLIDATED_LIST>', '</CONSOLIDATED_LIST>\n');
    mirror.answers.set('un-sc/consolidated.xml', { body: Buffer.from(edited) });
    const publications = (await t.store.listPublications()).length;
    // Server B reads the lists in force, then server A checks and loads the same file before B writes.
    let raced = false;
    const racingStore: Store = Object.create(t.store, {
      currentPublications: {
        value: async () => {
          const seen = await t.store.currentPublications();
          if (!raced) {
            raced = true;
            expect(await schedule.checkSource('un-sc')).toMatchObject({ outcome: 'loaded' });
          }
          return seen;
        },
      },
    });
    const b = scheduledDeps(t, join(scratch, 'data-b'), mirror.url, racingStore);
    const serverB = new ListUpdateSchedule(b, b.listChecks!, { everyMs: 6 * HOUR, warn: (m) => warnings.push(m) });
    later(1);
    const warned = warnings.length;
    expect(await serverB.checkSource('un-sc')).toMatchObject({ outcome: 'unchanged' });
    expect(raced).toBe(true);
    expect((await t.store.listPublications()).length).toBe(publications + 1);
    expect(warnings.length).toBe(warned);
  });

  it('runs one round of every publisher at a time on its timer, the next set only when it is done, none after stop', async () => {
    const timer = manualTimer();
    const own = scheduledDeps(t, join(scratch, 'data'), mirror.url);
    const timed = new ListUpdateSchedule(own, own.listChecks!, { everyMs: 6 * HOUR, warn: () => undefined, timer });
    timed.start();
    // Nothing recorded in this server's checks: the first round one interval from now.
    expect(timer.pending.map((p) => p.ms)).toEqual([6 * HOUR]);
    const requestsBefore = mirror.requests.length;
    timer.fire();
    expect(timer.pending).toEqual([]);
    await vi.waitFor(() => expect(timer.pending.map((p) => p.ms)).toEqual([6 * HOUR]), { timeout: 30_000 });
    // Every publisher OFFICIAL_FILES lists was asked (a publisher's first missing file ends its check).
    const asked = new Set(mirror.requests.slice(requestsBefore).map((path) => path.split('/')[0]));
    expect([...asked].sort()).toEqual([...new Set(OFFICIAL_FILES.map((f) => f.source))].sort());
    expect(own.listChecks!.status(now, publisherSources(), []).every((s) => s.lastCheckedAt === now.toISOString())).toBe(true);
    await timed.stop();
    expect(timer.pending).toEqual([]);

    // A server restarted 2 hours after the last recorded check waits the 4 hours left.
    const restarted = await ListChecks.fromAuditTrail(t.store, 24 * HOUR, 6 * HOUR);
    later(2);
    const again = manualTimer();
    const resumed = new ListUpdateSchedule({ ...own, clock: () => now }, restarted, {
      everyMs: 6 * HOUR,
      warn: () => undefined,
      timer: again,
    });
    resumed.start();
    expect(again.pending.map((p) => p.ms)).toEqual([4 * HOUR]);
    await resumed.stop();
  }, 60_000);
});

/** The files of each format, from the bundled data and the shared official files, as the mirror serves them. */
const FORMATS: Record<string, string> = {
  'ofac-sdn/sdn.csv': 'ofac-sdn/2023-12-28/sdn.csv',
  'ofac-sdn/add.csv': 'ofac-sdn/2023-12-28/add.csv',
  'ofac-sdn/alt.csv': 'ofac-sdn/2023-12-28/alt.csv',
  'ofac-cons/cons_prim.csv': 'ofac-cons/2025-12-19/cons_prim.csv',
  'ofac-cons/cons_add.csv': 'ofac-cons/2025-12-19/cons_add.csv',
  'ofac-cons/cons_alt.csv': 'ofac-cons/2025-12-19/cons_alt.csv',
  'ofac-cons/cons_comments.csv': 'ofac-cons/2025-12-19/cons_comments.csv',
  'uk-hmt/ConList.xlsx': 'uk-hmt-conlist/2025-04-14/ConList.xlsx',
};

describe.runIf(BACKENDS.includes('sqlite') && hasShared('ofac-sdn/2023-12-28'))('a round of every publisher, each format', () => {
  let t: TestApp;
  const mirror = new Mirror();
  let scratch: string;
  const warnings: string[] = [];

  beforeAll(async () => {
    onlyLocalFetch();
    await mirror.start();
    for (const [path, file] of Object.entries(FORMATS)) mirror.answers.set(path, { body: readFileSync(sharedList(file)) });
    // OFAC sends an empty comments file for 2023-12-28.
    mirror.answers.set('ofac-sdn/sdn_comments.csv', { body: Buffer.alloc(0) });
    mirror.answers.set('un-sc/consolidated.xml', { body: Buffer.from(UN_XML) });
    scratch = mkdtempSync(join(tmpdir(), 'embargo-schedule-round-'));
    t = await createTestApp({ backend: 'sqlite' });
  });
  afterAll(async () => {
    vi.unstubAllGlobals();
    await mirror.stop();
    await t?.close();
    rmSync(scratch, { recursive: true, force: true });
  });

  it('loads the changed lists, leaves the unchanged, then refuses an OFAC file cut at a line and keeps the one in force', async () => {
    const deps = scheduledDeps(t, join(scratch, 'data'), mirror.url);
    const schedule = new ListUpdateSchedule(deps, deps.listChecks!, { everyMs: 6 * HOUR, warn: (m) => warnings.push(m) });
    const outcomes = (checks: { source: string; outcome: string }[]) => Object.fromEntries(checks.map((c) => [c.source, c.outcome]));
    const expected: Record<string, string> = { 'ofac-sdn': 'loaded', 'ofac-cons': 'loaded', 'un-sc': 'unchanged', 'uk-hmt': 'loaded' };
    const first = outcomes(await schedule.checkAll());
    // Publishers added to OFFICIAL_FILES since are checked too; this mirror does not serve them.
    for (const source of publisherSources()) expect(first[source], source).toBe(expected[source] ?? 'unreachable');
    const inForce = await t.store.currentPublications();
    expect(inForce.map((p) => p.source).sort()).toEqual(['ofac-cons', 'ofac-sdn', 'uk-hmt', 'un-sc']);

    const stored = (await t.store.listPublications()).length;
    const second = outcomes(await schedule.checkAll());
    for (const source of Object.keys(expected)) expect(second[source], source).toBe('unchanged');
    expect((await t.store.listPublications()).length).toBe(stored);

    // The SDN publication cut after half its records, its addresses and aliases with it: every file
    // parses and agrees with the others, and half the records in force are gone.
    const lines = (path: string) => readFileSync(sharedList(FORMATS[path])).toString('latin1').split('\n');
    const sdn = lines('ofac-sdn/sdn.csv');
    const kept = sdn.slice(0, Math.floor(sdn.length / 2));
    const keptIds = new Set(kept.map((line) => /^(\d+),/.exec(line)?.[1]));
    const serve = (path: string, rows: string[]) => mirror.answers.set(path, { body: Buffer.from(rows.join('\n') + '\n', 'latin1') });
    serve('ofac-sdn/sdn.csv', kept);
    for (const part of ['ofac-sdn/add.csv', 'ofac-sdn/alt.csv'])
      serve(
        part,
        lines(part).filter((line) => keptIds.has(/^(\d+),/.exec(line)?.[1])),
      );
    const sdnBefore = inForce.find((p) => p.source === 'ofac-sdn')!;
    const cut = await schedule.checkSource('ofac-sdn' as ListSource);
    expect(cut).toMatchObject({ outcome: 'refused', code: 'LIST_SHRANK', reason: expect.stringContaining('ofac-sdn') });
    expect((await t.store.currentPublications()).find((p) => p.source === 'ofac-sdn')!.id).toBe(sdnBefore.id);
    // The loader audits the refusal as it does a manual one, beside the check.
    expect((await t.store.listAudit({ kind: 'list.refused', newestFirst: true, limit: 1 }))[0]).toMatchObject({ actor: SCHEDULE_ACTOR });
    expect(warnings.some((w) => w.startsWith('Checking ofac-sdn for an update: refused'))).toBe(true);
  }, 300_000);
});
