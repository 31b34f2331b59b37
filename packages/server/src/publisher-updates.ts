/**
 * @module publisher-updates
 * Downloading the publishers' current files into the data folder and loading what changed: the one path
 * behind `POST /v1/lists/update {"download": true}` and the scheduled checks of `embargo serve`. The files
 * are verified before they replace anything in the data folder (`updateLists`), then loaded through the
 * same checks as any load (`loadListFolder`: complete, not older, not shrunk), so what is in force stays in
 * force when either step refuses.
 */
import { EmbargoError, type ListSource } from '@embargo/core';
import { updateLists } from '@embargo/lists';
import type { AppDeps } from './deps.js';
import { loadListFolder, type LoadOptions, type LoadSummary } from './list-loading.js';

type UpdateDeps = Parameters<typeof loadListFolder>[0] & Pick<AppDeps, 'config'>;

export interface PublisherUpdateOptions extends LoadOptions {
  /** Only these publishers (default: every source of OFFICIAL_FILES). */
  sources?: readonly ListSource[];
  /** Injected for tests, and to abort a check when the server stops. */
  fetch?: typeof globalThis.fetch;
}

/**
 * Two updates of one data folder at once would swap its sub-folders under each other (a scheduled check
 * and an admin's request): they take turns, per folder, within this process.
 */
const updatesByFolder = new Map<string, Promise<unknown>>();

function oneAtATime<T>(folder: string, work: () => Promise<T>): Promise<T> {
  const previous = updatesByFolder.get(folder) ?? Promise.resolve();
  const next = previous.catch(() => undefined).then(work);
  const settled = next.catch(() => undefined);
  updatesByFolder.set(folder, settled);
  void settled.then(() => {
    if (updatesByFolder.get(folder) === settled) updatesByFolder.delete(folder);
  });
  return next;
}

/**
 * Downloads the publishers' files into `deps.config.dataDir` (from EMBARGO_LISTS_BASE_URL's mirror when
 * set) and loads the changed publications. Throws LIST_DOWNLOAD when a file cannot be fetched or does not
 * verify, or the loader's error when it refuses the publication; nothing changes in force then.
 * @example await updateFromPublishers(deps, 'schedule', { sources: ['un-sc'] })
 */
export function updateFromPublishers(deps: UpdateDeps, actor: string | null, options: PublisherUpdateOptions = {}): Promise<LoadSummary> {
  const { dataDir, listsBaseUrl } = deps.config;
  const { fetch, ...loadOptions } = options;
  return oneAtATime(dataDir, async () => {
    const sources = options.sources ? [...options.sources] : undefined;
    await updateLists({ dataDir, baseUrl: listsBaseUrl, now: deps.clock, sources, fetch });
    const load = () => loadListFolder(deps, dataDir, actor, { maxShrink: deps.config.maxListShrink, ...loadOptions });
    try {
      return await load();
    } catch (error) {
      // Another server on the same database put a publication in force between this one's checks and its
      // write (scale-out: every server checks the publishers). Loading again compares with what is in
      // force now: the same files are then "unchanged" rather than an error, and different ones are
      // checked against the publication that won.
      if (error instanceof EmbargoError && error.code === 'STORE_CONFLICT') return load();
      throw error;
    }
  });
}
