/**
 * Facilitator discovery through the HTTP API (`POST /v1/network/rank`) on the bundled UN list, on both
 * stores: a transactions file in which Fenwick Trading pays KOMID (written as customers write it: "Korea
 * Mining Development Trading Corp") and Tanchon Commercial Bank, Slough Foods makes one small payment to
 * the bank, and Harrow Shipping pays Pyongyang Front Trading Ltd, which no list names but which the client
 * tenant's ownership register shows 60% held by KOMID (blocked under the EU and UK rules, which take the
 * UN list). Another tenant has no such register: for it, Harrow trades with nobody designated.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BACKENDS, createTestApp, type TestApp } from './testing/app-fixture.js';

const REGISTER = [
  'owner,owned,share,kind,source',
  'KOREA MINING DEVELOPMENT TRADING CORPORATION,Pyongyang Front Trading Ltd,60,ownership,register.csv',
  'Ri Nominee,Pyongyang Front Trading Ltd,40,ownership,register.csv',
].join('\n');

const TRANSACTIONS = [
  'date,payer,payer_country,payee,payee_country,amount,currency,hs,vessel',
  '2025-01-10,Fenwick Trading Ltd,GB,Korea Mining Development Trading Corp,KP,250000,USD,8471,',
  '2025-02-11,Fenwick Trading Ltd,GB,Korea Mining Development Trading Corp,KP,180000.50,EUR,2701,',
  '2025-03-12,Tanchon Commercial Bank,KP,Fenwick Trading Ltd,GB,90000,USD,,',
  '2025-03-13,Fenwick Trading Ltd,GB,Oakham Supplies,DE,40000,USD,8703,',
  '2025-04-01,Slough Foods,GB,Tanchon Commercial Bank,KP,900,USD,,',
  '2025-04-02,Slough Foods,GB,Oakham Supplies,DE,120000,USD,1006,',
  '2025-05-05,Harrow Shipping,SG,Pyongyang Front Trading Ltd,CN,300000,USD,8901,',
  '2025-05-06,Harrow Shipping,SG,Oakham Supplies,DE,20000,USD,,',
].join('\n');

describe.each(BACKENDS)('POST /v1/network/rank on %s', (backend) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp({ backend });
    const loaded = await t.app.inject({
      method: 'POST',
      url: '/v1/ownership/files?name=register.csv',
      headers: { ...t.as(t.keys.client), 'content-type': 'text/csv' },
      payload: REGISTER,
    });
    expect(loaded.statusCode, loaded.body).toBe(200);
  }, 120_000);
  afterAll(async () => t?.close());

  const rank = (key: string, body = TRANSACTIONS, query = '') =>
    t.app.inject({ method: 'POST', url: `/v1/network/rank${query}`, headers: { ...t.as(key), 'content-type': 'text/csv' }, payload: body });
  const names = (res: { json: () => { ranked: { name: string }[] } }) => res.json().ranked.map((r) => r.name);

  it('ranks the facilitator first, with its evidence and the network around it', async () => {
    const res = await rank(t.keys.client);
    expect(res.statusCode, res.body).toBe(200);
    const body = res.json();
    expect(body).toMatchObject({ tenant: t.clientTenant, rows: 8, parties: 7 });
    expect(names(res)[0]).toBe('Fenwick Trading Ltd');
    const fenwick = body.ranked[0];
    const counterparts = fenwick.evidence.find((e: { feature: string }) => e.feature === 'designatedCounterparts').counterparts;
    expect(
      counterparts.map((c: { designation: { caption: string; basis: string }; names: string[] }) => [c.designation.caption, c.names]),
    ).toEqual([
      ['KOREA MINING DEVELOPMENT TRADING CORPORATION', ['Korea Mining Development Trading Corp']],
      ['TANCHON COMMERCIAL BANK', ['Tanchon Commercial Bank']],
    ]);
    const value = fenwick.evidence.find((e: { feature: string }) => e.feature === 'designatedValue');
    expect(value.transactions.map((x: { line: number }) => x.line)).toEqual([2, 3, 4]);
    expect(
      fenwick.neighbourhood.nodes.filter((n: { designation?: unknown }) => n.designation).map((n: { name: string }) => n.name),
    ).toEqual(['Korea Mining Development Trading Corp', 'Tanchon Commercial Bank']);
    expect(fenwick.score).toBeGreaterThan(body.ranked.find((r: { name: string }) => r.name === 'Slough Foods').score);
  });

  it('counts the parties the tenant’s ownership data shows blocked as designated, for that tenant only', async () => {
    const own = await rank(t.keys.client);
    const harrow = own.json().ranked.find((r: { name: string }) => r.name === 'Harrow Shipping');
    const [counterpart] = harrow.evidence.find((e: { feature: string }) => e.feature === 'designatedCounterparts').counterparts;
    expect(counterpart).toMatchObject({
      names: ['Pyongyang Front Trading Ltd'],
      designation: { basis: 'ownership', recordId: 'csv:pyongyang front trading ltd' },
    });
    expect(counterpart.designation.reason).toMatch(/^blocked by ownership under (EU|UK)/);
    // The analyst works across tenants: by default the default tenant, which has no register.
    const other = await rank(t.keys.analyst);
    expect(other.statusCode, other.body).toBe(200);
    expect(other.json().tenant).toBe('default');
    const harrowElsewhere = other.json().ranked.find((r: { name: string }) => r.name === 'Harrow Shipping');
    expect(harrowElsewhere?.measures.designatedValue ?? 0).toBe(0);
    // …and the client's tenant when it asks for it.
    const asked = await rank(t.keys.analyst, TRANSACTIONS, `?tenant=${t.clientTenant}`);
    expect(asked.json().ranked.find((r: { name: string }) => r.name === 'Harrow Shipping').measures.designatedValue).toBe(300000);
  });

  it('refuses another tenant’s data to a client key', async () => {
    const res = await rank(t.keys.client, TRANSACTIONS, '?tenant=default');
    expect(res.statusCode, res.body).toBe(403);
  });

  it('refuses a malformed row naming its line, column and field, and ranks nothing', async () => {
    const res = await rank(t.keys.client, TRANSACTIONS.replace('180000.50,EUR', '180,000.50,EUR'));
    expect(res.statusCode).toBe(422);
    expect(res.json()).toMatchObject({ error: 'TRANSACTIONS_PARSE', line: 3 });
    expect(res.json().message).toMatch(/^upload\.csv: line 3: has 10 columns; the header has 9/);
    const named = await rank(t.keys.client, TRANSACTIONS.replace('2025-02-11', '11/02/2025'), '?name=payments-2025.csv');
    expect(named.json()).toMatchObject({ error: 'TRANSACTIONS_PARSE', line: 3, field: 'date' });
    expect(named.json().message).toBe('payments-2025.csv: line 3, column 1 (date): "11/02/2025" is not a date written YYYY-MM-DD');
  });

  it('validates the query and the credentials', async () => {
    expect((await rank(t.keys.client, TRANSACTIONS, '?top=0')).statusCode).toBe(400);
    expect((await rank(t.keys.client, TRANSACTIONS, '?colour=red')).statusCode).toBe(400);
    expect((await rank(t.keys.client, '')).statusCode).toBe(400);
    const anonymous = await t.app.inject({
      method: 'POST',
      url: '/v1/network/rank',
      headers: { 'content-type': 'text/csv' },
      payload: TRANSACTIONS,
    });
    expect(anonymous.statusCode).toBe(401);
  });

  it('returns only the top parties asked for', async () => {
    const res = await rank(t.keys.client, TRANSACTIONS, '?top=1&counterparties=1');
    expect(names(res)).toEqual(['Fenwick Trading Ltd']);
    // Designated counterparties are always drawn, even beyond the number asked for; others only within it.
    expect(res.json().ranked[0].neighbourhood.nodes.map((n: { name: string }) => n.name)).toEqual([
      'Fenwick Trading Ltd',
      'Korea Mining Development Trading Corp',
      'Tanchon Commercial Bank',
    ]);
  });
});
