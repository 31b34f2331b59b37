/**
 * @module commands/lists
 * `embargo lists …`: inspect, load, diff, link and update the official list files. Thin: each
 * command parses its arguments, calls one function of lists/store/core and prints the answer.
 */
import { Command } from 'commander';
import {
  countBySchema,
  describeShrink,
  diffEntities,
  EmbargoError,
  findCrossListLinks,
  formatDiffText,
  type Entity,
  type ListPublication,
} from '@embargo/core';
import { detectPublications, loadListDirectory, parseNewestPublications, parsePublication, splitHistory } from '@embargo/lists';
import { loadListFolder } from '@embargo/server';
import { openStore } from '@embargo/store';
import { readEnvironment, readMaxListShrink, readShare } from '../config.js';
import { table, type Io } from '../output.js';
import { startProgress } from '../progress.js';
import { updateCommand } from './update.js';

/** Parses every publication under `dir`, history included, with a progress bar. */
export async function parseDirectory(io: Io, dir: string): Promise<ListPublication[]> {
  const { publications } = await detectPublications(dir);
  const progress = startProgress(io, publications.length, 'Parsing lists');
  const out: ListPublication[] = [];
  for (const [i, d] of publications.entries()) {
    progress.update(i, `${d.source} ${d.folder}`);
    out.push(await parsePublication(d));
  }
  progress.stop();
  return out;
}

/**
 * Parses the newest publication of each source under `dir` (what the lists in force would be), leaving the
 * earlier ones in the folder unread: screening against history would find each record once per publication.
 */
export async function parseNewestInDirectory(io: Io, dir: string): Promise<ListPublication[]> {
  const { publications } = await detectPublications(dir);
  const toParse = splitHistory(publications);
  const progress = startProgress(io, toParse.newest.length + toParse.undecided.length, 'Parsing lists');
  let done = 0;
  const out = await parseNewestPublications(publications, (d) => progress.update(done++, `${d.source} ${d.folder}`));
  progress.stop();
  return out;
}

function publicationSummary(p: ListPublication) {
  return { source: p.source, published: p.published, records: p.entities.length, schemata: countBySchema(p.entities) };
}

function allEntities(pubs: ListPublication[]): Entity[] {
  return pubs.flatMap((p) => p.entities);
}

