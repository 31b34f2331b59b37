/**
 * @module @embargo/core
 * The pure core of Embargo: entity model, normalisation, matching and list comparison. No I/O.
 */
export * from './errors.js';
export * from './model/schema.js';
export * from './model/entity.js';
export * from './model/countries.js';
export * from './model/party-columns.js';
export * from './model/party-input.js';
export * from './lists/index.js';
export * from './match/index.js';
export { foldText, nameTokens } from './text/normalize.js';
export { latinReadings } from './text/scripts/index.js';
export { jsonArrayElements, type JsonElementText } from './text/json-array.js';
export * from './alerts/workflow.js';
export * from './alerts/cases.js';
export * from './alerts/reason-codes.js';
export * from './payments/index.js';
export * from './trade/index.js';
export * from './evaluation/metrics.js';
export * from './ownership/index.js';
export * from './network/index.js';
