/**
 * @module io
 * Small file helpers shared by the format modules: naming files, reading text in the publisher's
 * encoding, and the OFAC end-of-file marker.
 */
import { createReadStream } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { basename } from 'node:path';
import { listParseError } from '@embargo/core';
import type { ListFile } from './format.js';

export function listFile(path: string, name: string = basename(path)): ListFile {
  return { path, name };
}

/** Reads the whole file; a missing or unreadable file becomes a LIST_PARSE error naming it. */
export async function readBytes(file: ListFile): Promise<Buffer> {
  try {
    return await readFile(file.path);
  } catch (e) {
    throw listParseError(file.name, undefined, `cannot read file (${(e as NodeJS.ErrnoException).code ?? 'error'})`, e);
  }
}

/** A byte stream of the file, for parsers that work incrementally. */
export function openStream(file: ListFile): NodeJS.ReadableStream {
  return createReadStream(file.path);
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

/** OFAC's legacy files end with a DOS end-of-file byte (0x1A, Ctrl-Z) that is not data. */
export function stripDosEof(text: string): string {
  return text.replace(/\x1a\s*$/, '');
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
