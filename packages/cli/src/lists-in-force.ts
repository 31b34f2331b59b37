/**
 * @module lists-in-force
 * The database a command works on and a screening service over the lists in force in it, for the commands
 * that screen against what `embargo serve` screens against (`worker`, `ownership`, `exposure`). A database
 * with no lists is refused: screening against nothing would find nothing, and say nothing of it.
 */
import { EmbargoError } from '@embargo/core';
import { ScreeningService } from '@embargo/server';
import { openStore, type Store } from '@embargo/store';
import { readAlertThreshold, readEnvironment } from './config.js';
import type { Io } from './output.js';

/** Runs `use` with the store and a screening service over its lists in force; closes both after. */
export async function withListsInForce<T>(
  io: Io,
  where: { database?: string; sqlite?: string },
  use: (store: Store, screening: ScreeningService) => Promise<T>,
): Promise<T> {
  const env = readEnvironment();
  const store = await openStore({
    databaseUrl: where.database ?? env.databaseUrl,
    sqlitePath: where.sqlite ?? env.sqlitePath,
    auditKeyFile: env.auditKeyFile,
  });
  let screening: ScreeningService | undefined;
  try {
    if ((await store.currentPublications()).length === 0)
      throw new EmbargoError(
        'INVALID_INPUT',
        'no lists are in force in this database: load them first (embargo lists load, or start embargo serve once)',
      );
    io.err('Building the screening index');
    screening = await ScreeningService.fromStore(store, { alertThreshold: readAlertThreshold() });
    return await use(store, screening);
  } finally {
    await screening?.close();
    await store.close();
  }
}
