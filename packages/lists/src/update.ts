/**
 * @module update
 * Downloads the publishers' current list files, checks that every one parses, and only then swaps them
 * into the data folder, so a failed or truncated download never replaces lists that work.
 */
import { mkdir, mkdtemp, rename, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { EmbargoError, type ListSource } from '@embargo/core';
import { detectPublications } from './detect.js';
import { parsePublication } from './load.js';

export interface OfficialFile {
  source: ListSource;
  /** The file name Embargo stores it under (what format detection expects). */
  name: string;
  /** The publisher's URL. */
  url: string;
}

const OFAC_SLS = 'https://sanctionslistservice.ofac.treas.gov/api/PublicationPreview/exports';

/** Where each publisher serves its current files. */
export const OFFICIAL_FILES: readonly OfficialFile[] = [
  { source: 'ofac-sdn', name: 'sdn.csv', url: `${OFAC_SLS}/SDN.CSV` },
  { source: 'ofac-sdn', name: 'add.csv', url: `${OFAC_SLS}/ADD.CSV` },
  { source: 'ofac-sdn', name: 'alt.csv', url: `${OFAC_SLS}/ALT.CSV` },
  { source: 'ofac-sdn', name: 'sdn_comments.csv', url: `${OFAC_SLS}/SDN_COMMENTS.CSV` },
  { source: 'ofac-cons', name: 'cons_prim.csv', url: `${OFAC_SLS}/CONS_PRIM.CSV` },
  { source: 'ofac-cons', name: 'cons_add.csv', url: `${OFAC_SLS}/CONS_ADD.CSV` },
  { source: 'ofac-cons', name: 'cons_alt.csv', url: `${OFAC_SLS}/CONS_ALT.CSV` },
  { source: 'ofac-cons', name: 'cons_comments.csv', url: `${OFAC_SLS}/CONS_COMMENTS.CSV` },
  { source: 'un-sc', name: 'consolidated.xml', url: 'https://scsanctions.un.org/resources/xml/en/consolidated.xml' },
  { source: 'uk-hmt', name: 'ConList.xlsx', url: 'https://ofsistorage.blob.core.windows.net/publishlive/2022format/ConList.xlsx' },
  // The Commission's public download link for the full list; its token is the one the FSF portal gives everyone.
  {
    source: 'eu-fsf',
    name: 'xmlFullSanctionsList_1_1.xml',
    url: 'https://webgate.ec.europa.eu/fsd/fsf/public/files/xmlFullSanctionsList_1_1/content?token=dG9rZW4tMjAxNw',
  },
  {
    source: 'au-dfat',
    name: 'regulation8_consolidated.xlsx',
    url: 'https://www.dfat.gov.au/sites/default/files/regulation8_consolidated.xlsx',
  },
  {
    source: 'ca-sema',
    name: 'sema-lmes.xml',
    url: 'https://www.international.gc.ca/world-monde/assets/office_docs/international_relations-relations_internationales/sanctions/sema-lmes.xml',
  },
];

export interface UpdateOptions {
  /** The data folder to update (its `<source>/` sub-folders are replaced). */
  dataDir: string;
  /** A mirror serving `<baseUrl>/<source>/<name>` instead of the publishers' URLs. */
  baseUrl?: string;
  sources?: ListSource[];
  /** Injected for tests and proxies. */
  fetch?: typeof globalThis.fetch;
  /** The clock, for naming folders of files that state no date. */
  now?: () => Date;
  onFile?: (file: OfficialFile, bytes: number) => void;
}

export interface UpdatedSource {
  source: ListSource;
  published: string | null;
  folder: string;
  records: number;
}

export function urlOf(file: OfficialFile, baseUrl?: string): string {
  return baseUrl ? `${baseUrl.replace(/\/+$/, '')}/${file.source}/${file.name}` : file.url;
}

/**
 * Set in the context of a LIST_DOWNLOAD error when the publisher gave no answer to judge (no connection,
 * or an HTTP error status), as opposed to an answer that was refused (cut short, empty, not parsing): a
 * scheduled check reports the first as "unreachable", the second as "refused".
 */
export const DOWNLOAD_UNREACHABLE = 'unreachable';

async function download(file: OfficialFile, url: string, fetchFn: typeof globalThis.fetch): Promise<Buffer> {
  let response: Response;
  try {
    response = await fetchFn(url, { redirect: 'follow' });
  } catch (e) {
    const context = { file: file.name, url, failure: DOWNLOAD_UNREACHABLE };
    throw new EmbargoError('LIST_DOWNLOAD', `${url}: cannot download (${describeFetchError(e)})`, context, { cause: e });
  }
  if (!response.ok)
    throw new EmbargoError('LIST_DOWNLOAD', `${url}: the server answered ${response.status}`, {
      file: file.name,
      url,
      failure: DOWNLOAD_UNREACHABLE,
    });
  let body: Buffer;
  try {
    body = Buffer.from(await response.arrayBuffer());
  } catch (e) {
    const reason = describeFetchError(e);
    throw new EmbargoError(
      'LIST_DOWNLOAD',
      `${url}: the download broke off, truncated (${reason})`,
      { file: file.name, url },
      { cause: e },
    );
  }
  const declared = Number(response.headers.get('content-length') ?? NaN);
  if (Number.isFinite(declared) && declared !== body.length && !response.headers.get('content-encoding'))
    throw new EmbargoError('LIST_DOWNLOAD', `${url}: truncated download (${body.length} of ${declared} bytes)`, { file: file.name });
  if (body.length === 0 && !file.name.includes('comments'))
    throw new EmbargoError('LIST_DOWNLOAD', `${url}: the server sent an empty file`, { file: file.name });
  return body;
}

/** Node's fetch says only "fetch failed"; the reason a user can act on (ECONNREFUSED, ENOTFOUND) is its cause. */
function describeFetchError(e: unknown): string {
  const error = e as Error & { cause?: { code?: string; message?: string } };
  const cause = error.cause?.code ?? error.cause?.message;
  return cause && !error.message.includes(cause) ? `${error.message}: ${cause}` : error.message;
}

/**
 * A downloaded file that does not parse (cut short with a matching Content-Length, or corrupt) is named
 * by its URL: its path in the staging folder, under today's date, means nothing to the user.
 */
function asVerificationError(e: unknown, files: readonly OfficialFile[], baseUrl?: string): unknown {
  if (!(e instanceof EmbargoError) || !e.code.startsWith('LIST_')) return e;
  const staged = String(e.context.file ?? '');
  const file = files.find((f) => staged.startsWith(`${f.source}/`) && staged.endsWith(`/${f.name}`));
  if (!file) return e;
  const url = urlOf(file, baseUrl);
  const reason = e.message.startsWith(staged) ? file.name + e.message.slice(staged.length) : e.message;
  const context = { ...e.context, file: file.name, url };
  return new EmbargoError('LIST_DOWNLOAD', `${url}: the downloaded file does not verify (${reason})`, context, { cause: e });
}

/**
 * Downloads, verifies and swaps in the current official files.
 * @example await updateLists({ dataDir: 'data', baseUrl: 'http://127.0.0.1:9000' })
 */
export async function updateLists(options: UpdateOptions): Promise<UpdatedSource[]> {
  const fetchFn = options.fetch ?? globalThis.fetch;
  const now = options.now ?? (() => new Date());
  const files = OFFICIAL_FILES.filter((f) => !options.sources || options.sources.includes(f.source));
  await mkdir(options.dataDir, { recursive: true });
  const staging = await mkdtemp(join(options.dataDir, '.staging-'));
  try {
    const today = now().toISOString().slice(0, 10);
    for (const file of files) {
      const body = await download(file, urlOf(file, options.baseUrl), fetchFn);
      await mkdir(join(staging, file.source, today), { recursive: true });
      await writeFile(join(staging, file.source, today, file.name), body);
      options.onFile?.(file, body.length);
    }
    // Verify: every publication must parse before any is swapped in.
    const verified: UpdatedSource[] = [];
    const { publications } = await detectPublications(staging).catch((e: unknown) => {
      throw asVerificationError(e, files, options.baseUrl);
    });
    for (const d of publications) {
      const pub = await parsePublication(d).catch((e: unknown) => {
        throw asVerificationError(e, files, options.baseUrl);
      });
      const folder = pub.published ?? today;
      if (folder !== today) await rename(join(staging, d.source, today), join(staging, d.source, folder));
      verified.push({ source: d.source, published: pub.published, folder: `${d.source}/${folder}`, records: pub.entities.length });
    }
    for (const v of verified) {
      const target = join(options.dataDir, v.source);
      const retired = join(staging, `.retired-${v.source}`);
      await rename(target, retired).catch((e: NodeJS.ErrnoException) => {
        if (e.code !== 'ENOENT') throw e;
      });
      await rename(join(staging, v.source), target);
    }
    return verified;
  } finally {
    await rm(staging, { recursive: true, force: true });
  }
}
