/**
 * @module api/embargo
 * One function per API operation the app uses, so pages name what they ask for rather than build URLs.
 * Ids in paths are encoded (`ofac:22603` → `ofac%3A22603`).
 */
import { ApiError, apiRequest, apiUpload, queryString } from './client';
import type {
  NetworkRanking,
  AlertDetail,
  AlertFilter,
  Alert,
  BulkDecisionResponse,
  CaseComment,
  CaseDetail,
  CaseFilter,
  CaseInfo,
  CaseSummary,
  DecisionAsked,
  ReasonCode,
  AuditPage,
  AuditVerification,
  CustomerPage,
  CustomerQuery,
  DashboardFigures,
  DecisionResponse,
  EntityResponse,
  ExposureResponse,
  DiffFilter,
  ListDiffResponse,
  OwnershipEvaluationSummary,
  OwnershipFile,
  OwnershipLoadResult,
  OwnershipNodeResponse,
  OwnershipStatusFilter,
  OwnershipStatusPage,
  Job,
  Party,
  PasswordReset,
  PaymentDetail,
  PaymentFilter,
  PaymentList,
  Publication,
  RegisterCustomersResponse,
  Role,
  RevenueAtRisk,
  ScreenResponse,
  Session,
  ShipmentOutcome,
  TradeMeasures,
  User,
} from './types';

const enc = encodeURIComponent;

export const signIn = (username: string, password: string) =>
  apiRequest<Session>('POST', '/v1/session', { username, password }, { quietUnauthenticated: true });

/** The signed-in session, or null when there is none (401). */
export async function currentSession(): Promise<Session | null> {
  try {
    return await apiRequest<Session>('GET', '/v1/session', undefined, { quietUnauthenticated: true });
  } catch (error) {
    if (error instanceof ApiError && error.status === 401) return null;
    throw error;
  }
}

export const signOut = () => apiRequest<void>('DELETE', '/v1/session', undefined, { quietUnauthenticated: true });

export const screenParty = (party: Party) => apiRequest<ScreenResponse>('POST', '/v1/screen', party);

export const registerCustomer = (party: Party & { customerKey: string }) =>
  apiRequest<RegisterCustomersResponse>('POST', '/v1/customers', party);

/** Registers the customers of a CSV file as it is; a refusal lists the bad lines (`ApiError.problems`). */
export const uploadCustomersCsv = (file: Blob | string) => apiUpload<RegisterCustomersResponse>('/v1/customers', file, 'text/csv');

export const listCustomers = (query: CustomerQuery, signal?: AbortSignal) =>
  apiRequest<CustomerPage>('GET', `/v1/customers${queryString({ ...query })}`, undefined, { signal });

// --- Batch jobs ------------------------------------------------------------------------------------------

/** The content type a batch file is sent as, from its name: CSV, or JSON lines (.jsonl, .ndjson). */
export function batchContentType(fileName: string): 'text/csv' | 'application/x-ndjson' {
  return /\.(jsonl|ndjson)$/i.test(fileName) ? 'application/x-ndjson' : 'text/csv';
}

export const submitBatch = (file: Blob, fileName: string) =>
  apiUpload<{ jobId: string; total: number }>('/v1/screen/batch', file, batchContentType(fileName));

export const getJob = (id: string, signal?: AbortSignal) => apiRequest<Job>('GET', `/v1/jobs/${enc(id)}`, undefined, { signal });

export const listJobs = (signal?: AbortSignal) => apiRequest<{ jobs: Job[] }>('GET', '/v1/jobs', undefined, { signal });

/** Where a job's results download from, as NDJSON (one line per party) or CSV (one row per party and match). */
export const jobResultsPath = (id: string, format: 'ndjson' | 'csv') => `/v1/jobs/${enc(id)}/results${queryString({ format })}`;

export const getEntity = (id: string, signal?: AbortSignal) =>
  apiRequest<EntityResponse>('GET', `/v1/entities/${enc(id)}`, undefined, { signal });

export const listAlerts = (filter: AlertFilter, signal?: AbortSignal) =>
  apiRequest<{ alerts: Alert[] }>('GET', `/v1/alerts${queryString({ ...filter })}`, undefined, { signal });

