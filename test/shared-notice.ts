/**
 * Vitest global setup: one line, before the tests, when the shared folder is missing, naming it, so that
 * the tests that skip themselves for want of it (see `shared-data.ts`) are not skipped in silence.
 */
import { existsSync } from 'node:fs';
import { SHARED_DIR, SHARED_LISTS } from './shared-data.js';

export default function sharedNotice(): void {
  if (existsSync(SHARED_LISTS)) return;
  const inCi = process.env.CI ? ' CI is set, so they fail instead.' : '';
  console.log(
    `note: the shared folder ${SHARED_DIR} is missing: tests that need the archive of older list publications or the evaluation set skip themselves; the bundled data/ stands in for the publications it holds.${inCi}`,
  );
}
