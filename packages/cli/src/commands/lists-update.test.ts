/**
 * End-to-end: `embargo lists update --base-url` against a mirror served from the shared list files by
 * a local HTTP server. A good update swaps the files in; a truncated download, a file cut in half and a
 * 404 are rejected and leave the data folder byte for byte as it was. Nothing leaves 127.0.0.1.
 */
import { createHash } from 'node:crypto';
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { OFFICIAL_FILES } from '@embargo/lists';
import { BUNDLED_DATA, EU_FSF_FIXTURES, hasSharedMore, sharedList, sharedMoreList } from '../../../../test/shared-data.js';
import { runCaptured } from '../capture-io.js';

/** Canada's file is a test fixture in ../shared only (its terms forbid bundling it). */
const CA = 'ca-sema/2020-04/sema-lmes.xml';

/**
 * What the mirror serves at `/<source>/<file>`: the bundled publications, the EU fixture and Canada's file of
 * 2020. No sdn_comments.csv belongs to the SDN publication of 2023-12-28, so the mirror sends an empty one, as
 * OFAC does when there are none.
 */
const SERVED: Record<string, Buffer> = {
  'ofac-sdn/sdn.csv': readFileSync(sharedList('ofac-sdn/2023-12-28/sdn.csv')),
  'ofac-sdn/add.csv': readFileSync(sharedList('ofac-sdn/2023-12-28/add.csv')),
  'ofac-sdn/alt.csv': readFileSync(sharedList('ofac-sdn/2023-12-28/alt.csv')),
  'ofac-sdn/sdn_comments.csv': Buffer.alloc(0),
  'ofac-cons/cons_prim.csv': readFileSync(sharedList('ofac-cons/2025-12-19/cons_prim.csv')),
  'ofac-cons/cons_add.csv': readFileSync(sharedList('ofac-cons/2025-12-19/cons_add.csv')),
  'ofac-cons/cons_alt.csv': readFileSync(sharedList('ofac-cons/2025-12-19/cons_alt.csv')),
  'ofac-cons/cons_comments.csv': readFileSync(sharedList('ofac-cons/2025-12-19/cons_comments.csv')),
  'un-sc/consolidated.xml': readFileSync(sharedList('un-sc/2026-02-27/consolidated.xml')),
  'uk-hmt/ConList.xlsx': readFileSync(sharedList('uk-hmt-conlist/2025-04-14/ConList.xlsx')),
  'eu-fsf/xmlFullSanctionsList_1_1.xml': readFileSync(join(EU_FSF_FIXTURES, 'eu-fsf/2026-11-28/xmlFullSanctionsList_1_1.xml')),
  'au-dfat/regulation8_consolidated.xlsx': readFileSync(join(BUNDLED_DATA, 'au-dfat/2024-11-11/regulation8_consolidated.xlsx')),
  ...(hasSharedMore(CA) ? { 'ca-sema/sema-lmes.xml': readFileSync(sharedMoreList(CA)) } : {}),
};

/**
 * How the mirror misbehaves for one file: a 404, a body cut off before its Content-Length, half a file sent as
 * whole, or no answer at all (the connection closed before any byte, as an unreachable publisher).
 */
type Fault = { file: string; kind: 'not-found' | 'connection-dropped' | 'half-file' | 'unreachable' };
let fault: Fault | undefined;
const requested: string[] = [];

const server: Server = createServer((req, res) => {
  const file = decodeURIComponent(req.url ?? '').replace(/^\/+/, '');
  requested.push(file);
  const body = SERVED[file];
  if (!body || (fault?.file === file && fault.kind === 'not-found')) {
    res.writeHead(404).end('not found');
    return;
  }
  if (fault?.file === file && fault.kind === 'unreachable') {
    req.socket.destroy();
    return;
  }
  if (fault?.file === file && fault.kind === 'connection-dropped') {
    res.writeHead(200, { 'Content-Length': String(body.length) });
    res.write(body.subarray(0, body.length >> 1), () => res.destroy());
    return;
  }
  const sent = fault?.file === file && fault.kind === 'half-file' ? body.subarray(0, body.length >> 1) : body;
  res.writeHead(200, { 'Content-Length': String(sent.length) }).end(sent);
});
let baseUrl: string;
let scratch: string;

