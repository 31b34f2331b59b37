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

const DURATION_UNITS_MS = { s: 1000, m: 60_000, h: 3_600_000, d: 86_400_000 } as const;

/**
 * Longest interval between scheduled checks: a week. (Beyond ~24.8 days Node's timers fire at once.)
 */
const LONGEST_UPDATE_INTERVAL_MS = 7 * DURATION_UNITS_MS.d;

/**
 * A duration as a variable gives it: a whole number and a unit, `90s`, `30m`, `6h`, `1d`. A bare number is
 * refused (minutes or hours?), as are fractions and words.
 * @example readDuration('6h', 'EMBARGO_UPDATE_EVERY') // 21600000
 */
export function readDuration(text: string, where: string): number {
  const match = /^([0-9]+)(s|m|h|d)$/.exec(text);
  const ms = match ? Number(match[1]) * DURATION_UNITS_MS[match[2] as keyof typeof DURATION_UNITS_MS] : Number.NaN;
  if (!(ms > 0) || !Number.isSafeInteger(ms))
    throw new EmbargoError(
      'INVALID_INPUT',
      `${where} is ${JSON.stringify(text)}: expected a whole number with a unit, s, m, h or d (e.g. 6h, 30m, 1d)`,
      { field: where },
    );
  return ms;
}

/**
 * EMBARGO_UPDATE_EVERY: how often `embargo serve` checks every publisher for an update and loads what
 * changed, in milliseconds; default 6 hours, `0` for never. At most a week.
 */
export function readListUpdateEvery(env: NodeJS.ProcessEnv = process.env): number {
  const value = env.EMBARGO_UPDATE_EVERY;
  if (value === undefined || value === '') return 6 * DURATION_UNITS_MS.h;
  if (value === '0') return 0;
  const ms = readDuration(value, 'EMBARGO_UPDATE_EVERY');
  if (ms > LONGEST_UPDATE_INTERVAL_MS)
    throw new EmbargoError('INVALID_INPUT', `EMBARGO_UPDATE_EVERY is ${JSON.stringify(value)}: at most 7d (0 turns the checks off)`, {
      field: 'EMBARGO_UPDATE_EVERY',
    });
  return ms;
}

/**
 * EMBARGO_LIST_MAX_AGE: a list not successfully checked (or loaded) for longer is shown to admins and makes
 * /healthz `degraded`; default 24 hours. It must be longer than EMBARGO_UPDATE_EVERY, or every list would be
 * overdue between two checks.
 */
export function readListMaxAge(env: NodeJS.ProcessEnv = process.env, updateEveryMs = readListUpdateEvery(env)): number {
  const value = env.EMBARGO_LIST_MAX_AGE;
  const ms = value === undefined || value === '' ? 24 * DURATION_UNITS_MS.h : readDuration(value, 'EMBARGO_LIST_MAX_AGE');
  if (updateEveryMs > 0 && ms <= updateEveryMs)
    throw new EmbargoError(
      'INVALID_INPUT',
      `EMBARGO_LIST_MAX_AGE (${value || '24h'}) must be longer than EMBARGO_UPDATE_EVERY (${env.EMBARGO_UPDATE_EVERY || '6h'}): ` +
        'otherwise every list is overdue between two checks',
      { field: 'EMBARGO_LIST_MAX_AGE' },
    );
  return ms;
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
