/**
 * @module formats/ofac-enhanced/enhanced-entity
 * Maps one `<entity>` of the enhanced XML to an entity and its relationships. Unlike the advanced format,
 * the enhanced one writes each value in place beside its reference id (`<type refId="1400">A.K.A.</type>`),
 * and prints each name as OFAC formats it (`formattedFullName`); reference values are needed only for the
 * ISO codes of countries.
 */
import { addStatement, type Entity, type ListSource, type RecordIssue, type Relationship, type SchemaName } from '@embargo/core';
import type { RemarksContext } from '../ofac-common/remarks.js';
import { addOfacAddress } from '../ofac-xml/addresses.js';
import type { CountryWords } from '../ofac-xml/country-ref.js';
import { addOfacDocument } from '../ofac-xml/documents.js';
import { addOfacFeature, type OfacFeature } from '../ofac-xml/features.js';
import { aliasProperty, formatOfacName, nameStatement, scriptCode } from '../ofac-xml/names.js';
import { addOfacItems, addOfacRemarks } from '../ofac-xml/ofac-items.js';
import { relationshipKind } from '../ofac-xml/relation-kinds.js';
import { child, childText, listItems, textOf } from '../ofac-xml/xml-node.js';
import type { XmlNode } from '../ofac-xml/xml-stream.js';

export interface EnhancedContext {
  file: string;
  source: ListSource;
  /** ISO codes of the COUNTRY reference values, by refId. */
  countryCodes: ReadonlyMap<string, string>;
  issues: RecordIssue[];
}

export interface EnhancedEntity {
  entity: Entity;
  relationships: Relationship[];
  line: number;
}

const SCHEMA_BY_ENTITY_TYPE: Readonly<Record<string, SchemaName>> = {
  individual: 'Person',
  entity: 'Organization',
  vessel: 'Vessel',
  aircraft: 'Airplane',
};

/** The entity, or undefined (with an issue) when it has no numeric id or no primary name. */
export function mapEnhancedEntity(node: XmlNode, ctx: EnhancedContext): EnhancedEntity | undefined {
  const uid = node.attrs.id ?? '';
  if (!/^\d+$/.test(uid)) {
    ctx.issues.push({ file: ctx.file, line: node.line, message: `entity without a numeric id ("${uid}")` });
    return undefined;
  }
  const id = `ofac:${uid}`;
  const general = child(node, 'generalInfo');
  const entityType = childText(general, 'entityType');
  let schema = SCHEMA_BY_ENTITY_TYPE[entityType.toLowerCase()];
  if (!schema) {
    ctx.issues.push({
      file: ctx.file,
      line: node.line,
      recordId: id,
      field: 'entityType',
      raw: entityType,
      message: `unknown entityType "${entityType}"; read as an organisation`,
    });
    schema = 'Organization';
  }
  const entity: Entity = { id, source: ctx.source, schema, caption: '', properties: {} };
  entity.caption = addNames(entity, node);
  if (!entity.caption) {
    ctx.issues.push({ file: ctx.file, line: node.line, recordId: id, message: 'entity without a primary name' });
    return undefined;
  }
  const site: RemarksContext = { file: ctx.file, line: node.line, recordId: id, schema };

  for (const list of listItems(node, 'sanctionsLists', 'sanctionsList')) {
    const published = list.attrs.datePublished;
    if (published) addStatement(entity, 'listingDate', { value: published, note: textOf(list) });
  }
  for (const program of listItems(node, 'sanctionsPrograms', 'sanctionsProgram')) addStatement(entity, 'program', textOf(program));
  for (const authority of listItems(node, 'legalAuthorities', 'legalAuthority')) addStatement(entity, 'authority', textOf(authority));

  for (const address of listItems(node, 'addresses', 'address')) {
    const country = countryWords(child(address, 'country'), ctx);
    for (const translation of listItems(address, 'translations', 'translation')) {
      const parts = listItems(translation, 'addressParts', 'addressPart').map((p) => ({
        type: childText(p, 'type'),
        value: childText(p, 'value'),
      }));
      addOfacAddress(entity, parts, country, site, ctx.issues);
    }
    if (!child(address, 'translations')) addOfacAddress(entity, [], country, site, ctx.issues);
  }
  const items: string[] = [];
  for (const feature of listItems(node, 'features', 'feature')) {
    const item = addOfacFeature(entity, readFeature(feature, ctx), site, ctx.issues);
    if (item) items.push(item);
  }
  addOfacItems(entity, items, site, ctx.issues);
  for (const doc of listItems(node, 'identityDocuments', 'identityDocument')) {
    const country = countryWords(child(doc, 'issuingCountry'), ctx);
    addOfacDocument(
      entity,
      {
        type: childText(doc, 'type'),
        number: childText(doc, 'documentNumber'),
        ...(country ? { country } : {}),
        ...(childText(doc, 'issuingAuthority') ? { authority: childText(doc, 'issuingAuthority') } : {}),
        ...(childText(doc, 'isValid') === 'false' ? { valid: false } : {}),
      },
      site,
      ctx.issues,
    );
  }
  addOfacRemarks(entity, childText(general, 'remarks'), site, ctx.issues);

  const relationships = listItems(node, 'relationships', 'relationship').flatMap((rel): Relationship[] => {
    const related = child(rel, 'relatedEntity')?.attrs.entityId;
    const type = childText(rel, 'type');
    if (!related) {
      ctx.issues.push({
        file: site.file,
        line: site.line,
        recordId: id,
        field: 'relationship',
        raw: type,
        message: 'relationship without a related entity',
      });
      return [];
    }
    return [{ from: id, to: `ofac:${related}`, kind: relationshipKind(type), sourceText: type }];
  });
  return { entity, relationships, line: node.line };
}

