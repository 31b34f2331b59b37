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
  AuditPage,
  AuditVerification,
  DashboardFigures,
  DecisionKind,
  DecisionResponse,
  EntityResponse,
  ExposureResponse,
  ListDiffResponse,
  OwnershipEvaluationSummary,
  OwnershipFile,
  OwnershipLoadResult,
  OwnershipNodeResponse,
  OwnershipStatusFilter,
  OwnershipStatusPage,
  Party,
  PaymentDetail,
  PaymentFilter,
  PaymentList,
  Publication,
  RegisterCustomersResponse,
  Role,
  ScreenResponse,
  Session,
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

export const getEntity = (id: string, signal?: AbortSignal) =>
  apiRequest<EntityResponse>('GET', `/v1/entities/${enc(id)}`, undefined, { signal });

export const listAlerts = (filter: AlertFilter, signal?: AbortSignal) =>
  apiRequest<{ alerts: Alert[] }>('GET', `/v1/alerts${queryString({ ...filter })}`, undefined, { signal });

export const getAlert = (id: string, signal?: AbortSignal) =>
  apiRequest<AlertDetail>('GET', `/v1/alerts/${enc(id)}`, undefined, { signal });

export const decideAlert = (id: string, decision: DecisionKind, reason: string) =>
  apiRequest<DecisionResponse>('POST', `/v1/alerts/${enc(id)}/decisions`, { decision, reason });

export const listPayments = (filter: PaymentFilter, signal?: AbortSignal) =>
  apiRequest<PaymentList>('GET', `/v1/payments${queryString({ ...filter })}`, undefined, { signal });

export const getPayment = (id: string, signal?: AbortSignal) =>
  apiRequest<PaymentDetail>('GET', `/v1/payments/${enc(id)}`, undefined, { signal });

export const listPublications = (signal?: AbortSignal) =>
  apiRequest<{ publications: Publication[] }>('GET', '/v1/lists', undefined, { signal });

export const diffPublications = (from: number, to: number) =>
  apiRequest<ListDiffResponse>('GET', `/v1/lists/diff${queryString({ from, to })}`);

export interface AuditQuery {
  kind?: string;
  actor?: string;
  limit?: number;
  before?: number;
}

export const listAudit = (query: AuditQuery, signal?: AbortSignal) =>
  apiRequest<AuditPage>('GET', `/v1/audit${queryString({ ...query })}`, undefined, { signal });

export const verifyAudit = (signal?: AbortSignal) => apiRequest<AuditVerification>('GET', '/v1/audit/verify', undefined, { signal });

export const listUsers = (signal?: AbortSignal) => apiRequest<{ users: User[] }>('GET', '/v1/users', undefined, { signal });

export const createUser = (username: string, password: string, role: Exclude<Role, 'client'>) =>
  apiRequest<User>('POST', '/v1/users', { username, password, role });

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