export const getAlert = (id: string, signal?: AbortSignal) =>
  apiRequest<AlertDetail>('GET', `/v1/alerts/${enc(id)}`, undefined, { signal });

export const decideAlert = (id: string, asked: DecisionAsked) =>
  apiRequest<DecisionResponse>('POST', `/v1/alerts/${enc(id)}/decisions`, asked);

/** One decision on several alerts (a case's, or a customer's false positives), four eyes per alert. */
export const decideAlerts = (alertIds: string[], asked: DecisionAsked) =>
  apiRequest<BulkDecisionResponse>('POST', '/v1/alerts/decisions', { alertIds, ...asked });

export const listCases = (filter: CaseFilter, signal?: AbortSignal) =>
  apiRequest<{ cases: CaseSummary[] }>('GET', `/v1/cases${queryString({ ...filter })}`, undefined, { signal });

export const getCase = (id: string, signal?: AbortSignal) => apiRequest<CaseDetail>('GET', `/v1/cases/${enc(id)}`, undefined, { signal });

/** Assigns the case to a username, or unassigns it (null). */
export const assignCase = (id: string, assignee: string | null) =>
  apiRequest<{ case: CaseInfo }>('PUT', `/v1/cases/${enc(id)}/assignee`, { assignee });

export const commentOnCase = (id: string, body: string, alertId?: string) =>
  apiRequest<{ comment: CaseComment }>('POST', `/v1/cases/${enc(id)}/comments`, alertId ? { body, alertId } : { body });

/** The tenant's reason codes (an analyst across tenants names the tenant: an alert's). */
export const getReasonCodes = (tenant: string, signal?: AbortSignal) =>
  apiRequest<{ tenant: string; codes: ReasonCode[] }>('GET', `/v1/reason-codes${queryString({ tenant })}`, undefined, { signal });

export const listPayments = (filter: PaymentFilter, signal?: AbortSignal) =>
  apiRequest<PaymentList>('GET', `/v1/payments${queryString({ ...filter })}`, undefined, { signal });

export const getPayment = (id: string, signal?: AbortSignal) =>
  apiRequest<PaymentDetail>('GET', `/v1/payments/${enc(id)}`, undefined, { signal });

export const listPublications = (signal?: AbortSignal) =>
  apiRequest<{ publications: Publication[] }>('GET', '/v1/lists', undefined, { signal });

export const diffPublications = (from: number, to: number, filter: DiffFilter = {}) =>
  apiRequest<ListDiffResponse>('GET', `/v1/lists/diff${queryString({ from, to, ...filter })}`);

/** Where the same comparison downloads as CSV (the session cookie authorises a plain link). */
export const diffCsvUrl = (from: number, to: number, filter: DiffFilter = {}) =>
  `/v1/lists/diff.csv${queryString({ from, to, ...filter })}`;

export interface AuditQuery {
  kind?: string;
  actor?: string;
  /** A person's plain name: what they did signed in and with their API keys. */
  user?: string;
  limit?: number;
  before?: number;
}

export const listAudit = (query: AuditQuery, signal?: AbortSignal) =>
  apiRequest<AuditPage>('GET', `/v1/audit${queryString({ ...query })}`, undefined, { signal });

export const verifyAudit = (signal?: AbortSignal) => apiRequest<AuditVerification>('GET', '/v1/audit/verify', undefined, { signal });

export const listUsers = (signal?: AbortSignal) => apiRequest<{ users: User[] }>('GET', '/v1/users', undefined, { signal });

export const createUser = (username: string, password: string, role: Exclude<Role, 'client'>) =>
  apiRequest<User>('POST', '/v1/users', { username, password, role });

export const setUserDisabled = (username: string, disabled: boolean) =>
  apiRequest<User>('POST', `/v1/users/${enc(username)}/${disabled ? 'disable' : 'enable'}`);

/** Sets the password typed, or (none given) has the server generate one, answered once. */
export const resetUserPassword = (username: string, password?: string) =>
  apiRequest<PasswordReset>('POST', `/v1/users/${enc(username)}/password`, password === undefined ? {} : { password });

