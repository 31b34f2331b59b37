/**
 * @module deps
 * Everything a server needs, passed in: the store, the screening service over the lists in force, the
 * clock and id source (so tests can fix them), and the configuration. No globals.
 */
import { randomUUID } from 'node:crypto';
import type { Store } from '@embargo/store';
import type { ListChecks } from './list-checks.js';
import type { ScreeningService } from './screening-service.js';
import type { Rescreener } from './monitoring/delta-rescreen.js';
import type { OwnershipService } from './ownership/ownership-service.js';

export interface ServerConfig {
  /** EMBARGO_HOST, default 127.0.0.1. */
  host: string;
  /** EMBARGO_PORT, default 8080. */
  port: number;
  /** Requests per minute per API key (EMBARGO_RATE_LIMIT, default 60,000: about what two cores can serve). */
  rateLimitPerMinute: number;
  /**
   * Failed API-key verifications admitted per source address and minute (EMBARGO_FAILED_KEY_LIMIT,
   * default 30); beyond it the address gets 429 for keys not already verified.
   */
  failedKeyAttemptsPerMinute: number;
  /** Largest request body for ordinary routes, bytes (default 1 MB). */
  bodyLimitBytes: number;
  /** Largest batch upload, bytes (default 64 MB: 100,000 parties with room for identifiers). */
  batchBodyLimitBytes: number;
  /** The folder `POST /v1/lists/update` loads when it is given none (the bundled `data/`). */
  dataDir: string;
  /** How long a web-app sign-in lasts (EMBARGO_SESSION_TTL_MINUTES, default 480: a working day). */
  sessionTtlMinutes: number;
  /**
   * EMBARGO_ALERT_THRESHOLD: the score (0–1) at or above which a screening alerts, for every client of
   * this deployment (default: the algorithm's, 0.81). Clients cannot send one.
   */
  alertThreshold?: number;
  /** EMBARGO_LISTS_BASE_URL: a mirror serving `<url>/<source>/<file>` for `POST /v1/lists/update {"download":true}` (default: the publishers). */
  listsBaseUrl?: string;
  /** How often a running server checks the store for lists another process loaded (EMBARGO_LISTS_POLL_SECONDS, default 5). */
  listsPollSeconds: number;
  /** The share of records or aliases a list load may lose without allowShrink (EMBARGO_MAX_LIST_SHRINK, default 0.05). */
  maxListShrink: number;
  /**
   * How often `embargo serve` checks every publisher for an update and loads what changed
   * (EMBARGO_UPDATE_EVERY, default 6 hours); 0: never (updates are then an admin's or a script's job).
   */
  listUpdateEveryMs: number;
  /**
   * A list not successfully checked (or loaded) for longer is shown to admins and makes /healthz say
   * `degraded` (EMBARGO_LIST_MAX_AGE, default 24 hours: lists current the day they change).
   */
  listMaxAgeMs: number;
}

export interface AppDeps {
  store: Store;
  screening: ScreeningService;
  clock: () => Date;
  newId: () => string;
  config: ServerConfig;
  /**
   * How monitored customers are re-screened after a load (default: in this process, `rescreenAfterLoad`);
   * a server started with `--nats` hands the pages to the workers.
   */
  rescreen?: Rescreener;
  /** Ownership and control per tenant: screenings also match the parties its rules block. */
  ownership?: OwnershipService;
  /** The checks of the publishers, scheduled or not (see list-checks); absent: none recorded, only the loads count. */
  listChecks?: ListChecks;
}

const HOUR_MS = 60 * 60 * 1000;

export const DEFAULT_SERVER_CONFIG: Omit<ServerConfig, 'dataDir'> = {
  host: '127.0.0.1',
  port: 8080,
  rateLimitPerMinute: 60_000,
  failedKeyAttemptsPerMinute: 30,
  bodyLimitBytes: 1024 * 1024,
  batchBodyLimitBytes: 64 * 1024 * 1024,
  sessionTtlMinutes: 480,
  listsPollSeconds: 5,
  maxListShrink: 0.05,
  listUpdateEveryMs: 6 * HOUR_MS,
  listMaxAgeMs: 24 * HOUR_MS,
};

export const systemClock = (): Date => new Date();
export const uuid = (): string => randomUUID();
