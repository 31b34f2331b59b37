/**
 * The HTTP API end to end through `app.inject`, on SQLite and on PostgreSQL: every route, roles,
 * validation, the compatibility endpoints, screenings that can be reproduced, and the audit trail.
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Entity, ListPublication } from '@embargo/core';
import { loadListDirectory } from '@embargo/lists';
import { BACKENDS, BUNDLED_DATA, bundledUnList, createTestApp, type TestApp } from './testing/app-fixture.js';

/** The bundled UN list plus the OFAC records that take part in relationships (a real, small set). */
async function fixturePublications(): Promise<ListPublication[]> {
  const [un] = await bundledUnList();
  const [sdn] = await loadListDirectory(join(BUNDLED_DATA, 'ofac-sdn', '2023-12-28'));
  const related = sdn.relationships.slice(0, 40);
  const ids = new Set(related.flatMap((r) => [r.from, r.to]));
  ids.add('ofac:21736'); // JANG SUNG NAM on OFAC, linked to UN KPi.057 by passport
  const entities = sdn.entities.filter((e) => ids.has(e.id));
  return [un, { ...sdn, entities, relationships: related.filter((r) => ids.has(r.from) && ids.has(r.to)), issues: [] }];
}

describe.each(BACKENDS)('HTTP API on %s', (backend) => {
  let t: TestApp;
  let publications: ListPublication[];
  beforeAll(async () => {
    publications = await fixturePublications();
    t = await createTestApp({ backend, publications });
  });
  afterAll(async () => t?.close());

  const entity = (id: string): Entity => t.deps.screening.entity(id)!;

  describe('access', () => {
    it('answers /healthz without a key', async () => {
      const res = await t.app.inject({ method: 'GET', url: '/healthz' });
      expect(res.statusCode).toBe(200);
      expect(res.json()).toMatchObject({ status: 'ok', publications: 2 });
    });

    it('refuses a request without a key, with an unknown key and with a revoked key (401)', async () => {
      const body = { name: 'Jang Sung Nam' };
      expect((await t.app.inject({ method: 'POST', url: '/v1/screen', payload: body })).statusCode).toBe(401);
      const forged = 'emb_0123456789abcdef_' + 'x'.repeat(43);
      const res = await t.app.inject({ method: 'POST', url: '/v1/screen', payload: body, headers: t.as(forged) });
      expect(res.statusCode).toBe(401);
      expect(res.json()).toMatchObject({ error: 'UNAUTHENTICATED' });
      const { createApiKey } = await import('./api-keys.js');
      const { key, record } = await createApiKey(t.store, { role: 'client', name: 'short-lived' }, new Date());
      await t.store.revokeApiKey(record.id, new Date().toISOString(), null);
      expect((await t.app.inject({ method: 'POST', url: '/v1/screen', payload: body, headers: t.as(key) })).statusCode).toBe(401);
    });

    it('refuses a key whose role may not use the route (403), also through X-API-Key', async () => {
      const res = await t.app.inject({ method: 'GET', url: '/v1/alerts', headers: { 'x-api-key': t.keys.client } });
      expect(res.statusCode).toBe(403);
      expect(res.json()).toMatchObject({ error: 'FORBIDDEN' });
      expect((await t.app.inject({ method: 'POST', url: '/v1/lists/update', headers: t.as(t.keys.analyst), payload: {} })).statusCode).toBe(
        403,
      );
    });
  });

  describe('screening', () => {
    it('screens a listed name, explains the match and names the publications used', async () => {
      const res = await t.app.inject({
        method: 'POST',
        url: '/v1/screen',
        headers: t.as(t.keys.client),
        payload: { name: 'Jang Song Nam', schema: 'Person' },
      });
      expect(res.statusCode).toBe(200);
      const body = res.json();
      expect(body.alerted).toBe(true);
      expect(
        body.matches
          .slice(0, 2)
          .map((m: { id: string }) => m.id)
          .sort(),
      ).toEqual(['ofac:21736', 'un:KPi.057']);
      expect(body.matches[0].explanation.summary).toMatch(/JANG/i);
      expect(body.publications.map((p: { source: string }) => p.source).sort()).toEqual(['ofac-sdn', 'un-sc']);
    });

    it('keeps each screening so it can be read back as it was answered', async () => {
      const payload = { name: 'JANG SUNG NAM', birthDate: '1970-07-14', customerKey: 'CUST-REPRO' };
      const screened = (await t.app.inject({ method: 'POST', url: '/v1/screen', headers: t.as(t.keys.client), payload })).json();
      const res = await t.app.inject({ method: 'GET', url: `/v1/screenings/${screened.screeningId}`, headers: t.as(t.keys.client) });
      expect(res.statusCode).toBe(200);
      const stored = res.json();
      expect(stored.input).toEqual(payload);
      expect(stored.results).toEqual(screened.matches);
      expect(stored.publications).toEqual(screened.publications);
      // Another client does not see it; an analyst does.
      const { createApiKey } = await import('./api-keys.js');
      const other = (await createApiKey(t.store, { role: 'client', name: 'other bank' }, new Date())).key;
      expect((await t.app.inject({ method: 'GET', url: `/v1/screenings/${screened.screeningId}`, headers: t.as(other) })).statusCode).toBe(
        404,
      );
      expect(
        (await t.app.inject({ method: 'GET', url: `/v1/screenings/${screened.screeningId}`, headers: t.as(t.keys.analyst) })).statusCode,
      ).toBe(200);
    });

    it.each([
      [{ name: '' }, 'body/name'],
      [{ name: 'x', schema: 'Dragon' }, 'body/schema'],
      [{ name: 'x', birthDate: '14.07.1970' }, 'body/birthDate'],
      [{ name: 'x', extra: 1 }, 'body'],
    ])('answers 400 naming the field for %j', async (payload, field) => {
      const res = await t.app.inject({ method: 'POST', url: '/v1/screen', headers: t.as(t.keys.client), payload });
      expect(res.statusCode).toBe(400);
      expect(res.json()).toMatchObject({ error: 'INVALID_INPUT', field: expect.stringContaining(field) });
    });

    it('answers 413 for a body over the size limit', async () => {
      const res = await t.app.inject({
        method: 'POST',
        url: '/v1/screen',
        headers: t.as(t.keys.client),
        payload: { name: 'x'.repeat(2 * 1024 * 1024) },
      });
      expect(res.statusCode).toBe(413);
    });
  });

  describe('browsing the lists', () => {
    it('gives a record with its relationships, cross-list links and publications', async () => {
      const withRelations = publications[1].relationships[0];
      const res = await t.app.inject({ method: 'GET', url: `/v1/entities/${withRelations.from}`, headers: t.as(t.keys.client) });
      expect(res.statusCode).toBe(200);
      const body = res.json();
      expect(body.entity.id).toBe(withRelations.from);
      expect(body.relationships).toContainEqual(
        expect.objectContaining({ kind: withRelations.kind, to: expect.objectContaining({ id: withRelations.to }) }),
      );
      expect(body.publications).toEqual([expect.objectContaining({ source: 'ofac-sdn', current: true })]);
      const jang = (await t.app.inject({ method: 'GET', url: '/v1/entities/un:KPi.057', headers: t.as(t.keys.client) })).json();
      expect(jang.links).toContainEqual(
        expect.objectContaining({ other: expect.objectContaining({ id: 'ofac:21736' }), reason: 'passportNumber' }),
      );
    });

    it('answers 404 for a record not on the lists', async () => {
      const res = await t.app.inject({ method: 'GET', url: '/v1/entities/ofac:999999999', headers: t.as(t.keys.client) });
      expect(res.statusCode).toBe(404);
      expect(res.json()).toMatchObject({ error: 'NOT_FOUND' });
    });

    it('searches names in another script', async () => {
      const res = await t.app.inject({ method: 'GET', url: `/v1/search?q=${encodeURIComponent('장성남')}`, headers: t.as(t.keys.client) });
      expect(res.statusCode).toBe(200);
      expect(res.json().results.map((r: { id: string }) => r.id)).toContain('un:KPi.057');
    });

    it('lists publications and compares two of one source, by programme', async () => {
      const [un] = publications;
      const dropped = un.entities[0];
      const renamed = un.entities[1];
      const next: ListPublication = {
        ...un,
        published: '2026-03-01',
        files: un.files.map((f) => ({ ...f, sha256: 'f'.repeat(64) })),
        entities: un.entities
          .slice(1)
          .map((e) => (e.id === renamed.id ? { ...e, properties: { ...e.properties, alias: [{ value: 'NEW ALIAS' }] } } : e)),
      };
      const other = await t.store.savePublication(next, { loadedAt: new Date() });
      const all = (await t.app.inject({ method: 'GET', url: '/v1/lists', headers: t.as(t.keys.client) })).json().publications;
      const first = all.find((p: { source: string; current: boolean }) => p.source === 'un-sc' && !p.current);
      const res = await t.app.inject({
        method: 'GET',
        url: `/v1/lists/diff?from=${first.id}&to=${other.id}`,
        headers: t.as(t.keys.client),
      });
      expect(res.statusCode).toBe(200);
      const diff = res.json();
      expect(diff.removed).toEqual([dropped.id]);
      expect(diff.changed).toEqual([{ id: renamed.id, fields: ['alias'] }]);
      expect(diff.captions[dropped.id]).toBe(dropped.caption);
      const sdn = all.find((p: { source: string }) => p.source === 'ofac-sdn');
      const mixed = await t.app.inject({
        method: 'GET',
        url: `/v1/lists/diff?from=${first.id}&to=${sdn.id}`,
        headers: t.as(t.keys.client),
      });
      expect(mixed.statusCode).toBe(400);
      // Put the original back in force for the other tests.
      await t.store.savePublication(un, { loadedAt: new Date() });
      await t.deps.screening.reload();
    });

    it('rejects a list update with a broken file (422, file and line) and keeps the lists in force', async () => {
      const dir = mkdtempSync(join(tmpdir(), 'embargo-broken-'));
      const xml = readFileSync(join(BUNDLED_DATA, 'un-sc', '2026-02-27', 'consolidated.xml'), 'utf8');
      writeFileSync(join(dir, 'consolidated.xml'), xml.slice(0, Math.floor(xml.length / 2)));
      const before = await t.store.currentPublications();
      const res = await t.app.inject({ method: 'POST', url: '/v1/lists/update', headers: t.as(t.keys.admin), payload: { dir } });
      expect(res.statusCode).toBe(422);
      expect(res.json()).toMatchObject({
        error: 'LIST_PARSE',
        file: expect.stringContaining('consolidated.xml'),
        line: expect.any(Number),
      });
      expect(await t.store.currentPublications()).toEqual(before);
    });

    it('loads an update that is the same as the lists in force as unchanged', async () => {
      const res = await t.app.inject({ method: 'POST', url: '/v1/lists/update', headers: t.as(t.keys.admin), payload: {} });
      expect(res.statusCode).toBe(200);
      expect(res.json()).toMatchObject({ saved: [], unchanged: ['un-sc'] });
    });
  });

  describe('compatibility', () => {
    it('answers a yente-style /match request', async () => {
      const payload = { queries: { q1: { schema: 'Person', properties: { name: ['Jang Sung Nam'], birthDate: ['1970-07-14'] } } } };
      const res = await t.app.inject({ method: 'POST', url: '/match/default?limit=3', headers: t.as(t.keys.client), payload });
      expect(res.statusCode).toBe(200);
      const q1 = res.json().responses.q1;
      expect(q1.status).toBe(200);
      expect(q1.results[0]).toMatchObject({
        id: expect.any(String),
        caption: expect.stringMatching(/JANG/),
        schema: 'Person',
        match: true,
        score: expect.any(Number),
      });
      expect(q1.results[0].properties.name).toBeDefined();
      const bad = await t.app.inject({
        method: 'POST',
        url: '/match/default',
        headers: t.as(t.keys.client),
        payload: { queries: { q: { schema: 'Person', properties: {} } } },
      });
      expect(bad.statusCode).toBe(400);
    });

    it('answers a watchman-style /search request', async () => {
      const res = await t.app.inject({ method: 'GET', url: '/search?name=Jang%20Sung%20Nam&limit=2', headers: t.as(t.keys.client) });
      expect(res.statusCode).toBe(200);
      const body = res.json();
      const all = [...body.SDNs, ...body.altNames];
      expect(all[0]).toMatchObject({ entityID: expect.any(String), match: expect.any(Number) });
      expect(all.map((x: { entityID: string }) => x.entityID)).toContain('un:KPi.057');
    });
  });

  it('publishes OpenAPI 3.1 and the docs page', async () => {
    const doc = (await t.app.inject({ method: 'GET', url: '/openapi.json' })).json();
    expect(doc.openapi).toBe('3.1.0');
    expect(Object.keys(doc.paths)).toEqual(
      expect.arrayContaining(['/v1/screen', '/v1/screen/batch', '/v1/alerts/{id}/decisions', '/match/{dataset}', '/search']),
    );
    expect((await t.app.inject({ method: 'GET', url: '/docs/' })).statusCode).toBe(200);
  });

  it('keeps an intact audit trail of what was done', async () => {
    const verification = await t.store.verifyAudit();
    expect(verification.ok).toBe(true);
    const kinds = new Set((await t.store.listAudit({ limit: 10_000 })).map((r) => r.kind));
    expect([...kinds]).toEqual(expect.arrayContaining(['key.create', 'key.revoke', 'screening', 'alert.open']));
    void entity;
  });
});
