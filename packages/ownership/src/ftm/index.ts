/**
 * @module ftm
 * FollowTheMoney entities (JSON lines, or a JSON array) as ownership graph nodes and edges: Person,
 * Company, Organization, LegalEntity, PublicBody, Vessel and Airplane become nodes; Ownership (owner →
 * asset, with `percentage` read strictly), Directorship (director → organization), Family, Associate,
 * UnknownLink, Representation, Membership and Employment become edges. An interval whose end date has
 * passed is left out and listed, as are entities of other schemata.
 *
 * A property that refers to a listed record by its Embargo id (`"owner": ["ofac:22606"]`) ties the party
 * to that record; any other reference must be the id of an entity in the same file.
 *
 * @example
 * parseFtm('owners.ftm.jsonl', '{"id":"o1","schema":"Ownership","properties":{"owner":["ofac:22606"],"asset":["c1"],"percentage":["60%"]}}\n…')
 * // edges: [{ id: 'ftm:o1', kind: 'ownership', from: 'ofac:22606', to: 'ftm:c1', share: { min: 60, max: 60, … }, … }]
 */
import { countryCode, exactShare, type GraphEdge, type GraphNode } from '@embargo/core';
import { ProblemList } from '../errors.js';
import { readJsonRecords, type JsonRecord } from '../json-records.js';
import type { LeftOut, OwnershipParseOptions, ParsedOwnershipFile } from '../parsed-file.js';
import { datePrefixProblem, notCurrent } from '../dates.js';
import { parsePercent } from '../percent.js';
import { isListedId } from '../listed-ids.js';
import { aSchema, readEntity, single, type FtmEntity } from './entity.js';
import { COUNTRY_PROPERTIES, IDENTIFIER_PROPERTIES, LINK_SCHEMATA, PARTY_SCHEMATA, type LinkSchema } from './schemata.js';

/** The node id of an FtM entity. */
export function ftmNodeId(id: string): string {
  return `ftm:${id}`;
}

/** An FtM file's text as graph nodes and edges; throws `OwnershipParseError` naming every problem. */
export function parseFtm(file: string, text: string, options: OwnershipParseOptions = {}): ParsedOwnershipFile {
  const problems = new ProblemList();
  return readFtm(file, readJsonRecords(text, problems), problems, options);
}

/** The same, from records already read. */
export function readFtm(
  file: string,
  records: readonly JsonRecord[],
  problems: ProblemList,
  options: OwnershipParseOptions,
): ParsedOwnershipFile {
  if (records.length === 0 && problems.count === 0) problems.add({ line: 1 }, 'the file holds no entities');
  const entities = records.flatMap((record) => readEntity(record, problems) ?? []);
  const byId = new Map<string, FtmEntity>();
  for (const entity of entities) {
    if (byId.has(entity.id)) entity.fields.fail('id', `"${entity.id}" is the id of an earlier entity too`);
    byId.set(entity.id, entity);
  }
  const leftOut: LeftOut[] = [];
  const nodes: GraphNode[] = [];
  const edges: GraphEdge[] = [];
  for (const entity of entities) {
    const source = {
      kind: 'file' as const,
      file,
      ...(entity.place.line !== undefined ? { row: entity.place.line } : {}),
      statementId: entity.id,
    };
    if ((PARTY_SCHEMATA as readonly string[]).includes(entity.schema)) {
      const node = partyNode(entity, source, leftOut);
      if (node) nodes.push(node);
    } else if (LINK_SCHEMATA[entity.schema]) {
      const edge = linkEdge(entity, LINK_SCHEMATA[entity.schema], byId, source, leftOut, options);
      if (edge) edges.push(edge);
    } else
      leftOut.push({ ...entity.place, field: 'schema', reason: `${aSchema(entity.schema)} is neither a party nor a tie between parties` });
  }
  problems.throwIfAny(file);
  return { file, format: 'ftm', nodes, edges, leftOut };
}

