/**
 * @module server
 * The Embargo HTTP API.
 */
export {};
