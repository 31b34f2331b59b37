/**
 * @module formats/ofac-xml/parse-legacy
 * Reads a legacy sdnList XML file (SDN.XML, CONSOLIDATED.XML) as a stream of `<sdnEntry>` records.
 * OFAC has published it under two namespaces (http://tempuri.org/sdnList.xsd until about 2023, the Sanctions
 * List Service's namespace since); elements are matched by local name, so both read the same.
 */
import { UniqueEntities } from '../ofac-common/unique-entities.js';
import type { RecordIssue } from '@embargo/core';
import type { ListFile, ParsedList } from '../../format.js';
import { mapSdnEntry, type LegacyContext } from './legacy-entry.js';
import { resolveLinkedTo, type PendingLinks } from './linked-to.js';
import { textOf } from './xml-node.js';
import { expectRoot, readXmlRecords, xmlFileSource, type XmlNode } from './xml-stream.js';

/**
 * Parses a legacy OFAC XML file. Published date from `<Publish_Date>` (MM/DD/YYYY).
 * @example const list = await parseOfacLegacyXml(listFile('ofac-cons/2018-04-06/consolidated.xml'), 'ofac-cons')
 */
export async function parseOfacLegacyXml(file: ListFile, source: 'ofac-sdn' | 'ofac-cons'): Promise<ParsedList> {
  const xml = xmlFileSource(file);
  const issues: RecordIssue[] = [];
  const ctx: LegacyContext = { file: file.name, source, issues, unread: new Map() };
  const unique = new UniqueEntities(issues, 'uid');
  const entities = unique.entities;
  const pending: PendingLinks[] = [];
  let info: PublishInformation = {};

  await readXmlRecords(xml, {
    root: expectRoot(xml, 'sdnList', 'an OFAC sdnList file (SDN.XML or CONSOLIDATED.XML)'),
    isRecord: (path) => path.length === 2,
    record: (node) => {
      if (node.name === 'sdnEntry') {
        const entry = mapSdnEntry(node, ctx);
        if (!entry) return;
        if (!unique.add(entry.entity, file.name, entry.line)) return;
        if (entry.linkedTo.length) pending.push({ from: entry.entity, line: entry.line, links: entry.linkedTo });
      } else if (PUBLISH_INFORMATION.has(node.name.toLowerCase())) {
        info = readPublishInformation(node, file.name, issues);
      } else if (!ctx.unread.has(node.name)) {
        ctx.unread.set(node.name, node.line);
      }
    },
  });

  if (info.recordCount !== undefined && info.recordCount !== entities.length) {
    issues.push({
      file: file.name,
      line: info.line,
      field: 'Record_Count',
      raw: String(info.recordCount),
      message: `Record_Count says ${info.recordCount} entries, the file has ${entities.length}`,
    });
  }
  for (const [element, line] of ctx.unread) {
    issues.push({ file: file.name, line, field: element, message: `element <${element}> is not read by the legacy OFAC XML parser` });
  }
  const relationships = resolveLinkedTo(pending, entities, file.name, issues);
  return { format: 'ofac-xml', source, published: info.published ?? null, entities, relationships, issues };
}

// OFAC's element is spelled "publshInformation" (sic) in every file seen; the correct spelling is accepted too.
const PUBLISH_INFORMATION = new Set(['publshinformation', 'publishinformation']);

interface PublishInformation {
  published?: string;
  recordCount?: number;
  line?: number;
}

function readPublishInformation(node: XmlNode, file: string, issues: RecordIssue[]): PublishInformation {
  // Matched loosely ("Publish_Date", "PublishDate") as the element names of this block are not in any schema.
  const field = (name: string) => node.children.find((c) => c.name.toLowerCase().replace(/_/g, '') === name);
  const info: PublishInformation = { line: node.line };
  const dateNode = field('publishdate');
  const date = textOf(dateNode);
  const m = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/.exec(date);
  if (m) info.published = `${m[3]}-${m[1].padStart(2, '0')}-${m[2].padStart(2, '0')}`;
  else if (date)
    issues.push({
      file,
      line: dateNode?.line,
      field: 'Publish_Date',
      raw: date,
      message: `cannot read Publish_Date "${date}" (expected MM/DD/YYYY)`,
    });
  const count = textOf(field('recordcount'));
  if (/^\d+$/.test(count)) info.recordCount = Number(count);
  return info;
}