function partyNode(entity: FtmEntity, source: GraphNode['source'], leftOut: LeftOut[]): GraphNode | undefined {
  const name = entity.properties.name?.[0];
  if (!name) return entity.fields.fail('properties.name', `is required for ${aSchema(entity.schema)}`);
  const countries = new Set<string>();
  for (const property of COUNTRY_PROPERTIES)
    for (const value of entity.properties[property] ?? []) {
      const code = countryCode(value.length === 2 ? value : '');
      // FtM also writes historical and pseudo codes (suhh, zz, eu), which are no ISO country: listed, not guessed.
      if (code) countries.add(code);
      else leftOut.push({ ...entity.place, field: `properties.${property}`, reason: `"${value}" is not an ISO 3166-1 country code` });
    }
  const identifiers = IDENTIFIER_PROPERTIES.flatMap((scheme) => (entity.properties[scheme] ?? []).map((value) => ({ scheme, value })));
  const birthDate = entity.properties.birthDate?.[0];
  const dateProblem = birthDate === undefined ? undefined : datePrefixProblem(birthDate);
  if (dateProblem) return entity.fields.fail('properties.birthDate', dateProblem);
  return {
    id: ftmNodeId(entity.id),
    name,
    schema: entity.schema,
    ...(countries.size ? { countries: [...countries] } : {}),
    ...(identifiers.length ? { identifiers } : {}),
    ...(birthDate ? { birthDate } : {}),
    source,
  };
}

function linkEdge(
  entity: FtmEntity,
  link: LinkSchema,
  byId: Map<string, FtmEntity>,
  source: GraphNode['source'],
  leftOut: LeftOut[],
  options: OwnershipParseOptions,
): GraphEdge | undefined {
  const ends = [link.from, link.to].map((property) => partyRef(entity, property, byId));
  const startDate = date(entity, 'startDate');
  const endDate = date(entity, 'endDate');
  if (startDate && endDate && endDate < startDate)
    return entity.fields.fail('properties.endDate', `${endDate} is before the start date ${startDate}`);
  const percentage = link.kind === 'ownership' ? single(entity, 'percentage') : undefined;
  const percent = percentage === undefined ? undefined : parsePercent(percentage);
  if (percent && 'problem' in percent) return entity.fields.fail('properties.percentage', percent.problem);
  const [from, to] = ends;
  if (from === undefined || to === undefined) return undefined;
  if (typeof from !== 'string' || typeof to !== 'string') {
    const skipped = [from, to].find((end) => typeof end !== 'string') as { schema: string; property: string };
    leftOut.push({
      ...entity.place,
      field: `properties.${skipped.property}`,
      reason: `a tie to ${aSchema(skipped.schema)}, which is not a party`,
    });
    return undefined;
  }
  const why = notCurrent(startDate, endDate, options.asOf);
  if (why) {
    leftOut.push({ ...entity.place, reason: `the ${entity.schema} ${why}` });
    return undefined;
  }
  const words = entity.properties[link.words]?.join('; ');
  const shares = entity.properties.sharesCount?.[0];
  const text = [words, shares && `${shares} shares`].filter(Boolean).join('; ') || undefined;
  const base = {
    id: ftmNodeId(entity.id),
    from,
    to,
    source: { ...source, ...(text ? { text } : {}) },
    ...((startDate ?? entity.properties.date?.[0]) ? { date: startDate ?? entity.properties.date![0] } : {}),
  };
  switch (link.kind) {
    case 'ownership':
      // FtM says nothing of directness; a register's Ownership is usually direct, but that is not stated.
      return { ...base, kind: 'ownership', ...(percent ? { share: exactShare(percent.percent) } : {}), directness: 'unknown' };
    case 'directorship':
      return { ...base, kind: 'directorship', ...(words ? { role: words } : {}) };
    case 'family':
      return { ...base, kind: 'family', ...(words ? { relation: words } : {}) };
    case 'associate':
      return { ...base, kind: 'associate', label: words ? `${entity.schema}: ${words}` : entity.schema };
  }
}

/**
 * The node id a reference property names: a listed record's id as it is, an entity of this file as its
 * node id; `{ schema }` for an entity of this file that is not a party; undefined after a problem.
 */
function partyRef(
  entity: FtmEntity,
  property: string,
  byId: Map<string, FtmEntity>,
): string | { schema: string; property: string } | undefined {
  const ref = single(entity, property, true);
  if (ref === undefined) return undefined;
  if (isListedId(ref)) return ref;
  const target = byId.get(ref);
  if (!target)
    return entity.fields.fail(
      `properties.${property}`,
      `"${ref}" is not the id of an entity in this file, nor a listed record's id (ofac:…, un:…, uk:…)`,
    );
  if (!(PARTY_SCHEMATA as readonly string[]).includes(target.schema)) return { schema: target.schema, property };
  return ftmNodeId(ref);
}

/** A date property: an ISO prefix, or a date-time whose date is kept (FtM allows both). */
function date(entity: FtmEntity, property: string): string | undefined {
  const written = single(entity, property);
  if (written === undefined) return undefined;
  const value = /^\d{4}-\d{2}-\d{2}T/.test(written) ? written.slice(0, 10) : written;
  const why = datePrefixProblem(value);
  return why ? entity.fields.fail(`properties.${property}`, why) : value;
}
