/**
 * @module @embargo/server
 * The Embargo HTTP API: `buildApp(deps)` for tests and embedding, `startServer(options)` for `embargo serve`.
 */
export { buildApp, type BuildOptions } from './app.js';
export { createApiKey, ApiKeyVerifier, isRole, ROLES } from './api-keys.js';
export { DEFAULT_SERVER_CONFIG, type AppDeps, type ServerConfig } from './deps.js';
export { entityFingerprint } from './entity-fingerprint.js';
export { loadListFolder, type LoadSummary } from './list-loading.js';
export { ScreeningService } from './screening-service.js';
export {
  OwnershipService,
  type OwnershipEvaluationSummary,
  type OwnershipLoadResult,
  type OwnershipNodeView,
} from './ownership/ownership-service.js';
export { natsJobDispatcher, type BatchChunk, type JobDispatcher } from './nats/job-dispatch.js';
export { screenJobChunk, type JobDeps } from './jobs/job-runner.js';
export { natsRescreenDispatcher, RESCREEN_PAGE, type RescreenPage, type RescreenDispatcher } from './nats/rescreen-dispatch.js';
export {
  planRescreen,
  rescreenAfterLoad,
  rescreenCustomerPage,
  rescreeningId,
  type RescreenPlan,
  type RescreenSummary,
} from './monitoring/delta-rescreen.js';
export {
  connectToWorkerStreams,
  ensureWorkerStreams,
  paymentTopology,
  DEDUPLICATION_WINDOW_MS,
  type PaymentTopology,
  type StreamSettings,
} from './nats/streams.js';
export {
  decisionJson,
  preparePaymentMessages,
  screenPaymentMessages,
  storePreparedPayments,
  type PaymentOutcome,
  type PaymentScreeningContext,
  type PreparedPayment,
} from './payment-screening.js';
export { startServer, type RunningServer, type StartOptions } from './serve.js';
export { createUser, MIN_PASSWORD_LENGTH, USER_ROLES, UserSessions } from './user-sessions.js';
