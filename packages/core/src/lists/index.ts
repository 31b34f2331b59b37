/**
 * @module lists
 * Comparing list publications: what changed between two publications, and which records on
 * different lists designate the same person or firm.
 */
export * from './diff.js';
export * from './diff-rows.js';
export * from './diff-text.js';
export * from './links.js';
export * from './link-keys.js';
export * from './shrink.js';
