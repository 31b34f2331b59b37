/**
 * Where the shared official list files live for tests: `../shared` beside the repository, as on the
 * developers' machines and in CI. Tests that need them read from here and never from the network.
 */
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { join } from 'node:path';

export const REPO_ROOT = fileURLToPath(new URL('..', import.meta.url));
export const SHARED_DIR = process.env.EMBARGO_SHARED_DIR ?? join(REPO_ROOT, '..', 'shared');
export const SHARED_LISTS = join(SHARED_DIR, 'data', 'lists');
export const BUNDLED_DATA = join(REPO_ROOT, 'data');

/** Path of one shared list file, e.g. `sharedList('ofac-sdn/2023-12-28/sdn.csv')`. */
export function sharedList(relative: string): string {
  const path = join(SHARED_LISTS, relative);
  if (!existsSync(path)) throw new Error(`shared list file missing: ${path}`);
  return path;
}

/**
 * The text of the first `<tag>` element of a block of the UN consolidated XML, trimmed ('' without one):
 * enough for tests that compare a few fields of every entry without the product's parser.
 */
export function unXmlField(block: string, tag: string): string {
  const start = block.indexOf(`<${tag}>`);
  return start < 0 ? '' : block.slice(start + tag.length + 2, block.indexOf(`</${tag}>`, start)).trim();
}
