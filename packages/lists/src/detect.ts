/**
 * @module detect
 * Finds the list files under a folder and groups them into publications: one per source and folder.
 * A file is recognised by its name and its first bytes, never by its folder name, so a mirror that
 * lays files out differently still loads.
 */
import { open, readdir, realpath, stat } from 'node:fs/promises';
import { join, relative, sep } from 'node:path';
import { EmbargoError, listParseError, type ListSource } from '@embargo/core';
import type { FormatName, ListFile } from './format.js';

/** What one file is to its format: OFAC's CSV publications are spread over four files. */
export type FileRole = 'primary' | 'addresses' | 'aliases' | 'comments';

export interface RecognisedFile {
  file: ListFile;
  format: FormatName;
  source: ListSource;
  role: FileRole;
}

/** The files of one source in one folder, in one chosen format. */
export interface DetectedPublication {
  source: ListSource;
  format: FormatName;
  /** The folder, relative to the loaded root ('' for the root itself). */
  folder: string;
  files: RecognisedFile[];
  /** Other files of the same publication in a format we did not choose (e.g. the CSV twin of an XML file). */
  alternates: RecognisedFile[];
}

export interface Detection {
  publications: DetectedPublication[];
  /** Documentation and schema files that are not list data (PROVENANCE.md, cons_dat_spec.txt, *.xsd). */
  ignored: string[];
  /** The root given was one file, not a folder. */
  singleFile: boolean;
}

/** Files that travel with list data but are not data themselves. */
/** The namespace of the EU Financial Sanctions Files export (root `<export>`, a name too common to go by alone). */
const EU_FSF_NAMESPACE = 'http://eu.europa.ec/fpi/fsd/export';

const DOCUMENTATION = /\.(md|txt|xsd|pdf|html?|json)$/i;

/** OFAC's legacy CSV files by name: the source and the part of the publication each holds. */
export const OFAC_CSV_ROLES: Record<string, { source: ListSource; role: FileRole }> = {
  'sdn.csv': { source: 'ofac-sdn', role: 'primary' },
  'add.csv': { source: 'ofac-sdn', role: 'addresses' },
  'alt.csv': { source: 'ofac-sdn', role: 'aliases' },
  'sdn_comments.csv': { source: 'ofac-sdn', role: 'comments' },
  'cons_prim.csv': { source: 'ofac-cons', role: 'primary' },
  'cons_add.csv': { source: 'ofac-cons', role: 'addresses' },
  'cons_alt.csv': { source: 'ofac-cons', role: 'aliases' },
  'cons_comments.csv': { source: 'ofac-cons', role: 'comments' },
};

/**
 * Where one source is published in several formats, the richest wins: the advanced and enhanced XML
 * carry ownership relationships, the legacy XML states its publication date, the CSV neither.
 */
const FORMAT_PREFERENCE: FormatName[] = [
  'ofac-advanced',
  'ofac-enhanced',
  'ofac-xml',
  'ofac-csv',
  'un-xml',
  'uk-ofsi-xlsx',
  'uk-hmt-csv',
  'eu-fsf-xml',
  'au-dfat-xlsx',
  'ca-sema-xml',
];

/**
 * DFAT names its workbook `regulation8_consolidated.xlsx` (the list kept under regulation 8 of the Autonomous
 * Sanctions Regulations); any other workbook is OFSI's. Both are zip archives, so the first bytes cannot tell
 * them apart; each parser checks the header row and refuses the other's.
 */
const AU_DFAT_WORKBOOK = /^regulation8_consolidated.*\.xlsx$/i;

/** OFAC file names say which list they hold: SDN_* / sdn.* is the SDN list, CONS_* / consolidated.* the rest. */
function ofacSourceFromName(name: string): ListSource {
  return /^(cons|consolidated)/i.test(name) ? 'ofac-cons' : 'ofac-sdn';
}

/**
 * UTF-16 shows as a byte-order mark, or as a NUL byte beside every ASCII letter. Our XML parsers read
 * UTF-8, which every publisher uses; a list re-saved as UTF-16 (as Windows editors like to) must be
 * named as such rather than reported as "XML with an unknown root".
 */
function looksUtf16(head: Buffer): boolean {
  const bom = (head[0] === 0xff && head[1] === 0xfe) || (head[0] === 0xfe && head[1] === 0xff);
  return bom || head.subarray(0, 64).includes(0);
}

async function readHead(path: string, bytes = 2048): Promise<Buffer> {
  const handle = await open(path, 'r');
  try {
    const buffer = Buffer.alloc(bytes);
    const { bytesRead } = await handle.read(buffer, 0, bytes, 0);
    return buffer.subarray(0, bytesRead);
  } finally {
    await handle.close();
  }
}

