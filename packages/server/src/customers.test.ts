/**
 * Monitored customers through the HTTP API, on SQLite and PostgreSQL: registering one or many screens
 * each at once (opening alerts like /v1/screen and honouring remembered false positives), reading them
 * back by key and in pages, validation errors that name the field, and who may do what.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BACKENDS, createTestApp, type TestApp } from './testing/app-fixture.js';

const JANG = { id: 'un:KPi.057', name: 'JANG SUNG NAM' };

describe.each(BACKENDS)('monitored customers on %s', (backend) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp({ backend });
  });
  afterAll(async () => t?.close());

  const register = (payload: unknown, key = t.keys.client) =>
    t.app.inject({ method: 'POST', url: '/v1/customers', headers: t.as(key), payload: payload as Record<string, unknown> });
  const alertsOf = async (customerKey: string) => t.store.listAlerts({ customerKey, limit: 1000 });

  it('registers one customer and screens it at once, opening its alerts', async () => {
    const res = await register({ customerKey: 'M-1', name: JANG.name, schema: 'Person', birthDate: '1970-07-14', country: 'KP' });
    expect(res.statusCode, res.body).toBe(200);
    const alerts = await alertsOf('M-1');
    expect(alerts.map((a) => a.entityId)).toContain(JANG.id);
    expect(res.json()).toEqual({ registered: 1, alerted: 1, alertsOpened: alerts.length, suppressed: 0 });
    // The registration is a screening like any other: stored with its input and the publications used.
    const screening = await t.store.getScreening(alerts[0].screeningId, null);
    expect(screening).toMatchObject({ customerKey: 'M-1', alerted: true, input: { name: JANG.name, birthDate: '1970-07-14' } });
  });

  it('registers many at once; only those that match alert', async () => {
    const res = await register({
      customers: [
        { customerKey: 'M-2', name: 'Maria Schmidt' },
        { customerKey: 'M-3', name: 'Peter Olsen', birthDate: '1980', identifiers: [{ type: 'passportNumber', value: 'X1234567' }] },
        { customerKey: 'M-4', name: 'JO CHOL SONG', schema: 'Person' },
      ],
    });
    expect(res.statusCode, res.body).toBe(200);
    const opened = (await alertsOf('M-2')).length + (await alertsOf('M-3')).length + (await alertsOf('M-4')).length;
    expect(res.json()).toEqual({ registered: 3, alerted: 1, alertsOpened: opened, suppressed: 0 });
    expect((await alertsOf('M-4')).map((a) => a.entityId)).toContain('un:KPi.058');
  });

  it('reads a customer back by key (404 for an unknown key) and lists them in key order, page by page', async () => {
    const h = t.as(t.keys.analyst);
    const of = `tenant=${t.clientTenant}`;
    const one = await t.app.inject({ method: 'GET', url: `/v1/customers/M-3?${of}`, headers: h });
    expect(one.statusCode).toBe(200);
    expect(one.json()).toEqual({
      tenant: t.clientTenant,
      customerKey: 'M-3',
      party: { name: 'Peter Olsen', birthDate: '1980', identifiers: [{ type: 'passportNumber', value: 'X1234567' }] },
      createdAt: expect.any(String),
      updatedAt: expect.any(String),
      // Registering screened it: that screening is its newest, and nothing alerted.
      lastScreening: { id: expect.any(String), at: expect.any(String), alerted: false },
      openAlerts: 0,
    });
    const missing = await t.app.inject({ method: 'GET', url: `/v1/customers/none?${of}`, headers: h });
    expect(missing.statusCode).toBe(404);
    expect(missing.json().error).toBe('NOT_FOUND');
    // A customer key is unique within its tenant only: across tenants, which tenant must be said.
    const which = await t.app.inject({ method: 'GET', url: '/v1/customers/M-3', headers: h });
    expect(which.statusCode).toBe(400);
    expect(which.json()).toMatchObject({ field: 'querystring/tenant' });
    const first = (await t.app.inject({ method: 'GET', url: `/v1/customers?limit=2&${of}`, headers: h })).json();
    expect(first).toMatchObject({ total: 4 });
    expect(first.customers.map((c: { customerKey: string }) => c.customerKey)).toEqual(['M-1', 'M-2']);
    const next = (await t.app.inject({ method: 'GET', url: `/v1/customers?limit=2&after=M-2&${of}`, headers: h })).json();
    expect(next.customers.map((c: { customerKey: string }) => c.customerKey)).toEqual(['M-3', 'M-4']);
    const end = (await t.app.inject({ method: 'GET', url: `/v1/customers?after=M-4&${of}`, headers: h })).json();
    expect(end.customers).toEqual([]);
  });

  // Point 10 of issue 12 changed this test: the false positive is remembered for the data screened, so
  // registering the customer again with the same data is suppressed, with other data (country) it alerts.
  it('registering a key again replaces the customer, screens it again and honours its remembered false positives', async () => {
    const [alert] = (await alertsOf('M-1')).filter((a) => a.entityId === JANG.id);
    const fp = await t.app.inject({
      method: 'POST',
      url: `/v1/alerts/${alert.id}/decisions`,
      headers: t.as(t.keys.analyst),
      payload: { decision: 'false_positive', reasonCode: 'different-birth-date', reason: 'our customer is a different person' },
    });
    if (fp.json().alert.status === 'pending_approval')
      await t.app.inject({
        method: 'POST',
        url: `/v1/alerts/${alert.id}/decisions`,
        headers: t.as(t.keys.analyst2),
        payload: { decision: 'approve', reasonCode: 'second-review-agrees', reason: 'agreed' },
      });
    const before = (await alertsOf('M-1')).length;
    const same = { customerKey: 'M-1', name: JANG.name, schema: 'Person', birthDate: '1970-07-14', country: 'KP' };
    const res = await register(same);
    expect(res.statusCode).toBe(200);
    const opened = (await alertsOf('M-1')).length - before;
    expect(res.json()).toMatchObject({ registered: 1, alertsOpened: opened });
    expect(res.json().suppressed).toBeGreaterThanOrEqual(1);
    expect((await alertsOf('M-1')).filter((a) => a.entityId === JANG.id)).toHaveLength(1);
    // Other data under the same key was not cleared: it alerts again.
    const changed = await register({ ...same, birthDate: undefined, country: 'KR' });
    expect(changed.json().suppressed).toBe(0);
    expect((await alertsOf('M-1')).filter((a) => a.entityId === JANG.id)).toHaveLength(2);
    const url = `/v1/customers/M-1?tenant=${t.clientTenant}`;
    const customer = (await t.app.inject({ method: 'GET', url, headers: t.as(t.keys.analyst) })).json();
    expect(customer.party).toEqual({ name: JANG.name, schema: 'Person', country: 'KR' });
    expect((await t.store.listCustomers(null, { limit: 100 })).length).toBe(4);
  });

  it('names the bad field (400) and stores nothing from a refused request', async () => {
    const cases: [unknown, string][] = [
      [{ name: 'no key' }, 'body/customerKey'],
      [{ customerKey: 'B-1', name: '' }, 'body/name'],
      [{ customerKey: 'B-1', name: 'x', birthDate: '14.07.1970' }, 'body/birthDate'],
      [{ customerKey: 'B-1', name: 'x', schema: 'Dog' }, 'body/schema'],
      [{ customerKey: 'B-1', name: 'x', nickname: 'y' }, 'body/nickname'],
      [{ customers: [] }, 'body/customers'],
      [{ customers: [{ customerKey: 'B-1', name: 'x' }, { name: 'no key' }] }, 'body/customers/1/customerKey'],
      [
        { customers: [{ customerKey: 'B-1', name: 'x', identifiers: [{ type: 'passportNumber' }] }] },
        'body/customers/0/identifiers/0/value',
      ],
      [
        {
          customers: [
            { customerKey: 'B-1', name: 'x' },
            { customerKey: 'B-1', name: 'y' },
          ],
        },
        'body/customers/1/customerKey',
      ],
      [{ customers: [{ customerKey: 'B-1', name: 'x' }], extra: true }, 'body/extra'],
    ];
    for (const [payload, field] of cases) {
      const res = await register(payload);
      expect({ payload, status: res.statusCode, field: res.json().field }).toEqual({ payload, status: 400, field });
      expect(res.json().message).toContain(field);
    }
    for (const [query, field] of [
      ['limit=0', 'querystring/limit'],
      ['limit=1001', 'querystring/limit'],
      ['after=', 'querystring/after'],
    ]) {
      const res = await t.app.inject({ method: 'GET', url: `/v1/customers?${query}`, headers: t.as(t.keys.analyst) });
      expect({ query, status: res.statusCode, field: res.json().field }).toEqual({ query, status: 400, field });
    }
    expect(await t.store.getCustomer(t.clientTenant, 'B-1')).toBeUndefined();
  });

  it('refuses more than 100,000 customers in one request (413, counted before the body is parsed)', async () => {
    const customers = Array.from({ length: 100_001 }, (_, i) => ({ customerKey: `X-${i}`, name: 'n' }));
    const res = await register({ customers });
    expect(res.statusCode).toBe(413);
    expect(res.json()).toMatchObject({ error: 'PAYLOAD_TOO_LARGE', message: expect.stringContaining('100,000') });
    expect(await t.store.countCustomers(null)).toBe(4);
  });

  it("lists each customer's newest screening and its alerts waiting for a decision, and finds customers by key or name", async () => {
    const h = t.as(t.keys.analyst);
    const of = `tenant=${t.clientTenant}`;
    const list = async (query: string) => {
      const res = await t.app.inject({ method: 'GET', url: `/v1/customers?${of}&${query}`, headers: h });
      expect(res.statusCode, res.body).toBe(200);
      return res.json() as {
        total: number;
        customers: { customerKey: string; lastScreening: { id: string; at: string; alerted: boolean } | null; openAlerts: number }[];
      };
    };
    // M-1 is JANG SUNG NAM: registered twice, screened each time; its open alerts are those the store holds open.
    const waiting = (await alertsOf('M-1')).filter((a) => ['open', 'escalated', 'pending_approval'].includes(a.status));
    expect(waiting.length).toBeGreaterThan(0);
    const jang = await list('q=jang sung');
    expect(jang.total).toBe(1);
    expect(jang.customers).toEqual([
      expect.objectContaining({
        customerKey: 'M-1',
        lastScreening: expect.objectContaining({ alerted: true }),
        openAlerts: waiting.length,
      }),
    ]);
    // The screening named is M-1's second registration (the one with country KR), not the first.
    const last = await t.store.getScreening(jang.customers[0].lastScreening!.id, t.clientTenant);
    expect(last).toMatchObject({ customerKey: 'M-1', input: expect.objectContaining({ country: 'KR' }) });
    // By a part of the key, case ignored; a search that finds nothing is an empty page, not an error.
    expect((await list('q=m-')).customers.map((c) => c.customerKey)).toEqual(['M-1', 'M-2', 'M-3', 'M-4']);
    expect((await list('q=OLSEN')).customers.map((c) => c.customerKey)).toEqual(['M-3']);
    expect(await list('q=nobody-at-all')).toEqual({ total: 0, customers: [] });
    // Another tenant's analyst finds nothing of this tenant.
    const res = await t.app.inject({ method: 'GET', url: '/v1/customers?q=jang', headers: t.as(t.keys.client) });
    expect(res.statusCode).toBe(403);
    const q = await t.app.inject({ method: 'GET', url: `/v1/customers?${of}&q=`, headers: h });
    expect(q.statusCode).toBe(400);
    expect(q.json().field).toBe('querystring/q');
  });

  it('registers customers from a CSV file with a header row, screening each', async () => {
    const csv =
      '\uFEFFCustomer,Full Name,Type,Date of Birth,Country,Passport Number\r\n' +
      'F-1,"JANG, Sung Nam",individual,1970-07-14,KP,\r\n' +
      'F-2,Maria Schmidt,person,,DE,C01X00T47\r\n';
    const res = await t.app.inject({
      method: 'POST',
      url: '/v1/customers',
      headers: { ...t.as(t.keys.client), 'content-type': 'text/csv' },
      payload: csv,
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ registered: 2, alerted: 1 });
    expect((await t.store.getCustomer(t.clientTenant, 'F-1'))?.party).toEqual({
      name: 'JANG, Sung Nam',
      schema: 'Person',
      birthDate: '1970-07-14',
      country: 'KP',
    });
    expect((await t.store.getCustomer(t.clientTenant, 'F-2'))?.party).toMatchObject({
      identifiers: [{ type: 'passportNumber', value: 'C01X00T47' }],
    });
    expect((await alertsOf('F-1')).map((a) => a.entityId)).toContain(JANG.id);
  });

  it('refuses a malformed CSV naming every bad line and field, and registers none of it', async () => {
    const csv =
      'customer,name,type,dob,country\n' +
      'G-1,Maria Schmidt,person,,DE\n' +
      ',Peter Olsen,person,,DK\n' +
      'G-3,Peter Olsen,person,14.07.1970,DK\n' +
      'G-4,Sea Star,boat,,\n' +
      'G-1,Ann Smith,person,,\n' +
      'G-6,,person,,\n';
    const send = (body: string, contentType = 'text/csv') =>
      t.app.inject({
        method: 'POST',
        url: '/v1/customers',
        headers: { ...t.as(t.keys.client), 'content-type': contentType },
        payload: body,
      });
    const res = await send(csv);
    expect(res.statusCode, res.body).toBe(400);
    const body = res.json();
    expect(body).toMatchObject({ error: 'INVALID_INPUT', field: 'csv/line 3/customerKey', line: 3 });
    expect(body.message).toMatch(/^CSV line 3, customerKey: no customer key .*\(and 4 more bad lines\); nothing was registered\.$/);
    expect(body.problems.map((p: { line: number; field: string }) => [p.line, p.field])).toEqual([
      [3, 'customerKey'],
      [4, 'birthDate'],
      [5, 'schema'],
      [6, 'customerKey'],
      [7, 'name'],
    ]);
    expect(body.problems[1].message).toMatch(/"14.07.1970" is not a date/);
    expect(body.problems[2].message).toBe('unknown type "boat"');
    expect(body.problems[3].message).toBe('repeats the customer key "G-1" of line 2');
    expect(await t.store.getCustomer(t.clientTenant, 'G-1')).toBeUndefined();
    // A file that is not CSV at all, one with only a header, and CSV text sent as JSON.
    const ragged = await send('customer,name\nG-1,Maria Schmidt,extra\n');
    expect(ragged.json()).toMatchObject({ field: 'csv', message: expect.stringMatching(/on line 2$/) });
    expect((await send('customer,name\n')).json()).toMatchObject({ field: 'csv', message: expect.stringContaining('no customers') });
    const asJson = await send(JSON.stringify({ csv: 'customer,name\nG-1,Maria Schmidt\n' }), 'application/json');
    expect(asJson.json()).toMatchObject({ field: 'body/csv' });
    const latin1 = await send(Buffer.from('customer,name\nG-1,Jos\xe9\n', 'latin1') as unknown as string);
    expect(latin1.json()).toMatchObject({ field: 'csv', message: 'The csv is not valid UTF-8.' });
    expect(await t.store.getCustomer(t.clientTenant, 'G-1')).toBeUndefined();
  });

  it('lets every role register, only analysts and admins read; no valid key is 401', async () => {
    const bodies = { customerKey: 'R-1', name: 'Maria Schmidt' };
    for (const key of [t.keys.client, t.keys.analyst, t.keys.admin]) expect((await register(bodies, key)).statusCode).toBe(200);
    for (const url of ['/v1/customers', '/v1/customers/R-1?tenant=default']) {
      const status = async (headers: Record<string, string>) => (await t.app.inject({ method: 'GET', url, headers })).statusCode;
      expect({
        url,
        none: await status({}),
        bad: await status({ authorization: 'Bearer emb_nope' }),
        client: await status(t.as(t.keys.client)),
        analyst: await status(t.as(t.keys.analyst)),
        admin: await status(t.as(t.keys.admin)),
      }).toEqual({ url, none: 401, bad: 401, client: 403, analyst: 200, admin: 200 });
    }
    expect((await t.app.inject({ method: 'POST', url: '/v1/customers', payload: bodies })).statusCode).toBe(401);
  });

  it('audits registrations with keys only (no names), and the chain stays intact', async () => {
    const rows = await t.store.listAudit({ kind: 'customer.register', limit: 1000 });
    expect(rows.length).toBeGreaterThan(0);
    expect(JSON.stringify(rows)).not.toMatch(/JANG|Schmidt|Olsen/);
    expect(await t.store.verifyAudit()).toMatchObject({ ok: true });
  });
});
