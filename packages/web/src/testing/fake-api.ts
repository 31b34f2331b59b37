/**
 * @module testing/fake-api
 * For page tests: a fetch that answers from a table of `METHOD /path` handlers, records every request,
 * and answers 404 `{ error, message }` to anything else, as the server does. A JSON body is parsed; an
 * uploaded file is kept as its text.
 * @example
 *   const api = fakeApi({ 'GET /v1/session': () => [401, { error: 'UNAUTHENTICATED', message: 'Sign in.' }] });
 *   vi.stubGlobal('fetch', api.fetch);
 */

export type FakeAnswer = [status: number, body?: unknown];
export type FakeHandler = (request: { url: URL; body: unknown }) => FakeAnswer;

export interface FakeApi {
  fetch: (input: RequestInfo | URL, init?: RequestInit) => Promise<Response>;
  /** A JSON body parsed; any other (an uploaded file) as its text. */
  requests: { method: string; path: string; search: string; body: unknown; contentType?: string }[];
}

export function fakeApi(routes: Record<string, FakeHandler>): FakeApi {
  const requests: FakeApi['requests'] = [];
  const fetch = async (input: RequestInfo | URL, init: RequestInit = {}) => {
    const url = new URL(String(input), 'http://embargo.test');
    const method = init.method ?? 'GET';
    const contentType = new Headers(init.headers).get('Content-Type') ?? undefined;
    const body = await bodyOf(init.body, contentType);
    requests.push({ method, path: url.pathname, search: url.search, body, contentType });
    const handler = routes[`${method} ${url.pathname}`];
    const [status, answer] = handler
      ? handler({ url, body })
      : [404, { error: 'NOT_FOUND', message: `No route ${method} ${url.pathname}.` }];
    return new Response(answer === undefined ? null : JSON.stringify(answer), {
      status,
      headers: answer === undefined ? {} : { 'Content-Type': 'application/json' },
    });
  };
  return { fetch, requests };
}

async function bodyOf(body: BodyInit | null | undefined, contentType: string | undefined): Promise<unknown> {
  if (body === undefined || body === null) return undefined;
  const text = typeof body === 'string' ? body : body instanceof Blob ? await blobText(body) : String(body);
  return contentType === 'application/json' ? JSON.parse(text) : text;
}

/** A Blob's text; jsdom's File may lack `text()`, so through a FileReader then. */
function blobText(blob: Blob): Promise<string> {
  if (typeof blob.text === 'function') return blob.text();
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(String(reader.result));
    reader.onerror = () => reject(reader.error);
    reader.readAsText(blob);
  });
}
