/**
 * @module network
 * Facilitator discovery in transaction data: the table a payments, invoices or shipments file becomes,
 * each party's exposure to designated and ownership-blocked parties, the facilitator score as named
 * features with weights, the ranking with its evidence, and the network around a party. Pure: the file
 * is read by `@embargo/payments` (`readTransactionsCsv`), parties are screened by the edges.
 */
export * from './transactions.js';
export * from './reference-rates.js';
export * from './dprk-goods.js';
export * from './designations.js';
export * from './screening.js';
export * from './graph.js';
export * from './exposure.js';
export * from './score.js';
export * from './rank.js';
export * from './neighbourhood.js';
