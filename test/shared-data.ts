/**
 * Where the shared official list files live for tests: `../shared` beside the repository, as on the
 * developers' machines and in CI. Tests that need them read from here and never from the network.
 *
 * A clone on its own has no `../shared`. Publications that are also bundled in `data/` (unmodified
 * copies of the same files) are then read from there; tests that need the archive of older publications
 * or the evaluation set ask `hasShared(...)` and skip themselves when it says no, and `test/shared-notice.ts`
 * prints one line naming the missing folder. In CI (`CI` set) nothing may skip: `hasShared` throws instead,
 * so a CI run without the shared folder fails rather than quietly testing less.
 */
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { join } from 'node:path';

export const REPO_ROOT = fileURLToPath(new URL('..', import.meta.url));
export const SHARED_DIR = process.env.EMBARGO_SHARED_DIR ?? join(REPO_ROOT, '..', 'shared');
export const SHARED_LISTS = join(SHARED_DIR, 'data', 'lists');
export const SHARED_EVAL_DEV = join(SHARED_DIR, 'eval', 'dev');
export const BUNDLED_DATA = join(REPO_ROOT, 'data');
/** The real payment message samples (`mt/`, `mx/`), with their PROVENANCE.md. */
export const SHARED_PAYMENTS = join(SHARED_DIR, 'data', 'payments');

/** The shared archive names the UK folder after the list, `data/` after the publisher. */
const BUNDLED_FOLDER_OF_SOURCE: Record<string, string> = { 'uk-hmt-conlist': 'uk-hmt' };

/** The bundled copy of a shared list path (`ofac-sdn/2023-12-28/sdn.csv`), where `data/` has one. */
function bundledCopy(relative: string): string | undefined {
  const [source, ...rest] = relative.split('/');
  const path = join(BUNDLED_DATA, BUNDLED_FOLDER_OF_SOURCE[source] ?? source, ...rest);
  return existsSync(path) ? path : undefined;
}

function resolveList(relative: string): string | undefined {
  const shared = join(SHARED_LISTS, relative);
  return existsSync(shared) ? shared : bundledCopy(relative);
}

/**
 * Path of one shared list file or publication folder, e.g. `sharedList('ofac-sdn/2023-12-28/sdn.csv')`:
 * in `../shared`, else the same publication bundled in `data/`. Throws when neither has it: guard the
 * test with `hasShared` first.
 */
export function sharedList(relative: string): string {
  const path = resolveList(relative);
  if (path === undefined) throw new Error(`shared list file missing: ${join(SHARED_LISTS, relative)} (and not bundled in data/)`);
  return path;
}

/**
 * Whether every named list path (as for `sharedList`; `eval/dev` for the evaluation set) can be read,
 * for `describe.skipIf(!hasShared(...))`. In CI a missing one is an error, never a skip.
 */
export function hasShared(...relatives: string[]): boolean {
  const missing = relatives.filter((r) => (r.startsWith('eval/') ? !existsSync(join(SHARED_DIR, r)) : resolveList(r) === undefined));
  if (missing.length > 0 && process.env.CI)
    throw new Error(`CI needs the shared folder ${SHARED_DIR}: missing ${missing.join(', ')} (set EMBARGO_SHARED_DIR)`);
  return missing.length === 0;
}

/** The whole shared archive of list publications (not only what `data/` bundles). */
export function hasSharedArchive(): boolean {
  if (!existsSync(SHARED_LISTS) && process.env.CI) throw new Error(`CI needs the shared folder ${SHARED_LISTS} (set EMBARGO_SHARED_DIR)`);
  return existsSync(SHARED_LISTS);
}

/**
 * The text of the first `<tag>` element of a block of the UN consolidated XML, trimmed ('' without one):
 * enough for tests that compare a few fields of every entry without the product's parser.
 */
export function unXmlField(block: string, tag: string): string {
  const start = block.indexOf(`<${tag}>`);
  return start < 0 ? '' : block.slice(start + tag.length + 2, block.indexOf(`</${tag}>`, start)).trim();
}

/**
 * The EU Financial Sanctions Files fixture, written in the published structure (no full copy of the file is
 * available offline; see packages/lists/README.md): `eu-fsf/2026-11-28/xmlFullSanctionsList_1_1.xml`.
 */
export const EU_FSF_FIXTURES = join(REPO_ROOT, 'packages', 'lists', 'testdata');

/**
 * The lists kept apart from `lists/` (lists-more/PROVENANCE.md): Australia's DFAT workbook (also bundled in
 * `data/au-dfat/`) and Canada's SEMA XML, which its terms allow only as a test fixture, never bundled.
 */
export const SHARED_LISTS_MORE = join(SHARED_DIR, 'data', 'lists-more');

function resolveMoreList(relative: string): string | undefined {
  const shared = join(SHARED_LISTS_MORE, relative);
  return existsSync(shared) ? shared : bundledCopy(relative);
}

/** Path of one file under lists-more (`ca-sema/2020-04/sema-lmes.xml`), or its bundled copy in `data/`. Guard with `hasSharedMore`. */
export function sharedMoreList(relative: string): string {
  const path = resolveMoreList(relative);
  if (path === undefined) throw new Error(`shared list file missing: ${join(SHARED_LISTS_MORE, relative)} (and not bundled in data/)`);
  return path;
}

/** Whether every named lists-more path can be read, for `describe.skipIf`. In CI a missing one is an error, never a skip. */
export function hasSharedMore(...relatives: string[]): boolean {
  const missing = relatives.filter((r) => resolveMoreList(r) === undefined);
  if (missing.length > 0 && process.env.CI)
    throw new Error(`CI needs the shared folder ${SHARED_LISTS_MORE}: missing ${missing.join(', ')} (set EMBARGO_SHARED_DIR)`);
  return missing.length === 0;
}

/** Whether the shared payment samples can be read, for `describe.skipIf`. In CI their absence is an error, never a skip. */
export function hasSharedPayments(): boolean {
  if (!existsSync(SHARED_PAYMENTS) && process.env.CI)
    throw new Error(`CI needs the shared payment samples in ${SHARED_PAYMENTS} (set EMBARGO_SHARED_DIR)`);
  return existsSync(SHARED_PAYMENTS);
}

/** One payment sample's text, e.g. `sharedPayment('mt/wso2_cbpr_p212_MT103_AtoB.fin')`. */
export function sharedPayment(relative: string): string {
  return readFileSync(join(SHARED_PAYMENTS, relative), 'utf8');
}

/** The ownership data: BODS 0.4 schema and examples, OFAC relation types, the 50% rule cases, with PROVENANCE.md. */
export const SHARED_OWNERSHIP = join(SHARED_DIR, 'data', 'ownership');

/** Whether the shared ownership data can be read, for `describe.skipIf`. In CI its absence is an error, never a skip. */
export function hasSharedOwnership(): boolean {
  if (!existsSync(SHARED_OWNERSHIP) && process.env.CI)
    throw new Error(`CI needs the shared ownership data in ${SHARED_OWNERSHIP} (set EMBARGO_SHARED_DIR)`);
  return existsSync(SHARED_OWNERSHIP);
}

/** One ownership file's text, e.g. `sharedOwnership('bods_examples/joint-ownership.json')`. */
export function sharedOwnership(relative: string): string {
  return readFileSync(join(SHARED_OWNERSHIP, relative), 'utf8');
}
