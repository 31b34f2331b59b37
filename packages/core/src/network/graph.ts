/**
 * @module network/graph
 * The counterparty network of a transactions table: each party's rows (as payer or payee) in one array
 * indexed by party, and how many distinct counterparties it has. It depends on the rows alone, not on who
 * is designated, so it can be built while the parties are being screened.
 *
 * @example
 * const graph = buildCounterpartyGraph(table);
 * for (let k = graph.rowStart[p]; k < graph.rowStart[p + 1]; k++) counterpartyOf(table, graph.rowsOfParty[k], p);
 */
import type { TransactionTable } from './transactions.js';

export interface CounterpartyGraph {
  /** Rows of each party, as ranges of `rowsOfParty` (CSR: party p's rows are rowsOfParty[rowStart[p] .. rowStart[p+1])). */
  rowStart: Int32Array;
  rowsOfParty: Int32Array;
  /** Distinct counterparties (the party's degree in the network). */
  counterparties: Int32Array;
}

/** The party at the other end of row r from party p. */
export function counterpartyOf(table: TransactionTable, r: number, p: number): number {
  return table.payer[r] === p ? table.payee[r] : table.payer[r];
}

/** The rows of each party, both as payer and payee, in row order. */
function rowsByParty(table: TransactionTable): { rowStart: Int32Array; rowsOfParty: Int32Array } {
  const n = table.parties.length;
  const rowStart = new Int32Array(n + 1);
  for (let r = 0; r < table.rows; r++) {
    rowStart[table.payer[r] + 1]++;
    if (table.payee[r] !== table.payer[r]) rowStart[table.payee[r] + 1]++;
  }
  for (let p = 0; p < n; p++) rowStart[p + 1] += rowStart[p];
  const fill = rowStart.slice(0, n);
  const rowsOfParty = new Int32Array(rowStart[n]);
  for (let r = 0; r < table.rows; r++) {
    rowsOfParty[fill[table.payer[r]]++] = r;
    if (table.payee[r] !== table.payer[r]) rowsOfParty[fill[table.payee[r]]++] = r;
  }
  return { rowStart, rowsOfParty };
}

function countCounterparties(table: TransactionTable, rowStart: Int32Array, rowsOfParty: Int32Array): Int32Array {
  const n = table.parties.length;
  const counts = new Int32Array(n);
  // A stamp per party instead of a set per party: the last party that counted it.
  const seenBy = new Int32Array(n).fill(-1);
  for (let p = 0; p < n; p++) {
    let c = 0;
    for (let k = rowStart[p]; k < rowStart[p + 1]; k++) {
      const q = counterpartyOf(table, rowsOfParty[k], p);
      if (seenBy[q] !== p) {
        seenBy[q] = p;
        c++;
      }
    }
    counts[p] = c;
  }
  return counts;
}

/** The network of the table's rows. */
export function buildCounterpartyGraph(table: TransactionTable): CounterpartyGraph {
  const { rowStart, rowsOfParty } = rowsByParty(table);
  return { rowStart, rowsOfParty, counterparties: countCounterparties(table, rowStart, rowsOfParty) };
}
