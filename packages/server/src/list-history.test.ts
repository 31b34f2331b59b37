/**
 * History on SQLite and PostgreSQL, through the API as an analyst uses it: loading the bundled
 * data/ofac-sdn folder keeps SDN 2023-12-28 in force and stores 2015-01-17 and 2018-01-26 as history,
 * marked as lacking add.csv and alt.csv, once; `GET /v1/lists/diff` filters by programme, country,
 * schema and text, gives each row its first publication, refuses a publication compared with itself and
 * malformed filters by name, and says which fields are not comparable; `GET /v1/lists/diff.csv` is the
 * same rows as CSV; an entity says where it was first seen.
 */
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { StoredPublication } from '@embargo/store';
import { loadListFolder } from './list-loading.js';
import { BACKENDS, BUNDLED_DATA, createTestApp, type TestApp } from './testing/app-fixture.js';

/** PROVENANCE.md: OFAC's designations of 22 August 2017, absent in 2015-01-17, present in 2018-01-26. */
const DESIGNATED_2017_08_22 = [
  '21737', '22583', '22603', '22605', '22606', '22607', '22613', '22614', '22703', '22704',
  '22608', '22610', '22611', '22612', '22701', '22702',
].map((n) => `ofac:${n}`); // prettier-ignore
/** Four of them OFAC listed under NPWMD (EO 13382), the other twelve under DPRK3. */
const UNDER_NPWMD = ['ofac:21737', 'ofac:22583', 'ofac:22607', 'ofac:22608'];

interface Row {
  id: string;
  change: string;
  name: string;
  schema: string;
  programmes: string[];
  countries: string[];
  firstSeen: { publicationId: number; published: string | null } | null;
}