/**
 * Adds every name and translation and returns the caption. The primary name's translations are `name`s
 * (the primary, Latin one first: it is the caption); aliases go by their type and `isLowQuality`.
 */
function addNames(entity: Entity, node: XmlNode): string {
  let caption = '';
  for (const name of listItems(node, 'names', 'name')) {
    const isPrimary = childText(name, 'isPrimary') === 'true';
    const weak = childText(name, 'isLowQuality') === 'true';
    const property = isPrimary ? 'name' : aliasProperty(childText(name, 'aliasType'), weak);
    const translations = listItems(name, 'translations', 'translation');
    // The primary translation (Latin) first, so that a record's first `name` is its caption.
    translations.sort((a, b) => Number(childText(b, 'isPrimary') === 'true') - Number(childText(a, 'isPrimary') === 'true'));
    for (const translation of translations) {
      const parts = listItems(translation, 'nameParts', 'namePart').map((p) => ({
        type: childText(p, 'type'),
        value: childText(p, 'value'),
      }));
      const printed = formatOfacName(parts);
      const value = childText(translation, 'formattedFullName') || printed.value;
      if (!value) continue;
      if (isPrimary && !caption) caption = value;
      addStatement(
        entity,
        property,
        nameStatement(value, { parts: printed.parts, script: scriptCode(childText(translation, 'script')), weak }),
      );
    }
  }
  return caption;
}

/** A country element (`<country refId="11171">Russia</country>`) with the ISO code of its reference value. */
function countryWords(node: XmlNode | undefined, ctx: EnhancedContext): CountryWords | undefined {
  const name = textOf(node);
  if (!node || !name) return undefined;
  const code = node.attrs.refId ? ctx.countryCodes.get(node.attrs.refId) : undefined;
  return code ? { name, code } : { name };
}

/** A feature: its type words, the value as printed, and for dates and countries their structure. */
function readFeature(feature: XmlNode, ctx: EnhancedContext): OfacFeature {
  const out: OfacFeature = { type: childText(feature, 'type') };
  const text = childText(feature, 'value');
  if (text) out.text = text;
  const date = child(feature, 'valueDate');
  const from = childText(date, 'fromDateBegin');
  const to = childText(date, 'toDateEnd') || childText(date, 'toDateBegin') || from;
  if (/^\d{4}-\d{2}-\d{2}/.test(from) && /^\d{4}-\d{2}-\d{2}/.test(to)) {
    out.date = {
      from: from.slice(0, 10),
      to: to.slice(0, 10),
      ...(childText(date, 'isApproximate') === 'true' ? { approximate: true } : {}),
    };
  }
  const refId = childText(feature, 'valueRefId');
  const code = refId ? ctx.countryCodes.get(refId) : undefined;
  if (code && text) out.country = { name: text, code };
  return out;
}
