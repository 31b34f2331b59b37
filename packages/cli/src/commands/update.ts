/**
 * @module commands/update
 * `embargo lists update`: fetch the publishers' current files into the data folder.
 */
import { Command } from 'commander';
import { LIST_SOURCES, type ListSource } from '@embargo/core';
import { OFFICIAL_FILES, updateLists, urlOf } from '@embargo/lists';
import { readEnvironment } from '../config.js';
import { table, type Io } from '../output.js';

export function updateCommand(io: Io): Command {
  return new Command('update')
    .description('Download the current official list files, verify that they parse, and swap them into the data folder')
    .option('--data-dir <dir>', 'data folder to update (default: EMBARGO_DATA_DIR or the bundled data/)')
    .option('--base-url <url>', 'a mirror serving <url>/<source>/<file> instead of the publishers (EMBARGO_LISTS_BASE_URL)')
    .option('--source <source...>', `only these sources (${LIST_SOURCES.join(', ')})`)
    .option('--dry-run', 'print the URLs that would be downloaded')
    .action(async (opts: { dataDir?: string; baseUrl?: string; source?: ListSource[]; dryRun?: boolean }) => {
      const baseUrl = opts.baseUrl ?? process.env.EMBARGO_LISTS_BASE_URL;
      if (opts.dryRun) {
        const files = OFFICIAL_FILES.filter((f) => !opts.source || opts.source.includes(f.source));
        return io.out(
          table(
            files.map((f) => [f.source, f.name, urlOf(f, baseUrl)]),
            ['source', 'file', 'url'],
          ),
        );
      }
      const dataDir = opts.dataDir ?? readEnvironment().dataDir;
      const updated = await updateLists({
        dataDir,
        baseUrl,
        sources: opts.source,
        onFile: (f, bytes) => io.err(`downloaded ${f.source}/${f.name} (${bytes.toLocaleString('en')} bytes)`),
      });
      io.out(
        table(
          updated.map((u) => [u.source, u.published ?? '(undated)', String(u.records), u.folder]),
          ['source', 'published', 'records', 'folder'],
        ),
      );
    });
}
