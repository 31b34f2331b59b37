/**
 * @module match
 * Name matching: preparation, index, alignment, scorers, algorithm and engine.
 */
export * from './align.js';
export * from './algorithm.js';
export * from './engine.js';
export * from './explain.js';
export * from './name-form.js';
export * from './name-index.js';
export * from './query.js';
export * from './screened-party-key.js';
export * from './token-similarity.js';
export * from './scorers/context.js';
