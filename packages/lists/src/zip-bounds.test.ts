/**
 * Archive bombs, built small in memory: an .xlsx with a huge dummy sheet, a zip with too many entries,
 * one that declares more than the limit, and one whose headers lie about its size. Each is refused with
 * the file's name, before inflating or at the limit.
 */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { isEmbargoError } from '@embargo/core';
import { strToU8, zipSync } from 'fflate';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { listFile } from './io.js';
import { readUkOfsiXlsx } from './formats/uk-ofsi-xlsx/parse.js';
import { enhancedXmlSource } from './formats/ofac-enhanced/zip-source.js';
import { XLSX_LIMITS, UnpackBudget, unpackEntry, zipEntries, type ZipLimits } from './zip-bounds.js';

const MiB = 1024 * 1024;
const file = listFile('/dev/null', 'bomb/ConList.xlsx');

function refusal(run: () => unknown): string {
  try {
    run();
  } catch (e) {
    if (isEmbargoError(e)) return e.message;
    throw e;
  }
  throw new Error('expected a refusal');
}

/** Sets every declared unpacked size (local headers and central directory) to `size`: a zip that lies. */
function lieAboutSizes(zip: Uint8Array, size: number): Uint8Array {
  const out = zip.slice();
  const view = new DataView(out.buffer);
  for (let i = 0; i + 4 <= out.length; i++) {
    const sig = view.getUint32(i, true);
    if (sig === 0x04034b50) view.setUint32(i + 22, size, true);
    if (sig === 0x02014b50) view.setUint32(i + 24, size, true);
  }
  return out;
}

describe('xlsx archive bombs', () => {
  test('a huge dummy sheet is refused from the declared size, before inflating', () => {
    // 300 MiB of zeros would be slow to deflate here; a small one declared as 300 MiB is the same to the directory.
    const bomb = lieAboutSizes(zipSync({ 'xl/worksheets/sheet2.xml': new Uint8Array(MiB) }, { level: 9 }), 300 * MiB);
    expect(refusal(() => readUkOfsiXlsx(file, bomb))).toBe(
      'bomb/ConList.xlsx: zip archive declares more than 200 MiB unpacked (at xl/worksheets/sheet2.xml); refused before unpacking',
    );
  });

  test('more entries than a workbook has are refused before unpacking', () => {
    const members: Record<string, Uint8Array> = {};
    for (let i = 0; i < XLSX_LIMITS.maxEntries + 1; i++) members[`xl/worksheets/sheet${i}.xml`] = strToU8('<worksheet/>');
    expect(refusal(() => readUkOfsiXlsx(file, zipSync(members)))).toBe(
      `bomb/ConList.xlsx: zip archive lists ${XLSX_LIMITS.maxEntries + 1} entries, more than the ${XLSX_LIMITS.maxEntries} a list archive may hold; refused before unpacking`,
    );
  });

  test('a sheet whose header understates its size stops at the limit', () => {
    const limits: ZipLimits = { maxEntries: 10, maxUnpackedBytes: 2 * MiB };
    const bytes = lieAboutSizes(zipSync({ 'xl/worksheets/sheet1.xml': new Uint8Array(64 * MiB) }, { level: 9 }), 1000);
    const [entry] = zipEntries(file.name, bytes, limits);
    const budget = new UnpackBudget(file.name, limits);
    expect(refusal(() => unpackEntry(file.name, bytes, entry, budget))).toBe(
      'bomb/ConList.xlsx: zip archive unpacks to more than 2 MiB (at xl/worksheets/sheet1.xml, whatever its header declares); refused',
    );
    // zlib is given the budget left as its largest output: it stops there, far from the 64 MiB the entry holds.
    expect(budget.spent).toBeLessThanOrEqual(2 * MiB + 1);
  });
});

describe('enhanced zip bombs', () => {
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'embargo-bomb-'));
  });
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  async function drain(path: string, limits?: ZipLimits): Promise<string> {
    try {
      const source = await enhancedXmlSource(listFile(path, 'bomb/CONS_ENHANCED.ZIP'), limits);
      for await (const chunk of source.chunks) void chunk;
    } catch (e) {
      if (isEmbargoError(e)) return e.message;
      throw e;
    }
    throw new Error('expected a refusal');
  }

  test('a zip declaring more than 1 GiB is refused before a byte is inflated', async () => {
    const path = join(dir, 'declared.zip');
    await writeFile(path, lieAboutSizes(zipSync({ 'CONS_ENHANCED.XML': new Uint8Array(MiB) }), 0xfffffff0));
    expect(await drain(path)).toBe(
      'bomb/CONS_ENHANCED.ZIP: zip archive declares more than 1024 MiB unpacked (at CONS_ENHANCED.XML); refused before unpacking',
    );
  });

  test('a zip whose header lies is stopped by the real output', async () => {
    const path = join(dir, 'lying.zip');
    await writeFile(path, lieAboutSizes(zipSync({ 'CONS_ENHANCED.XML': new Uint8Array(32 * MiB) }, { level: 9 }), 100));
    expect(await drain(path, { maxEntries: 10, maxUnpackedBytes: MiB })).toBe(
      'bomb/CONS_ENHANCED.ZIP: zip archive unpacks to more than 1 MiB (at CONS_ENHANCED.XML, whatever its header declares); refused',
    );
  });

  test('a zip of many entries is refused before unpacking', async () => {
    const path = join(dir, 'many.zip');
    const members: Record<string, Uint8Array> = {};
    for (let i = 0; i < 11; i++) members[`part${i}.xml`] = strToU8('<x/>');
    await writeFile(path, zipSync(members));
    expect(await drain(path)).toMatch(/^bomb\/CONS_ENHANCED\.ZIP: zip archive lists 11 entries, more than the 10/);
  });
});
