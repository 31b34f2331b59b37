/**
 * @module @embargo/lists
 * Reading the official list files: one module per format, detection and loading of a folder.
 */
export * from './format.js';
export * from './io.js';
export * from './detect.js';
export * from './load.js';
export * from './completeness.js';
export * from './history.js';
export * from './zip-bounds.js';
export * from './update.js';
