/**
 * @module config
 * Where the CLI finds its data and database. Everything comes from flags or `EMBARGO_*` environment
 * variables with the defaults documented here; nothing is read from the current directory by surprise.
 */
import { fileURLToPath } from 'node:url';
import { join } from 'node:path';

/** The repository's bundled official lists (`data/` at the repository root). */
export const BUNDLED_DATA_DIR = fileURLToPath(new URL('../../../data', import.meta.url));

export interface CliEnvironment {
  /** EMBARGO_DATA_DIR: the list files to screen against; default the bundled `data/`. */
  dataDir: string;
  /** EMBARGO_DATABASE_URL: a postgres:// URL; when unset, SQLite at EMBARGO_SQLITE_PATH. */
  databaseUrl?: string;
  /** EMBARGO_SQLITE_PATH: default `./var/embargo.db`. */
  sqlitePath: string;
}

export function readEnvironment(env: NodeJS.ProcessEnv = process.env): CliEnvironment {
  return {
    dataDir: env.EMBARGO_DATA_DIR || BUNDLED_DATA_DIR,
    databaseUrl: env.EMBARGO_DATABASE_URL || undefined,
    sqlitePath: env.EMBARGO_SQLITE_PATH || join('var', 'embargo.db'),
  };
}
