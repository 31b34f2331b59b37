/**
 * @module formats/ofac-advanced/party
 * Maps one `<DistinctParty>` to an entity. Its `FixedRef` is the uid of the same record in the legacy XML
 * and the ent_num of the CSV, so the id is `ofac:<FixedRef>` in every OFAC format.
 */
import type { Entity, ListSource, RecordIssue, SchemaName } from '@embargo/core';
import type { RemarksContext } from '../ofac-common/remarks.js';
import { addOfacDocument, type OfacDocument } from '../ofac-xml/documents.js';
import { addOfacFeature, type OfacFeature } from '../ofac-xml/features.js';
import { addOfacItems, addOfacRemarks } from '../ofac-xml/ofac-items.js';
import { child, childText, childrenNamed, textOf } from '../ofac-xml/xml-node.js';
import type { XmlNode } from '../ofac-xml/xml-stream.js';
import { datePeriodRange } from './date-period.js';
import type { AdvancedLocation } from './locations.js';
import { addIdentityNames } from './party-names.js';
import type { ReferenceValues } from './reference-values.js';

export interface PartyContext {
  file: string;
  source: ListSource;
  refs: ReferenceValues;
  locations: ReadonlyMap<string, AdvancedLocation>;
  /** Documents by IdentityID, read before the parties; each party takes its own. */
  documents: Map<string, OfacDocument[]>;
  issues: RecordIssue[];
}

export interface AdvancedParty {
  entity: Entity;
  /** Profile IDs, which relationships and sanctions entries refer to. */
  profileIds: string[];
}

/** The entity of one party, or undefined (with an issue) when it has no FixedRef or no name. */
export function mapDistinctParty(node: XmlNode, ctx: PartyContext): AdvancedParty | undefined {
  const fixedRef = node.attrs.FixedRef ?? '';
  const profiles = childrenNamed(node, 'Profile');
  if (!/^\d+$/.test(fixedRef) || profiles.length === 0) {
    ctx.issues.push({ file: ctx.file, line: node.line, message: `DistinctParty without a numeric FixedRef or a Profile ("${fixedRef}")` });
    return undefined;
  }
  const id = `ofac:${fixedRef}`;
  const entity: Entity = { id, source: ctx.source, schema: partySchema(profiles[0], id, ctx), caption: '', properties: {} };
  const site: RemarksContext = { file: ctx.file, line: node.line, recordId: id, schema: entity.schema };
  const items: string[] = [];
  for (const profile of profiles) {
    for (const identity of childrenNamed(profile, 'Identity')) {
      entity.caption ||= addIdentityNames(entity, identity, ctx.refs);
      for (const document of ctx.documents.get(identity.attrs.ID) ?? []) addOfacDocument(entity, document, site, ctx.issues);
      ctx.documents.delete(identity.attrs.ID);
    }
    for (const feature of childrenNamed(profile, 'Feature')) {
      for (const version of childrenNamed(feature, 'FeatureVersion')) {
        const item = addOfacFeature(entity, readFeatureVersion(feature, version, site, ctx), site, ctx.issues);
        if (item) items.push(item);
      }
    }
  }
  if (!entity.caption) {
    ctx.issues.push({ file: ctx.file, line: node.line, recordId: id, message: 'DistinctParty without a primary name' });
    return undefined;
  }
  addOfacItems(entity, items, site, ctx.issues);
  // The party's Comment is the record's remarks (the legacy <remarks>, without the "Linked To" items,
  // which this format gives as ProfileRelationships).
  addOfacRemarks(entity, childText(node, 'Comment'), site, ctx.issues);
  return { entity, profileIds: profiles.map((p) => p.attrs.ID).filter(Boolean) };
}

function partySchema(profile: XmlNode, id: string, ctx: PartyContext): SchemaName {
  const subTypeId = profile.attrs.PartySubTypeID;
  const subType = ctx.refs.value('PartySubType', subTypeId).toLowerCase();
  const partyType = ctx.refs.value('PartyType', ctx.refs.attr('PartySubType', subTypeId, 'PartyTypeID')).toLowerCase();
  if (subType === 'vessel') return 'Vessel';
  if (subType === 'aircraft') return 'Airplane';
  if (partyType === 'individual') return 'Person';
  if (partyType !== 'entity') {
    ctx.issues.push({
      file: ctx.file,
      line: profile.line,
      recordId: id,
      field: 'PartySubTypeID',
      raw: subTypeId ?? '',
      message: `unknown party type "${partyType}/${subType}"; read as an organisation`,
    });
  }
  return 'Organization';
}

/**
 * One version of a feature: its type, and a date period, a location, or a detail (TEXT, or a LOOKUP into
 * DetailReference values such as "Male" or "Subject to Directive 1").
 */
function readFeatureVersion(feature: XmlNode, version: XmlNode, site: RemarksContext, ctx: PartyContext): OfacFeature {
  const out: OfacFeature = { type: ctx.refs.value('FeatureType', feature.attrs.FeatureTypeID) };
  const range = datePeriodRange(child(version, 'DatePeriod'));
  if (range) out.date = range;
  for (const detail of childrenNamed(version, 'VersionDetail')) {
    const text = detail.attrs.DetailReferenceID ? ctx.refs.value('DetailReference', detail.attrs.DetailReferenceID) : textOf(detail);
    if (text && !out.text) out.text = text;
  }
  const locationId = child(version, 'VersionLocation')?.attrs.LocationID;
  if (locationId) {
    const location = ctx.locations.get(locationId);
    if (location) {
      out.addressParts = location.parts;
      if (location.country) out.country = location.country;
    } else {
      ctx.issues.push({
        file: site.file,
        line: site.line,
        recordId: site.recordId,
        field: out.type,
        raw: locationId,
        message: `feature refers to unknown Location ${locationId}`,
      });
    }
  }
  return out;
}
