/**
 * @module serve
 * Starting the server for real: open the store, load the bundled lists if none are stored yet, build the
 * screening index, resume batch jobs a previous run left unfinished, listen, and check the publishers for
 * updates on a schedule (EMBARGO_UPDATE_EVERY, see list-update-schedule).
 */
import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { FastifyInstance } from 'fastify';
import { auditKeyFileFor, openStore, type StoreConfig } from '@embargo/store';
import { buildApp } from './app.js';
import { natsJobDispatcher, type JobDispatcher } from './nats/job-dispatch.js';
import { natsRescreenDispatcher, type RescreenDispatcher } from './nats/rescreen-dispatch.js';
import { DEFAULT_SERVER_CONFIG, systemClock, uuid, type AppDeps, type ServerConfig } from './deps.js';
import { ListChecks, describeDuration } from './list-checks.js';
import { loadListFolder } from './list-loading.js';
import { ListUpdateSchedule } from './list-update-schedule.js';
import { ScreeningService } from './screening-service.js';
import { createUser } from './user-sessions.js';

/** The user made on first start, so that someone can sign in to the web app and create the others. */
const FIRST_ADMIN = 'admin';

export interface StartOptions {
  store: StoreConfig;
  config: Partial<ServerConfig> & { dataDir: string };
  /** Hears start-up steps (the CLI prints them). */
  onProgress?: (step: string) => void;
  logger?: boolean;
  /** The built web app, served at `/`. */
  webRoot?: string;
  /**
   * The password of the `admin` user made on first start, when the database has no users yet
   * (EMBARGO_ADMIN_PASSWORD); without it a random one is made and told once through `onProgress`.
   */
  adminPassword?: string;
  /** Screen on a thread of its own, beside the one serving requests (default: yes, once built). */
  engineThread?: boolean;
  /**
   * A NATS server (EMBARGO_NATS_URL, `--nats`): batch jobs are then published in chunks to `screening.batch`
   * and screened by `embargo worker` processes sharing this database; without it they run in this process.
   */
  nats?: { url: string; namespace?: string };
  /** Hears warnings: a scheduled list check refused or failed (the CLI prints them; default the request log). */
  onWarning?: (message: string) => void;
}

export interface RunningServer {
  app: FastifyInstance;
  url: string;
  close(): Promise<void>;
}

/**
 * The engine thread's module beside this one once built (`dist/engine-thread.js`). Run from the
 * TypeScript sources (tests) there is none, and the engine runs on the main thread.
 */
function engineThreadModule(): URL | undefined {
  const module = new URL('./engine-thread.js', import.meta.url);
  return existsSync(fileURLToPath(module)) ? module : undefined;
}

export async function startServer(options: StartOptions): Promise<RunningServer> {
  const say = options.onProgress ?? (() => undefined);
  const config: ServerConfig = { ...DEFAULT_SERVER_CONFIG, ...options.config };
  const store = await openStore(options.store);
  // Said at every start: every process writing to this database (the CLI too) needs this same key file.
  const keyFile = auditKeyFileFor(options.store);
  say(`Audit trail signed with key ${store.auditKeyId()} (${keyFile ?? 'in memory, for this process only'}; EMBARGO_AUDIT_KEY_FILE)`);
  const deps: AppDeps = { store, screening: undefined as never, clock: systemClock, newId: uuid, config };
  let dispatcher: JobDispatcher | undefined;
  let rescreens: RescreenDispatcher | undefined;
  const screeningOptions = {
    engineThread: options.engineThread === false ? undefined : engineThreadModule(),
    alertThreshold: config.alertThreshold,
  };
  try {
    if ((await store.currentPublications()).length === 0) {
      say(`No lists stored yet: loading ${config.dataDir}`);
      deps.screening = await ScreeningService.fromStore(store, screeningOptions);
      await loadListFolder(deps, config.dataDir, 'serve', { onProgress: say, maxShrink: config.maxListShrink });
    } else {
      say('Building the screening index');
      deps.screening = await ScreeningService.fromStore(store, screeningOptions);
    }
    if ((await store.listUsers()).length === 0) {
      const password = options.adminPassword ?? randomBytes(12).toString('base64url');
      await createUser(store, { username: FIRST_ADMIN, password, role: 'admin' }, systemClock(), 'serve');
      say(
        options.adminPassword
          ? `No web-app users yet: created "${FIRST_ADMIN}" with the password in EMBARGO_ADMIN_PASSWORD`
          : `No web-app users yet: created "${FIRST_ADMIN}" with password ${password} (shown only now; sign in and create analysts under Users)`,
      );
    }
    if (options.nats) {
      say(`Batch jobs and re-screening after list loads go to workers through NATS at ${options.nats.url}`);
      dispatcher = await natsJobDispatcher(options.nats.url, { namespace: options.nats.namespace });
      rescreens = await natsRescreenDispatcher(options.nats.url, { namespace: options.nats.namespace });
      deps.rescreen = rescreens.rescreen;
    }
    // The checks before this start, read back from the audit trail: /healthz and the schedule carry on from them.
    deps.listChecks = await ListChecks.fromAuditTrail(store, config.listMaxAgeMs, config.listUpdateEveryMs);
    const app = await buildApp(deps, { logger: options.logger, webRoot: options.webRoot, dispatchJob: dispatcher?.dispatch });
    const resumed = await app.jobs.resumeUnfinished();
    if (resumed > 0) say(`Resuming ${resumed} unfinished batch job(s)`);
    const address = await app.listen({ host: config.host, port: config.port });
    const schedule = startListUpdates(deps, deps.listChecks, options.onWarning ?? ((message) => app.log.warn(message)), say);
    return {
      app,
      url: address,
      close: async () => {
        await schedule?.stop();
        await app.close();
        await dispatcher?.close();
        await rescreens?.close();
        await deps.screening.close();
        await store.close();
      },
    };
  } catch (error) {
    await dispatcher?.close().catch(() => undefined);
    await rescreens?.close().catch(() => undefined);
    await deps.screening?.close().catch(() => undefined);
    await store.close().catch(() => undefined);
    throw error;
  }
}

/** The scheduled checks of the publishers, unless EMBARGO_UPDATE_EVERY is 0. */
function startListUpdates(
  deps: AppDeps,
  checks: ListChecks,
  warn: (message: string) => void,
  say: (step: string) => void,
): ListUpdateSchedule | undefined {
  const { listUpdateEveryMs, listMaxAgeMs, listsBaseUrl } = deps.config;
  if (listUpdateEveryMs === 0) {
    say(
      `Not checking the publishers for updates (EMBARGO_UPDATE_EVERY=0); lists not loaded for ${describeDuration(listMaxAgeMs)} are shown as overdue`,
    );
    return undefined;
  }
  const schedule = new ListUpdateSchedule(deps, checks, { everyMs: listUpdateEveryMs, warn });
  schedule.start();
  say(
    `Checking the publishers for updates ${schedule.describe()} (${listsBaseUrl ? `mirror ${listsBaseUrl}` : 'their own sites'}) into ${deps.config.dataDir}`,
  );
  return schedule;
}
