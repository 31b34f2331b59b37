/**
 * @module list-loading
 * Loading a folder of official list files into the store as the publications in force: parse every
 * file first (a file that fails to parse rejects the whole load, with file and line, before anything is
 * stored), save only publications whose files differ from the ones in force, audit each load, rebuild
 * the screening service, and re-screen monitored customers against what changed.
 */
import { detectPublications, parsePublication } from '@embargo/lists';
import type { ListPublication } from '@embargo/core';
import type { StoredPublication } from '@embargo/store';
import type { AppDeps } from './deps.js';
import { rescreenAfterLoad, type RescreenSummary } from './monitoring/delta-rescreen.js';

export interface LoadSummary {
  saved: StoredPublication[];
  /** Sources whose files were the same as the publication in force. */
  unchanged: string[];
  rescreening: RescreenSummary[];
}

function sameFiles(pub: ListPublication, current: StoredPublication | undefined): boolean {
  if (!current || current.files.length !== pub.files.length) return false;
  const hashes = new Set(current.files.map((f) => f.sha256));
  return pub.files.every((f) => hashes.has(f.sha256));
}

/** Parses `dir` whole, then saves what changed. `onProgress` hears each step (for the CLI's progress bar). */
export async function loadListFolder(
  deps: Pick<AppDeps, 'store' | 'screening' | 'clock' | 'newId'>,
  dir: string,
  actor: string | null,
  onProgress: (step: string) => void = () => undefined,
): Promise<LoadSummary> {
  const { publications: detected } = await detectPublications(dir);
  const parsed: ListPublication[] = [];
  for (const d of detected) {
    onProgress(`parsing ${d.source} ${d.folder}`);
    parsed.push(await parsePublication(d));
  }
  parsed.sort((a, b) => (a.published ?? '').localeCompare(b.published ?? ''));
  // A data folder keeps older publications beside the newest (`lists update` adds a dated folder): only
  // the newest of each source is put in force. Saving the older ones too would make an old publication
  // current again whenever the newest is already stored.
  const newest = [...new Map(parsed.map((p) => [p.source, p])).values()];
  const before = new Map((await deps.store.currentPublications()).map((p) => [p.source, p]));
  const saved: StoredPublication[] = [];
  const unchanged: string[] = [];
  for (const pub of newest) {
    if (sameFiles(pub, before.get(pub.source))) {
      unchanged.push(pub.source);
      continue;
    }
    onProgress(`saving ${pub.source} (${pub.entities.length} records)`);
    const stored = await deps.store.savePublication(pub, { loadedAt: deps.clock() });
    await deps.store.appendAudit(
      {
        kind: 'list.load',
        actor,
        subject: String(stored.id),
        details: { source: stored.source, published: stored.published, records: stored.records, files: stored.files.map((f) => f.sha256) },
      },
      deps.clock(),
    );
    saved.push(stored);
  }
  if (saved.length === 0) return { saved, unchanged, rescreening: [] };
  onProgress('building the screening index');
  await deps.screening.reload();
  const rescreening: RescreenSummary[] = [];
  for (const pub of saved) {
    onProgress(`re-screening customers against ${pub.source} changes`);
    rescreening.push(await rescreenAfterLoad(deps, before.get(pub.source), pub));
  }
  return { saved, unchanged, rescreening };
}
