/**
 * @module components/RelationshipGraph
 * A record's relationships as a small graph drawn in layers (`LayeredGraph`, dagre): the records that
 * state a tie to this one on its left, those it states ties to on its right, each arrow labelled with the
 * kinds of relationship and coloured by kind, pointing from the party that states it — and
 * below it the same relationships as a list, for screen readers and for copying. Every related record
 * is a link to its own profile.
 * @example <RelationshipGraph center={{ id, caption, schema }} relationships={response.relationships} />
 */
import type { EntityRef, EntityRelationship } from '../api/types';
import { Link, paths } from '../router';
import { LayeredGraph, shorten, type GraphEdgeView, type GraphNodeView } from './LayeredGraph';

/** The graph draws at most this many related records; the list below always has them all. */
export const MAX_GRAPH_NODES = 30;
/** Beyond this many relationships the list scrolls on its own, beside the graph. */
const LONG_LIST = 20;

const KIND_WORDS: Record<string, string> = {
  ownedBy: 'owned by',
  owns: 'owns',
  actingFor: 'acting for',
  linkedTo: 'linked to',
  associate: 'associate of',
  family: 'family of',
  other: 'related to',
};

export function relationshipWords(kind: string): string {
  return KIND_WORDS[kind] ?? kind;
}

export interface RelatedRecord {
  ref: EntityRef;
  /** Each relationship with this record; `outgoing` when the centre is its `from`. */
  links: { kind: string; outgoing: boolean; sourceText: string }[];
}

/** The related records, one per other record, in the order the relationships first name them. */
export function relatedRecords(centerId: string, relationships: readonly EntityRelationship[]): RelatedRecord[] {
  const byId = new Map<string, RelatedRecord>();
  for (const r of relationships) {
    const outgoing = r.from.id === centerId;
    const other = outgoing ? r.to : r.from;
    if (other.id === centerId) continue;
    let record = byId.get(other.id);
    if (!record) byId.set(other.id, (record = { ref: other, links: [] }));
    record.links.push({ kind: r.kind, outgoing, sourceText: r.sourceText });
  }
  return [...byId.values()];
}

function schemaClass(schema: string | null): string {
  if (schema === 'Person') return 'person';
  if (schema === 'Vessel' || schema === 'Airplane') return 'vehicle';
  if (schema === 'Organization' || schema === 'Company' || schema === 'LegalEntity') return 'organisation';
  return 'unknown';
}

export interface RelationshipGraphProps {
  center: EntityRef;
  relationships: readonly EntityRelationship[];
}

export function RelationshipGraph({ center, relationships }: RelationshipGraphProps) {
  const related = relatedRecords(center.id, relationships);
  if (related.length === 0) return <p className="muted">The lists state no relationships for this record.</p>;
  const drawn = related.slice(0, MAX_GRAPH_NODES);
  const centerName = center.caption ?? center.id;
  const nodes: GraphNodeView[] = [
    {
      id: center.id,
      name: centerName,
      title: `${centerName} — ${center.schema ?? 'record'} ${center.id}`,
      className: `graph-node--${schemaClass(center.schema)}`,
    },
    ...drawn.map((r) => {
      const name = r.ref.caption ?? r.ref.id;
      return {
        id: r.ref.id,
        name,
        href: paths.entity(r.ref.id),
        title: `${name} (${r.ref.id})`,
        className: `graph-node--${schemaClass(r.ref.schema)}`,
      };
    }),
  ];
  // One arrow per related record, from the record that states the ties (both ends when each states one),
  // coloured by the first kind: records stating ties to this one are drawn left of it, the rest right.
  const edges: GraphEdgeView[] = drawn.map((r) => {
    const out = r.links.some((l) => l.outgoing);
    const incoming = r.links.some((l) => !l.outgoing);
    const words = [...new Set(r.links.map((l) => relationshipWords(l.kind)))].join(' / ');
    return {
      id: r.ref.id,
      from: out ? center.id : r.ref.id,
      to: out ? r.ref.id : center.id,
      label: shorten(words),
      title: words,
      bothWays: out && incoming,
      className: `graph-edge--${r.links[0].kind}`,
    };
  });
  return (
    <div className="relationships">
      <figure className="graph">
        <LayeredGraph label={`Relationships of ${centerName}`} nodes={nodes} edges={edges} direction="LR" />
        <figcaption>
          Relationships of {centerName}: {related.length} related record{related.length === 1 ? '' : 's'}
          {related.length > drawn.length ? ` (the graph shows ${drawn.length}; the list has them all)` : ''}. Arrows point from the record
          the list states the relationship for.
        </figcaption>
      </figure>
      <ul
        className={`plain-list relationship-list${relationships.length > LONG_LIST ? ' relationship-list--long' : ''}`}
        aria-label={`Relationships of ${centerName}`}
        tabIndex={relationships.length > LONG_LIST ? 0 : undefined}
      >
        {relationships
          .filter((r) => r.from.id !== r.to.id)
          .map((r, i) => (
            <li key={i}>
              <RefName entity={r.from} centerId={center.id} /> <span className="relationship-list__kind">{relationshipWords(r.kind)}</span>{' '}
              <RefName entity={r.to} centerId={center.id} />
              {r.sourceText && <span className="muted"> — “{r.sourceText}”</span>}
            </li>
          ))}
      </ul>
    </div>
  );
}

function RefName({ entity, centerId }: { entity: EntityRef; centerId: string }) {
  const name = entity.caption ?? entity.id;
  if (entity.id === centerId) return <strong>{name}</strong>;
  return <Link to={paths.entity(entity.id)}>{name}</Link>;
}
