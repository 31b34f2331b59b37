/**
 * Batch screening through the API, on SQLite and PostgreSQL: JSON, CSV and JSON lines uploads, results as
 * NDJSON in submission order with the same matches and alert rules as `POST /v1/screen` (and as CSV, one
 * row per party and match), errors naming the row and field, size limits, the list of recent jobs, and who
 * may read a job.
 */
import { parse } from 'csv-parse/sync';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApiKey } from '../api-keys.js';
import { buildApp } from '../app.js';
import { BACKENDS, createTestApp, type TestApp } from '../testing/app-fixture.js';

/** UN KPi.057 JANG SUNG NAM (PROVENANCE.md's cross-list example) alerts; the other names resemble no one. */
const LISTED = 'JANG SUNG NAM';
const CLEAN = 'Evangeline Ashworth-Pemberton';

interface ResultLine {
  index: number;
  customerKey: string | null;
  alerted: boolean;
  matches: { id: string; alert: boolean; suppressed?: boolean }[];
}

describe.each(BACKENDS)('batch screening on %s', (backend) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp({ backend });
  });
  afterAll(async () => t?.close());

  const submit = (payload: unknown, key = t.keys.client, contentType = 'application/json') =>
    t.app.inject({
      method: 'POST',
      url: '/v1/screen/batch',
      headers: { ...t.as(key), 'content-type': contentType },
      payload: typeof payload === 'string' ? payload : JSON.stringify(payload),
    });
  const job = async (id: string, key = t.keys.client) => t.app.inject({ method: 'GET', url: `/v1/jobs/${id}`, headers: t.as(key) });
  const results = async (id: string, key = t.keys.client) => {
    const res = await t.app.inject({ method: 'GET', url: `/v1/jobs/${id}/results`, headers: t.as(key) });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.headers['content-type']).toMatch(/^application\/x-ndjson/);
    return res.body
      .split('\n')
      .filter((l) => l)
      .map((l) => JSON.parse(l) as ResultLine);
  };
  /** Submits, waits for the job to finish, and gives back its id and result lines. */
  const screenBatch = async (payload: unknown, contentType?: string) => {
    const res = await submit(payload, t.keys.client, contentType);
    expect(res.statusCode, res.body).toBe(202);
    const { jobId } = res.json() as { jobId: string };
    await t.app.jobs.idle();
    return { jobId, lines: await results(jobId) };
  };

  it('takes JSON parties, answers 202 with a job, and streams one line per party in order', async () => {
    const parties = [{ name: LISTED, schema: 'Person', customerKey: 'B-1' }, { name: CLEAN }, { name: '장성남', customerKey: 'B-3' }];
    const res = await submit({ parties });
    expect(res.statusCode).toBe(202);
    expect(res.json()).toEqual({ jobId: expect.any(String), total: 3 });
    await t.app.jobs.idle();
    const { jobId } = res.json() as { jobId: string };
    const progress = (await job(jobId)).json();
    expect(progress).toMatchObject({ id: jobId, status: 'done', total: 3, completed: 3, error: null, finishedAt: expect.any(String) });
    expect(progress.alerted).toBeGreaterThanOrEqual(2);
    expect(progress.elapsedMs).toBeGreaterThanOrEqual(0);
    const lines = await results(jobId);
    expect(lines.map((l) => [l.index, l.customerKey])).toEqual([
      [0, 'B-1'],
      [1, null],
      [2, 'B-3'],
    ]);
    expect(lines[0].matches[0]).toMatchObject({ id: 'un:KPi.057', alert: true });
    expect(lines[1]).toMatchObject({ alerted: false });
    expect(lines[1].matches.filter((m) => m.alert)).toEqual([]);
    expect(lines[2].matches[0]).toMatchObject({ id: 'un:KPi.057', alert: true });
    // Each line names the lists generation it was screened against, as /healthz does.
    const { listsGeneration } = (await t.app.inject({ method: 'GET', url: '/healthz' })).json();
    expect(lines.map((l) => (l as { listsGeneration?: number }).listsGeneration)).toEqual([
      listsGeneration,
      listsGeneration,
      listsGeneration,
    ]);
  });

  it('answers each party exactly as POST /v1/screen does', async () => {
    const party = { name: 'Jang Song Nam', birthDate: '1970-07-14', country: 'KP' };
    const { lines } = await screenBatch({ parties: [party] });
    const single = (await t.app.inject({ method: 'POST', url: '/v1/screen', headers: t.as(t.keys.client), payload: party })).json();
    expect(lines[0].matches).toEqual(single.matches);
    expect(lines[0].alerted).toBe(single.alerted);
  });

  it('opens alerts for alerting parties with a customer key, and keeps remembered false positives closed', async () => {
    const alertsOf = async (customerKey: string) =>
      (await t.app.inject({ method: 'GET', url: `/v1/alerts?customerKey=${customerKey}`, headers: t.as(t.keys.analyst) })).json()
        .alerts as { id: string; entityId: string; screeningId: string }[];
    const { jobId } = await screenBatch({ parties: [{ name: CLEAN }, { name: LISTED, customerKey: 'G-1' }] });
    const opened = await alertsOf('G-1');
    expect(opened.map((a) => a.entityId)).toContain('un:KPi.057');
    // The alert points at the job and the party's place in it, and that screening can be read back.
    expect(opened.every((a) => a.screeningId === `${jobId}#1`)).toBe(true);
    const screening = await t.app.inject({
      method: 'GET',
      url: `/v1/screenings/${encodeURIComponent(`${jobId}#1`)}`,
      headers: t.as(t.keys.client),
    });
    expect(screening.statusCode, screening.body).toBe(200);
    expect(screening.json()).toMatchObject({
      id: `${jobId}#1`,
      customerKey: 'G-1',
      input: { name: LISTED, customerKey: 'G-1' },
      alerted: true,
      publications: [{ source: 'un-sc', published: '2026-02-27' }],
    });
    expect(screening.json().results.map((m: { id: string }) => m.id)).toContain('un:KPi.057');
    for (const missing of [`${jobId}#2`, `${jobId}#x`, 'no-such-job#0'])
      expect(
        (await t.app.inject({ method: 'GET', url: `/v1/screenings/${encodeURIComponent(missing)}`, headers: t.as(t.keys.client) }))
          .statusCode,
      ).toBe(404);
    // Analysts read every screening, batch or not.
    expect(
      (await t.app.inject({ method: 'GET', url: `/v1/screenings/${encodeURIComponent(`${jobId}#1`)}`, headers: t.as(t.keys.analyst) }))
        .statusCode,
    ).toBe(200);

    for (const a of opened) {
      const decide = (key: string, decision: string) =>
        t.app.inject({
          method: 'POST',
          url: `/v1/alerts/${a.id}/decisions`,
          headers: t.as(key),
          payload: { decision, reasonCode: 'different-birth-date', reason: 'another person' },
        });
      const first = await decide(t.keys.analyst, 'false_positive');
      if (first.json().alert.status === 'pending_approval') await decide(t.keys.analyst2, 'approve');
    }
    const again = await screenBatch({ parties: [{ name: LISTED, customerKey: 'G-1' }] });
    const alerting = again.lines[0].matches.filter((m) => m.alert);
    expect(alerting.length).toBeGreaterThan(0);
    expect(alerting.every((m) => m.suppressed === true)).toBe(true);
    expect(await alertsOf('G-1')).toHaveLength(opened.length);
    expect((await job(again.jobId)).json().alerted).toBe(0);
  });

  it('takes CSV with the columns embargo screen --input reads', async () => {
    const csv =
      '\uFEFFCustomer,Full Name,Date of Birth,Type,Passport Number\r\n' +
      `k-7,"JANG, Sung Nam",1970-07-14,individual,\r\n` +
      `,${CLEAN},,person,\r\n` +
      `k-9,Sea Star,,vessel,\r\n`;
    const { lines } = await screenBatch(csv, 'text/csv');
    expect(lines.map((l) => l.customerKey)).toEqual(['k-7', null, 'k-9']);
    expect(lines[0].matches[0]).toMatchObject({ id: 'un:KPi.057', alert: true });
    expect(lines[1].matches.filter((m) => m.alert)).toEqual([]);
  });

  it('takes JSON lines, one party per line (blank lines and CRLF endings allowed)', async () => {
    const jsonl =
      JSON.stringify({ name: LISTED, birthDate: '1970-07-14', customerKey: 'j-1' }) +
      '\r\n\r\n' +
      JSON.stringify({ name: CLEAN, schema: 'Person' }) +
      '\n' +
      JSON.stringify({ name: 'Sea Star', schema: 'Vessel', customerKey: 'j-3' }) +
      '\n';
    for (const type of ['application/x-ndjson', 'application/jsonl; charset=utf-8']) {
      const { lines } = await screenBatch(jsonl, type);
      expect(lines.map((l) => [l.index, l.customerKey])).toEqual([
        [0, 'j-1'],
        [1, null],
        [2, 'j-3'],
      ]);
      expect(lines[0].matches[0]).toMatchObject({ id: 'un:KPi.057', alert: true });
    }
  });

  it.each([
    {
      why: 'a line that is not JSON',
      body: `{"name":"${LISTED}"}\n{"name": oops}\n`,
      field: 'jsonl/line 2',
      message: /^JSON lines line 2: not JSON/,
    },
    {
      why: 'a line that is no object',
      body: `{"name":"${LISTED}"}\n\n["${CLEAN}"]\n`,
      field: 'jsonl/line 3',
      message: /a party is a JSON object/,
    },
    {
      why: 'a bad birth date',
      body: `{"name":"${LISTED}"}\n{"name":"${CLEAN}","birthDate":"1970-7-14"}\n`,
      field: 'jsonl/line 2/birthDate',
      message: /^JSON lines line 2: birthDate "1970-7-14" is not written YYYY-MM-DD: write months and days with two digits/,
    },
    {
      why: 'a field parties do not have',
      body: `{"name":"${LISTED}","dob":"1970"}\n`,
      field: 'jsonl/line 1/dob',
      message: /^JSON lines line 1: dob is not a party field$/,
    },
    { why: 'no line at all', body: '\n\n', field: 'body/parties', message: /no parties/ },
  ])('refuses JSON lines with $why, naming the line and field', async ({ body, field, message }) => {
    const res = await submit(body, t.keys.client, 'application/x-ndjson');
    expect(res.statusCode, res.body).toBe(400);
    expect(res.json()).toMatchObject({ error: 'INVALID_INPUT', field, message: expect.stringMatching(message) });
  });

  it('gives the results as CSV: a header, one row per party and match, quoted, formulas neutralised', async () => {
    const awkward = 'Smith, "Sunny" & Sons';
    const formula = '=HYPERLINK("http://example.invalid","Kim")';
    const { jobId, lines } = await screenBatch({
      parties: [
        { name: LISTED, customerKey: 'c-1' },
        { name: CLEAN, customerKey: '+44 20 7946 0000' },
        { name: awkward, schema: 'Company' },
        { name: formula },
      ],
    });
    const res = await t.app.inject({ method: 'GET', url: `/v1/jobs/${jobId}/results?format=csv`, headers: t.as(t.keys.client) });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(res.headers['content-disposition']).toBe(`attachment; filename="embargo-job-${jobId}.csv"`);
    expect(
      res.body.startsWith('index,customerKey,name,alerted,matchId,matchCaption,matchSchema,matchSource,score,alert,suppressed\r\n'),
    ).toBe(true);
    expect(res.body).toContain('"Smith, ""Sunny"" & Sons"');
    const rows = parse(res.body, { columns: true }) as Record<string, string>[];
    // One row per match, or one with empty match columns for a party without any, in submission order.
    const expected = lines.flatMap((l, i) => {
      const party = { index: String(l.index), alerted: String(l.alerted), name: [LISTED, CLEAN, awkward, formula][i] };
      return l.matches.length === 0
        ? [{ ...party, matchId: '', score: '' }]
        : l.matches.map((m) => ({ ...party, matchId: m.id, score: String((m as { score?: number }).score) }));
    });
    expect(
      rows.map((r) => ({ index: r.index, alerted: r.alerted, name: r.name.replace(/^'/, ''), matchId: r.matchId, score: r.score })),
    ).toEqual(expected);
    expect(rows.filter((r) => r.index === '0')[0]).toMatchObject({
      customerKey: 'c-1',
      matchId: 'un:KPi.057',
      alert: 'true',
      matchSource: 'un-sc',
    });
    // What a spreadsheet would run is text: a leading apostrophe on the formula and the phone-like key.
    expect(rows.find((r) => r.index === '3')?.name).toBe(`'${formula}`);
    expect(rows.find((r) => r.index === '1')?.customerKey).toBe(`'+44 20 7946 0000`);
    // NDJSON stays the default, and other formats are refused.
    expect((await t.app.inject({ method: 'GET', url: `/v1/jobs/${jobId}/results?format=ndjson`, headers: t.as(t.keys.client) })).body).toBe(
      (await t.app.inject({ method: 'GET', url: `/v1/jobs/${jobId}/results`, headers: t.as(t.keys.client) })).body,
    );
    const xml = await t.app.inject({ method: 'GET', url: `/v1/jobs/${jobId}/results?format=xml`, headers: t.as(t.keys.client) });
    expect(xml.statusCode).toBe(400);
    expect(xml.json().field).toBe('querystring/format');
  });

  it("lists a tenant's newest jobs for analysts and admins, not for clients, and not another tenant's", async () => {
    const { jobId } = await screenBatch({ parties: [{ name: CLEAN }] });
    const list = async (key: string, query = '') => t.app.inject({ method: 'GET', url: `/v1/jobs${query}`, headers: t.as(key) });
    const newest = (await list(t.keys.analyst, `?tenant=${t.clientTenant}&limit=2`)).json();
    expect(newest.jobs).toHaveLength(2);
    expect(newest.jobs[0]).toMatchObject({ id: jobId, status: 'done', total: 1, completed: 1, tenant: t.clientTenant });
    expect(newest.jobs[0].createdAt >= newest.jobs[1].createdAt).toBe(true);
    expect((await list(t.keys.client)).statusCode).toBe(403);
    expect((await list(t.keys.analyst, '?limit=0')).json().field).toBe('querystring/limit');
    expect((await list(t.keys.analyst, '?limit=101')).json().field).toBe('querystring/limit');
    expect((await list(t.keys.analyst, '?page=2')).statusCode).toBe(400);
    // An analyst of another tenant sees that tenant's jobs only (none).
    const other = (await createApiKey(t.store, { role: 'client', name: 'Other bank' }, new Date())).record.tenant!;
    const analystOfOther = (await createApiKey(t.store, { role: 'analyst', name: 'Olga', tenant: other }, new Date())).key;
    expect((await list(analystOfOther)).json()).toEqual({ jobs: [] });
    expect((await list(analystOfOther, `?tenant=${t.clientTenant}`)).statusCode).toBe(403);
    expect((await job(jobId, analystOfOther)).statusCode).toBe(404);
  });

  it.each([
    {
      why: 'a party without a name',
      body: { parties: [{ name: LISTED }, { name: CLEAN }, { country: 'KP' }] },
      field: 'body/parties/2/name',
      message: /^body\/parties\/2\/name is required$/,
    },
    {
      why: 'an empty name',
      body: { parties: [{ name: '' }] },
      field: 'body/parties/0/name',
      message: /^body\/parties\/0\/name must not have fewer than 1 characters$/,
    },
    {
      why: 'a birth date that is not ISO',
      body: { parties: [{ name: LISTED }, { name: LISTED, birthDate: '14/07/1970' }] },
      field: 'body/parties/1/birthDate',
      message: /^body\/parties\/1\/birthDate "14\/07\/1970" is not a date written YYYY, YYYY-MM or YYYY-MM-DD$/,
    },
    {
      why: 'an unknown schema',
      body: { parties: [{ name: LISTED, schema: 'Boat' }] },
      field: 'body/parties/0/schema',
      message: /^body\/parties\/0\/schema must match a schema in anyOf$/,
    },
    {
      why: 'a field parties do not have',
      body: { parties: [{ name: LISTED, nickname: 'x' }] },
      field: 'body/parties/0/nickname',
      message: /is not a party field/,
    },
    {
      why: 'an identifier without a value',
      body: { parties: [{ name: LISTED, identifiers: [{ type: 'passportNumber' }] }] },
      field: 'body/parties/0/identifiers/0/value',
      message: /is required/,
    },
    { why: 'no parties', body: { parties: [] }, field: 'body/parties', message: /no parties/ },
    { why: 'CSV text sent as JSON', body: { csv: 'name\nJang Sung Nam\n' }, field: 'body/parties', message: /^body\/parties is required$/ },
    {
      why: 'a CSV row with an unknown type',
      body: 'name,type\nJang Sung Nam,person\nSea Star,boat\n',
      field: 'csv/line 3/schema',
      message: /^CSV line 3: unknown type "boat"$/,
    },
    {
      why: 'a CSV row without a name',
      body: 'name,country\nJang Sung Nam,KP\n,KP\n',
      field: 'csv/line 3/name',
      message: /^CSV line 3: no name/,
    },
    {
      why: 'a CSV row with a bad birth date',
      body: 'name,dob\nJang Sung Nam,14.07.1970\n',
      field: 'csv/line 2/birthDate',
      message: /^CSV line 2: birthDate "14.07.1970" is not a date written YYYY, YYYY-MM or YYYY-MM-DD$/,
    },
    {
      why: 'a CSV row with too many cells',
      body: 'name,country\nJang Sung Nam,KP,extra\n',
      field: 'csv',
      message: /^The CSV cannot be read: .* on line 2$/,
    },
  ])('refuses $why with 400 naming the row and field, and creates no job', async ({ body, field, message }) => {
    const before = (await t.store.listAudit({ kind: 'job.create' })).length;
    const res = await submit(body, t.keys.client, typeof body === 'string' ? 'text/csv' : 'application/json');
    expect(res.statusCode, res.body).toBe(400);
    expect(res.json()).toMatchObject({ error: 'INVALID_INPUT', field, message: expect.stringMatching(message) });
    expect(await t.store.listAudit({ kind: 'job.create' })).toHaveLength(before);
  });

  it('refuses more than 100,000 parties, and a body over the byte limit, with 413', async () => {
    const many = await submit({ parties: Array.from({ length: 100_001 }, () => ({ name: 'A' })) });
    expect(many.statusCode).toBe(413);
    expect(many.json()).toMatchObject({ error: 'PAYLOAD_TOO_LARGE', message: expect.stringContaining('100,000') });
    const small = await buildApp({ ...t.deps, config: { ...t.deps.config, batchBodyLimitBytes: 2_000 } });
    try {
      for (const [contentType, payload] of [
        ['application/json', JSON.stringify({ parties: Array.from({ length: 200 }, () => ({ name: LISTED })) })],
        ['text/csv', 'name\n' + `${LISTED}\n`.repeat(200)],
      ]) {
        const res = await small.inject({
          method: 'POST',
          url: '/v1/screen/batch',
          headers: { ...t.as(t.keys.client), 'content-type': contentType },
          payload,
        });
        expect(res.statusCode, contentType).toBe(413);
      }
    } finally {
      await small.close();
    }
  });

  it('streams results across store pages and chunks, in order, each party once', async () => {
    const names = [LISTED, CLEAN, 'Sea Star', 'Kim Jong Un'];
    const parties = Array.from({ length: 1_234 }, (_, i) => ({ name: names[i % names.length], customerKey: `p-${i}` }));
    const { jobId, lines } = await screenBatch({ parties });
    expect(lines.map((l) => l.index)).toEqual(parties.map((_, i) => i));
    expect(lines.map((l) => l.customerKey)).toEqual(parties.map((p) => p.customerKey));
    // The same name answers the same wherever it falls in the job.
    expect(lines[4].matches).toEqual(lines[0].matches);
    expect(lines[1_232].matches).toEqual(lines[0].matches);
    expect((await job(jobId)).json()).toMatchObject({ status: 'done', completed: 1_234 });
  });

  it('shows a job to the key that created it and to analysts and admins; to other clients it does not exist', async () => {
    const { jobId } = await screenBatch({ parties: [{ name: LISTED }] });
    const other = (await createApiKey(t.store, { role: 'client', name: 'Other bank' }, new Date())).key;
    for (const key of [t.keys.client, t.keys.analyst, t.keys.admin]) {
      expect((await job(jobId, key)).statusCode).toBe(200);
      expect(await results(jobId, key)).toHaveLength(1);
    }
    expect((await job(jobId, other)).statusCode).toBe(404);
    expect((await t.app.inject({ method: 'GET', url: `/v1/jobs/${jobId}/results`, headers: t.as(other) })).statusCode).toBe(404);
    expect((await job('no-such-job', t.keys.admin)).json()).toMatchObject({ error: 'NOT_FOUND' });
  });

  it('refuses requests without a key (401) on every batch route', async () => {
    const { jobId } = await screenBatch({ parties: [{ name: CLEAN }] });
    for (const [method, url] of [
      ['POST', '/v1/screen/batch'],
      ['GET', `/v1/jobs/${jobId}`],
      ['GET', `/v1/jobs/${jobId}/results`],
      ['GET', `/v1/jobs/${jobId}/results?format=csv`],
      ['GET', '/v1/jobs'],
    ] as const) {
      const res = await t.app.inject({ method, url, payload: method === 'POST' ? { parties: [{ name: CLEAN }] } : undefined });
      expect(res.statusCode, url).toBe(401);
    }
  });

  it('documents the batch routes and the result line in the OpenAPI document', async () => {
    const doc = (await t.app.inject({ method: 'GET', url: '/openapi.json' })).json();
    expect(Object.keys(doc.paths)).toEqual(
      expect.arrayContaining(['/v1/screen/batch', '/v1/jobs', '/v1/jobs/{id}', '/v1/jobs/{id}/results']),
    );
    const line = doc.paths['/v1/jobs/{id}/results'].get.responses['200'].content['application/x-ndjson'].schema;
    expect(Object.keys(line.properties)).toEqual(['index', 'customerKey', 'alerted', 'matches', 'publicationIds', 'listsGeneration']);
  });
});
