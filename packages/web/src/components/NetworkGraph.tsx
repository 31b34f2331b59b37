/**
 * @module components/NetworkGraph
 * The network around one ranked party, drawn with `LayeredGraph`: the party, its counterparties
 * (designated ones always, marked), and its path to the nearest designated party; each edge an arrow in
 * the direction money went, labelled with the value and the number of payments, and the designated
 * vessel that carried the goods where there was one.
 * @example <NetworkGraph party={ranking.ranked[0]} />
 */
import type { NetworkNeighbourhood, RankedNetworkParty } from '../api/types';
import { count } from '../text/format';
import { LayeredGraph, type GraphEdgeView, type GraphNodeView } from './LayeredGraph';

/** "USD 1.2m", "USD 45k", "USD 900": a value that fits an edge label. */
export function shortMoney(usd: number): string {
  if (usd >= 1e6) return `USD ${(usd / 1e6).toFixed(usd >= 1e7 ? 0 : 1)}m`;
  if (usd >= 1e3) return `USD ${Math.round(usd / 1e3)}k`;
  return `USD ${Math.round(usd)}`;
}

function nodeNote(node: NetworkNeighbourhood['nodes'][number]): string | undefined {
  if (node.designation) return node.designation.basis === 'listed' ? `listed: ${node.designation.recordId}` : 'blocked by ownership';
  if (node.centre) return 'this party';
  return node.countries.join(', ') || undefined;
}

export function networkGraphViews(neighbourhood: NetworkNeighbourhood): { nodes: GraphNodeView[]; edges: GraphEdgeView[] } {
  const nodes = neighbourhood.nodes.map((n) => ({
    id: String(n.id),
    name: n.name,
    note: nodeNote(n),
    // Parties of a file have no page of their own; a designated one leads to its listed record.
    href: n.designation?.basis === 'listed' ? `/entities/${encodeURIComponent(n.designation.recordId)}` : undefined,
    title: `${n.name}${n.designation ? ` — ${n.designation.caption} (${n.designation.reason})` : ''}`,
    className: n.designation ? 'chain-node--designated' : n.centre ? 'network-node--centre' : undefined,
  }));
  const edges = neighbourhood.edges.map((e, i) => {
    const label = `${shortMoney(e.value)} · ${count(e.rows)}`;
    const vessels = e.designatedVessels.length ? ` on ${e.designatedVessels.join(', ')}` : '';
    return {
      id: `e${i}`,
      from: String(e.from),
      to: String(e.to),
      label: label + (vessels ? ' ⚓' : ''),
      title: `${shortMoney(e.value)} in ${count(e.rows)} payment${e.rows === 1 ? '' : 's'}${vessels}`,
      className: e.designatedVessels.length ? 'network-edge--vessel' : undefined,
    };
  });
  return { nodes, edges };
}

export function NetworkGraph({ party }: { party: RankedNetworkParty }) {
  const { nodes, edges } = networkGraphViews(party.neighbourhood);
  return (
    <>
      {/* The party is the first node and has no link: the drawing opens centred on it. */}
      <LayeredGraph label={`The network around ${party.name}`} nodes={nodes} edges={edges} direction="LR" />
      {party.neighbourhood.leftOut > 0 && (
        <p className="muted">
          {count(party.neighbourhood.leftOut)} smaller counterpart{party.neighbourhood.leftOut === 1 ? 'y is' : 'ies are'} not drawn (none
          designated).
        </p>
      )}
    </>
  );
}