describe.each(BACKENDS)('list history on %s', (backend) => {
  let t: TestApp;
  let sdn: Record<string, StoredPublication>;
  beforeAll(async () => {
    t = await createTestApp({ backend });
    const res = await t.app.inject({
      method: 'POST',
      url: '/v1/lists/update',
      headers: t.as(t.keys.admin),
      payload: { dir: join(BUNDLED_DATA, 'ofac-sdn') },
    });
    expect(res.statusCode, res.body).toBe(200);
    sdn = Object.fromEntries((await t.store.listPublications()).filter((p) => p.source === 'ofac-sdn').map((p) => [p.published!, p]));
  }, 300_000);
  afterAll(async () => t?.close());

  const get = (url: string) => t.app.inject({ method: 'GET', url, headers: t.as(t.keys.analyst) });
  const diff = async (query: string) => {
    const res = await get(`/v1/lists/diff?${query}`);
    expect(res.statusCode, res.body).toBe(200);
    return res.json() as { rows: Row[]; added: string[]; incomparable: unknown; facets: { programmes: string[] } };
  };
  const pair = (from: string, to: string) => `from=${sdn[from].id}&to=${sdn[to].id}`;

  it('keeps the newest in force and the earlier publications as history, marked with the files they lack', async () => {
    expect(Object.values(sdn).map((p) => [p.published, p.current, p.records, p.missingFiles])).toEqual(
      expect.arrayContaining([
        ['2015-01-17', false, 5876, ['add.csv', 'alt.csv']],
        ['2018-01-26', false, 6068, ['add.csv', 'alt.csv']],
        ['2023-12-28', true, 13821, []],
      ]),
    );
    const audit = await t.store.listAudit({ kind: 'list.history' });
    expect(audit.map((r) => [r.details.published, r.details.missingFiles])).toEqual(
      expect.arrayContaining([
        ['2015-01-17', ['add.csv', 'alt.csv']],
        ['2018-01-26', ['add.csv', 'alt.csv']],
      ]),
    );
  });

  it('loads the folder again without parsing or storing the history twice', async () => {
    const steps: string[] = [];
    const summary = await loadListFolder(t.deps, join(BUNDLED_DATA, 'ofac-sdn'), 'test', { onProgress: (s) => steps.push(s) });
    expect(summary).toMatchObject({ saved: [], history: [], unchanged: ['ofac-sdn'] });
    expect(steps.filter((s) => s.startsWith('parsing'))).toEqual(['parsing ofac-sdn 2023-12-28']);
    expect((await t.store.listPublications()).filter((p) => p.source === 'ofac-sdn')).toHaveLength(3);
  });

  it('puts the 22 August 2017 designations one filter away, each first seen in 2018-01-26', async () => {
    const dprk3 = await diff(`${pair('2015-01-17', '2018-01-26')}&programme=DPRK3`);
    const npwmd = await diff(`${pair('2015-01-17', '2018-01-26')}&programme=NPWMD`);
    const designated = [...dprk3.rows, ...npwmd.rows].filter((r) => DESIGNATED_2017_08_22.includes(r.id));
    expect(designated.map((r) => r.id).sort()).toEqual([...DESIGNATED_2017_08_22].sort());
    expect(
      npwmd.rows
        .filter((r) => DESIGNATED_2017_08_22.includes(r.id))
        .map((r) => r.id)
        .sort(),
    ).toEqual(UNDER_NPWMD);
    expect(designated.filter((r) => r.schema === 'Person')).toHaveLength(6);
    for (const r of designated) {
      expect(r.change).toBe('added');
      expect(r.firstSeen).toEqual({ publicationId: sdn['2018-01-26'].id, published: '2018-01-26' });
    }
    // Every row is under DPRK3 and the id lists follow the rows; sorted by name.
    expect(dprk3.rows.every((r) => r.programmes.includes('DPRK3'))).toBe(true);
    expect(dprk3.added.sort()).toEqual(
      dprk3.rows
        .filter((r) => r.change === 'added')
        .map((r) => r.id)
        .sort(),
    );
    const names = dprk3.rows.map((r) => r.name);
    expect(names).toEqual([...names].sort(new Intl.Collator('en', { sensitivity: 'base', numeric: true }).compare));
    expect(dprk3.facets.programmes).toEqual(expect.arrayContaining(['DPRK3', 'NPWMD', 'SDGT']));
  });

  it('filters by country, schema and text together, and an unknown programme is just no rows', async () => {
    const people = await diff(`${pair('2015-01-17', '2018-01-26')}&programme=DPRK3&schema=Person&q=${encodeURIComponent('kim tong')}`);
    expect(people.rows.map((r) => r.id)).toContain('ofac:22702');
    expect(people.rows.every((r) => r.schema === 'Person')).toBe(true);
    const russia = await diff(`${pair('2015-01-17', '2018-01-26')}&country=RU&q=kirakosyan`);
    expect(russia.rows.map((r) => r.id)).toEqual(['ofac:22608']);
    expect((await diff(`${pair('2015-01-17', '2018-01-26')}&programme=NO-SUCH-PROGRAMME`)).rows).toEqual([]);
  });

  it('refuses a publication compared with itself, and malformed filters, naming the parameter', async () => {
    const self = await get(`/v1/lists/diff?from=${sdn['2018-01-26'].id}&to=${sdn['2018-01-26'].id}`);
    expect(self.statusCode).toBe(400);
    expect(self.json()).toMatchObject({ error: 'INVALID_INPUT', field: 'querystring/to' });
    for (const [query, field] of [
      ['country=ru', 'country'],
      ['country=RUS', 'country'],
      ['schema=Boat', 'schema'],
      ['q=', 'q'],
      ['programme=', 'programme'],
      ['sort=name', 'sort'],
    ]) {
      const res = await get(`/v1/lists/diff?${pair('2015-01-17', '2018-01-26')}&${query}`);
      expect(res.statusCode, query).toBe(400);
      expect(res.json().field ?? res.json().message, query).toContain(field);
    }
    expect((await get(`/v1/lists/diff.csv?${pair('2015-01-17', '2018-01-26')}&country=ru`)).statusCode).toBe(400);
  });

  it('says which fields are not comparable against a publication without its alias and address files', async () => {
    const answer = await diff(pair('2018-01-26', '2023-12-28'));
    expect(answer.incomparable).toMatchObject({
      publications: [{ id: sdn['2018-01-26'].id, published: '2018-01-26', missingFiles: ['add.csv', 'alt.csv'] }],
      fields: ['address', 'alias', 'country', 'previousName', 'weakAlias'],
    });
    const { records } = answer.incomparable as { records: number };
    expect(records).toBeGreaterThan(3000);
    // Those records are not among the changed.
    expect(answer.rows.filter((r) => r.change === 'changed').length).toBeLessThan(1500);
    expect((await diff(pair('2015-01-17', '2018-01-26'))).incomparable).toMatchObject({ records: expect.any(Number) });
  });

  it('exports the filtered rows as CSV with a header row, quoted where needed', async () => {
    const res = await get(`/v1/lists/diff.csv?${pair('2015-01-17', '2018-01-26')}&programme=DPRK3`);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(res.headers['content-disposition']).toBe('attachment; filename="ofac-sdn_2015-01-17_to_2018-01-26.csv"');
    const lines = res.body.split('\r\n');
    expect(lines[0]).toBe('change,id,name,schema,programmes,countries,changed_fields,first_seen_publication,first_seen_published');
    expect(lines.at(-1)).toBe('');
    const json = await diff(`${pair('2015-01-17', '2018-01-26')}&programme=DPRK3`);
    expect(lines.length - 2).toBe(json.rows.length);
    // A name with a comma is quoted; the row carries the first publication.
    expect(lines).toContain(
      `added,ofac:22603,"DANDONG ZHICHENG METALLIC MATERIAL CO., LTD.",Organization,DPRK3,,,${sdn['2018-01-26'].id},2018-01-26`,
    );
  });

  it('gives an entity the publication it was first seen in', async () => {
    const res = await get('/v1/entities/ofac%3A22603');
    expect(res.statusCode).toBe(200);
    expect(res.json().listedSince).toEqual({ id: sdn['2018-01-26'].id, source: 'ofac-sdn', published: '2018-01-26' });
  });
});