beforeAll(async () => {
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  scratch = mkdtempSync(join(tmpdir(), 'embargo-update-'));
  // Nothing may reach the internet: any fetch beyond the local mirror fails the test.
  const realFetch = globalThis.fetch;
  vi.stubGlobal('fetch', (input: string | URL | Request, init?: RequestInit) => {
    const url = new URL(input instanceof Request ? input.url : input);
    if (url.host !== new URL(baseUrl).host) throw new Error(`test tried to fetch ${url}`);
    return realFetch(input, init);
  });
});
afterAll(async () => {
  vi.unstubAllGlobals();
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
  rmSync(scratch, { recursive: true, force: true });
});
beforeEach(() => {
  fault = undefined;
  requested.length = 0;
});

/** SHA-256 of every file and folder under `dir`, dot-files included (a left-over staging folder counts). */
function snapshot(dir: string): Record<string, string> {
  const out: Record<string, string> = {};
  const walk = (d: string): void => {
    for (const e of readdirSync(d, { withFileTypes: true })) {
      const path = join(d, e.name);
      if (e.isDirectory()) {
        out[`${relative(dir, path)}/`] = 'folder';
        walk(path);
      } else out[relative(dir, path)] = createHash('sha256').update(readFileSync(path)).digest('hex');
    }
  };
  walk(dir);
  return out;
}

