/**
 * @module completeness
 * Whether a detected publication has every file its format needs to go into force. OFAC's legacy CSV
 * spreads one publication over several files: without alt.csv every alias is lost, without add.csv every
 * address and its country, and each parses cleanly on its own, so a missing or empty one must be caught
 * by name. Remarks continuations (sdn_comments.csv) are optional: OFAC has published SDN sets without one.
 */
import { open } from 'node:fs/promises';
import { EmbargoError } from '@embargo/core';
import { OFAC_CSV_ROLES, type DetectedPublication, type FileRole } from './detect.js';
import type { FormatName } from './format.js';

/** The roles a publication of each format cannot go into force without. */
export const REQUIRED_ROLES: Record<FormatName, readonly FileRole[]> = {
  'ofac-csv': ['primary', 'addresses', 'aliases'],
  'ofac-xml': ['primary'],
  'ofac-advanced': ['primary'],
  'ofac-enhanced': ['primary'],
  'un-xml': ['primary'],
  'uk-hmt-csv': ['primary'],
  'uk-ofsi-xlsx': ['primary'],
  'eu-fsf-xml': ['primary'],
  'au-dfat-xlsx': ['primary'],
  'ca-sema-xml': ['primary'],
};

/** The name a file of this source and role has (`alt.csv`, `cons_alt.csv`). */
function expectedName(d: DetectedPublication, role: FileRole): string {
  const found = Object.entries(OFAC_CSV_ROLES).find(([, known]) => known.source === d.source && known.role === role);
  return found ? found[0] : role;
}

/** Bytes that are not data: whitespace, a byte-order mark, OFAC's DOS end-of-file byte (0x1A). */
const NOT_DATA = new Set([0x20, 0x09, 0x0a, 0x0d, 0x1a, 0xef, 0xbb, 0xbf]);

/** Whether the file holds anything but whitespace and end-of-file markers (read from its first bytes). */
async function holdsData(path: string): Promise<boolean> {
  const handle = await open(path, 'r');
  try {
    const buffer = Buffer.alloc(4096);
    for (let position = 0; ;) {
      const { bytesRead } = await handle.read(buffer, 0, buffer.length, position);
      if (bytesRead === 0) return false;
      if (buffer.subarray(0, bytesRead).some((b) => !NOT_DATA.has(b))) return true;
      position += bytesRead;
    }
  } finally {
    await handle.close();
  }
}

/**
 * The files a publication's format needs that are missing or empty (`['add.csv', 'alt.csv']` for an SDN
 * folder holding sdn.csv alone). The loader keeps such a publication as history, marked with them.
 */
export async function missingFiles(d: DetectedPublication): Promise<string[]> {
  const required = REQUIRED_ROLES[d.format];
  const missing: string[] = [];
  for (const role of required) {
    const file = d.files.find((f) => f.role === role);
    if (!file || !(await holdsData(file.file.path))) missing.push(expectedName(d, role));
  }
  return missing;
}

/**
 * What each companion file holds, so a comparison with a publication that lacks it can set those fields
 * aside: without alt.csv every alias is absent, without add.csv every address and its country.
 */
const FIELDS_OF_ROLE: Partial<Record<FileRole, readonly string[]>> = {
  aliases: ['alias', 'previousName', 'weakAlias'],
  addresses: ['address', 'country'],
};

/** The record fields that cannot be compared when these files (by name, as `missingFiles` gives them) are missing. */
export function fieldsOfMissingFiles(files: readonly string[]): string[] {
  const roles = files.map((name) => OFAC_CSV_ROLES[name.toLowerCase()]?.role).filter((r): r is FileRole => r !== undefined);
  return [...new Set(roles.flatMap((role) => FIELDS_OF_ROLE[role] ?? []))].sort();
}

/**
 * Refuses, with LIST_INCOMPLETE naming the folder and the missing or empty file, a publication that lacks
 * a file its format needs. `singleFile`: the user gave one file, not its folder, which the message says.
 * @example await checkPublicationComplete(detected) // throws "ofac-sdn/2024-05-03: the ofac-sdn publication (ofac-csv) has no alt.csv …"
 */
export async function checkPublicationComplete(d: DetectedPublication, options: { singleFile?: boolean } = {}): Promise<void> {
  // A single file given names itself; a folder's publication names its folder.
  const folder = options.singleFile ? d.files[0].file.name : d.folder || '.';
  const required = REQUIRED_ROLES[d.format];
  const missing = required.filter((role) => !d.files.some((f) => f.role === role)).map((role) => expectedName(d, role));
  if (missing.length > 0) {
    const all = required.map((role) => expectedName(d, role)).join(', ');
    const hint = options.singleFile
      ? ' A single file was given: give the folder that holds all the files of the publication.'
      : ' A publication goes into force only with all its files.';
    throw new EmbargoError(
      'LIST_INCOMPLETE',
      `${folder}: the ${d.source} publication (${d.format}) has no ${missing.join(', ')}; it needs ${all}.${hint}`,
      { file: d.files[0]?.file.name, missing },
    );
  }
  for (const f of d.files) {
    if (!required.includes(f.role)) continue;
    if (!(await holdsData(f.file.path)))
      throw new EmbargoError(
        'LIST_INCOMPLETE',
        `${f.file.name}: the file is empty, but the ${d.source} publication (${d.format}) needs its ${f.role}.`,
        { file: f.file.name },
      );
  }
}
