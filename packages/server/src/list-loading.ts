/**
 * @module list-loading
 * Loading a folder of official list files into the store as the publications in force, the one loader
 * behind `embargo lists load`, `POST /v1/lists/update` and `embargo serve`'s first start. Before anything
 * goes into force it checks, for the newest publication of each source in the folder:
 * - every file parses (a file that fails rejects the whole load, with file and line);
 * - the publication is complete: every file its format needs is there and not empty, and every cross-file
 *   reference resolves (checked by the parser: an alias or address of a record not in the primary file);
 * - it is not older than the publication in force (unless `allowOlder`);
 * - it did not lose more than `maxShrink` of the records or aliases of the publication in force (unless
 *   `allowShrink` with a reason, which goes into the audit row).
 * The earlier publications of a source in the folder (`data/ofac-sdn/2015-01-17/` beside `…/2023-12-28/`)
 * are stored as history: kept for comparisons and "first seen", never put in force, never checked as
 * older or shrunk against the one in force, and marked with the companion files they lack (the SDN history
 * has sdn.csv alone) instead of being refused as incomplete. A history publication already stored (the
 * same file hashes) is neither parsed nor stored again.
 * Then it saves the changed publications and the new history, switches the changed ones into force,
 * increments the lists generation and writes the audit rows in ONE transaction; a running server sees the new generation and reloads. Files the
 * same as those in force are not stored again. The caller's screening service, when there is one, is
 * rebuilt at once and monitored customers are re-screened against what changed. A load refused by any of
 * these checks is audited too (`list.refused`, with the reason), so an examiner sees a cut list that never
 * went into force as well as the lists that did.
 */
import {
  comparePublicationSize,
  DEFAULT_MAX_SHRINK,
  describeShrink,
  EmbargoError,
  exceedsShare,
  type ErrorCode,
  publicationSize,
  type ListPublication,
  type ListSource,
  type PublicationShrink,
} from '@embargo/core';
import {
  checkPublicationComplete,
  detectPublications,
  missingFiles,
  parsePublication,
  publicationFileHashes,
  splitHistory,
  type DetectedPublication,
} from '@embargo/lists';
import type { AuditEvent, HistoryPublication, StoredPublication } from '@embargo/store';
import type { AppDeps } from './deps.js';
import { rescreenAfterLoad, type RescreenSummary } from './monitoring/delta-rescreen.js';

export interface LoadOptions {
  /** Put a publication in force although it lost more than `maxShrink`; the reason is audited. */
  allowShrink?: { reason: string };
  /** Put a publication in force although it is older (by its published date) than the one in force. */
  allowOlder?: boolean;
  /** The share of records or aliases a publication may lose against the one in force (default 0.05). */
  maxShrink?: number;
  onProgress?: (step: string) => void;
  /** Only these sources of the folder (a scheduled check loads the one publisher it checked). */
  sources?: readonly ListSource[];
  /**
   * Write a `list.load` row when every file is the one in force (default yes: someone asked for a load).
   * A scheduled check writes its own `list.check` row instead, so that a check every few hours that finds
   * nothing new does not read as a load.
   */
  auditUnchanged?: boolean;
}

export interface LoadSummary {
  saved: StoredPublication[];
  /** Earlier publications stored as history by this load (none when they were stored before). */
  history: StoredPublication[];
  /** Sources whose files were the same as the publication in force. */
  unchanged: string[];
  /** The lists generation in force after the load. */
  generation: number;
  /** For each saved source that had a publication in force: records and aliases before → after, and which programmes lost records. */
  left: PublicationShrink[];
  rescreening: RescreenSummary[];
  /**
   * Per tenant with ownership data: what the new lists changed in the statuses its ownership rules derive
   * (newly blocked, unblocked), and the alerts opened on its customers.
   */
  ownership?: { tenant: string; newlyBlocked: number; unblocked: number; alertsOpened: number }[];
}

type LoaderDeps = Pick<AppDeps, 'store' | 'clock'> & Partial<Pick<AppDeps, 'screening' | 'newId' | 'rescreen' | 'ownership'>>;

function sameFiles(pub: ListPublication, current: StoredPublication | undefined): boolean {
  if (!current || current.files.length !== pub.files.length) return false;
  const hashes = new Set(current.files.map((f) => f.sha256));
  return pub.files.every((f) => hashes.has(f.sha256));
}

/** The share as a flag or variable gives it: a number from 0 to 1. */
export function checkedMaxShrink(value: number | undefined, field: string): number {
  if (value === undefined) return DEFAULT_MAX_SHRINK;
  if (!Number.isFinite(value) || value < 0 || value > 1)
    throw new EmbargoError('INVALID_INPUT', `${field} must be a share from 0 to 1 (0.05 = 5 %), not ${String(value)}.`, { field });
  return value;
}

interface Candidate {
  detected: DetectedPublication;
  pub: ListPublication;
}

