/**
 * @module load
 * Turns detected list files into publications: hashes each file, runs its format's parser, and
 * returns core `ListPublication`s. Nothing here stores anything; a parse error rejects the whole load.
 */
import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { basename, dirname } from 'node:path';
import type { ListPublication, PublicationFile } from '@embargo/core';
import { detectPublications, type DetectedPublication, type RecognisedFile } from './detect.js';
import type { ParsedList } from './format.js';
import { FileDigest } from './io.js';
import { parseOfacCsv } from './formats/ofac-csv/index.js';
import { parseOfacLegacyXml } from './formats/ofac-xml/index.js';
import { parseOfacAdvancedXml } from './formats/ofac-advanced/index.js';
import { parseOfacEnhancedXml } from './formats/ofac-enhanced/index.js';
import { parseUnXml } from './formats/un-xml/index.js';
import { parseUkHmtCsv } from './formats/uk-hmt-csv/index.js';
import { parseUkOfsiXlsx } from './formats/uk-ofsi-xlsx/index.js';
import { parseEuFsfXml } from './formats/eu-fsf-xml/index.js';
import { parseAuDfatXlsx } from './formats/au-dfat-xlsx/index.js';
import { parseCaSemaXml } from './formats/ca-sema-xml/index.js';

async function sha256(path: string): Promise<string> {
  const hash = createHash('sha256');
  for await (const chunk of createReadStream(path)) hash.update(chunk as Buffer);
  return hash.digest('hex');
}

function parseDetected(d: DetectedPublication): Promise<ParsedList> {
  const primary = d.files.find((f) => f.role === 'primary')!.file;
  const role = (r: string) => d.files.find((f) => f.role === r)?.file;
  const source = d.source === 'ofac-cons' ? 'ofac-cons' : 'ofac-sdn';
  switch (d.format) {
    case 'ofac-csv':
      return parseOfacCsv({ source, primary, addresses: role('addresses'), aliases: role('aliases'), comments: role('comments') });
    case 'ofac-xml':
      return parseOfacLegacyXml(primary, source);
    case 'ofac-advanced':
      return parseOfacAdvancedXml(primary, source);
    case 'ofac-enhanced':
      return parseOfacEnhancedXml(primary, source);
    case 'un-xml':
      return parseUnXml(primary);
    case 'uk-hmt-csv':
      return parseUkHmtCsv(primary);
    case 'uk-ofsi-xlsx':
      return parseUkOfsiXlsx(primary);
    case 'eu-fsf-xml':
      return parseEuFsfXml(primary);
    case 'au-dfat-xlsx':
      return parseAuDfatXlsx(primary);
    case 'ca-sema-xml':
      return parseCaSemaXml(primary);
  }
}

/**
 * A folder named like a date (`ofac-sdn/2023-12-28/`) dates a publication whose files do not state it.
 * The folder is read from the file's own path, not the path relative to the loaded root, so loading
 * `ofac-sdn/2023-12-28` itself (or one file in it) dates it too.
 */
function dateFromFolder(filePath: string): string | null {
  const folder = basename(dirname(filePath));
  return /^\d{4}-\d{2}-\d{2}$/.test(folder) ? folder : null;
}

/** The SHA-256 of each file of a detected publication, read from disk without parsing (to tell one already stored). */
export async function publicationFileHashes(d: DetectedPublication): Promise<string[]> {
  return Promise.all(d.files.map((f) => sha256(f.file.path)));
}

/**
 * Parses one detected publication and describes its files. Each file is hashed from the bytes its parser
 * reads; a file the parser did not read exactly once and whole is hashed from disk.
 */
export async function parsePublication(d: DetectedPublication): Promise<ListPublication> {
  const digested = d.files.map((f): RecognisedFile => ({ ...f, file: { ...f.file, digest: new FileDigest() } }));
  const parsed = await parseDetected({ ...d, files: digested });
  const files = await Promise.all(
    digested.map(async (f): Promise<PublicationFile> => {
      const bytes = (await stat(f.file.path)).size;
      return { path: f.file.name, sha256: f.file.digest!.sha256(bytes) ?? (await sha256(f.file.path)), bytes, format: f.format };
    }),
  );
  return {
    source: parsed.source,
    published: parsed.published ?? dateFromFolder(d.files[0].file.path),
    files,
    entities: parsed.entities,
    relationships: parsed.relationships,
    issues: parsed.issues,
  };
}

export interface LoadProgress {
  done: number;
  total: number;
  current: DetectedPublication;
}

/**
 * Detects and parses every publication under `root`. Any file that fails to parse rejects the whole
 * load with that file's error, so a caller never stores half a folder.
 * @example const pubs = await loadListDirectory('data'); pubs.map(p => p.source)
 */
export async function loadListDirectory(root: string, onProgress?: (p: LoadProgress) => void): Promise<ListPublication[]> {
  const { publications } = await detectPublications(root);
  const out: ListPublication[] = [];
  for (const [i, d] of publications.entries()) {
    onProgress?.({ done: i, total: publications.length, current: d });
    out.push(await parsePublication(d));
  }
  return out;
}
