/**
 * Screening over HTTP on SQLite and PostgreSQL: options are honoured, a false positive remembered in the
 * store for (customer, listed record) suppresses the next alert until the record changes, screenings read
 * back as answered, and the yente and watchman compatibility shapes.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { values, type Entity, type ListPublication } from '@embargo/core';
import { entityFingerprint } from './entity-fingerprint.js';
import { partyFingerprint } from './party-fingerprint.js';
import { BACKENDS, bundledUnList, createTestApp, type TestApp } from './testing/app-fixture.js';

describe('entityFingerprint', () => {
  const kim: Entity = {
    id: 'un:KPi.057',
    source: 'un-sc',
    schema: 'Person',
    caption: 'JANG SUNG NAM',
    properties: { name: [{ value: 'JANG SUNG NAM' }] },
  };

  it('is the same for the same record whatever the key order, and differs when the record changes', () => {
    const reordered = JSON.parse(
      JSON.stringify({ properties: kim.properties, caption: kim.caption, schema: kim.schema, source: kim.source, id: kim.id }),
    );
    expect(entityFingerprint(reordered)).toBe(entityFingerprint(kim));
    expect(entityFingerprint(kim)).toMatch(/^[0-9a-f]{64}$/);
    const aliased = { ...kim, properties: { ...kim.properties, alias: [{ value: 'JANG SONG NAM' }] } };
    expect(entityFingerprint(aliased)).not.toBe(entityFingerprint(kim));
  });
});

describe.each(BACKENDS)('screening on %s', (backend) => {
  let t: TestApp;
  let un: ListPublication;
  beforeAll(async () => {
    [un] = await bundledUnList();
    t = await createTestApp({ backend, publications: [un] });
  });
  afterAll(async () => t?.close());

  const screen = async (payload: object, key = t.keys.client) => {
    const res = await t.app.inject({ method: 'POST', url: '/v1/screen', headers: t.as(key), payload });
    expect(res.statusCode).toBe(200);
    return res.json();
  };

  it('honours limit; the alert threshold is not a request field (issue 12 point 8: strict-inputs.test.ts)', async () => {
    const few = await screen({ name: 'Mohammed', limit: 2 });
    expect(few.matches.length).toBeLessThanOrEqual(2);
    const res = await t.app.inject({
      method: 'POST',
      url: '/v1/screen',
      headers: t.as(t.keys.client),
      payload: { name: 'Jang Song Nam', threshold: 0 },
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().field).toBe('body/threshold');
  });

  it('answers a screening with its id, matches with explanations and the publications used, and reads it back', async () => {
    const body = await screen({
      name: 'JANG SONG NAM',
      schema: 'Person',
      country: 'KP',
      identifiers: [{ type: 'passportNumber', value: '563120368' }],
    });
    expect(body).toMatchObject({ screeningId: expect.any(String), alerted: true });
    expect(body.matches[0]).toMatchObject({ id: 'un:KPi.057', source: 'un-sc', alert: true, explanation: expect.any(Object) });
    const [pub] = await t.store.currentPublications();
    expect(body.publications).toEqual([{ id: pub.id, source: 'un-sc', published: pub.published }]);
    const stored = (await t.app.inject({ method: 'GET', url: `/v1/screenings/${body.screeningId}`, headers: t.as(t.keys.analyst) })).json();
    expect(stored).toMatchObject({ id: body.screeningId, results: body.matches, publications: body.publications, alerted: true });
    expect(stored.input).toMatchObject({ name: 'JANG SONG NAM', schema: 'Person', country: 'KP' });
    const missing = await t.app.inject({ method: 'GET', url: '/v1/screenings/no-such-screening', headers: t.as(t.keys.analyst) });
    expect(missing.statusCode).toBe(404);
  });

  it('suppresses the alert of a false positive remembered for the customer, until the listed record changes', async () => {
    const customer = `CUST-${backend}-FP`;
    const first = await screen({ name: 'JANG SUNG NAM', customerKey: customer });
    const alerting = first.matches.filter((m: { alert: boolean }) => m.alert);
    expect(alerting.map((m: { id: string }) => m.id)).toContain('un:KPi.057');
    const [alert] = await t.store.listAlerts({ customerKey: customer });
    expect(alert).toMatchObject({
      entityId: 'un:KPi.057',
      status: 'open',
      entityVersion: entityFingerprint(t.deps.screening.entity('un:KPi.057')!),
    });

    // The false positive, recorded straight in the store (as the alert workflow does).
    await t.store.recordDecision(
      {
        id: 'decision-1',
        alertId: alert.id,
        decidedAt: new Date().toISOString(),
        actor: 'analyst',
        decision: 'false_positive',
        reason: 'another person',
      },
      {
        expectedStatus: 'open',
        status: 'false_positive',
        suppression: {
          tenant: alert.tenant,
          customerKey: customer,
          entityId: alert.entityId,
          partyFingerprint: partyFingerprint({ name: 'JANG SUNG NAM' }),
          entityVersion: alert.entityVersion,
          alertId: alert.id,
          createdAt: new Date().toISOString(),
        },
      },
    );

    const again = await screen({ name: 'JANG SUNG NAM', customerKey: customer });
    const kpi = again.matches.find((m: { id: string }) => m.id === 'un:KPi.057');
    expect(kpi).toMatchObject({ alert: true, suppressed: true });
    expect(await t.store.listAlerts({ customerKey: customer })).toHaveLength(1);
    // The same name for another customer still alerts: the decision was about one customer.
    await screen({ name: 'JANG SUNG NAM', customerKey: `${customer}-OTHER` });
    expect(await t.store.listAlerts({ customerKey: `${customer}-OTHER` })).toHaveLength(1);

    // The list changes the record (a new alias): its fingerprint differs and the alert opens again.
    const changed: ListPublication = {
      ...un,
      published: '2026-03-02',
      files: un.files.map((f) => ({ ...f, sha256: 'c'.repeat(64) })),
      entities: un.entities.map((e) =>
        e.id === 'un:KPi.057'
          ? { ...e, properties: { ...e.properties, alias: [...(e.properties.alias ?? []), { value: 'CHANG SONG NAM' }] } }
          : e,
      ),
    };
    await t.store.savePublication(changed, { loadedAt: new Date() });
    await t.deps.screening.reload();
    try {
      const after = await screen({ name: 'JANG SUNG NAM', customerKey: customer });
      expect(after.matches.find((m: { id: string }) => m.id === 'un:KPi.057').suppressed).toBeUndefined();
      const alerts = await t.store.listAlerts({ customerKey: customer });
      expect(alerts).toHaveLength(2);
      expect(alerts[0]).toMatchObject({ status: 'open', entityId: 'un:KPi.057' });
      expect(alerts[0].entityVersion).not.toBe(alert.entityVersion);
    } finally {
      await t.store.savePublication(un, { loadedAt: new Date() });
      await t.deps.screening.reload();
    }
  });

  it('answers yente-style /match with FollowTheMoney properties given as lists or single strings', async () => {
    const res = await t.app.inject({
      method: 'POST',
      url: '/match/sanctions?limit=2',
      headers: t.as(t.keys.client),
      payload: {
        queries: {
          a: { schema: 'Person', properties: { name: ['Jang Sung Nam'], birthDate: ['1970-07-14'], nationality: ['kp'] } },
          b: { schema: 'Person', properties: { name: 'Jang Sung Nam' } },
          none: { schema: 'Company', properties: { name: ['Blue Meadow Bakery GmbH'] } },
        },
      },
    });
    expect(res.statusCode).toBe(200);
    const { responses, limit } = res.json();
    expect(limit).toBe(2);
    for (const key of ['a', 'b']) {
      expect(responses[key]).toMatchObject({ status: 200, total: { value: expect.any(Number) } });
      expect(responses[key].results[0]).toMatchObject({
        id: 'un:KPi.057',
        caption: expect.stringMatching(/JANG/),
        schema: 'Person',
        datasets: ['un-sc'],
        match: true,
        score: expect.any(Number),
        features: expect.any(Object),
      });
      expect(responses[key].results[0].properties.name).toEqual(expect.arrayContaining([expect.stringMatching(/JANG/)]));
      expect(responses[key].results.length).toBeLessThanOrEqual(2);
    }
    expect(responses.none.results.filter((r: { match: boolean }) => r.match)).toEqual([]);
    const bad = await t.app.inject({
      method: 'POST',
      url: '/match/sanctions',
      headers: t.as(t.keys.client),
      payload: { queries: { q: { schema: 'Dragon', properties: { name: ['x'] } } } },
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json()).toMatchObject({ field: 'body/queries/q/schema' });
  });

  it('answers watchman-style /v2/search and /search with v2 entities (and v1 SDNs on /search)', async () => {
    const v2 = await t.app.inject({
      method: 'GET',
      url: '/v2/search?name=Jang%20Sung%20Nam&type=person&limit=3',
      headers: t.as(t.keys.client),
    });
    expect(v2.statusCode).toBe(200);
    const body = v2.json();
    expect(Object.keys(body).sort()).toEqual(['entities', 'query']);
    expect(body.entities.length).toBeGreaterThan(0);
    expect(body.entities.length).toBeLessThanOrEqual(3);
    const [top] = body.entities;
    expect(top).toMatchObject({
      name: expect.stringMatching(/JANG/),
      entityType: 'person',
      sourceList: 'un_csl',
      sourceID: 'KPi.057',
      match: expect.any(Number),
      person: { name: expect.stringMatching(/JANG/), birthDate: expect.stringMatching(/^1970-07-14T/), governmentIDs: expect.any(Array) },
      business: null,
      vessel: null,
      sanctionsInfo: { programs: expect.any(Array) },
    });
    const passports = values(t.deps.screening.entity('un:KPi.057')!, 'passportNumber');
    expect(passports.length).toBeGreaterThan(0);
    for (const identifier of passports)
      expect(top.person.governmentIDs).toContainEqual(expect.objectContaining({ type: 'passport', identifier }));
    const v1 = (await t.app.inject({ method: 'GET', url: '/search?name=Jang%20Sung%20Nam&limit=3', headers: t.as(t.keys.client) })).json();
    expect(v1.entities[0]).toMatchObject({ sourceID: 'KPi.057' });
    expect([...v1.SDNs, ...v1.altNames].map((x: { entityID: string }) => x.entityID)).toContain('un:KPi.057');
    const wrongType = await t.app.inject({ method: 'GET', url: '/v2/search?name=x&type=spaceship', headers: t.as(t.keys.client) });
    expect(wrongType.statusCode).toBe(400);
    expect(wrongType.json()).toMatchObject({ field: 'querystring/type' });
  });

  it('finds records by name for browsing, with weaker candidates than screening reports', async () => {
    const res = await t.app.inject({
      method: 'GET',
      url: '/v1/search?q=Jang%20Sung%20Nam&schema=Person&limit=5',
      headers: t.as(t.keys.client),
    });
    expect(res.statusCode).toBe(200);
    const { results } = res.json();
    expect(results[0]).toMatchObject({ id: 'un:KPi.057', source: 'un-sc', schema: 'Person', score: expect.any(Number) });
    expect(results.length).toBeLessThanOrEqual(5);
    expect(results.every((r: { schema: string }) => r.schema === 'Person')).toBe(true);
  });
});
