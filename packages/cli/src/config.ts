/**
 * @module config
 * Where the CLI finds its data and database. Everything comes from flags or `EMBARGO_*` environment
 * variables with the defaults documented here; nothing is read from the current directory by surprise.
 */
import { fileURLToPath } from 'node:url';
import { join } from 'node:path';
import { EmbargoError } from '@embargo/core';
import { openStore, type Store } from '@embargo/store';

/** The repository's bundled official lists (`data/` at the repository root). */
export const BUNDLED_DATA_DIR = fileURLToPath(new URL('../../../data', import.meta.url));

/** The built analyst web app (`npm run build` makes it), served by `embargo serve` at `/`. */
export const BUILT_WEB_APP_DIR = fileURLToPath(new URL('../../web/dist', import.meta.url));

export interface CliEnvironment {
  /** EMBARGO_DATA_DIR: the list files to screen against; default the bundled `data/`. */
  dataDir: string;
  /** EMBARGO_DATABASE_URL: a postgres:// URL; when unset, SQLite at EMBARGO_SQLITE_PATH. */
  databaseUrl?: string;
  /** EMBARGO_SQLITE_PATH: default `./var/embargo.db`. */
  sqlitePath: string;
  /** EMBARGO_WEB_DIR: the web app's static files; default the built packages/web/dist. */
  webDir: string;
  /** EMBARGO_SESSION_TTL_MINUTES: how long a web-app sign-in lasts; default 480. */
  sessionTtlMinutes: number;
  /**
   * EMBARGO_AUDIT_KEY_FILE: the key that signs the audit trail; default beside the SQLite file
   * (`<file>.audit-key`), or `./var/embargo-audit.key` with PostgreSQL. Created (mode 0600) if missing.
   */
  auditKeyFile?: string;
}

/**
 * EMBARGO_ALERT_THRESHOLD: the score from 0 to 1 at or above which a screening alerts, for the whole
 * deployment (the server's clients cannot send one); unset, the algorithm's own (0.81). Read by the
 * commands that screen, not with the rest of the environment, so that a wrong value stops only them,
 * with a message naming the variable.
 */
export function readAlertThreshold(env: NodeJS.ProcessEnv = process.env): number | undefined {
  const value = env.EMBARGO_ALERT_THRESHOLD;
  if (value === undefined || value === '') return undefined;
  const n = Number(value);
  if (!/^\s*(0(\.\d+)?|1(\.0+)?|\.\d+)\s*$/.test(value) || !Number.isFinite(n))
    throw new EmbargoError('INVALID_INPUT', `EMBARGO_ALERT_THRESHOLD is "${value}": expected a number from 0 to 1 (e.g. 0.85)`, {
      field: 'EMBARGO_ALERT_THRESHOLD',
    });
  return n;
}

/**
 * EMBARGO_MAX_LIST_SHRINK: the share of records or aliases a list load may lose without --allow-shrink;
 * default 0.05. Read by the commands that load lists (inside their action, so a bad value is reported
 * like any other error, not while the command line is being built).
 */
export function readMaxListShrink(env: NodeJS.ProcessEnv = process.env): number {
  return env.EMBARGO_MAX_LIST_SHRINK ? readShare(env.EMBARGO_MAX_LIST_SHRINK, 'EMBARGO_MAX_LIST_SHRINK') : 0.05;
}

/**
 * EMBARGO_SCREEN_THREADS: how many threads a batch screening (`screen --input`, `evaluate`) may use;
 * default the machine's cores. Each thread holds its own index of the lists (~300 MB).
 */
export function readScreenThreads(env: NodeJS.ProcessEnv = process.env): number | undefined {
  const value = env.EMBARGO_SCREEN_THREADS;
  if (value === undefined || value === '') return undefined;
  if (!/^\s*[1-9]\d*\s*$/.test(value))
    throw new EmbargoError('INVALID_INPUT', `EMBARGO_SCREEN_THREADS is "${value}": expected a whole number of threads, 1 or more`, {
      field: 'EMBARGO_SCREEN_THREADS',
    });
  return Number(value);
}

/** EMBARGO_LISTS_POLL_SECONDS: how often `embargo serve` looks for lists loaded elsewhere; default 5. */
export function readListsPollSeconds(env: NodeJS.ProcessEnv = process.env): number {
  return env.EMBARGO_LISTS_POLL_SECONDS ? readPositiveNumber(env.EMBARGO_LISTS_POLL_SECONDS, 'EMBARGO_LISTS_POLL_SECONDS') : 5;
}

/**
 * A share as a user writes it: `0.05` or `5%`. Anything else is refused naming where it came from.
 * @example readShare('5%', '--max-shrink') // 0.05
 */
export function readShare(text: string, where: string): number {
  const percent = /^\s*(\d+(?:\.\d+)?)\s*%\s*$/.exec(text);
  const share = percent ? Number(percent[1]) / 100 : /^\s*\d+(?:\.\d+)?\s*$/.test(text) ? Number(text) : Number.NaN;
  if (!(share >= 0 && share <= 1))
    throw new EmbargoError(
      'INVALID_INPUT',
      `${where} must be a share from 0 to 1 or a percentage (0.05 or 5%), not ${JSON.stringify(text)}`,
      {
        field: where,
      },
    );
  return share;
}

function readPositiveNumber(text: string, where: string): number {
  const value = /^\s*\d+(?:\.\d+)?\s*$/.test(text) ? Number(text) : Number.NaN;
  if (!(value > 0))
    throw new EmbargoError('INVALID_INPUT', `${where} must be a positive number, not ${JSON.stringify(text)}`, { field: where });
  return value;
}

export function readEnvironment(env: NodeJS.ProcessEnv = process.env): CliEnvironment {
  return {
    dataDir: env.EMBARGO_DATA_DIR || BUNDLED_DATA_DIR,
    databaseUrl: env.EMBARGO_DATABASE_URL || undefined,
    sqlitePath: env.EMBARGO_SQLITE_PATH || join('var', 'embargo.db'),
    webDir: env.EMBARGO_WEB_DIR || BUILT_WEB_APP_DIR,
    sessionTtlMinutes: Number(env.EMBARGO_SESSION_TTL_MINUTES || 480),
    auditKeyFile: env.EMBARGO_AUDIT_KEY_FILE || undefined,
  };
}

/**
 * Opens the configured store for one piece of work and always closes it.
 * @example const keys = await withStore((store) => store.listApiKeys());
 */
export async function withStore<T>(work: (store: Store) => Promise<T>, env: CliEnvironment = readEnvironment()): Promise<T> {
  const store = await openStore({ databaseUrl: env.databaseUrl, sqlitePath: env.sqlitePath, auditKeyFile: env.auditKeyFile });
  try {
    return await work(store);
  } finally {
    await store.close();
  }
}
