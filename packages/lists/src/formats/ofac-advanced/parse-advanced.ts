/**
 * @module formats/ofac-advanced/parse-advanced
 * Reads OFAC's advanced XML (sdn_advanced.xsd: SDN_ADVANCED.XML, CONS_ADVANCED.XML) in one streaming pass.
 * The schema fixes the order of the top-level blocks: DateOfIssue, ReferenceValueSets, Locations,
 * IDRegDocuments, DistinctParties, ProfileRelationships, SanctionsEntries. Everything a party refers to
 * therefore comes before it, so each party is mapped as soon as it is read and its XML is dropped; only
 * the small locations and documents are kept until then.
 */
import { UniqueEntities } from '../ofac-common/unique-entities.js';
import type { Entity, RecordIssue, Relationship } from '@embargo/core';
import type { ListFile, ParsedList } from '../../format.js';
import type { OfacDocument } from '../ofac-xml/documents.js';
import { relationshipKind } from '../ofac-xml/relation-kinds.js';
import { expectRoot, readXmlRecords, xmlFileSource, type XmlNode } from '../ofac-xml/xml-stream.js';
import { dayOf } from './date-period.js';
import { readIdRegDocument } from './id-documents.js';
import { readLocation, type AdvancedLocation } from './locations.js';
import { mapDistinctParty } from './party.js';
import { ReferenceValues } from './reference-values.js';
import { applySanctionsEntry } from './sanctions-entry.js';

// Records by their path below the root <Sanctions>; ReferenceValueSets are read one set at a time.
const RECORD_PATHS = new Set([
  'DateOfIssue',
  'ReferenceValueSets/*',
  'Locations/Location',
  'IDRegDocuments/IDRegDocument',
  'DistinctParties/DistinctParty',
  'ProfileRelationships/ProfileRelationship',
  'SanctionsEntries/SanctionsEntry',
]);

function recordKey(path: readonly string[]): string {
  const below = path.slice(1);
  return below[0] === 'ReferenceValueSets' && below.length === 2 ? 'ReferenceValueSets/*' : below.join('/');
}

/**
 * Parses an advanced OFAC XML file. Published date from `<DateOfIssue>`.
 * @example const list = await parseOfacAdvancedXml(listFile('ofac-cons/2019-03-14/cons_advanced.xml'), 'ofac-cons')
 */
export async function parseOfacAdvancedXml(file: ListFile, source: 'ofac-sdn' | 'ofac-cons'): Promise<ParsedList> {
  const xml = xmlFileSource(file);
  const issues: RecordIssue[] = [];
  const refs = new ReferenceValues();
  const locations = new Map<string, AdvancedLocation>();
  const documents = new Map<string, OfacDocument[]>();
  const unique = new UniqueEntities(issues, 'DistinctParty');
  const entities = unique.entities;
  const byProfile = new Map<string, Entity>();
  const relationNodes: XmlNode[] = [];
  let published: string | null = null;
  const ctx = { file: file.name, source, refs, locations, documents, issues };

  const records: Record<string, (node: XmlNode) => void> = {
    DateOfIssue: (node) => {
      published = dayOf(node) ?? null;
      if (!published) issues.push({ file: file.name, line: node.line, field: 'DateOfIssue', message: 'cannot read DateOfIssue' });
    },
    'ReferenceValueSets/*': (node) => refs.addSet(node),
    'Locations/Location': (node) => void locations.set(node.attrs.ID, readLocation(node, refs)),
    'IDRegDocuments/IDRegDocument': (node) => {
      const { identityId, document } = readIdRegDocument(node, refs);
      documents.set(identityId, [...(documents.get(identityId) ?? []), document]);
    },
    'DistinctParties/DistinctParty': (node) => {
      const party = mapDistinctParty(node, ctx);
      if (!party) return;
      if (!unique.add(party.entity, file.name, node.line)) return;
      for (const profileId of party.profileIds) byProfile.set(profileId, party.entity);
    },
    // Relationships are kept as small nodes and resolved at the end, when every profile is known.
    'ProfileRelationships/ProfileRelationship': (node) => void relationNodes.push(node),
    'SanctionsEntries/SanctionsEntry': (node) => {
      const entity = byProfile.get(node.attrs.ProfileID);
      if (entity) applySanctionsEntry(entity, node, refs);
      else
        issues.push({
          file: file.name,
          line: node.line,
          field: 'ProfileID',
          raw: node.attrs.ProfileID ?? '',
          message: 'SanctionsEntry for an unknown profile',
        });
    },
  };

  await readXmlRecords(xml, {
    root: expectRoot(xml, 'Sanctions', 'an OFAC advanced XML file (sdn_advanced.xsd)'),
    isRecord: (path) => path.length > 1 && RECORD_PATHS.has(recordKey(path)),
    record: (node, path) => records[recordKey(path)]?.(node),
  });

  for (const [identityId, docs] of documents) {
    issues.push({
      file: file.name,
      field: 'IdentityID',
      raw: identityId,
      message: `${docs.length} IDRegDocument(s) for an identity of no DistinctParty`,
    });
  }
  const relationships = resolveRelationships(relationNodes, byProfile, refs, file.name, issues);
  return { format: 'ofac-advanced', source, published, entities, relationships, issues };
}

function resolveRelationships(
  nodes: readonly XmlNode[],
  byProfile: ReadonlyMap<string, Entity>,
  refs: ReferenceValues,
  file: string,
  issues: RecordIssue[],
): Relationship[] {
  const relationships: Relationship[] = [];
  for (const node of nodes) {
    const from = byProfile.get(node.attrs['From-ProfileID']);
    const to = byProfile.get(node.attrs['To-ProfileID']);
    const relationType = refs.value('RelationType', node.attrs.RelationTypeID) || `RelationType ${node.attrs.RelationTypeID}`;
    if (!from || !to) {
      const raw = `${node.attrs['From-ProfileID']} → ${node.attrs['To-ProfileID']}`;
      issues.push({
        file,
        line: node.line,
        field: 'ProfileRelationship',
        raw,
        message: `"${relationType}" between profiles not both in this file`,
      });
      continue;
    }
    // Former="true" marks a relationship that has ended; it is kept, and says so.
    const sourceText = node.attrs.Former === 'true' ? `${relationType} (former)` : relationType;
    relationships.push({ from: from.id, to: to.id, kind: relationshipKind(relationType), sourceText });
  }
  return relationships;
}
