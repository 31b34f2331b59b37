/**
 * End-to-end: `embargo lists load` refuses broken list files (truncated, badly quoted, empty, wrongly
 * encoded, unknown), names the file and line, and leaves the stored publications exactly as they were.
 * Each bad file sits beside a good publication, which must not be stored either.
 */
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hasSharedArchive, SHARED_LISTS, sharedList } from '../../../../test/shared-data.js';
import { runCaptured } from '../capture-io.js';

let scratch: string;
let db: string;
let statusBefore: string;

async function statusJson(): Promise<string> {
  const { code, out, err } = await runCaptured(['lists', 'status', '--json', '--sqlite', db]);
  expect(code, err).toBe(0);
  return out;
}

/** The broken files are cut from publications of the shared archive. */
const ARCHIVE = hasSharedArchive();

beforeAll(async () => {
  if (!ARCHIVE) return;
  scratch = mkdtempSync(join(tmpdir(), 'embargo-rejects-'));
  db = join(scratch, 'embargo.db');
  const good = join(scratch, 'good', 'un-sc', '2017-07-03');
  cpSync(join(SHARED_LISTS, 'un-sc', '2017-07-03'), good, { recursive: true });
  const { code, err } = await runCaptured(['lists', 'load', join(scratch, 'good'), '--sqlite', db]);
  expect(code, err).toBe(0);
  statusBefore = await statusJson();
  expect(JSON.parse(statusBefore).publications).toMatchObject([{ source: 'un-sc', published: '2017-07-03', records: 1021, current: true }]);
});
afterAll(() => scratch && rmSync(scratch, { recursive: true, force: true }));

const unXml = () => readFileSync(sharedList('un-sc/2017-07-03/consolidated.xml'));
const sdnCsv = () => readFileSync(sharedList('ofac-sdn/2015-01-17/sdn.csv'));
/** Line number (1-based) of a byte offset. */
const lineAt = (bytes: Buffer, offset: number) => bytes.subarray(0, offset).filter((b) => b === 0x0a).length + 1;

/** Replaces one line (1-based) of a CRLF file. */
function editLine(bytes: Buffer, line: number, edit: (text: string) => string): Buffer {
  const lines = bytes.toString('latin1').split('\r\n');
  lines[line - 1] = edit(lines[line - 1]);
  return Buffer.from(lines.join('\r\n'), 'latin1');
}

interface BadCase {
  why: string;
  name: string;
  bytes: () => Buffer;
  /** What stderr must say: the file (relative to the loaded folder), the line where one applies, the reason. */
  message: () => string | RegExp;
}

const half = (b: Buffer) => b.subarray(0, Math.floor(b.length * 0.6));
/** Where the first é is: two bytes in UTF-8, one (0xE9) in Latin-1. */
const firstEAcute = () => unXml().indexOf(Buffer.from('é'));

const CASES: BadCase[] = [
  {
    why: 'a UN XML file cut off in the middle',
    name: 'consolidated.xml',
    bytes: () => half(unXml()),
    // saxes reports the unclosed element at the end of the file, on its last line.
    message: () =>
      new RegExp(`^embargo: bad/consolidated\\.xml:${lineAt(half(unXml()), half(unXml()).length)}: malformed XML: unclosed tag`, 'm'),
  },
  {
    why: 'an sdn.csv with a stray quote inside an unquoted field',
    name: 'sdn.csv',
    bytes: () => editLine(sdnCsv(), 100, (l) => l.replace('"', '')),
    message: () => /^embargo: bad\/sdn\.csv:100: broken CSV quoting/m,
  },
  {
    why: 'an sdn.csv whose last quoted field on a line is never closed',
    name: 'sdn.csv',
    bytes: () => editLine(sdnCsv(), 201, (l) => (expect(l.endsWith('"')).toBe(true), l.slice(0, -1))),
    message: () => /^embargo: bad\/sdn\.csv:201: broken CSV quoting/m,
  },
  {
    why: 'an empty sdn.csv',
    name: 'sdn.csv',
    bytes: () => Buffer.alloc(0),
    message: () => /^embargo: bad\/sdn\.csv: file is empty/m,
  },
  {
    why: 'a UN XML file re-encoded as UTF-16',
    name: 'consolidated.xml',
    bytes: () => Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(unXml().toString('utf8'), 'utf16le')]),
    message: () => /^embargo: bad\/consolidated\.xml:1: file is UTF-16/m,
  },
  {
    why: 'a UN XML file with a byte that is not UTF-8 (a Latin-1 letter)',
    name: 'consolidated.xml',
    bytes: () => {
      const b = unXml();
      const at = firstEAcute();
      expect(at).toBeGreaterThan(0);
      return Buffer.concat([b.subarray(0, at), Buffer.from([0xe9]), b.subarray(at + 2)]);
    },
    message: () => new RegExp(`^embargo: bad/consolidated\\.xml:${lineAt(unXml(), firstEAcute())}: file is not valid UTF-8`, 'm'),
  },
  {
    why: 'a file of no list format',
    name: 'foo.bin',
    bytes: () => Buffer.from([0x00, 0x01, 0x02, 0xff]),
    message: () => /^embargo: bad\/foo\.bin: not a list file Embargo recognises/m,
  },
  {
    why: 'an XML file with an unknown root element',
    name: 'list.xml',
    bytes: () => Buffer.from('<?xml version="1.0" encoding="UTF-8"?>\n<catalog><item>x</item></catalog>\n'),
    message: () => /^embargo: bad\/list\.xml: XML with root <catalog> is not a list format/m,
  },
];

describe.skipIf(!ARCHIVE)('embargo lists load rejects broken files and keeps the stored lists', () => {
  it.each(CASES)('$why', async ({ name, bytes, message }) => {
    const dir = mkdtempSync(join(scratch, 'case-'));
    // A good publication beside the bad file: the load is all or nothing.
    cpSync(join(SHARED_LISTS, 'ofac-cons', '2018-04-06'), join(dir, 'good'), { recursive: true });
    mkdirSync(join(dir, 'bad'));
    writeFileSync(join(dir, 'bad', name), bytes());

    const before = await statusJson();
    const { code, out, err } = await runCaptured(['lists', 'load', dir, '--sqlite', db]);
    expect(code).toBe(3);
    expect(out).toBe('');
    expect(err).toMatch(message());
    expect(err).toContain('Nothing was stored; the lists in force are unchanged.');
    expect(await statusJson()).toBe(before);
  });

  it('still has the first load in force afterwards', async () => {
    expect(await statusJson()).toBe(statusBefore);
  });
});
