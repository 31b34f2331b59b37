/**
 * @module formats/un-xml/parse
 * Parses the UN Security Council consolidated list XML into core entities.
 * @example
 *   const list = await parseUnXml(listFile('un-sc/2026-02-27/consolidated.xml'));
 *   list.published // '2026-02-27'
 *   list.entities.find((e) => e.id === 'un:KPi.057')?.caption // 'JANG SUNG NAM'
 */
import { isUtf8 } from 'node:buffer';
import type { Entity, RecordIssue } from '@embargo/core';
import type { ListFile, ParsedList } from '../../format.js';
import { decodeUtf8Strict, readBytes } from '../../io.js';
import { unCommentLinks } from './comment-links.js';
import { mapUnRecord } from './mapping.js';
import { UnRecordReader } from './read-records.js';

/**
 * Reads the file whole (the list is ~2 MB), so it is hashed from the bytes read here. Plain XML, as the UN
 * writes it, is read in one pass by `readPlainXml`, which took a third of the time saxes did; anything
 * else, including every malformed file, is read by saxes, whose errors name the line.
 */
export async function parseUnXml(file: ListFile): Promise<ParsedList> {
  const bytes = await readBytes(file);
  const plain = isUtf8(bytes) ? readRecords(file, (reader) => reader.read(new TextDecoder().decode(bytes))) : undefined;
  return plain ?? readRecords(file, (reader) => readWithSaxes(file, bytes, reader))!;
}

/** The chunks saxes was given when the file was streamed from disk, so a doubly broken file reports the same error. */
const CHUNK_BYTES = 64 * 1024;

function readWithSaxes(file: ListFile, bytes: Uint8Array, reader: UnRecordReader): true {
  const decoder = new TextDecoder('utf-8', { fatal: true });
  for (let start = 0; start < bytes.length; start += CHUNK_BYTES) {
    reader.write(decodeOrLocate(file, bytes, () => decoder.decode(bytes.subarray(start, start + CHUNK_BYTES), { stream: true })));
  }
  reader.write(decodeOrLocate(file, bytes, () => decoder.decode()));
  reader.end();
  return true;
}

/** Maps the records `read` reports; undefined when `read` gave up, with the records read so far dropped. */
function readRecords(file: ListFile, read: (reader: UnRecordReader) => boolean): ParsedList | undefined {
  const issues: RecordIssue[] = [];
  const byId = new Map<string, Entity>();
  const reader = new UnRecordReader(file, (node, kind) => {
    const entity = mapUnRecord(node, kind, file.name, issues);
    if (byId.has(entity.id)) {
      issues.push({
        file: file.name,
        line: node.line,
        recordId: entity.id,
        message: 'REFERENCE_NUMBER repeated; the later record is ignored',
      });
    } else byId.set(entity.id, entity);
  });
  if (!read(reader)) return undefined;
  const entities = [...byId.values()];
  return {
    format: 'un-xml',
    source: 'un-sc',
    published: reader.published,
    entities,
    relationships: unCommentLinks(entities),
    issues: [...reader.issues, ...issues],
  };
}

/** A chunk decoded strictly; bytes that are not UTF-8 are located by a strict decoding of the whole file. */
function decodeOrLocate(file: ListFile, bytes: Uint8Array, decode: () => string): string {
  try {
    return decode();
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== 'ERR_ENCODING_INVALID_ENCODED_DATA') throw e;
    decodeUtf8Strict(file, bytes);
    throw e;
  }
}
