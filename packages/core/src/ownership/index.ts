/**
 * @module ownership
 * Ownership and control: the graph, the regimes as data, the fixpoint that derives who is blocked, the
 * proofs, incremental updates and exposure paths. Pure: the graph comes in as statements, statuses and
 * proofs go out.
 */
export * from './graph.js';
export * from './from-lists.js';
export * from './resolve.js';
export * from './resolve-with-engine.js';
export * from './regimes.js';
export { SHARE_UNITS_PER_PERCENT } from './shares.js';
export { compileOwnershipGraph, MAX_SUMMARISED_CHAIN_EDGES } from './compile.js';
export type { CompiledOwnershipGraph, OwnershipGraphProblem, OwnershipGraphProblemKind } from './compiled-graph.js';
export { forEachAdjacent, SHARE_FLAG } from './compiled-graph.js';
export * from './evaluate.js';
export * from './proof.js';
export * from './incremental.js';
export * from './exposure.js';
