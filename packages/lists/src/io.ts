/**
 * @module io
 * Small file helpers shared by the format modules: naming files, reading text in the publisher's
 * encoding, the OFAC end-of-file marker, and hashing a file with the bytes a parser reads from it.
 */
import { createHash, type Hash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { basename } from 'node:path';
import { listParseError } from '@embargo/core';
import type { ListFile } from './format.js';

export function listFile(path: string, name: string = basename(path)): ListFile {
  return { path, name };
}

/**
 * The SHA-256 and size of the bytes read from one file. Loading gives one to each file it parses (as
 * `ListFile.digest`) and the readers below feed it, so a publication's files are read from disk once, not
 * once to parse and again to hash (the second read and its stream cost ~30 ms of an SDN + UN load).
 */
export class FileDigest {
  private readonly hash: Hash = createHash('sha256');
  private reads = 0;
  private bytes = 0;

  /** A reader starts reading the file from its first byte. */
  begin(): void {
    this.reads++;
  }

  update(chunk: Uint8Array): void {
    this.hash.update(chunk);
    this.bytes += chunk.length;
  }

  /**
   * The hex digest, when exactly one read covered all `size` bytes of the file; undefined when the parser
   * read it twice, stopped early or never read it (the caller then hashes the file itself).
   */
  sha256(size: number): string | undefined {
    return this.reads === 1 && this.bytes === size ? this.hash.digest('hex') : undefined;
  }
}

/** Reads the whole file; a missing or unreadable file becomes a LIST_PARSE error naming it. */
export async function readBytes(file: ListFile): Promise<Buffer> {
  let bytes: Buffer;
  try {
    bytes = await readFile(file.path);
  } catch (e) {
    throw listParseError(file.name, undefined, `cannot read file (${(e as NodeJS.ErrnoException).code ?? 'error'})`, e);
  }
  file.digest?.begin();
  file.digest?.update(bytes);
  return bytes;
}

/** The file's bytes in chunks, for parsers that work incrementally. */
export async function* openStream(file: ListFile): AsyncGenerator<Uint8Array> {
  file.digest?.begin();
  for await (const chunk of createReadStream(file.path)) {
    file.digest?.update(chunk as Buffer);
    yield chunk as Buffer;
  }
}

/**
 * Decodes UTF-8 strictly: a byte sequence that is not UTF-8 is an error with the line it is on,
 * because a list silently decoded in the wrong encoding corrupts names.
 */
export function decodeUtf8Strict(file: ListFile, bytes: Uint8Array): string {
  try {
    return new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(bytes);
  } catch (e) {
    const line = lineOfFirstInvalidUtf8(bytes);
    throw listParseError(file.name, line, 'file is not valid UTF-8 (wrong encoding?)', e);
  }
}

/** The Windows-1252 letters at bytes 0x80–0x9F (where Latin-1 has control codes). */
const CP1252_HIGH = '€\u0081‚ƒ„…†‡ˆ‰Š‹Œ\u008DŽ\u008F\u0090‘’“”•–—˜™š›œ\u009DžŸ';

/**
 * Windows-1252, as the HMT 2014 CSV is encoded; every byte decodes, so this cannot fail. Node 20's
 * decoder reads 0x80–0x9F as Latin-1 control codes (0x92 → U+0092, not ’), so those are mapped here.
 */
export function decodeWindows1252(bytes: Uint8Array): string {
  return new TextDecoder('windows-1252').decode(bytes).replace(/[\u0080-\u009f]/g, (c) => CP1252_HIGH[c.charCodeAt(0) - 0x80]);
}

const DOS_EOF = 0x1a;
const WHITESPACE = /\s/;

/**
 * OFAC's legacy files end with a DOS end-of-file byte (0x1A, Ctrl-Z) that is not data. Looked for from the
 * end: the regular expression /\x1a\s*$/ scanned all 3.5 MB of sdn.csv for it.
 */
export function stripDosEof(text: string): string {
  let end = text.length;
  while (end > 0 && WHITESPACE.test(text[end - 1])) end--;
  return end > 0 && text.charCodeAt(end - 1) === DOS_EOF ? text.slice(0, end - 1) : text;
}

function lineOfFirstInvalidUtf8(bytes: Uint8Array): number {
  let line = 1;
  for (let i = 0; i < bytes.length;) {
    const b = bytes[i];
    if (b === 0x0a) line++;
    const len = b < 0x80 ? 1 : b >= 0xc2 && b < 0xe0 ? 2 : b >= 0xe0 && b < 0xf0 ? 3 : b >= 0xf0 && b < 0xf5 ? 4 : 0;
    if (len === 0) return line;
    for (let k = 1; k < len; k++) if (((bytes[i + k] ?? 0) & 0xc0) !== 0x80) return line;
    i += len;
  }
  return line;
}
