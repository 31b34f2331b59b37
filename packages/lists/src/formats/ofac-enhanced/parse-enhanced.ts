/**
 * @module formats/ofac-enhanced/parse-enhanced
 * Reads OFAC's enhanced XML (SDN_ENHANCED.XML, CONS_ENHANCED.XML, zipped or not) as a stream of `<entity>`
 * records. Its blocks: publicationInfo (dataAsOf), referenceValues, featureTypes, entities.
 */
import { UniqueEntities } from '../ofac-common/unique-entities.js';
import type { RecordIssue, Relationship } from '@embargo/core';
import type { ListFile, ParsedList } from '../../format.js';
import { childText } from '../ofac-xml/xml-node.js';
import { expectRoot, readXmlRecords, type XmlNode } from '../ofac-xml/xml-stream.js';
import { mapEnhancedEntity, type EnhancedContext } from './enhanced-entity.js';
import { enhancedXmlSource } from './zip-source.js';

/**
 * Parses an enhanced OFAC XML file or the zip it is distributed in. Published date from `<dataAsOf>`.
 * @example const list = await parseOfacEnhancedXml(listFile('ofac-cons/2025-01-10/CONS_ENHANCED.ZIP'), 'ofac-cons')
 */
export async function parseOfacEnhancedXml(file: ListFile, source: 'ofac-sdn' | 'ofac-cons'): Promise<ParsedList> {
  const xml = await enhancedXmlSource(file);
  const issues: RecordIssue[] = [];
  const countryCodes = new Map<string, string>();
  const ctx: EnhancedContext = { file: file.name, source, countryCodes, issues };
  const unique = new UniqueEntities(issues, 'entity');
  const entities = unique.entities;
  const relationships: Relationship[] = [];
  let published: string | null = null;

  const records: Record<string, (node: XmlNode) => void> = {
    publicationInfo: (node) => {
      const asOf = childText(node, 'dataAsOf');
      published = /^\d{4}-\d{2}-\d{2}/.test(asOf) ? asOf.slice(0, 10) : null;
      if (!published)
        issues.push({ file: xml.name, line: node.line, field: 'dataAsOf', raw: asOf, message: `cannot read dataAsOf "${asOf}"` });
    },
    'referenceValues/referenceValue': (node) => {
      const iso = childText(node, 'isoCode');
      if (childText(node, 'type') === 'COUNTRY' && /^[A-Z]{2}$/.test(iso)) countryCodes.set(node.attrs.refId, iso);
    },
    'entities/entity': (node) => {
      ctx.file = xml.name; // a zip member's name is known once its first bytes are read
      const mapped = mapEnhancedEntity(node, ctx);
      if (!mapped) return;
      if (unique.add(mapped.entity, xml.name, mapped.line)) relationships.push(...mapped.relationships);
    },
  };

  await readXmlRecords(xml, {
    root: expectRoot(xml, 'sanctionsData', 'an OFAC enhanced XML file (SDN_ENHANCED.XML or CONS_ENHANCED.XML)'),
    isRecord: (path) => path.length > 1 && Object.hasOwn(records, path.slice(1).join('/')),
    record: (node, path) => records[path.slice(1).join('/')]?.(node),
  });

  // Relationships may point to records of the other OFAC list (a consolidated-list entity acting for an
  // SDN); they are kept, as the ids are OFAC's uids either way, and reported.
  for (const rel of relationships) {
    if (!unique.has(rel.to)) {
      issues.push({
        file: xml.name,
        recordId: rel.from,
        field: 'relationship',
        raw: rel.to,
        message: `"${rel.sourceText}" points to ${rel.to}, which is not in this file`,
      });
    }
  }
  return { format: 'ofac-enhanced', source, published, entities, relationships, issues };
}
