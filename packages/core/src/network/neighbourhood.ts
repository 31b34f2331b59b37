/**
 * @module network/neighbourhood
 * The network around one party, small enough to draw: the party, its largest counterparties (designated
 * ones always), and the shortest path from it to a designated party; edges aggregate the rows between two
 * parties in the direction money went (payer → payee).
 *
 * @example
 * neighbourhood(exposure, table.partyNamed('Sinsong Trading Ltd')!, { counterparties: 12 })
 * // { nodes: [{ id: 17, name: 'Sinsong Trading Ltd', centre: true, … }, …], edges: [{ from: 17, to: 4, value: 1.2e6, rows: 9 }, …] }
 */
import type { Designation } from './designations.js';
import type { NetworkExposure } from './exposure.js';
import { counterpartyOf } from './graph.js';

export interface NeighbourhoodNode {
  id: number;
  name: string;
  countries: string[];
  centre: boolean;
  designation?: Designation;
  /** Steps to the nearest designated party (0: designated; more than 3: none within reach). */
  distance: number;
}

export interface NeighbourhoodEdge {
  /** Payer and payee party ids. */
  from: number;
  to: number;
  /** Value paid in the reference currency, and in how many rows. */
  value: number;
  rows: number;
  /** Names of designated vessels that carried goods of these rows. */
  designatedVessels: string[];
}

export interface Neighbourhood {
  centre: number;
  nodes: NeighbourhoodNode[];
  edges: NeighbourhoodEdge[];
  /** Counterparties not drawn (the smallest, none designated). */
  leftOut: number;
}

export interface NeighbourhoodOptions {
  /** Most counterparties drawn besides designated ones (default 12). */
  counterparties?: number;
}

/** The party, its counterparties (designated first, then by value) and its path to a designated party. */
export function neighbourhood(x: NetworkExposure, centre: number, options: NeighbourhoodOptions = {}): Neighbourhood {
  const { table, designations } = x;
  const most = options.counterparties ?? 12;
  const valueWith = new Map<number, number>();
  for (let k = x.rowStart[centre]; k < x.rowStart[centre + 1]; k++) {
    const r = x.rowsOfParty[k];
    const q = counterpartyOf(table, r, centre);
    valueWith.set(q, (valueWith.get(q) ?? 0) + table.value[r]);
  }
  const counterparties = [...valueWith.keys()].sort(
    (a, b) =>
      Number(designations.parties.has(b)) - Number(designations.parties.has(a)) ||
      valueWith.get(b)! - valueWith.get(a)! ||
      table.parties[a].name.localeCompare(table.parties[b].name),
  );
  const drawn = counterparties.filter((q, i) => i < most || designations.parties.has(q));
  const included = new Set([centre, ...drawn]);
  // The path to the nearest designated party, where it runs beyond the counterparties.
  const pathRows: number[] = [];
  for (let at = centre; x.distance[at] > 0 && x.distance[at] <= 3; at = x.nextParty[at]) {
    included.add(x.nextParty[at]);
    pathRows.push(x.nextRow[at]);
  }

  const edges = new Map<string, NeighbourhoodEdge>();
  const addRow = (r: number) => {
    const key = `${table.payer[r]}>${table.payee[r]}`;
    let edge = edges.get(key);
    if (!edge) edges.set(key, (edge = { from: table.payer[r], to: table.payee[r], value: 0, rows: 0, designatedVessels: [] }));
    edge.value += table.value[r];
    edge.rows++;
    const vessel = designations.vessels.get(table.vessel[r]);
    const vesselName = table.vessels.values[table.vessel[r]];
    if (vessel && !edge.designatedVessels.includes(vesselName)) edge.designatedVessels.push(vesselName);
  };
  for (let k = x.rowStart[centre]; k < x.rowStart[centre + 1]; k++) {
    const r = x.rowsOfParty[k];
    if (included.has(counterpartyOf(table, r, centre))) addRow(r);
  }
  for (const r of pathRows) if (table.payer[r] !== centre && table.payee[r] !== centre) addRow(r);

  const nodes = [...included].map((id) => {
    const designation = designations.parties.get(id);
    return {
      id,
      name: table.parties[id].name,
      countries: table.parties[id].countries,
      centre: id === centre,
      ...(designation ? { designation } : {}),
      distance: x.distance[id],
    };
  });
  return { centre, nodes, edges: [...edges.values()], leftOut: counterparties.length - drawn.length };
}
