/**
 * @module components/RelationshipGraph
 * A record's relationships as a small SVG graph — the record in the centre, related records around it,
 * each edge labelled with the kind of relationship and pointing from the party that states it — and
 * below it the same relationships as a list, for screen readers and for copying. Every related record
 * is a link to its own profile.
 * @example <RelationshipGraph center={{ id, caption, schema }} relationships={response.relationships} />
 */
import type { EntityRef, EntityRelationship } from '../api/types';
import { Link, navigate, paths } from '../router';
import { radialLayout } from './radial-layout';

/** The graph draws at most this many related records; the list below always has them all. */
export const MAX_GRAPH_NODES = 30;
const SIZE = 560;
const NODE_RADIUS = 14;
const CENTER_RADIUS = NODE_RADIUS + 6;
const LABEL_CHARS = 24;
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

function shorten(text: string): string {
  return text.length > LABEL_CHARS ? text.slice(0, LABEL_CHARS - 1) + '…' : text;
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
  const layout = radialLayout(drawn.length, SIZE);
  const { x: cx, y: cy } = layout.center;
  const centerName = center.caption ?? center.id;
  return (
    <div className="relationships">
      <figure className="graph">
        <svg
          viewBox={`0 0 ${SIZE} ${SIZE}`}
          role="group"
          aria-labelledby="graph-caption"
          className="graph__svg"
          xmlns="http://www.w3.org/2000/svg"
        >
          <defs>
            <marker id="arrow" viewBox="0 0 10 10" refX="10" refY="5" markerWidth="5" markerHeight="5" orient="auto-start-reverse">
              <path d="M0,0 L10,5 L0,10 z" className="graph__arrow" />
            </marker>
          </defs>
          {drawn.map((r, i) => {
            const p = layout.nodes[i];
            // Edges stop at the circles' rims so the arrowheads show.
            const rad = (p.angle * Math.PI) / 180;
            const [ux, uy] = [Math.cos(rad), Math.sin(rad)];
            const at = (d: number) => ({ x: cx + ux * d, y: cy + uy * d });
            const start = at(CENTER_RADIUS + 2);
            const end = at(p.radius - NODE_RADIUS - 2);
            const out = r.links.some((l) => l.outgoing);
            const incoming = r.links.some((l) => !l.outgoing);
            const label = [...new Set(r.links.map((l) => relationshipWords(l.kind)))].join(' / ');
            // Labels run along their edge, upright, in the free space before the node (between the rings
            // for the outer one), so that neighbouring labels do not overlap.
            const inner = layout.nodes.find((n) => n.ring === 0)?.radius ?? p.radius;
            const mid = at(p.ring === 0 ? (CENTER_RADIUS + p.radius) / 2 + 6 : (inner + p.radius) / 2);
            const upright = p.angle > 90 && p.angle < 270 ? p.angle - 180 : p.angle;
            return (
              <g key={r.ref.id} className="graph__edge">
                <line
                  x1={start.x}
                  y1={start.y}
                  x2={end.x}
                  y2={end.y}
                  markerEnd={out ? 'url(#arrow)' : undefined}
                  markerStart={incoming ? 'url(#arrow)' : undefined}
                />
                <text
                  x={mid.x}
                  y={mid.y}
                  className="graph__edge-label"
                  textAnchor="middle"
                  dy="-3"
                  transform={`rotate(${upright} ${mid.x} ${mid.y})`}
                >
                  {label}
                </text>
              </g>
            );
          })}
          <g className="graph__node graph__node--center">
            <circle cx={cx} cy={cy} r={CENTER_RADIUS} className={`graph__dot graph__dot--${schemaClass(center.schema)}`} />
            <text x={cx} y={cy + NODE_RADIUS + 22} textAnchor="middle" className="graph__label graph__label--center">
              {shorten(centerName)}
            </text>
          </g>
          {drawn.map((r, i) => {
            const p = layout.nodes[i];
            const name = r.ref.caption ?? r.ref.id;
            const below = p.y >= cy;
            return (
              <a
                key={r.ref.id}
                href={paths.entity(r.ref.id)}
                className="graph__node"
                aria-label={`${name} (${r.ref.id})`}
                onClick={(event) => {
                  if (event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
                  event.preventDefault();
                  navigate(paths.entity(r.ref.id));
                }}
              >
                <title>{`${name} — ${r.ref.schema ?? 'record'} ${r.ref.id}`}</title>
                <circle cx={p.x} cy={p.y} r={NODE_RADIUS} className={`graph__dot graph__dot--${schemaClass(r.ref.schema)}`} />
                <text x={p.x} y={below ? p.y + NODE_RADIUS + 14 : p.y - NODE_RADIUS - 6} textAnchor="middle" className="graph__label">
                  {shorten(name)}
                </text>
              </a>
            );
          })}
        </svg>
        <figcaption id="graph-caption">
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
