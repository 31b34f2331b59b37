/**
 * @module formats/un-xml/parse
 * Parses the UN Security Council consolidated list XML into core entities, streaming the file.
 * @example
 *   const list = await parseUnXml(listFile('un-sc/2026-02-27/consolidated.xml'));
 *   list.published // '2026-02-27'
 *   list.entities.find((e) => e.id === 'un:KPi.057')?.caption // 'JANG SUNG NAM'
 */
import { listParseError, type Entity, type RecordIssue } from '@embargo/core';
import type { ListFile, ParsedList } from '../../format.js';
import { decodeUtf8Strict, openStream, readBytes } from '../../io.js';
import { mapUnRecord } from './mapping.js';
import { UnRecordReader } from './read-records.js';

export async function parseUnXml(file: ListFile): Promise<ParsedList> {
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
  const decoder = new TextDecoder('utf-8', { fatal: true });
  try {
    for await (const chunk of openStream(file)) reader.write(decoder.decode(chunk as Buffer, { stream: true }));
    reader.write(decoder.decode());
  } catch (e) {
    throw await readFailure(file, e);
  }
  reader.end();
  return {
    format: 'un-xml',
    source: 'un-sc',
    published: reader.published,
    entities: [...byId.values()],
    relationships: [],
    issues: [...reader.issues, ...issues],
  };
}

/** Turns a failure while streaming into the error to show: invalid UTF-8 is located by a strict re-read. */
async function readFailure(file: ListFile, e: unknown): Promise<unknown> {
  const code = (e as NodeJS.ErrnoException).code;
  if (code === 'ERR_ENCODING_INVALID_ENCODED_DATA') {
    try {
      decodeUtf8Strict(file, await readBytes(file));
    } catch (located) {
      return located;
    }
  }
  if (typeof code === 'string' && (e as NodeJS.ErrnoException).syscall) {
    return listParseError(file.name, undefined, `cannot read file (${code})`, e);
  }
  return e;
}
