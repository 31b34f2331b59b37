import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { openStore } from './open-store.js';
import { kimJongUn, publicationOf } from './sample-publications.js';
import Database from 'better-sqlite3';
import { serviceSuite } from './service.suite.js';
import { storeSuite } from './store.suite.js';

const dir = mkdtempSync(join(tmpdir(), 'embargo-store-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

// A regular file where the database's folder should be: the folder cannot be created.
const blocker = join(dir, 'not-a-folder');
writeFileSync(blocker, 'x');

/** Plain better-sqlite3 in a child process: take the write lock, say so, keep it 300 ms, commit. */
const HOLD_WRITE_LOCK = `
  const db = new (require('better-sqlite3'))(process.argv[1]);
  db.exec('begin immediate; create table other_writer (x integer)');
  process.stdout.write('locked\\n');
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 300);
  db.exec('commit');
`;

/**
 * Another process appending one audit row the way the store does (as the CLI would while the server
 * runs): take the write lock, say so, hold it 300 ms, then chain a row to the head and commit. The hash
 * is computed as `auditHash` does and the row and head signed as `audit-key.ts` does, with the key file
 * beside the database, so the store's verification accepts the row.
 */
const APPEND_AUDIT_ROW = `
  const { createHash, createHmac } = require('node:crypto');
  const secret = Buffer.from(require('node:fs').readFileSync(process.argv[1] + '.audit-key', 'utf8').trim(), 'hex');
  const mac = (text) => createHmac('sha256', secret).update(text).digest('hex');
  const db = new (require('better-sqlite3'))(process.argv[1]);
  db.exec('begin immediate');
  process.stdout.write('locked\\n');
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 300);
  const head = db.prepare('select seq, hash from audit_head where id = 1').get();
  const row = [head.seq + 1, '2026-11-28T10:00:00.000Z', 'list.load', 'cli', 'from-cli', '{}', head.hash];
  const hash = createHash('sha256').update(JSON.stringify(row)).digest('hex');
  db.prepare('insert into audit_events (seq, at, kind, actor, subject, details, prev_hash, hash, signature) values (?, ?, ?, ?, ?, ?, ?, ?, ?)')
    .run(...row, hash, mac('embargo-audit-row\\n' + hash));
  db.prepare('update audit_head set seq = ?, hash = ?, signature = ? where id = 1').run(row[0], hash, mac('embargo-audit-head\\n' + row[0] + '\\n' + hash));
  db.exec('commit');
`;

let n = 0;
storeSuite('sqlite', {
  // Files rather than ':memory:' so the migration test can open the same database twice.
  newStoreConfig: async () => ({ sqlitePath: join(dir, `db-${++n}`, 'embargo.db') }),
  unreachableConfig: { sqlitePath: join(blocker, 'embargo.db') },
  skip: {
    // better-sqlite3 is synchronous: a second connection in the same thread waiting for the first one's
    // lock blocks the thread the first one needs to finish. Separate processes (CLI + server) are fine.
    concurrentOpen: 'two SQLite connections in one thread deadlock on the write lock',
  },
});

serviceSuite('sqlite', {
  newStoreConfig: async () => ({ sqlitePath: join(dir, `db-${++n}`, 'embargo.db') }),
  rawSql: async (config, statement) => {
    const db = new Database(config.sqlitePath!);
    try {
      db.exec(statement);
    } finally {
      db.close();
    }
  },
  // better-sqlite3 is synchronous: two connections in one thread would wait on each other's lock.
  concurrentWriters: false,
});

describe('sqlite store', () => {
  it('creates the folder of the database file', async () => {
    const path = join(dir, 'nested', 'deeper', 'embargo.db');
    const store = await openStore({ sqlitePath: path });
    await store.close();
    expect(existsSync(path)).toBe(true);
  });

  it('works in memory', async () => {
    const store = await openStore({ sqlitePath: ':memory:' });
    try {
      const saved = await store.savePublication(publicationOf('ofac-sdn', null, [kimJongUn()]), { loadedAt: new Date(0) });
      expect(await store.loadEntities(saved.id)).toEqual([kimJongUn()]);
    } finally {
      await store.close();
    }
  });

  it('waits for another process that is writing instead of failing', async () => {
    const path = join(dir, 'shared', 'embargo.db');
    await (await openStore({ sqlitePath: path })).close();
    // Another process holds the write lock for a moment, as `embargo update` would while the server starts.
    const writer = spawn(process.execPath, ['-e', HOLD_WRITE_LOCK, path], { cwd: import.meta.dirname });
    await new Promise<void>((ready, fail) => {
      writer.stdout.once('data', () => ready());
      writer.once('error', fail);
    });
    const store = await openStore({ sqlitePath: path });
    try {
      const saved = await store.savePublication(publicationOf('ofac-sdn', null, [kimJongUn()]), { loadedAt: new Date(0) });
      expect(saved.current).toBe(true);
    } finally {
      await store.close();
      await new Promise((exited) => writer.once('exit', exited));
    }
    expect(writer.exitCode).toBe(0);
  });

  it('chains its audit rows after those another process appended while it waited', async () => {
    const path = join(dir, 'audit-shared', 'embargo.db');
    const store = await openStore({ sqlitePath: path });
    try {
      await store.appendAudit({ kind: 'list.load', actor: null, subject: 'before', details: {} });
      const writer = spawn(process.execPath, ['-e', APPEND_AUDIT_ROW, path], { cwd: import.meta.dirname });
      await new Promise<void>((ready, fail) => {
        writer.stdout.once('data', () => ready());
        writer.once('error', fail);
      });
      // The other process holds the lock and has not read the head yet: this append must wait for its
      // commit and then chain to its row, not to the head it would have read before.
      await store.appendAudit({ kind: 'screening', actor: null, subject: 'after', details: {} });
      await new Promise((exited) => writer.once('exit', exited));
      expect(writer.exitCode).toBe(0);
      expect((await store.listAudit()).map((r) => [r.seq, r.subject])).toEqual([
        [1, 'before'],
        [2, 'from-cli'],
        [3, 'after'],
      ]);
      expect(await store.verifyAudit()).toEqual({ ok: true, rows: 3 });
    } finally {
      await store.close();
    }
  });

  it('reports a file that is not a database as STORE_UNAVAILABLE', async () => {
    const notDb = join(dir, 'notes.txt');
    writeFileSync(notDb, 'this is not a SQLite database, just some text long enough to have a header');
    await expect(openStore({ sqlitePath: notDb })).rejects.toMatchObject({ code: 'STORE_UNAVAILABLE' });
  });
});
