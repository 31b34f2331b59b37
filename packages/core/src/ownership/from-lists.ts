/**
 * @module ownership/from-lists
 * What the official lists say about ownership and control, as graph nodes and edges: one node per listed
 * record (designated), one edge per relationship the list parsers found. The lists give no percentages,
 * so an ownership edge from a list has no share: it says who owns or controls whom, for exposure and for
 * a proof's path, and never adds to an aggregate.
 *
 * Direction. The parsers keep the publisher's direction: `{ from, to }` reads "from <relation type> to".
 * On the advanced XML of 2019-03-14, `From-ProfileID="18267" To-ProfileID="17022" RelationTypeID="15003"`
 * is OJSC ORENBURGNEFT "Owned or Controlled By" ROSNEFT, and the enhanced XML of 2025-01-10 writes the same
 * pair under ORENBURGNEFT; "Owns, controls, or operates" goes from HUAWEI INVESTMENT & HOLDING to HUAWEI
 * TECHNOLOGIES. So `ownedBy` turns round (the owner is `to`) and `owns` does not.
 *
 * @example
 * listGraph(publication.entities, publication.relationships)
 * // { nodes: [{ id: 'ofac:17022', name: 'Open Joint-Stock Company Rosneft Oil Company', designated: true, … }, …],
 * //   edges: [{ kind: 'ownership', from: 'ofac:17022', to: 'ofac:18267', directness: 'unknown',
 * //             source: { kind: 'list', recordId: 'ofac:18267', text: 'Owned or Controlled By', list: 'ofac-cons' } }, …] }
 */
import type { Entity, Relationship } from '../model/entity.js';
import { COUNTRY_PROPERTIES, IDENTIFIER_PROPERTIES } from '../model/schema.js';
import type { GraphEdge, GraphNode, GraphSource, OwnershipStatements } from './graph.js';

/** The parsers mark an ended relationship (advanced XML `Former="true"`) by these words after the type. */
const FORMER = ' (former)';

/**
 * OFAC relation types the parsers keep as kind `other`, by the words they keep in `sourceText`
 * (`ofac_relation_types.json`: FollowTheMoney reads 91725 and 91900 as Directorship, 91422 as Membership,
 * 15001 as UnknownLink and 92122 as Ownership with the asset first).
 */
const OTHER_RELATION_TYPES: Readonly<Record<string, 'directorship' | 'associate' | 'assetOf'>> = {
  'leader or official of': 'directorship',
  'principal executive officer': 'directorship',
  'playing a significant role in': 'associate',
  'providing support to': 'associate',
  'property in the interest of': 'assetOf',
};

/**
 * Nodes for the listed records and edges for the relationships between them. Edges may name records of
 * another publication: the enhanced XML of the consolidated list points at SDN records, whose `ofac:` ids
 * are the same in both lists, so a graph built from both publications joins them.
 */
export function listGraph(entities: readonly Entity[], relationships: readonly Relationship[]): OwnershipStatements {
  const listOf = new Map(entities.map((e) => [e.id, e.source]));
  const ids = new Map<string, number>();
  const edges: GraphEdge[] = [];
  for (const rel of relationships) {
    const edge = listEdge(rel, { kind: 'list', recordId: rel.from, text: rel.sourceText, list: listOf.get(rel.from) });
    // Two relationships between the same records of the same kind (a remark and a typed relation) keep both.
    const base = `${edge.from}>${edge.kind}>${edge.to}`;
    const seen = (ids.get(base) ?? 0) + 1;
    ids.set(base, seen);
    edges.push({ ...edge, id: seen === 1 ? base : `${base}#${seen}` });
  }
  return { nodes: entities.map(listedNode), edges };
}

/** The edge one list relationship states, without its id. */
function listEdge(rel: Relationship, source: GraphSource): GraphEdge {
  const label = rel.sourceText;
  const tie = { id: '', from: rel.from, to: rel.to, source };
  // An ended relationship owns and controls nothing now, but the tie stays evidence of exposure.
  if (label.endsWith(FORMER)) return { ...tie, kind: 'listLink', label };
  switch (rel.kind) {
    case 'ownedBy':
      return { ...tie, kind: 'ownership', from: rel.to, to: rel.from, directness: 'unknown' };
    case 'owns':
      return { ...tie, kind: 'ownership', directness: 'unknown' };
    case 'actingFor':
    case 'associate':
      return { ...tie, kind: 'associate', label };
    case 'family':
      return { ...tie, kind: 'family', relation: label };
    case 'linkedTo':
      return { ...tie, kind: 'listLink', label };
    case 'other':
      switch (OTHER_RELATION_TYPES[label.trim().toLowerCase()]) {
        case 'directorship':
          return { ...tie, kind: 'directorship', role: label };
        case 'associate':
          return { ...tie, kind: 'associate', label };
        case 'assetOf':
          return { ...tie, kind: 'ownership', from: rel.to, to: rel.from, directness: 'unknown' };
        default:
          return { ...tie, kind: 'listLink', label };
      }
  }
}

/** A listed record as a designated node: its caption, schema, programmes, countries and identifiers. */
function listedNode(entity: Entity): GraphNode {
  const countries = new Set<string>();
  for (const property of COUNTRY_PROPERTIES) for (const s of entity.properties[property] ?? []) countries.add(s.value);
  for (const s of entity.properties.address ?? []) if (s.country) countries.add(s.country);
  const identifiers = IDENTIFIER_PROPERTIES.flatMap((scheme) => (entity.properties[scheme] ?? []).map((s) => ({ scheme, value: s.value })));
  const programs = (entity.properties.program ?? []).map((s) => s.value);
  const birthDate = entity.properties.birthDate?.[0]?.value;
  return {
    id: entity.id,
    name: entity.caption,
    schema: entity.schema,
    ...(countries.size ? { countries: [...countries] } : {}),
    ...(identifiers.length ? { identifiers } : {}),
    ...(birthDate ? { birthDate } : {}),
    ...(programs.length ? { programs } : {}),
    designated: true,
    source: { kind: 'list', recordId: entity.id, list: entity.source },
  };
}
