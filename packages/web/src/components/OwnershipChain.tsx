/**
 * @module components/OwnershipChain
 * The ownership and control around one party, drawn in layers — owners above, what they own below —
 * with each tie labelled by its share ("30%", "25–50%") or its kind ("controls: board appointment"),
 * designated persons marked, and each party coloured by its status under the regime chosen above the
 * drawing (OFAC, EU or UK). Every party opens its own page: a listed record's profile, a user's party's
 * node view. Below the drawing, the same ties as a list, for screen readers and for copying.
 * @example <OwnershipChain centerId="csv:acme" chain={response.chain} />
 */
import { useId, useState } from 'react';
import type { ChainEdge, ChainNode, NodeStatus, RegimeId } from '../api/types';
import { OWNERSHIP_REGIMES } from '../api/types';
import { Link } from '../router';
import { edgeKindWords, partyPath, REGIME_NAMES, STATUS_WORDS } from '../text/ownership-words';
import { LayeredGraph, shorten, type GraphEdgeView, type GraphNodeView } from './LayeredGraph';
import { OwnershipStatusBadge } from './OwnershipStatusBadge';

/** Most severe first: the regime a party is coloured by at first is the one where it fares worst. */
const SEVERITY: NodeStatus[] = ['designated', 'blocked', 'possibly_blocked', 'none'];

export function firstRegimeToShow(node: ChainNode | undefined): RegimeId {
  if (!node) return 'ofac';
  for (const status of SEVERITY) {
    const regime = OWNERSHIP_REGIMES.find((r) => node.status[r] === status);
    if (regime) return regime;
  }
  return 'ofac';
}

/** The tie's words on its arrow: the share of a holding, else its kind and the source's label. */
export function chainEdgeWords(edge: ChainEdge): string {
  if (edge.kind === 'ownership') return edge.share ?? 'owns (share not stated)';
  return edge.label ? `${edgeKindWords(edge.kind)}: ${edge.label}` : edgeKindWords(edge.kind);
}

/** "blocked: OFAC, EU · possibly blocked: UK": a party's statuses in one short line; "" when none. */
export function statusLine(node: ChainNode): string {
  return SEVERITY.filter((s) => s !== 'none')
    .map((s) => ({ s, regimes: OWNERSHIP_REGIMES.filter((r) => node.status[r] === s) }))
    .filter((g) => g.regimes.length > 0)
    .map((g) => `${STATUS_WORDS[g.s]}: ${g.regimes.map((r) => REGIME_NAMES[r]).join(', ')}`)
    .join(' · ');
}

export interface OwnershipChainProps {
  /** The party whose page this is: drawn, not linked. */
  centerId: string;
  chain: { nodes: ChainNode[]; edges: ChainEdge[] };
}

export function OwnershipChain({ centerId, chain }: OwnershipChainProps) {
  const center = chain.nodes.find((n) => n.id === centerId);
  const [regime, setRegime] = useState<RegimeId>(() => firstRegimeToShow(center));
  // Party ids hold spaces and colons (`csv:front shipping co`): no use as element ids.
  const legendId = useId();
  const names = new Map(chain.nodes.map((n) => [n.id, n]));
  const centerName = center?.name ?? centerId;
  const ties = chain.edges.filter((e) => names.has(e.from) && names.has(e.to));
  if (ties.length === 0)
    return <p className="muted">No ownership or control tie of {centerName} is known: neither the lists nor the loaded files state one.</p>;

  const nodes: GraphNodeView[] = chain.nodes.map((n) => {
    const status = n.status[regime] ?? 'none';
    const line = statusLine(n);
    return {
      id: n.id,
      name: n.name,
      note: line || n.schema || undefined,
      href: n.id === centerId ? undefined : partyPath(n.id),
      title: `${n.name} (${n.id})${line ? ` — ${line}` : ''}`,
      className: `chain-node--${status}${n.designated ? ' chain-node--designated' : ''}`,
    };
  });
  const edges: GraphEdgeView[] = ties.map((e) => {
    const words = chainEdgeWords(e);
    return { id: e.id, from: e.from, to: e.to, label: shorten(words), title: words, className: `chain-edge--${e.kind}` };
  });

  return (
    <div className="ownership-chain">
      <div className="ownership-chain__controls">
        <span id={legendId} className="ownership-chain__legend-title">
          Colour by
        </span>
        <div className="segmented segmented--small" role="group" aria-labelledby={legendId}>
          {OWNERSHIP_REGIMES.map((r) => (
            <button key={r} type="button" className="segmented__item" aria-pressed={r === regime} onClick={() => setRegime(r)}>
              {REGIME_NAMES[r]}
            </button>
          ))}
        </div>
        <ul className="ownership-chain__legend" aria-label="Colours">
          <li className="legend-item legend-item--designated">designated</li>
          <li className="legend-item legend-item--blocked">blocked</li>
          <li className="legend-item legend-item--possibly_blocked">possibly blocked</li>
          <li className="legend-item legend-item--none">not blocked</li>
        </ul>
      </div>
      <figure className="graph">
        <LayeredGraph
          label={`Ownership and control of ${centerName}, coloured by ${REGIME_NAMES[regime]} status`}
          nodes={nodes}
          edges={edges}
        />
        <figcaption>
          Owners above what they own; each arrow runs from the holder to what it holds, controls or directs. Colours: status under{' '}
          {REGIME_NAMES[regime]}; a thick outline marks a designated person.
        </figcaption>
      </figure>
      <ul className="plain-list chain-list" aria-label={`Ownership and control ties of ${centerName}`}>
        {ties.map((e) => (
          <li key={e.id}>
            <PartyName node={names.get(e.from)!} centerId={centerId} /> <span className="chain-list__tie">{tieWords(e)}</span>{' '}
            <PartyName node={names.get(e.to)!} centerId={centerId} />
          </li>
        ))}
      </ul>
    </div>
  );
}

/** "owns 30% of", "controls (board appointment)", "director of". */
function tieWords(edge: ChainEdge): string {
  if (edge.kind === 'ownership') return edge.share ? `owns ${edge.share} of` : 'owns a share (not stated) of';
  const words = edgeKindWords(edge.kind);
  return edge.label ? `${words} (${edge.label})` : words;
}

function PartyName({ node, centerId }: { node: ChainNode; centerId: string }) {
  const statuses = OWNERSHIP_REGIMES.filter((r) => node.status[r] !== 'none');
  return (
    <>
      {node.id === centerId ? <strong>{node.name}</strong> : <Link to={partyPath(node.id)}>{node.name}</Link>}
      {statuses.length > 0 && (
        <>
          {' '}
          {statuses.map((r) => (
            <OwnershipStatusBadge key={r} regime={r} status={node.status[r]} />
          ))}
        </>
      )}
    </>
  );
}
