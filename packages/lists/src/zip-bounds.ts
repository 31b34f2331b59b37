/**
 * @module zip-bounds
 * Archive-bomb defences for the zipped list formats (OFSI's ConList.xlsx, DFAT's workbook, OFAC's *_ENHANCED.ZIP).
 * Before anything is inflated, the central directory is read and its entry count and declared unpacked
 * sizes are checked against named limits; while inflating, the real output is counted too, because a zip's
 * declared sizes are written by whoever made it and can lie. Either way the refusal is a LIST_PARSE error
 * naming the file, and the work done before it is bounded by the limit, not by the archive.
 */
import { isEmbargoError, listParseError } from '@embargo/core';
import { open } from 'node:fs/promises';
import { inflateRawSync } from 'node:zlib';

export interface ZipLimits {
  /** Entries the central directory may list. */
  maxEntries: number;
  /** Bytes all entries may unpack to, declared or real. */
  maxUnpackedBytes: number;
}

const MiB = 1024 * 1024;

/**
 * OFSI's ConList.xlsx of 2025-04-14 holds 7 entries that unpack to 16 MiB (a 12 MiB sheet, 4 MiB of shared
 * strings); the limits leave room for the list to grow about tenfold, and an .xlsx is unpacked in memory.
 */
export const XLSX_LIMITS: ZipLimits = { maxEntries: 100, maxUnpackedBytes: 200 * MiB };

/**
 * OFAC's enhanced zips hold one XML file: CONS_ENHANCED.XML of 2025-01-10 is 3.3 MiB, SDN_ENHANCED.XML about
 * 100 MiB. It is inflated as it is parsed (never held whole), so the limit bounds time more than memory.
 */
export const ENHANCED_ZIP_LIMITS: ZipLimits = { maxEntries: 10, maxUnpackedBytes: 1024 * MiB };

/** One entry as the central directory describes it. */
export interface ZipEntry {
  name: string;
  /** 0 stored, 8 deflated. */
  method: number;
  compressedSize: number;
  /** As declared; the real output is counted while inflating. */
  declaredSize: number;
  localHeaderOffset: number;
}

const EOCD_SIGNATURE = 0x06054b50;
const CENTRAL_SIGNATURE = 0x02014b50;
const LOCAL_SIGNATURE = 0x04034b50;
/** The end-of-central-directory record is 22 bytes plus a comment of at most 65,535. */
const EOCD_SEARCH = 22 + 0xffff;
/** Zip64 marks a count or size that does not fit with all ones; those are far beyond every limit here. */
const ZIP64_COUNT = 0xffff;
const ZIP64_SIZE = 0xffffffff;

function formatBytes(n: number): string {
  return n >= MiB ? `${Math.round(n / MiB)} MiB` : `${n} bytes`;
}

/** Where the central directory lies, from the archive's last bytes (at most 64 KiB + 22 of them). */
export function readEndOfCentralDirectory(fileName: string, tail: Uint8Array): { entries: number; size: number; offset: number } {
  const view = new DataView(tail.buffer, tail.byteOffset, tail.byteLength);
  for (let i = tail.length - 22; i >= 0; i--) {
    if (view.getUint32(i, true) !== EOCD_SIGNATURE) continue;
    return { entries: view.getUint16(i + 10, true), size: view.getUint32(i + 12, true), offset: view.getUint32(i + 16, true) };
  }
  throw listParseError(fileName, undefined, 'zip archive is corrupt or truncated (no end of central directory)');
}

/** Checks the entry count before the directory is read entry by entry. */
export function checkEntryCount(fileName: string, entries: number, limits: ZipLimits): void {
  if (entries === ZIP64_COUNT || entries > limits.maxEntries) {
    throw listParseError(
      fileName,
      undefined,
      `zip archive lists ${entries === ZIP64_COUNT ? '65,535 or more' : entries} entries, more than the ${limits.maxEntries} a list archive may hold; refused before unpacking`,
    );
  }
}

/** Reads the central directory's entries and refuses the archive when they declare more than the limits. */
export function readCentralDirectory(fileName: string, directory: Uint8Array, entries: number, limits: ZipLimits): ZipEntry[] {
  checkEntryCount(fileName, entries, limits);
  const view = new DataView(directory.buffer, directory.byteOffset, directory.byteLength);
  const out: ZipEntry[] = [];
  let declaredTotal = 0;
  let at = 0;
  for (let n = 0; n < entries; n++) {
    if (at + 46 > directory.length || view.getUint32(at, true) !== CENTRAL_SIGNATURE)
      throw listParseError(fileName, undefined, 'zip archive is corrupt (central directory entry out of place)');
    const nameLength = view.getUint16(at + 28, true);
    const entry: ZipEntry = {
      method: view.getUint16(at + 10, true),
      compressedSize: view.getUint32(at + 20, true),
      declaredSize: view.getUint32(at + 24, true),
      localHeaderOffset: view.getUint32(at + 42, true),
      name: new TextDecoder().decode(directory.subarray(at + 46, at + 46 + nameLength)),
    };
    declaredTotal += entry.declaredSize === ZIP64_SIZE ? Number.POSITIVE_INFINITY : entry.declaredSize;
    if (declaredTotal > limits.maxUnpackedBytes) {
      throw listParseError(
        fileName,
        undefined,
        `zip archive declares more than ${formatBytes(limits.maxUnpackedBytes)} unpacked (at ${entry.name}); refused before unpacking`,
      );
    }
    out.push(entry);
    at += 46 + nameLength + view.getUint16(at + 30, true) + view.getUint16(at + 32, true);
  }
  return out;
}