describe.skipIf(!hasSharedMore(CA))('embargo lists update', () => {
  it('mirrors every official file it fetches', () => {
    expect(OFFICIAL_FILES.map((f) => `${f.source}/${f.name}`).sort()).toEqual(Object.keys(SERVED).sort());
  });

  it('downloads, verifies and swaps in the seven publications', async () => {
    const dataDir = join(scratch, 'fresh');
    const update = await runCaptured(['lists', 'update', '--data-dir', dataDir, '--base-url', baseUrl]);
    expect(update.code, update.err).toBe(0);
    expect(requested.sort()).toEqual(Object.keys(SERVED).sort());
    expect(update.err.match(/^downloaded /gm)).toHaveLength(OFFICIAL_FILES.length);
    // The UN, UK, EU and DFAT files state their dates; the OFAC CSV and Canadian files do not, so they are filed
    // under the day of download.
    const files = snapshot(dataDir);
    const sha = (b: Buffer) => createHash('sha256').update(b).digest('hex');
    expect(files['un-sc/2026-02-27/consolidated.xml']).toBe(sha(SERVED['un-sc/consolidated.xml']));
    expect(files['uk-hmt/2025-04-14/ConList.xlsx']).toBe(sha(SERVED['uk-hmt/ConList.xlsx']));
    expect(files['eu-fsf/2026-11-28/xmlFullSanctionsList_1_1.xml']).toBe(sha(SERVED['eu-fsf/xmlFullSanctionsList_1_1.xml']));
    expect(files['au-dfat/2024-11-11/regulation8_consolidated.xlsx']).toBe(sha(SERVED['au-dfat/regulation8_consolidated.xlsx']));
    expect(Object.keys(files).filter((f) => f.startsWith('.'))).toEqual([]);

    const inspect = await runCaptured(['lists', 'inspect', dataDir, '--json']);
    expect(inspect.code, inspect.err).toBe(0);
    const pubs = (JSON.parse(inspect.out) as { publications: { source: string; published: string; records: number }[] }).publications;
    expect(pubs.map((p) => [p.source, p.records])).toEqual([
      ['au-dfat', 3062],
      ['ca-sema', 1369],
      ['eu-fsf', 6],
      ['ofac-cons', 442],
      ['ofac-sdn', 13821],
      ['uk-hmt', 4688],
      ['un-sc', 1003],
    ]);
    const ofacDay = pubs[4].published;
    expect(pubs[1].published).toBe(ofacDay);
    expect(files[`ca-sema/${ofacDay}/sema-lmes.xml`]).toBe(sha(SERVED['ca-sema/sema-lmes.xml']));
    expect(ofacDay).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect(files[`ofac-sdn/${ofacDay}/sdn.csv`]).toBe(sha(SERVED['ofac-sdn/sdn.csv']));
    expect(update.out).toMatch(new RegExp(`^un-sc\\s+2026-02-27\\s+1003\\s+un-sc/2026-02-27$`, 'm'));
  });

  const REJECTED: { fault: Fault; code: number; message: RegExp; sources?: string[] }[] = [
    {
      fault: { file: 'un-sc/consolidated.xml', kind: 'connection-dropped' },
      code: 4,
      message: /^embargo: http:\/\/127\.0\.0\.1:\d+\/un-sc\/consolidated\.xml: (the download broke off|truncated download)/m,
    },
    {
      fault: { file: 'un-sc/consolidated.xml', kind: 'half-file' },
      // The OFAC consolidated list verifies before the UN file fails, and must not be swapped in alone.
      // (Two sources, not four, to keep the test quick: the SDN and UK files would verify the same way.)
      sources: ['ofac-cons', 'un-sc'],
      code: 4,
      // Named by its URL, with the line where the XML stops.
      message:
        /^embargo: http:\/\/127\.0\.0\.1:\d+\/un-sc\/consolidated\.xml: the downloaded file does not verify \(consolidated\.xml:\d+: malformed XML: unclosed tag/m,
    },
    {
      fault: { file: 'ofac-cons/cons_alt.csv', kind: 'not-found' },
      code: 4,
      message: /^embargo: http:\/\/127\.0\.0\.1:\d+\/ofac-cons\/cons_alt\.csv: the server answered 404$/m,
    },
    {
      // DFAT's workbook cut in half with a matching Content-Length: the zip has no central directory.
      fault: { file: 'au-dfat/regulation8_consolidated.xlsx', kind: 'half-file' },
      sources: ['au-dfat'],
      code: 4,
      message:
        /^embargo: http:\/\/127\.0\.0\.1:\d+\/au-dfat\/regulation8_consolidated\.xlsx: the downloaded file does not verify \(regulation8_consolidated\.xlsx: /m,
    },
    {
      fault: { file: 'eu-fsf/xmlFullSanctionsList_1_1.xml', kind: 'half-file' },
      sources: ['eu-fsf', 'un-sc'],
      code: 4,
      message:
        /^embargo: http:\/\/127\.0\.0\.1:\d+\/eu-fsf\/xmlFullSanctionsList_1_1\.xml: the downloaded file does not verify \(xmlFullSanctionsList_1_1\.xml:\d+: XML ends early/m,
    },
    {
      fault: { file: 'ca-sema/sema-lmes.xml', kind: 'unreachable' },
      sources: ['ca-sema'],
      code: 4,
      // The cause Node's fetch hides is named (here the socket the server closed).
      message: /^embargo: http:\/\/127\.0\.0\.1:\d+\/ca-sema\/sema-lmes\.xml: cannot download \(fetch failed: UND_ERR_SOCKET\)$/m,
    },
  ];

  it.each(REJECTED)(
    'rejects $fault.kind of $fault.file and leaves the data folder unchanged',
    async ({ fault: f, code, message, sources }) => {
      const dataDir = mkdtempSync(join(scratch, 'data-'));
      cpSync(BUNDLED_DATA, dataDir, { recursive: true });
      const before = snapshot(dataDir);
      fault = f;
      const only = sources ? ['--source', ...sources] : [];
      const update = await runCaptured(['lists', 'update', '--data-dir', dataDir, '--base-url', baseUrl, ...only]);
      expect(update.code).toBe(code);
      expect(update.err).toMatch(message);
      expect(update.err).toContain('Nothing was stored; the lists in force are unchanged.');
      expect(update.out).toBe('');
      expect(snapshot(dataDir)).toEqual(before);
    },
  );

  it('lists the mirror URLs on a dry run without downloading', async () => {
    const { code, out } = await runCaptured(['lists', 'update', '--dry-run', '--base-url', baseUrl, '--source', 'un-sc']);
    expect(code).toBe(0);
    expect(out).toMatch(new RegExp(`^un-sc\\s+consolidated\\.xml\\s+${baseUrl}/un-sc/consolidated\\.xml$`, 'm'));
    expect(out).not.toContain('ofac');
    expect(requested).toEqual([]);
  });
});
