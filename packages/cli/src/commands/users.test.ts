/**
 * `embargo users create|list` as a child process (the password comes in on stdin): the user is stored
 * with an argon2 hash, a short password or a taken name is refused with a message and its exit code, and
 * without --password-stdin and without a terminal it says how to pipe the password. Needs the CLI built.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { verify } from '@node-rs/argon2';
import { afterAll, describe, expect, it } from 'vitest';
import { openStore } from '@embargo/store';

const BIN = fileURLToPath(new URL('../../bin/embargo.js', import.meta.url));

function embargo(args: string[], env: NodeJS.ProcessEnv, stdin: string | null): Promise<{ code: number | null; out: string; err: string }> {
  const child = spawn(process.execPath, [BIN, ...args], { env: { PATH: process.env.PATH, ...env } });
  let out = '';
  let err = '';
  child.stdout.on('data', (c: Buffer) => (out += String(c)));
  child.stderr.on('data', (c: Buffer) => (err += String(c)));
  if (stdin === null) child.stdin.end();
  else child.stdin.end(stdin);
  return new Promise((resolve) => child.on('close', (code) => resolve({ code, out: out.trim(), err })));
}

describe('embargo users', () => {
  const dir = mkdtempSync(join(tmpdir(), 'embargo-cli-users-'));
  const sqlitePath = join(dir, 'embargo.db');
  const env = { EMBARGO_SQLITE_PATH: sqlitePath };
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('creates a user from a password on stdin, lists it, and refuses short passwords and taken names', async () => {
    const made = await embargo(
      ['users', 'create', '--username', 'admin', '--role', 'admin', '--password-stdin'],
      env,
      'a long admin password\n',
    );
    expect(made.code, made.err).toBe(0);
    expect(made.err).toContain('User admin (admin, across tenants) created');
    const store = await openStore({ sqlitePath });
    try {
      const user = await store.getUser('admin');
      expect(user?.role).toBe('admin');
      expect(await verify(user!.passwordHash, 'a long admin password')).toBe(true);
    } finally {
      await store.close();
    }
    const listed = await embargo(['users', 'list'], env, null);
    expect(listed.out).toMatch(/admin\s+admin\s+\(all\)\s+\d{4}-/);

    const short = await embargo(['users', 'create', '--username', 'ann', '--password-stdin'], env, 'short\n');
    expect(short.code).toBe(2); // invalid input
    expect(short.err).toContain('at least 10 characters');
    const taken = await embargo(['users', 'create', '--username', 'admin', '--password-stdin'], env, 'another long password\n');
    expect(taken.code).toBe(6); // conflict with what is stored
    expect(taken.err).toContain('already a user called admin');
  });

  it('creates a user confined to an existing tenant with --tenant, and refuses a bad or unknown tenant', async () => {
    const made = await embargo(
      ['users', 'create', '--username', 'bo', '--tenant', 'default', '--password-stdin'],
      env,
      'a long bo password\n',
    );
    expect(made.code, made.err).toBe(0);
    expect(made.err).toContain('User bo (analyst, tenant default) created');
    expect((await embargo(['users', 'list'], env, null)).out).toMatch(/bo\s+analyst\s+default\s+\d{4}-/);
    const unknown = await embargo(
      ['users', 'create', '--username', 'cy', '--tenant', 'bank-z', '--password-stdin'],
      env,
      'a long cy password\n',
    );
    expect(unknown.code).toBe(2);
    expect(unknown.err).toContain('there is no tenant "bank-z"');
    const bad = await embargo(['users', 'create', '--username', 'cy', '--tenant', '-x', '--password-stdin'], env, 'a long cy password\n');
    expect(bad.code).toBe(2);
    expect(bad.err).toContain('tenant: "-x" is not a tenant name');
  });

  it('asks for --password-stdin when there is no terminal to prompt on', async () => {
    const res = await embargo(['users', 'create', '--username', 'bob'], env, null);
    expect(res.code).toBe(2);
    expect(res.err).toContain('--password-stdin');
  });
});
