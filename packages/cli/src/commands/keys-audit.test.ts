/**
 * End-to-end through `run()`: `embargo keys create|list|revoke` and `embargo audit verify`, on SQLite and
 * PostgreSQL; the audit trail is then tampered with directly in the database and verify must fail.
 */
import { createHash, randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verify } from '@node-rs/argon2';
import { openStore } from '@embargo/store';
import { runCaptured } from '../capture-io.js';

const ADMIN_URL = process.env.EMBARGO_TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const BACKENDS = process.env.EMBARGO_TEST_SKIP_POSTGRES === '1' ? ['sqlite'] : ['sqlite', 'postgres'];

async function onPostgres(url: string, statement: string): Promise<void> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query(statement);
  } finally {
    await client.end();
  }
}

/** A fresh database for the backend, the environment that points the CLI at it, raw SQL on it, and cleanup. */
async function freshDatabase(backend: string) {
  if (backend === 'sqlite') {
    const dir = mkdtempSync(join(tmpdir(), 'embargo-cli-keys-'));
    const sqlitePath = join(dir, 'embargo.db');
    return {
      env: { EMBARGO_SQLITE_PATH: sqlitePath },
      config: { sqlitePath },
      raw: async (statement: string) => {
        const db = new Database(sqlitePath);
        try {
          db.exec(statement);
        } finally {
          db.close();
        }
      },
      drop: async () => rmSync(dir, { recursive: true, force: true }),
    };
  }
  const name = `embargo_cli_${randomBytes(6).toString('hex')}`;
  await onPostgres(ADMIN_URL, `create database ${name}`);
  const url = new URL(ADMIN_URL);
  url.pathname = `/${name}`;
  const databaseUrl = url.toString();
  return {
    env: { EMBARGO_DATABASE_URL: databaseUrl },
    config: { databaseUrl },
    raw: (statement: string) => onPostgres(databaseUrl, statement),
    drop: () => onPostgres(ADMIN_URL, `drop database if exists ${name} with (force)`),
  };
}

interface RawRow {
  seq: number;
  at: string;
  kind: string;
  actor: string | null;
  subject: string;
  details: string;
  prev_hash: string;
  hash: string;
  signature: string | null;
}