/**
 * Parses `dir` whole, checks the newest publication of each source, then puts the changed ones in force
 * in one transaction. Throws (and stores nothing) on any failed check.
 * @example await loadListFolder(deps, 'data', keyId, { allowShrink: { reason: 'OFAC delisted the Balkans programme' } })
 */
export async function loadListFolder(deps: LoaderDeps, dir: string, actor: string | null, options: LoadOptions = {}): Promise<LoadSummary> {
  const load = () => loadFolder(deps, dir, actor, options);
  try {
    return await (deps.screening ? deps.screening.duringLoad(load) : load());
  } catch (error) {
    if (error instanceof EmbargoError && REFUSED_LOAD_CODES.has(error.code))
      await deps.store.appendAudit(
        { kind: 'list.refused', actor, subject: dir, details: { code: error.code, reason: error.message } },
        deps.clock(),
      );
    throw error;
  }
}

/** The errors that refuse a folder of lists (unreadable, incomplete, older or shrunk): each is audited. */
const REFUSED_LOAD_CODES: ReadonlySet<ErrorCode> = new Set<ErrorCode>([
  'LIST_PARSE',
  'LIST_FORMAT_UNKNOWN',
  'LIST_INCOMPLETE',
  'LIST_OLDER',
  'LIST_SHRANK',
]);

async function loadFolder(deps: LoaderDeps, dir: string, actor: string | null, options: LoadOptions): Promise<LoadSummary> {
  const progress = options.onProgress ?? (() => undefined);
  const maxShrink = checkedMaxShrink(options.maxShrink, 'maxShrink');
  if (options.allowShrink && !options.allowShrink.reason.trim())
    throw new EmbargoError('INVALID_INPUT', 'allowShrink needs a reason: it goes into the audit trail.', { field: 'allowShrink.reason' });
  const detection = await detectPublications(dir);
  const publications = detection.publications.filter((d) => !options.sources || options.sources.includes(d.source));
  // An empty load "succeeding" would hide a wrong path from a script; say so instead.
  if (publications.length === 0)
    throw new EmbargoError(
      'INVALID_INPUT',
      `${dir}: no official list files found${options.sources ? ` of ${options.sources.join(', ')}` : ''}; nothing was stored`,
      { file: dir },
    );
  // A data folder keeps older publications beside the newest (`lists update` adds a dated folder, data/
  // bundles history): only the newest of each source goes into force, the others are history. Folder dates
  // tell them apart before parsing; a source whose folders are not dated is parsed whole and ordered by
  // its published dates.
  const split = splitHistory(publications);
  const parse = async (detected: DetectedPublication): Promise<Candidate> => {
    progress(`parsing ${detected.source} ${detected.folder}`);
    return { detected, pub: await parsePublication(detected) };
  };
  const parsed: Candidate[] = [];
  for (const detected of [...split.newest, ...split.undecided]) parsed.push(await parse(detected));
  parsed.sort((a, b) => (a.pub.published ?? '').localeCompare(b.pub.published ?? ''));
  const newest = [...new Map(parsed.map((c) => [c.pub.source, c])).values()];
  for (const { detected } of newest) await checkPublicationComplete(detected, { singleFile: detection.singleFile });

  const stored = await deps.store.listPublications();
  const history = await newHistory([...split.earlier, ...parsed.filter((c) => !newest.includes(c))], stored, parse);
  const before = new Map((await deps.store.currentPublications()).map((p) => [p.source, p]));
  const toSave: ListPublication[] = [];
  const unchanged: string[] = [];
  const left: PublicationShrink[] = [];
  const tooSmall: PublicationShrink[] = [];
  for (const { pub } of newest) {
    const current = before.get(pub.source);
    if (sameFiles(pub, current)) {
      unchanged.push(pub.source);
      continue;
    }
    if (current?.published && pub.published && pub.published < current.published && !options.allowOlder) {
      throw new EmbargoError(
        'LIST_OLDER',
        `${pub.source}: the publication of ${pub.published} is older than the one in force (${current.published}, publication ${current.id}); ` +
          'load it with --allow-older (API: "allowOlder": true) if that is what you mean.',
        { source: pub.source, published: pub.published, inForce: current.published },
      );
    }
    if (current) {
      progress(`comparing ${pub.source} with the publication in force`);
      const shrink = comparePublicationSize(
        pub.source,
        publicationSize(await deps.store.loadEntities(current.id)),
        publicationSize(pub.entities),
      );
      if (shrink.programsLost.length > 0) left.push(shrink);
      if (exceedsShare(shrink, maxShrink)) tooSmall.push(shrink);
    }
    toSave.push(pub);
  }
  if (tooSmall.length > 0 && !options.allowShrink) {
    throw new EmbargoError(
      'LIST_SHRANK',
      `The load would lose more than ${(maxShrink * 100).toFixed(1)} % of the records or aliases in force: ${tooSmall.map((s) => describeShrink(s)).join('; ')}. ` +
        'A list cut short looks like this; if the list really shrank, load it with --allow-shrink "<reason>" (API: "allowShrink": {"reason": "…"}).',
      { shrank: tooSmall },
    );
  }

  if (toSave.length === 0 && history.length === 0 && options.auditUnchanged === false) {
    return { saved: [], history: [], unchanged, generation: await deps.store.listsGeneration(), left, rescreening: [] };
  }
  if (toSave.length > 0) progress(`saving ${toSave.map((p) => `${p.source} (${p.entities.length} records)`).join(', ')}`);
  if (history.length > 0)
    progress(`saving as history ${history.map((h) => `${h.publication.source} ${h.publication.published ?? 'undated'}`).join(', ')}`);
  const auditOptions = {
    ...(options.allowShrink && tooSmall.length > 0 ? { allowShrink: options.allowShrink.reason } : {}),
    ...(options.allowOlder ? { allowOlder: true } : {}),
  };
  const {
    saved,
    history: savedHistory,
    generation,
  } = await deps.store.saveListLoad({
    publications: toSave,
    history,
    loadedAt: deps.clock(),
    // The checks above hold only against the lists they were made on: a load that changed them meanwhile wins.
    expectInForce: Object.fromEntries(toSave.map((p) => [p.source, before.get(p.source)?.id ?? null])),
    audit: ({ ids, historyIds, generation }): AuditEvent[] => [
      ...history.map(({ publication: pub, missingFiles }, i) => ({
        kind: 'list.history',
        actor,
        subject: String(historyIds[i]),
        details: {
          source: pub.source,
          published: pub.published,
          records: pub.entities.length,
          files: pub.files.map((f) => f.sha256),
          ...(missingFiles.length > 0 ? { missingFiles } : {}),
        },
      })),
      ...(ids.length === 0
        ? options.auditUnchanged === false
          ? []
          : [{ kind: 'list.load', actor, subject: 'unchanged', details: { unchanged, generation } }]
        : toSave.map((pub, i) => ({
            kind: 'list.load',
            actor,
            subject: String(ids[i]),
            details: {
              source: pub.source,
              published: pub.published,
              records: pub.entities.length,
              files: pub.files.map((f) => f.sha256),
              generation,
              ...auditOptions,
              ...(left.find((s) => s.source === pub.source) ? { left: left.find((s) => s.source === pub.source) } : {}),
            },
          }))),
    ],
  });
  const rescreening: RescreenSummary[] = [];
  const summary = { saved, history: savedHistory, unchanged, generation, left, rescreening };
  if (saved.length === 0 || !deps.screening || !deps.newId) return summary;
  progress('building the screening index');
  await deps.screening.reload();
  const withScreening = { ...deps, screening: deps.screening, newId: deps.newId };
  for (const pub of saved) {
    progress(`re-screening customers against ${pub.source} changes`);
    rescreening.push(await (deps.rescreen ?? rescreenAfterLoad)(withScreening, before.get(pub.source), pub));
  }
  if (!deps.ownership) return summary;
  progress('evaluating ownership and control under the new lists');
  const evaluated = await deps.ownership.afterListsChanged(actor);
  const ownership = [...evaluated].map(([tenant, e]) => ({
    tenant,
    newlyBlocked: e.newlyBlocked.length,
    unblocked: e.unblocked.length,
    alertsOpened: e.alertsOpened,
  }));
  return { ...summary, ownership };
}