export function listsCommand(io: Io): Command {
  const lists = new Command('lists').description('Inspect, load, compare and update the official sanctions lists');

  lists
    .command('inspect')
    .description('Detect and parse the list files under DIR and summarise them, without storing anything')
    .argument('[dir]', 'folder (or file) of official list files', readEnvironment().dataDir)
    .option('--json', 'print JSON: {"publications":[{"source","published","records","schemata"}]}')
    .action(async (dir: string, opts: { json?: boolean }) => {
      const pubs = await parseDirectory(io, dir);
      if (opts.json) {
        io.out(JSON.stringify({ publications: pubs.map(publicationSummary) }));
        return;
      }
      const rows = pubs.map((p) => {
        const s = publicationSummary(p);
        const kinds = Object.entries(s.schemata)
          .map(([k, n]) => `${k} ${n}`)
          .join(', ');
        return [p.source, p.published ?? '(undated)', String(s.records), kinds, String(p.relationships.length), String(p.issues.length)];
      });
      io.out(table(rows, ['source', 'published', 'records', 'schemata', 'relationships', 'record issues']));
    });

  lists
    .command('load')
    .description(
      'Check the newest publication of each source under DIR and put the changed ones in force, all in one transaction, ' +
        'keeping the earlier publications in DIR as history (never in force) ' +
        '(the same loader as POST /v1/lists/update; a running server picks them up within EMBARGO_LISTS_POLL_SECONDS)',
    )
    .argument('[dir]', 'folder of official list files', readEnvironment().dataDir)
    .option('--database <url>', 'postgres:// URL (default: EMBARGO_DATABASE_URL, else SQLite at EMBARGO_SQLITE_PATH)')
    .option('--sqlite <path>', 'SQLite file (default: EMBARGO_SQLITE_PATH or ./var/embargo.db)')
    .option(
      '--allow-shrink <reason>',
      'put in force a publication that lost more than the allowed share of records or aliases; the reason is audited',
    )
    .option('--allow-older', 'put in force a publication older (by its published date) than the one in force')
    .option(
      '--max-shrink <share>',
      'share of records or aliases a publication may lose against the one in force (EMBARGO_MAX_LIST_SHRINK, default 0.05)',
    )
    .action(
      async (dir: string, opts: { database?: string; sqlite?: string; allowShrink?: string; allowOlder?: boolean; maxShrink?: string }) => {
        const env = readEnvironment();
        const maxShrink = opts.maxShrink === undefined ? readMaxListShrink() : readShare(opts.maxShrink, '--max-shrink');
        if (opts.allowShrink !== undefined && !opts.allowShrink.trim())
          throw new EmbargoError('INVALID_INPUT', '--allow-shrink needs a reason: it goes into the audit trail.', {
            field: '--allow-shrink',
          });
        const store = await openStore({
          databaseUrl: opts.database ?? env.databaseUrl,
          sqlitePath: opts.sqlite ?? env.sqlitePath,
          auditKeyFile: env.auditKeyFile,
        });
        try {
          const summary = await loadListFolder({ store, clock: () => new Date() }, dir, 'cli', {
            allowShrink: opts.allowShrink === undefined ? undefined : { reason: opts.allowShrink },
            allowOlder: opts.allowOlder,
            maxShrink,
            // Steps on stderr, results on stdout: a script (or a test that stops the load midway) can follow it.
            onProgress: (step) => io.err(step),
          });
          const rows = summary.saved.map((p) => [String(p.id), p.source, p.published ?? '(undated)', String(p.records), String(p.issues)]);
          io.out(table(rows, ['publication', 'source', 'published', 'records', 'record issues']));
          for (const p of summary.history)
            io.out(
              `${p.source} ${p.published ?? '(undated)'}: stored as history (publication ${p.id}, ${p.records} records, never in force)` +
                (p.missingFiles.length > 0 ? `; it has no ${p.missingFiles.join(', ')}: aliases and addresses are not comparable` : ''),
            );
          for (const source of summary.unchanged) io.out(`${source}: unchanged (the same files as the publication in force)`);
          for (const shrink of summary.left) io.out(`Left the list: ${describeShrink(shrink, 10)}`);
          io.out(`Lists generation ${summary.generation} is in force.`);
        } finally {
          await store.close();
        }
      },
    );

  lists
    .command('status')
    .description('Show the stored publications and which one of each source is in force')
    .option('--database <url>', 'postgres:// URL (default: EMBARGO_DATABASE_URL)')
    .option('--sqlite <path>', 'SQLite file (default: EMBARGO_SQLITE_PATH or ./var/embargo.db)')
    .option('--json', 'print JSON')
    .action(async (opts: { database?: string; sqlite?: string; json?: boolean }) => {
      const env = readEnvironment();
      const store = await openStore({
        databaseUrl: opts.database ?? env.databaseUrl,
        sqlitePath: opts.sqlite ?? env.sqlitePath,
        auditKeyFile: env.auditKeyFile,
      });
      try {
        const pubs = await store.listPublications();
        if (opts.json) return io.out(JSON.stringify({ publications: pubs }));
        const rows = pubs.map((p) => [
          String(p.id),
          p.source,
          p.published ?? '(undated)',
          String(p.records),
          p.loadedAt,
          p.current ? 'in force' : '',
        ]);
        io.out(table(rows, ['publication', 'source', 'published', 'records', 'loaded at', '']));
      } finally {
        await store.close();
      }
    });

  lists
    .command('diff')
    .description('Compare two folders of list files: records added, removed and changed, by source and program')
    .argument('<old>', 'folder of the older publication(s)')
    .argument('<new>', 'folder of the newer publication(s)')
    .option('--json', 'print JSON: {"added":[ids],"removed":[ids],"changed":[{"id","fields":[…]}]}')
    .action(async (older: string, newer: string, opts: { json?: boolean }) => {
      const [a, b] = [await loadListDirectory(older), await loadListDirectory(newer)];
      const diff = diffEntities(allEntities(a), allEntities(b));
      if (opts.json) return io.out(JSON.stringify(diff));
      const entitiesById = new Map([...allEntities(a), ...allEntities(b)].map((e) => [e.id, e]));
      io.out(formatDiffText(diff, { entitiesById }));
    });

  lists
    .command('links')
    .description('Find records on different lists that are the same person or firm (shared ids, or name and birth date)')
    .argument('[dir]', 'folder of official list files', readEnvironment().dataDir)
    .option('--json', 'print JSON')
    .action(async (dir: string, opts: { json?: boolean }) => {
      // Links between two publications of one list would only say a record is itself.
      const pubs = await parseNewestInDirectory(io, dir);
      const entities = allEntities(pubs);
      const links = findCrossListLinks(entities);
      if (opts.json) return io.out(JSON.stringify({ links }));
      const byId = new Map(entities.map((e) => [e.id, e]));
      const rows = links.map((l) => [l.a, byId.get(l.a)?.caption ?? '', l.b, byId.get(l.b)?.caption ?? '', l.reason, l.value]);
      io.out(table(rows, ['record', 'name', 'linked record', 'name', 'why', 'value']));
      const pairs = new Set(links.map((l) => `${l.a}|${l.b}`)).size;
      io.out(`\n${pairs} linked pairs (${links.length} links) across ${pubs.length} publications.`);
    });

  lists.addCommand(updateCommand(io));
  return lists;
}
