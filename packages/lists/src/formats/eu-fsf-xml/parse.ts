/**
 * @module formats/eu-fsf-xml/parse
 * Reads the EU file as a stream of `<sanctionEntity>` records (the full file is about 25 MB). The root's
 * `generationDate` ("2018-12-21T14:39:54.511+01:00") dates the publication.
 * @example const list = await parseEuFsfXml(listFile('eu-fsf/2026-12-07/xmlFullSanctionsList_1_1.xml'))
 */
import { listParseError, type RecordIssue } from '@embargo/core';
import type { ListFile, ParsedList } from '../../format.js';
import { UniqueEntities } from '../ofac-common/unique-entities.js';
import { readXmlRecords, xmlFileSource } from '../ofac-xml/xml-stream.js';
import { mapSanctionEntity, READ_ELEMENTS } from './entity.js';

export const EU_FSF_NAMESPACE = 'http://eu.europa.ec/fpi/fsd/export';

export async function parseEuFsfXml(file: ListFile): Promise<ParsedList> {
  const xml = xmlFileSource(file);
  const issues: RecordIssue[] = [];
  const unique = new UniqueEntities(issues, 'sanctionEntity (logicalId)');
  const unread = new Map<string, number>();
  let published: string | null = null;
  await readXmlRecords(xml, {
    root: (name, attrs, line) => {
      if (name !== 'export' || attrs.xmlns !== EU_FSF_NAMESPACE)
        throw listParseError(
          file.name,
          line,
          `root element <${name}> is not the EU Financial Sanctions Files export (expected <export xmlns="${EU_FSF_NAMESPACE}">)`,
        );
      const generated = /^(\d{4}-\d{2}-\d{2})/.exec(attrs.generationDate ?? '')?.[1];
      if (generated) published = generated;
      else
        issues.push({
          file: file.name,
          line,
          field: 'generationDate',
          raw: attrs.generationDate ?? '',
          message: 'the export states no generation date',
        });
    },
    isRecord: (path) => path.length === 2,
    record: (node) => {
      if (node.name !== 'sanctionEntity') {
        if (!unread.has(node.name)) unread.set(node.name, node.line);
        return;
      }
      for (const child of node.children) if (!READ_ELEMENTS.has(child.name) && !unread.has(child.name)) unread.set(child.name, child.line);
      unique.add(mapSanctionEntity(node, file.name, issues), file.name, node.line);
    },
  });
  for (const [element, line] of unread)
    issues.push({ file: file.name, line, field: element, message: `element <${element}> is not read by the EU list parser` });
  return { format: 'eu-fsf-xml', source: 'eu-fsf', published, entities: unique.entities, relationships: [], issues };
}
