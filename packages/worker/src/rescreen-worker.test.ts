/**
 * Delta re-screening through NATS JetStream: a server started with `--nats` hands the pages of monitored
 * customers to the workers after a list load; a worker screens each page against the records the load
 * added or changed, in each customer's tenant, and records the alerts in the shared store. A page
 * delivered twice records nothing twice.
 *
 * The lists are the bundled UN list without three of its individuals, then the whole list as a later
 * publication: the three come in with the second load, and customers named like them must alert then.
 */
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { randomUUID } from 'node:crypto';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { jetstream } from '@nats-io/jetstream';
import { openStore, type Store } from '@embargo/store';
import {
  DEFAULT_SERVER_CONFIG,
  loadListFolder,
  natsRescreenDispatcher,
  ScreeningService,
  type AppDeps,
  type RescreenDispatcher,
  type RescreenPage,
} from '@embargo/server';
import { BUNDLED_DATA } from '../../../test/shared-data.js';
import { startBatchWorker, type RunningBatchWorker } from './batch-worker.js';
import { freshNamespace, natsReachable, natsTestClient, TEST_NATS_URL, type NatsTestClient } from './nats-test-kit.js';

const reachable = await natsReachable();
if (!reachable && process.env.CI) throw new Error(`CI needs NATS with JetStream at ${TEST_NATS_URL}`);

const BUNDLED_UN = join(BUNDLED_DATA, 'un-sc', '2026-02-27');

/** The bundled UN list under a later generation date, with its individuals edited. */
function unListFolder(root: string, name: string, generated: string, keep: (individual: string) => boolean): string {
  const xml = readFileSync(join(BUNDLED_UN, 'consolidated.xml'), 'utf8').replace(/dateGenerated="[^"]+"/, `dateGenerated="${generated}"`);
  const open = xml.indexOf('<INDIVIDUAL>');
  const close = xml.lastIndexOf('</INDIVIDUAL>') + '</INDIVIDUAL>'.length;
  const individuals = xml.slice(open, close).split(/(?<=<\/INDIVIDUAL>)/);
  const dir = join(root, name);
  mkdirSync(dir);
  writeFileSync(join(dir, 'consolidated.xml'), xml.slice(0, open) + individuals.filter(keep).join('') + xml.slice(close));
  return dir;
}

async function waitFor(condition: () => boolean | Promise<boolean>, timeoutMs = 30_000): Promise<void> {
  const start = Date.now();
  while (!(await condition())) {
    if (Date.now() - start > timeoutMs) throw new Error('timed out');
    await new Promise((r) => setTimeout(r, 50));
  }
}

/** Three UN individuals, by reference number, with the name a customer file would carry. */
const ADDED = [
  { reference: 'KPi.057', name: 'JANG SUNG NAM' },
  { reference: 'KPi.066', name: 'KIM JONG SIK' },
  { reference: 'KPi.067', name: 'KIM KYONG IL' },
];

describe.skipIf(!reachable)('delta re-screening handed to NATS workers', () => {
  let root: string;
  let store: Store;
  let server: AppDeps;
  let workerScreening: ScreeningService;
  let worker: RunningBatchWorker;
  let dispatcher: RescreenDispatcher;
  let client: NatsTestClient;
  const namespace = freshNamespace('rescreen');

  beforeAll(async () => {
    root = mkdtempSync(join(tmpdir(), 'embargo-rescreen-'));
    const older = unListFolder(root, 'older', '2026-03-01T00:00:00Z', (p) => !ADDED.some((a) => p.includes(`>${a.reference}<`)));
    store = await openStore({ sqlitePath: join(root, 'embargo.db') });
    server = {
      store,
      screening: undefined as never,
      clock: () => new Date(),
      newId: randomUUID,
      config: { ...DEFAULT_SERVER_CONFIG, dataDir: older },
    };
    server.screening = await ScreeningService.fromStore(store);
    await loadListFolder(server, older, 'test');
    const party = (name: string) => ({ name, schema: 'Person' });
    const now = new Date().toISOString();
    await store.upsertCustomers(
      [
        ...ADDED.map((a, i) => ({ tenant: 'bank-a', customerKey: `A-${i}`, party: party(a.name), createdAt: now, updatedAt: now })),
        { tenant: 'bank-b', customerKey: 'B-0', party: party(ADDED[0].name), createdAt: now, updatedAt: now },
        { tenant: 'bank-b', customerKey: 'B-1', party: party('Maria Eugenia Lindqvist'), createdAt: now, updatedAt: now },
      ],
      'test',
    );
    workerScreening = await ScreeningService.fromStore(store);
    worker = await startBatchWorker({
      servers: TEST_NATS_URL,
      namespace,
      deps: { store, screening: workerScreening, clock: () => new Date(), newId: randomUUID },
    });
    dispatcher = await natsRescreenDispatcher(TEST_NATS_URL, { namespace, pageSize: 2 });
    server.rescreen = dispatcher.rescreen;
    client = await natsTestClient(namespace);
  }, 120_000);

  afterAll(async () => {
    await worker?.stop();
    await dispatcher?.close();
    await client?.cleanUp();
    await workerScreening?.close();
    await server?.screening?.close();
    await store?.close();
    rmSync(root, { recursive: true, force: true });
  });

  const monitorAlerts = async () =>
    (await store.listAlerts({ limit: 1000 })).map((a) => `${a.tenant} ${a.customerKey} ${a.entityId}`).sort();

  it('hands the customers to the workers page by page; the workers open the alerts in each tenant', async () => {
    expect(await monitorAlerts()).toEqual([]);
    const newer = unListFolder(root, 'newer', '2026-03-02T00:00:00Z', () => true);
    const loaded = await loadListFolder(server, newer, 'test');
    expect(loaded.rescreening).toEqual([
      expect.objectContaining({ source: 'un-sc', recordsRescreened: ADDED.length, customers: 5, pagesDispatched: 3, alertsOpened: 0 }),
    ]);
    // The worker takes the new publication into force itself (its poll, or on the first page that needs it).
    await waitFor(() => worker.counts.rescreenPages === 3);
    expect(await monitorAlerts()).toEqual(
      [...ADDED.map((a, i) => `bank-a A-${i} un:${a.reference}`), `bank-b B-0 un:${ADDED[0].reference}`].sort(),
    );
    for (const a of await store.listAlerts({ limit: 1000 })) expect((await store.getScreening(a.screeningId, null))?.actor).toBe('monitor');
    expect(worker.counts.rescreenAlerts).toBe(4);
  });

  it('records nothing twice when a page is delivered again', async () => {
    const before = await monitorAlerts();
    const [current] = (await store.currentPublications()).filter((p) => p.source === 'un-sc');
    const again: RescreenPage = { kind: 'rescreen', publicationId: current.id, previousPublicationId: null, after: null, limit: 10 };
    // Published under a new id: JetStream's de-duplication would otherwise drop it before a worker saw it.
    await jetstream(client.nc).publish(client.topology.subjects.batch, JSON.stringify(again), { msgID: randomUUID() });
    await waitFor(() => worker.counts.rescreenPages === 4);
    expect(await monitorAlerts()).toEqual(before);
    expect(worker.counts.rescreenAlerts).toBe(4);
  });
});