/**
 * The earlier publications to store as history, oldest first: those whose files are not already stored
 * (a publication is known by its source and the set of its file hashes, hashed without parsing), parsed,
 * each with the companion files it lacks.
 */
async function newHistory(
  earlier: (DetectedPublication | Candidate)[],
  stored: readonly StoredPublication[],
  parse: (d: DetectedPublication) => Promise<Candidate>,
): Promise<HistoryPublication[]> {
  const known = new Set(
    stored.map((p) =>
      publicationKey(
        p.source,
        p.files.map((f) => f.sha256),
      ),
    ),
  );
  const out: HistoryPublication[] = [];
  for (const item of earlier) {
    const detected = 'detected' in item ? item.detected : item;
    const hashes = 'detected' in item ? item.pub.files.map((f) => f.sha256) : await publicationFileHashes(detected);
    const key = publicationKey(detected.source, hashes);
    if (known.has(key)) continue;
    known.add(key);
    const { pub } = 'detected' in item ? item : await parse(detected);
    out.push({ publication: pub, missingFiles: await missingFiles(detected) });
  }
  return out.sort((a, b) => (a.publication.published ?? '').localeCompare(b.publication.published ?? ''));
}

function publicationKey(source: string, hashes: readonly string[]): string {
  return `${source} ${[...hashes].sort().join(' ')}`;
}