/** Names the format of one file, or throws LIST_FORMAT_UNKNOWN naming it. */
export async function recogniseFile(file: ListFile): Promise<RecognisedFile> {
  const base = file.name.split('/').pop()!.toLowerCase();
  const known = OFAC_CSV_ROLES[base];
  if (known) return { file, format: 'ofac-csv', ...known };
  const head = await readHead(file.path);
  const text = head.toString('latin1');
  if (base.endsWith('.xml')) {
    if (looksUtf16(head)) throw listParseError(file.name, 1, 'file is UTF-16, but list XML files are read as UTF-8 (wrong encoding?)');
    const root = /<([A-Za-z_][\w.-]*)[\s>]/.exec(text.replace(/<\?[^>]*\?>/g, '').replace(/<!--[\s\S]*?-->/g, ''))?.[1];
    if (root === 'sdnList') return { file, format: 'ofac-xml', source: ofacSourceFromName(base), role: 'primary' };
    if (root === 'Sanctions') return { file, format: 'ofac-advanced', source: ofacSourceFromName(base), role: 'primary' };
    if (root === 'sanctionsData') return { file, format: 'ofac-enhanced', source: ofacSourceFromName(base), role: 'primary' };
    if (root === 'CONSOLIDATED_LIST') return { file, format: 'un-xml', source: 'un-sc', role: 'primary' };
    if (root === 'export' && text.includes(EU_FSF_NAMESPACE)) return { file, format: 'eu-fsf-xml', source: 'eu-fsf', role: 'primary' };
    if (root === 'data-set') return { file, format: 'ca-sema-xml', source: 'ca-sema', role: 'primary' };
    throw new EmbargoError('LIST_FORMAT_UNKNOWN', `${file.name}: XML with root <${root ?? '?'}> is not a list format Embargo reads`, {
      file: file.name,
      line: 1,
    });
  }
  const isZip = head[0] === 0x50 && head[1] === 0x4b;
  if (isZip && AU_DFAT_WORKBOOK.test(base)) return { file, format: 'au-dfat-xlsx', source: 'au-dfat', role: 'primary' };
  if (isZip && base.endsWith('.xlsx')) return { file, format: 'uk-ofsi-xlsx', source: 'uk-hmt', role: 'primary' };
  if (isZip && /enhanced/i.test(base)) return { file, format: 'ofac-enhanced', source: ofacSourceFromName(base), role: 'primary' };
  if (base.endsWith('.csv') && /^(\ufeff)?"?Last Updated"?,/.test(head.toString('utf8')))
    return { file, format: 'uk-hmt-csv', source: 'uk-hmt', role: 'primary' };
  throw new EmbargoError(
    'LIST_FORMAT_UNKNOWN',
    `${file.name}: not a list file Embargo recognises (expected OFAC, UN, UK, EU, Australian or Canadian list files)`,
    {
      file: file.name,
      line: 1,
    },
  );
}

/**
 * Lists the files under `dir`. Symbolic links are followed, so a folder of links to publications (how
 * a deployment may point at the shared list archive) loads like a folder of copies; `seen` holds the
 * real paths of the folders walked, so a folder reached twice (a link back to an ancestor, or two links
 * to one folder) is walked once and its publication is not counted twice.
 */
async function walk(dir: string, seen = new Set<string>()): Promise<string[]> {
  const real = await realpath(dir);
  if (seen.has(real)) return [];
  seen.add(real);
  const out: string[] = [];
  // In name order, so that of two links to one folder the same one is walked on every machine.
  const entries = (await readdir(dir, { withFileTypes: true })).sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  for (const entry of entries) {
    if (entry.name.startsWith('.')) continue;
    const path = join(dir, entry.name);
    const target = entry.isSymbolicLink()
      ? await stat(path).catch((e: unknown) => {
          throw new EmbargoError('INVALID_INPUT', `${path}: symbolic link to a missing file or folder`, { file: path }, { cause: e });
        })
      : entry;
    if (target.isDirectory()) out.push(...(await walk(path, seen)));
    else if (target.isFile()) out.push(path);
  }
  return out.sort();
}

/**
 * Detects the publications under `root` (a folder, or one list file).
 * @example await detectPublications('data') // → [{ source: 'ofac-sdn', format: 'ofac-csv', files: [...] }, …]
 */
export async function detectPublications(root: string): Promise<Detection> {
  const info = await stat(root).catch((e: unknown) => {
    throw new EmbargoError('INVALID_INPUT', `${root}: no such file or folder`, { file: root }, { cause: e });
  });
  const paths = info.isDirectory() ? await walk(root) : [root];
  const base = info.isDirectory() ? root : join(root, '..');
  const ignored: string[] = [];
  const groups = new Map<string, RecognisedFile[]>();
  for (const path of paths) {
    const name = relative(base, path).split(sep).join('/');
    if (DOCUMENTATION.test(name)) {
      ignored.push(name);
      continue;
    }
    const recognised = await recogniseFile({ path, name });
    const folder = name.includes('/') ? name.slice(0, name.lastIndexOf('/')) : '';
    const key = `${folder}\u0000${recognised.source}`;
    groups.set(key, [...(groups.get(key) ?? []), recognised]);
  }
  const publications: DetectedPublication[] = [];
  for (const [key, files] of groups) {
    const folder = key.split('\u0000')[0];
    const format = FORMAT_PREFERENCE.find((f) => files.some((x) => x.format === f))!;
    const chosen = files.filter((x) => x.format === format);
    const primaries = chosen.filter((x) => x.role === 'primary');
    if (primaries.length !== 1) {
      const what = primaries.length === 0 ? 'has no primary file' : `has ${primaries.length} primary files`;
      const names = chosen.map((x) => x.file.name).join(', ');
      throw new EmbargoError('LIST_INCOMPLETE', `${folder || '.'}: the ${files[0].source} publication (${format}) ${what}: ${names}`, {
        file: chosen[0].file.name,
      });
    }
    publications.push({ source: files[0].source, format, folder, files: chosen, alternates: files.filter((x) => x.format !== format) });
  }
  publications.sort((a, b) => a.source.localeCompare(b.source) || a.folder.localeCompare(b.folder));
  return { publications, ignored, singleFile: !info.isDirectory() };
}
