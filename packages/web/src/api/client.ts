/**
 * @module api/client
 * The one way the app calls the server: same-origin fetch with the session cookie, JSON in and out.
 * An error response (`{ error | code, message }`) becomes a thrown `ApiError` whose message is the
 * server's own, so a page can show it as is; a 401 on any call (but signing in) also tells the app to
 * go to the sign-in page.
 * @example
 *   const { alerts } = await apiRequest<{ alerts: Alert[] }>('GET', '/v1/alerts?status=open');
 */

export class ApiError extends Error {
  constructor(
    /** HTTP status; 0 when the server could not be reached. */
    readonly status: number,
    /** The server's error code (FOUR_EYES_REQUIRED, NOT_FOUND, …) or NETWORK / BAD_RESPONSE. */
    readonly code: string,
    message: string,
    /** The request field the error is about, when the server names one (`body/password`). */
    readonly field?: string,
    /** Every bad line of an uploaded file, when the server lists them. */
    readonly problems?: FileProblem[],
    /** The whole error body, for answers that carry more than a message (a 422 with the records it could read). */
    readonly body?: unknown,
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

/** One bad line of an uploaded file, as the server words it. */
export interface FileProblem {
  line: number;
  field: string;
  message: string;
}

type UnauthenticatedListener = () => void;
let onUnauthenticated: UnauthenticatedListener | undefined;

/** The app registers what a 401 does (forget the user, go to /signin); returns the unregister function. */
export function setUnauthenticatedListener(listener: UnauthenticatedListener): () => void {
  onUnauthenticated = listener;
  return () => {
    if (onUnauthenticated === listener) onUnauthenticated = undefined;
  };
}

export interface RequestOptions {
  /** A 401 is the answer itself (a wrong password), not a lost session: do not send the user to /signin. */
  quietUnauthenticated?: boolean;
  signal?: AbortSignal;
}

export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'DELETE';

export async function apiRequest<T>(method: HttpMethod, path: string, body?: unknown, options: RequestOptions = {}): Promise<T> {
  const headers: Record<string, string> = { Accept: 'application/json' };
  if (body !== undefined) headers['Content-Type'] = 'application/json';
  return send<T>(path, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) }, options);
}

/**
 * POSTs a file as it is (not wrapped in JSON), with the given content type: an ownership register the
 * server parses itself. The answer is JSON, and errors are as for `apiRequest`.
 */
export function apiUpload<T>(path: string, file: Blob | string, contentType: string, options: RequestOptions = {}): Promise<T> {
  return send<T>(path, { method: 'POST', headers: { Accept: 'application/json', 'Content-Type': contentType }, body: file }, options);
}

async function send<T>(path: string, init: RequestInit, options: RequestOptions): Promise<T> {
  let response: Response;
  try {
    response = await fetch(path, { ...init, credentials: 'same-origin', signal: options.signal });
  } catch (cause) {
    if (cause instanceof DOMException && cause.name === 'AbortError') throw cause;
    throw new ApiError(0, 'NETWORK', 'The server could not be reached. Check your connection and try again.');
  }
  if (response.status === 401 && !options.quietUnauthenticated) onUnauthenticated?.();
  if (!response.ok) throw await errorFrom(response);
  if (response.status === 204) return undefined as T;
  const text = await response.text();
  if (!text) return undefined as T;
  try {
    return JSON.parse(text) as T;
  } catch {
    throw new ApiError(response.status, 'BAD_RESPONSE', `The server answered ${response.status} with something that is not JSON.`);
  }
}

/**
 * The server's words for a failed request. The API answers `{ error, message }` (packages/server
 * http-errors.ts); `{ code, message }` is accepted too, as the session endpoints were specified that way.
 */
export async function errorFrom(response: Response): Promise<ApiError> {
  const fallback = `The server answered ${response.status}${response.statusText ? ` ${response.statusText}` : ''}.`;
  let body: unknown;
  try {
    body = await response.json();
  } catch {
    return new ApiError(response.status, 'HTTP_' + response.status, fallback);
  }
  const b = (body ?? {}) as { code?: unknown; error?: unknown; message?: unknown; field?: unknown; problems?: unknown };
  const code = typeof b.code === 'string' ? b.code : typeof b.error === 'string' ? b.error : 'HTTP_' + response.status;
  const message = typeof b.message === 'string' && b.message ? b.message : fallback;
  const problems = Array.isArray(b.problems) ? b.problems.filter(isFileProblem) : undefined;
  return new ApiError(response.status, code, message, typeof b.field === 'string' ? b.field : undefined, problems, body);
}

function isFileProblem(p: unknown): p is FileProblem {
  const q = p as Partial<FileProblem> | null;
  return typeof q?.line === 'number' && typeof q.field === 'string' && typeof q.message === 'string';
}

/** A query string from the given values, leaving out empty ones: `?status=open&minScore=0.9`. */
export function queryString(params: Record<string, string | number | undefined | null>): string {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(params))
    if (value !== undefined && value !== null && value !== '') search.set(key, String(value));
  const s = search.toString();
  return s ? `?${s}` : '';
}
