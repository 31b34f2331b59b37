/**
 * @module ownership
 * Ownership and control: the graph, the regimes as data, the fixpoint that derives who is blocked, the
 * proofs, and exposure paths. Pure: the graph comes in as statements, statuses and proofs go out.
 */
export * from './graph.js';
export * from './from-lists.js';
export * from './resolve.js';
export * from './resolve-with-engine.js';