// --- Ownership and control ------------------------------------------------------------------------------

/**
 * The content type the server reads a file as, from its name (the server finds the format from the
 * content; this says only whether it is CSV, JSON, JSON lines or plain text).
 */
export function ownershipContentType(fileName: string): string {
  const name = fileName.toLowerCase();
  if (name.endsWith('.csv')) return 'text/csv';
  if (name.endsWith('.jsonl') || name.endsWith('.ndjson')) return 'application/x-ndjson';
  if (name.endsWith('.json')) return 'application/json';
  return 'text/plain';
}

export const uploadOwnershipFile = (file: Blob, fileName: string) =>
  apiUpload<OwnershipLoadResult>(`/v1/ownership/files${queryString({ name: fileName })}`, file, ownershipContentType(fileName));

export const listOwnershipFiles = (signal?: AbortSignal) =>
  apiRequest<{ files: OwnershipFile[] }>('GET', '/v1/ownership/files', undefined, { signal });

export const deleteOwnershipFile = (id: number) =>
  apiRequest<{ evaluation: OwnershipEvaluationSummary }>('DELETE', `/v1/ownership/files/${enc(String(id))}`);

export const listOwnershipStatuses = (filter: OwnershipStatusFilter, signal?: AbortSignal) =>
  apiRequest<OwnershipStatusPage>('GET', `/v1/ownership/statuses${queryString({ ...filter })}`, undefined, { signal });

export const getOwnershipNode = (id: string, signal?: AbortSignal) =>
  apiRequest<OwnershipNodeResponse>('GET', `/v1/ownership/nodes/${enc(id)}`, undefined, { signal });

export const getExposure = (id: string, depth: number, signal?: AbortSignal) =>
  apiRequest<ExposureResponse>('GET', `/v1/entities/${enc(id)}/exposure${queryString({ depth })}`, undefined, { signal });

/** Ranks the parties of a transactions file (CSV) by their exposure to designated parties; nothing is stored. */
export const rankNetworkFile = (file: Blob, fileName: string, top = 25) =>
  apiUpload<NetworkRanking>(`/v1/network/rank${queryString({ name: fileName, top })}`, file, 'text/csv');

export const getDashboard = (signal?: AbortSignal) => apiRequest<DashboardFigures>('GET', '/v1/dashboard', undefined, { signal });

// --- Trade ------------------------------------------------------------------------------------------------

/** The content type the server reads shipments as: CSV by its header, JSON Lines or JSON by the first character. */
export function shipmentContentType(text: string, fileName?: string): string {
  const name = fileName?.toLowerCase() ?? '';
  if (name.endsWith('.csv')) return 'text/csv';
  if (name.endsWith('.jsonl') || name.endsWith('.ndjson')) return 'application/x-ndjson';
  const start = text.trimStart();
  if (start.startsWith('[')) return 'application/json';
  if (start.startsWith('{')) {
    // One object over several lines is JSON; one object per line is JSON Lines.
    try {
      JSON.parse(start);
      return 'application/json';
    } catch {
      return 'application/x-ndjson';
    }
  }
  return 'text/csv';
}

/**
 * Screens shipments (`POST /v1/trade/screen`): every outcome, also when some records could not be read
 * (the server answers 422 with the outcomes of the others).
 */
export async function screenShipments(text: string, fileName?: string): Promise<ShipmentOutcome[]> {
  try {
    return (await apiUpload<{ outcomes: ShipmentOutcome[] }>('/v1/trade/screen', text, shipmentContentType(text, fileName))).outcomes;
  } catch (error) {
    if (!(error instanceof ApiError) || error.code !== 'SHIPMENT_PARSE') throw error;
    const outcomes = (error.body as { outcomes?: ShipmentOutcome[] } | undefined)?.outcomes;
    if (!Array.isArray(outcomes)) throw error;
    return outcomes;
  }
}

export const getTradeRules = (signal?: AbortSignal) => apiRequest<TradeMeasures>('GET', '/v1/trade/rules', undefined, { signal });

export const getTradeRevenue = (signal?: AbortSignal) => apiRequest<RevenueAtRisk>('GET', '/v1/trade/revenue', undefined, { signal });