/** The entries of an archive held in memory (an .xlsx), checked against the limits. */
export function zipEntries(fileName: string, bytes: Uint8Array, limits: ZipLimits): ZipEntry[] {
  const eocd = readEndOfCentralDirectory(fileName, bytes.subarray(Math.max(0, bytes.length - EOCD_SEARCH)));
  checkEntryCount(fileName, eocd.entries, limits);
  if (eocd.offset + eocd.size > bytes.length)
    throw listParseError(fileName, undefined, 'zip archive is corrupt or truncated (central directory past the end)');
  return readCentralDirectory(fileName, bytes.subarray(eocd.offset, eocd.offset + eocd.size), eocd.entries, limits);
}

/** Counts real unpacked bytes across the entries of one archive, and stops at the limit. */
export class UnpackBudget {
  private used = 0;
  constructor(
    private readonly fileName: string,
    private readonly limits: ZipLimits,
  ) {}

  /** Bytes that may still be unpacked. */
  get left(): number {
    return this.limits.maxUnpackedBytes - this.used;
  }

  /** Bytes unpacked so far. */
  get spent(): number {
    return this.used;
  }

  spend(bytes: number, entry: string): void {
    this.used += bytes;
    if (this.used > this.limits.maxUnpackedBytes) {
      throw listParseError(
        this.fileName,
        undefined,
        `zip archive unpacks to more than ${formatBytes(this.limits.maxUnpackedBytes)} (at ${entry}, whatever its header declares); refused`,
      );
    }
  }
}

/**
 * Unpacks one entry of an archive held in memory, spending the budget on its real output. zlib is told the
 * budget left as its largest output, so a bomb stops there, whatever the entry's header declares. (zlib, not
 * fflate's streaming inflater: in a fresh process fflate took ~400 ms of CPU for DFAT's 5 MB sheet, zlib ~50.)
 */
export function unpackEntry(fileName: string, bytes: Uint8Array, entry: ZipEntry, budget: UnpackBudget): Uint8Array {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const local = entry.localHeaderOffset;
  if (local + 30 > bytes.length || view.getUint32(local, true) !== LOCAL_SIGNATURE)
    throw listParseError(fileName, undefined, `zip archive is corrupt (no local header for ${entry.name})`);
  const start = local + 30 + view.getUint16(local + 26, true) + view.getUint16(local + 28, true);
  const data = bytes.subarray(start, start + entry.compressedSize);
  if (data.length !== entry.compressedSize) throw listParseError(fileName, undefined, `zip archive is truncated (in ${entry.name})`);
  if (entry.method === 0 || data.length === 0) {
    budget.spend(data.length, entry.name);
    return data;
  }
  if (entry.method !== 8)
    throw listParseError(fileName, undefined, `${entry.name} is compressed with method ${entry.method}, which Embargo does not read`);
  const left = budget.left;
  let out: Buffer;
  try {
    out = inflateRawSync(data, { maxOutputLength: Math.max(1, left) });
  } catch (e) {
    // Past the budget: spend one byte more than is left, which refuses with the budget's own words.
    if ((e as NodeJS.ErrnoException).code === 'ERR_BUFFER_TOO_LARGE' || e instanceof RangeError) budget.spend(left + 1, entry.name);
    if (isEmbargoError(e)) throw e;
    throw listParseError(fileName, undefined, `cannot unzip ${entry.name} (${(e as Error).message})`, e);
  }
  budget.spend(out.length, entry.name);
  return new Uint8Array(out.buffer, out.byteOffset, out.length);
}

/**
 * Checks an archive on disk (read as a stream afterwards) from its end-of-central-directory record and
 * central directory alone, before a byte of it is inflated.
 */
export async function checkZipFile(path: string, fileName: string, limits: ZipLimits): Promise<ZipEntry[]> {
  const handle = await open(path, 'r');
  try {
    const { size } = await handle.stat();
    const tailLength = Math.min(size, EOCD_SEARCH);
    const tail = Buffer.alloc(tailLength);
    await handle.read(tail, 0, tailLength, size - tailLength);
    const eocd = readEndOfCentralDirectory(fileName, tail);
    checkEntryCount(fileName, eocd.entries, limits);
    if (eocd.offset + eocd.size > size)
      throw listParseError(fileName, undefined, 'zip archive is corrupt or truncated (central directory past the end)');
    const directory = Buffer.alloc(eocd.size);
    await handle.read(directory, 0, eocd.size, eocd.offset);
    return readCentralDirectory(fileName, directory, eocd.entries, limits);
  } finally {
    await handle.close();
  }
}