describe.each(BACKENDS)('embargo keys and audit on %s', (backend) => {
  let db: Awaited<ReturnType<typeof freshDatabase>>;
  /** The stored audit rows and head, read behind the store's back. */
  const listRows = async (): Promise<RawRow[]> => {
    const store = await openStore(db.config);
    try {
      const rows = await store.listAudit({ limit: 1000 });
      return rows.map((r) => ({
        seq: r.seq,
        at: r.at,
        kind: r.kind,
        actor: r.actor,
        subject: r.subject,
        details: JSON.stringify(r.details),
        prev_hash: r.prevHash,
        hash: r.hash,
        signature: null,
      }));
    } finally {
      await store.close();
    }
  };
  /** Puts the trail back as it was (rows re-signed by appending them again is not possible: restore from a copy instead). */
  const restoreRows = async (rows: RawRow[]): Promise<void> => {
    await db.raw(`delete from audit_events`);
    await db.raw(`update audit_head set seq = 0, hash = '', signature = null where id = 1`);
    const store = await openStore(db.config);
    try {
      for (const r of rows)
        await store.appendAudit({ kind: r.kind, actor: r.actor, subject: r.subject, details: JSON.parse(r.details) }, new Date(r.at));
    } finally {
      await store.close();
    }
  };
  const saved = { ...process.env };
  beforeAll(async () => {
    db = await freshDatabase(backend);
    delete process.env.EMBARGO_DATABASE_URL;
    delete process.env.EMBARGO_SQLITE_PATH;
    Object.assign(process.env, db.env);
  });
  afterAll(async () => {
    for (const k of ['EMBARGO_DATABASE_URL', 'EMBARGO_SQLITE_PATH']) {
      if (saved[k] === undefined) delete process.env[k];
      else process.env[k] = saved[k];
    }
    await db?.drop();
  });

  let created: { id: string; key: string };

  it('keys create prints the key once on stdout and stores only its argon2 hash', async () => {
    const { code, out, err } = await runCaptured(['keys', 'create', '--role', 'analyst', '--name', 'Ann']);
    expect(code).toBe(0);
    expect(out).toMatch(/^emb_[0-9a-f]{16}_[A-Za-z0-9_-]{43}$/);
    const id = out.split('_')[1];
    expect(err).toContain(`Key ${id} (analyst, Ann, person Ann, across tenants) created`);
    created = { id, key: out };
    const store = await openStore(db.config);
    try {
      const record = await store.getApiKey(id);
      expect(record).toMatchObject({ id, role: 'analyst', name: 'Ann', revokedAt: null });
      expect(record!.hash).not.toContain(out.trim().split('_').slice(2).join('_'));
      expect(await verify(record!.hash, out)).toBe(true);
    } finally {
      await store.close();
    }
  });

  it('keys create refuses an unknown role (exit 2)', async () => {
    const { code, err } = await runCaptured(['keys', 'create', '--role', 'root']);
    expect(code).toBe(2);
    expect(err).toContain('expected admin, analyst or client');
  });

  it('keys create --json, keys list and keys revoke', async () => {
    const made = await runCaptured(['keys', 'create', '--role', 'client', '--name', 'payments', '--json']);
    expect(made.code).toBe(0);
    const json = JSON.parse(made.out) as { id: string; role: string; key: string };
    expect(json).toMatchObject({ role: 'client', key: expect.stringMatching(`^emb_${json.id}_`) });

    const listed = await runCaptured(['keys', 'list']);
    expect(listed.code).toBe(0);
    expect(listed.out).toContain(created.id);
    expect(listed.out).toContain(json.id);
    // Never the secret part.
    expect(listed.out).not.toContain(created.key.split('_').slice(2).join('_'));

    const revoked = await runCaptured(['keys', 'revoke', json.id]);
    expect(revoked.code).toBe(0);
    const store = await openStore(db.config);
    try {
      expect((await store.getApiKey(json.id))?.revokedAt).toEqual(expect.any(String));
      expect((await store.getApiKey(created.id))?.revokedAt).toBeNull();
    } finally {
      await store.close();
    }
    const unknown = await runCaptured(['keys', 'revoke', 'ffffffffffffffff']);
    expect(unknown.code).not.toBe(0);
  });

  it('audit verify says OK with the row count while the trail is intact', async () => {
    const { code, out } = await runCaptured(['audit', 'verify']);
    expect(code).toBe(0);
    // key.create ×2 and key.revoke ×1 so far.
    expect(out).toBe('OK: 3 audit rows, chain intact.');
    const json = await runCaptured(['audit', 'verify', '--json']);
    expect(JSON.parse(json.out)).toEqual({ ok: true, rows: 3 });
  });

  it('audit verify names the first row edited in the database and exits 1', async () => {
    await db.raw(`update audit_events set actor = 'someone-else' where seq = 2`);
    const { code, out } = await runCaptured(['audit', 'verify']);
    expect(code).toBe(1);
    expect(out).toMatch(/^BROKEN at row 2 \(after 1 good rows\): /);
    const json = JSON.parse((await runCaptured(['audit', 'verify', '--json'])).out);
    expect(json).toMatchObject({ ok: false, firstBad: { seq: 2 } });
  });

  it('keys create --person ties a key to a person; keys list shows it', async () => {
    const made = await runCaptured(['keys', 'create', '--role', 'analyst', '--name', 'Ann laptop', '--person', 'ann', '--json']);
    expect(made.code).toBe(0);
    expect(JSON.parse(made.out)).toMatchObject({ role: 'analyst', person: 'ann' });
    const listed = await runCaptured(['keys', 'list']);
    expect(listed.out).toMatch(/Ann laptop\s+ann\s/);
    const blank = await runCaptured(['keys', 'create', '--role', 'analyst', '--person', ' ']);
    expect(blank.code).toBe(2);
    expect(blank.err).toContain('person');
  });

  describe('checkpoints', () => {
    let dir: string;
    let checkpoint: string;
    beforeAll(async () => {
      dir = mkdtempSync(join(tmpdir(), 'embargo-checkpoints-'));
      // A fresh trail of six rows (the tests above edited this database's trail on purpose).
      await db.raw(`delete from audit_events`);
      await db.raw(`update audit_head set seq = 0, hash = '', signature = null where id = 1`);
      await db.raw(`delete from api_keys`);
      for (let i = 0; i < 6; i++) expect((await runCaptured(['keys', 'create', '--role', 'client', '--name', `c${i}`])).code).toBe(0);
      checkpoint = join(dir, 'checkpoint.json');
      const made = await runCaptured(['audit', 'checkpoint', checkpoint]);
      expect(made.code, made.err).toBe(0);
      expect(made.err).toContain(`Checkpoint of row 6 (6 rows`);
    });
    afterAll(() => rmSync(dir, { recursive: true, force: true }));

    it('writes head, row count, time and signature, and will not overwrite a file', async () => {
      const written = JSON.parse(readFileSync(checkpoint, 'utf8'));
      expect(written).toMatchObject({
        format: 'embargo-audit-checkpoint/1',
        seq: 6,
        rows: 6,
        at: expect.any(String),
        signature: expect.any(String),
      });
      const again = await runCaptured(['audit', 'checkpoint', checkpoint]);
      expect(again.code).toBe(2);
      expect(again.err).toContain(checkpoint);
    });

    it('verify --checkpoint says OK while the trail holds the checkpoint, and refuses a malformed checkpoint naming the field', async () => {
      const ok = await runCaptured(['audit', 'verify', '--checkpoint', checkpoint]);
      expect(ok.code, ok.out).toBe(0);
      expect(ok.out).toContain('Checkpoint OK');
      const broken = join(dir, 'broken.json');
      writeFileSync(broken, JSON.stringify({ ...JSON.parse(readFileSync(checkpoint, 'utf8')), seq: 'six' }));
      const refused = await runCaptured(['audit', 'verify', '--checkpoint', broken]);
      expect(refused.code).toBe(2);
      expect(refused.err).toContain(`${broken} is not a valid checkpoint: seq`);
    });

    it.each([
      {
        why: 'a deleted tail with the head moved back',
        tamper: [
          `delete from audit_events where seq >= 5`,
          `update audit_head set seq = 4, hash = (select hash from audit_events where seq = 4) where id = 1`,
        ],
        says: [
          /^BROKEN at row 5 /,
          /Checkpoint FAILED: the trail holds 4 rows, but the checkpoint of .* vouches for 6: rows 5–6 are missing/,
        ],
      },
      {
        why: 'an emptied table with its head reset',
        tamper: [`delete from audit_events`, `update audit_head set seq = 0, hash = '', signature = null where id = 1`],
        says: [/^BROKEN: api_keys /, /Checkpoint FAILED: the trail is empty, but the checkpoint of .* vouches for 6: rows 1–6 are missing/],
      },
      {
        why: 'a chain rewritten from row 3 with recomputed hashes',
        tamper: 'rewrite',
        says: [/^BROKEN at row 3 .*signature does not match/, /Checkpoint FAILED: row 6 is not the row the checkpoint .* recorded/],
      },
    ])('verify exits 1 on $why, naming the first bad row or the missing rows', async ({ tamper, says }) => {
      const rows = await listRows();
      try {
        if (tamper === 'rewrite') {
          let prev = rows[1].hash;
          for (const row of rows.slice(2)) {
            const forged = [row.seq, row.at, row.kind, 'intruder', row.subject, row.details, prev];
            prev = createHash('sha256').update(JSON.stringify(forged)).digest('hex');
            await db.raw(`update audit_events set actor = 'intruder', prev_hash = '${forged[6]}', hash = '${prev}' where seq = ${row.seq}`);
          }
          await db.raw(`update audit_head set hash = '${prev}' where id = 1`);
        } else for (const statement of tamper) await db.raw(statement);
        const { code, out } = await runCaptured(['audit', 'verify', '--checkpoint', checkpoint]);
        expect(code).toBe(1);
        for (const pattern of says) expect(out).toMatch(new RegExp(pattern.source, 'm'));
      } finally {
        await restoreRows(rows);
      }
    });
  });

  it('prints help with examples for serve, keys and audit', async () => {
    for (const args of [
      ['serve', '--help'],
      ['keys', '--help'],
      ['keys', 'create', '--help'],
      ['audit', 'verify', '--help'],
    ]) {
      const { code, out } = await runCaptured(args);
      expect(code).toBe(0);
      expect(out).toContain('Example');
    }
  });
  it('keys create: a client key is a tenant of its own, or joins an existing one with --tenant; a bad or unknown tenant is refused', async () => {
    const own = JSON.parse((await runCaptured(['keys', 'create', '--role', 'client', '--name', 'payments', '--json'])).out);
    expect(own).toMatchObject({ role: 'client', tenant: own.id });
    const joined = await runCaptured(['keys', 'create', '--role', 'client', '--name', 'cards', '--tenant', own.id, '--json']);
    expect(JSON.parse(joined.out)).toMatchObject({ role: 'client', tenant: own.id });
    const confined = await runCaptured(['keys', 'create', '--role', 'analyst', '--name', 'Bo', '--tenant', own.id]);
    expect(confined.err).toContain(`(analyst, Bo, person Bo, tenant ${own.id}) created`);
    const bad = await runCaptured(['keys', 'create', '--role', 'client', '--tenant', 'Bank A']);
    expect(bad.code).toBe(2);
    expect(bad.err).toContain('tenant: "Bank A" is not a tenant name');
    // A mistyped tenant would start an empty one of its own: refused.
    const unknown = await runCaptured(['keys', 'create', '--role', 'client', '--tenant', 'bank-a']);
    expect(unknown.code).toBe(2);
    expect(unknown.err).toContain('tenant: there is no tenant "bank-a"');
    const listed = await runCaptured(['keys', 'list']);
    expect(listed.out).toMatch(new RegExp(`Bo\\s+Bo\\s+${own.id}`));
  });
});
