/**
 * @module @embargo/worker
 * The NATS JetStream worker (`embargo worker --nats URL`): screens the payment messages published to
 * `payments.in` and publishes one decision per message to `payments.decisions`.
 */
export * from './payment-worker.js';
export * from './screening-handler.js';
export * from './batch-worker.js';
