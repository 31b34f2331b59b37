/**
 * @module formats/ca-sema-xml/parse
 * Reads sema-lmes.xml as a stream of `<record>` elements. The file states no date: the folder it is kept in
 * dates it (`ca-sema/2026-12-07/`), as `embargo lists update` names it on the day it downloads it.
 * @example const list = await parseCaSemaXml(listFile('ca-sema/2020-04/sema-lmes.xml')) // 1,369 entities
 */
import type { RecordIssue } from '@embargo/core';
import type { ListFile, ParsedList } from '../../format.js';
import { UniqueEntities } from '../ofac-common/unique-entities.js';
import { expectRoot, readXmlRecords, xmlFileSource } from '../ofac-xml/xml-stream.js';
import { mapCaRecord, type CaRecordContext } from './record.js';

export async function parseCaSemaXml(file: ListFile): Promise<ParsedList> {
  const xml = xmlFileSource(file);
  const issues: RecordIssue[] = [];
  const ctx: CaRecordContext = { file: file.name, issues, unread: new Map() };
  const unique = new UniqueEntities(issues, 'record (regime, schedule and item)');
  const otherElements = new Map<string, number>();
  await readXmlRecords(xml, {
    root: expectRoot(xml, 'data-set', "Canada's consolidated sanctions list (sema-lmes.xml)"),
    isRecord: (path) => path.length === 2,
    record: (node) => {
      if (node.name !== 'record') {
        if (!otherElements.has(node.name)) otherElements.set(node.name, node.line);
        return;
      }
      const entity = mapCaRecord(node, ctx);
      if (entity) unique.add(entity, file.name, node.line);
    },
  });
  for (const [element, line] of [...otherElements, ...ctx.unread])
    issues.push({ file: file.name, line, field: element, message: `element <${element}> is not read by the Canadian list parser` });
  return { format: 'ca-sema-xml', source: 'ca-sema', published: null, entities: unique.entities, relationships: [], issues };
}
