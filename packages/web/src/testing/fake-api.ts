/**
 * @module testing/fake-api
 * For page tests: a fetch that answers from a table of `METHOD /path` handlers, records every request,
 * and answers 404 `{ error, message }` to anything else, as the server does.
 * @example
 *   const api = fakeApi({ 'GET /v1/session': () => [401, { error: 'UNAUTHENTICATED', message: 'Sign in.' }] });
 *   vi.stubGlobal('fetch', api.fetch);
 */

export type FakeAnswer = [status: number, body?: unknown];
export type FakeHandler = (request: { url: URL; body: unknown }) => FakeAnswer;

export interface FakeApi {
  fetch: (input: RequestInfo | URL, init?: RequestInit) => Promise<Response>;
  requests: { method: string; path: string; search: string; body: unknown }[];
}

export function fakeApi(routes: Record<string, FakeHandler>): FakeApi {
  const requests: FakeApi['requests'] = [];
  const fetch = async (input: RequestInfo | URL, init: RequestInit = {}) => {
    const url = new URL(String(input), 'http://embargo.test');
    const method = init.method ?? 'GET';
    const body = typeof init.body === 'string' ? JSON.parse(init.body) : undefined;
    requests.push({ method, path: url.pathname, search: url.search, body });
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
