/**
 * How long saving and reading a list-sized publication takes, on SQLite and PostgreSQL.
 * Run after a build: `npm run build && node packages/store/bench/save-publication.mjs`.
 * PostgreSQL comes from EMBARGO_TEST_DATABASE_URL (default postgres://postgres@127.0.0.1:5432/postgres);
 * a scratch database is created and dropped. Set EMBARGO_BENCH_SKIP_POSTGRES=1 to measure SQLite only.
 * Prints figures; asserts nothing.
 */
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import pg from 'pg';
import { openStore } from '@embargo/store';

/** About the size of OFAC's SDN list (~15,000 records in 2024). */
const ENTITIES = 15_000;
const RUNS = Number(process.env.RUNS ?? 5);
const ADMIN_URL = process.env.EMBARGO_TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';

/** An entry shaped like an SDN record: name parts, aliases, dates, documents, address (~1 kB of JSON). */
function listedEntity(n) {
  const year = 1910 + (n % 90);
  return {
    id: `ofac:${10_000 + n}`,
    source: 'ofac-sdn',
    schema: n % 3 === 0 ? 'Company' : 'Person',
    caption: `SURNAME${n}, Given Name`,
    properties: {
      name: [{ value: `Given Name SURNAME${n}`, parts: { given: 'Given Name', family: `SURNAME${n}` } }],
      alias: [{ value: `Alias One ${n}` }, { value: `Alias Two ${n}`, weak: true }, { value: `Алиас ${n}`, script: 'Cyrl' }],
      birthDate: [{ value: `${year}-03-1${n % 10}`, original: `1${n % 10} Mar ${year}` }],
      birthPlace: [{ value: 'Tehran, Iran' }],
      nationality: [{ value: 'IR', original: 'Iran' }],
      passportNumber: [{ value: `K${n}12345`, country: 'IR', kind: 'Passport', note: 'expires 2030' }],
      address: [{ value: `Street ${n}, Tehran, Iran`, country: 'IR' }],
      program: [{ value: 'SDGT' }, { value: 'IRGC' }],
      notes: [{ value: 'Additional Sanctions Information - Subject to Secondary Sanctions' }],
    },
  };
}

function listSizedPublication() {
  const entities = Array.from({ length: ENTITIES }, (_, n) => listedEntity(n));
  const relationships = entities.slice(1, 3_000).map((e, i) => ({
    from: e.id,
    to: entities[i].id,
    kind: 'linkedTo',
    sourceText: `Linked To: ${entities[i].caption}`,
  }));
  const files = [{ path: 'sdn.csv', sha256: '0'.repeat(64), bytes: 4_000_000, format: 'ofac-csv' }];
  return { source: 'ofac-sdn', published: '2024-01-05', files, entities, relationships, issues: [] };
}

async function timed(runs, work) {
  const ms = [];
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    await work();
    ms.push(performance.now() - start);
  }
  ms.sort((a, b) => a - b);
  return `median ${ms[Math.floor(ms.length / 2)].toFixed(1)} ms (min ${ms[0].toFixed(1)}, max ${ms.at(-1).toFixed(1)}, ${runs} runs)`;
}

async function measure(name, config) {
  const publication = listSizedPublication();
  const store = await openStore(config);
  try {
    let id = 0;
    const save = await timed(RUNS, async () => {
      id = (await store.savePublication(publication, { loadedAt: new Date() })).id;
    });
    console.log(`${name}: savePublication (${ENTITIES} entities, ${publication.relationships.length} relationships): ${save}`);
    console.log(`${name}: loadEntities (${ENTITIES}): ${await timed(RUNS, () => store.loadEntities(id))}`);
    console.log(`${name}: getEntity: ${await timed(100, () => store.getEntity('ofac:17000'))}`);
  } finally {
    await store.close();
  }
}

async function adminQuery(statement) {
  const client = new pg.Client({ connectionString: ADMIN_URL });
  await client.connect();
  try {
    await client.query(statement);
  } finally {
    await client.end();
  }
}

const dir = mkdtempSync(join(tmpdir(), 'embargo-bench-'));
try {
  await measure('sqlite', { sqlitePath: join(dir, 'embargo.db') });
} finally {
  rmSync(dir, { recursive: true, force: true });
}

if (process.env.EMBARGO_BENCH_SKIP_POSTGRES !== '1') {
  const database = `embargo_bench_${randomBytes(6).toString('hex')}`;
  await adminQuery(`create database ${database}`);
  try {
    const url = new URL(ADMIN_URL);
    url.pathname = `/${database}`;
    await measure('postgres', { databaseUrl: url.toString() });
  } finally {
    await adminQuery(`drop database if exists ${database} with (force)`);
  }
}
