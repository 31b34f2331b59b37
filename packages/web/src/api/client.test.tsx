// @vitest-environment jsdom
/**
 * The API client: same-origin JSON requests with the cookie, the server's error words as the thrown
 * message (from `{ error, message }` and `{ code, message }` alike), and a 401 that ends the session.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ApiError, apiRequest, apiUpload, queryString, setUnauthenticatedListener } from './client';

afterEach(() => vi.unstubAllGlobals());

const json = (status: number, body: unknown) =>
  new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json' } });

describe('apiRequest', () => {
  it('sends JSON with the session cookie and parses the answer', async () => {
    const fetch = vi.fn(async () => json(200, { ok: true }));
    vi.stubGlobal('fetch', fetch);
    await expect(apiRequest('POST', '/v1/screen', { name: '장성남' })).resolves.toEqual({ ok: true });
    expect(fetch).toHaveBeenCalledWith(
      '/v1/screen',
      expect.objectContaining({
        method: 'POST',
        credentials: 'same-origin',
        body: JSON.stringify({ name: '장성남' }),
        headers: expect.objectContaining({ 'Content-Type': 'application/json' }),
      }),
    );
  });

  it('uploads a file as it is, with its content type, and parses the JSON answer', async () => {
    const fetch = vi.fn(async () => json(200, { stored: true }));
    vi.stubGlobal('fetch', fetch);
    const csv = 'owner,owned,share\nofac:1,csv:acme,30\n';
    await expect(apiUpload('/v1/ownership/files?name=owners.csv', csv, 'text/csv')).resolves.toEqual({ stored: true });
    expect(fetch).toHaveBeenCalledWith(
      '/v1/ownership/files?name=owners.csv',
      expect.objectContaining({
        method: 'POST',
        credentials: 'same-origin',
        body: csv,
        headers: expect.objectContaining({ 'Content-Type': 'text/csv' }),
      }),
    );
  });

  it("throws the server's message and code from { error, message }", async () => {
    const message =
      'Four eyes: a high-scoring false positive must be approved by another person than the one who proposed it (with any of their keys or sessions).';
    vi.stubGlobal('fetch', async () => json(403, { error: 'FOUR_EYES_REQUIRED', message }));
    const error = await apiRequest('POST', '/v1/alerts/a1/decisions', { decision: 'approve', reason: 'ok' }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApiError);
    expect(error).toMatchObject({ status: 403, code: 'FOUR_EYES_REQUIRED', message });
  });

  it('reads { code, message } and the field a validation error names', async () => {
    vi.stubGlobal('fetch', async () =>
      json(400, { code: 'INVALID_INPUT', message: 'The password is shorter than 10 characters.', field: 'body/password' }),
    );
    await expect(apiRequest('POST', '/v1/users', {})).rejects.toMatchObject({
      code: 'INVALID_INPUT',
      message: 'The password is shorter than 10 characters.',
      field: 'body/password',
    });
  });

  it('words an error without a JSON body by its status', async () => {
    vi.stubGlobal('fetch', async () => new Response('<html>Bad gateway</html>', { status: 502, statusText: 'Bad Gateway' }));
    await expect(apiRequest('GET', '/v1/lists')).rejects.toMatchObject({ status: 502, message: 'The server answered 502 Bad Gateway.' });
  });

  it('says the server could not be reached when fetch fails', async () => {
    vi.stubGlobal('fetch', async () => {
      throw new TypeError('Failed to fetch');
    });
    await expect(apiRequest('GET', '/v1/lists')).rejects.toMatchObject({ status: 0, code: 'NETWORK' });
  });

  it('gives nothing for 204', async () => {
    vi.stubGlobal('fetch', async () => new Response(null, { status: 204 }));
    await expect(apiRequest('DELETE', '/v1/session')).resolves.toBeUndefined();
  });

  it('tells the app about a 401, except where a 401 is the answer itself (sign-in)', async () => {
    const listener = vi.fn();
    const unregister = setUnauthenticatedListener(listener);
    vi.stubGlobal('fetch', async () => json(401, { error: 'UNAUTHENTICATED', message: 'Sign in first.' }));
    await expect(apiRequest('GET', '/v1/alerts')).rejects.toMatchObject({ status: 401, message: 'Sign in first.' });
    expect(listener).toHaveBeenCalledTimes(1);
    await expect(apiRequest('POST', '/v1/session', {}, { quietUnauthenticated: true })).rejects.toMatchObject({ status: 401 });
    expect(listener).toHaveBeenCalledTimes(1);
    unregister();
    await apiRequest('GET', '/v1/alerts').catch(() => undefined);
    expect(listener).toHaveBeenCalledTimes(1);
  });
});

describe('queryString', () => {
  it('leaves out empty values and encodes the rest', () => {
    expect(queryString({ status: 'open', minScore: 0.9, source: '', customerKey: 'C 1&2', offset: undefined })).toBe(
      '?status=open&minScore=0.9&customerKey=C+1%262',
    );
    expect(queryString({ kind: '' })).toBe('');
  });
});
