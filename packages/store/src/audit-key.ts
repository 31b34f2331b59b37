/**
 * @module audit-key
 * The key that signs the audit trail: 32 random bytes, kept in a file outside the database (hex, mode
 * 0600), created on first use. Each audit row carries HMAC-SHA256(key, its hash) and the head carries
 * HMAC-SHA256(key, its seq and hash), so someone who can write to the database but cannot read this file
 * cannot rewrite rows, recompute their hashes, or move the head back to an earlier row without
 * `verifyAudit` seeing it. Checkpoints exported for safekeeping are signed with it too.
 *
 * Where the file is (`auditKeyFile` in the store config, `EMBARGO_AUDIT_KEY_FILE` for the CLI): beside
 * a SQLite file (`embargo.db` → `embargo.db.audit-key`); `./var/embargo-audit.key` for PostgreSQL; an
 * in-memory SQLite database gets a random key of its own that lives as long as the process.
 */
import { createHmac, randomBytes, createHash } from 'node:crypto';
import { linkSync, mkdirSync, readFileSync, statSync, unlinkSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { EmbargoError } from '@embargo/core';
import type { StoreConfig } from './dialect.js';

/** The audit key file for PostgreSQL when none is configured (relative to the working directory, like `./var/embargo.db`). */
export const DEFAULT_POSTGRES_AUDIT_KEY_FILE = './var/embargo-audit.key';

const KEY_BYTES = 32;

export interface AuditKey {
  /** A short public name of the key (the first 16 hex digits of its SHA-256), to tell keys apart in messages. */
  readonly id: string;
  /** Signature of an audit row, over its hash. */
  signRow(hash: string): string;
  /** Signature of the audit head, over the seq and hash it records. */
  signHead(seq: number, hash: string): string;
  /** Signature of an exported checkpoint, over its canonical text. */
  signCheckpoint(canonical: string): string;
}

/** An audit key over raw key bytes. Each use is prefixed with what is signed, so one signature cannot stand in for another. */
export function auditKeyOf(secret: Buffer): AuditKey {
  if (secret.length !== KEY_BYTES) throw new Error(`an audit key has ${KEY_BYTES} bytes, not ${secret.length}`);
  const mac = (text: string) => createHmac('sha256', secret).update(text).digest('hex');
  return {
    id: createHash('sha256').update(secret).digest('hex').slice(0, 16),
    signRow: (hash) => mac(`embargo-audit-row\n${hash}`),
    signHead: (seq, hash) => mac(`embargo-audit-head\n${seq}\n${hash}`),
    signCheckpoint: (canonical) => mac(`embargo-audit-checkpoint\n${canonical}`),
  };
}

/** The audit key file the config names, or its default; undefined for an in-memory SQLite database. */
export function auditKeyFileFor(config: StoreConfig): string | undefined {
  if (config.auditKeyFile) return resolve(config.auditKeyFile);
  if (config.databaseUrl?.trim()) return resolve(DEFAULT_POSTGRES_AUDIT_KEY_FILE);
  const sqlitePath = config.sqlitePath ?? './var/embargo.db';
  return sqlitePath === ':memory:' ? undefined : `${resolve(sqlitePath)}.audit-key`;
}

/** The store's audit key: read from its file, made (mode 0600) if the file does not exist yet. */
export function openAuditKey(config: StoreConfig): AuditKey {
  const file = auditKeyFileFor(config);
  return file === undefined ? auditKeyOf(randomBytes(KEY_BYTES)) : readOrCreateAuditKeyFile(file);
}

/**
 * Reads the key file, or creates it when missing. Creation writes a temporary file and links it into
 * place, so two processes starting at once end up with one key and neither reads a half-written file.
 */
export function readOrCreateAuditKeyFile(file: string): AuditKey {
  try {
    return readAuditKeyFile(file);
  } catch (error) {
    if (error instanceof EmbargoError) throw error;
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT')
      throw new EmbargoError(
        'STORE_UNAVAILABLE',
        `Cannot read the audit key file ${file}: ${(error as Error).message}`,
        { file },
        { cause: error },
      );
  }
  try {
    mkdirSync(dirname(file), { recursive: true });
    const temporary = `${file}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`;
    writeFileSync(temporary, `${randomBytes(KEY_BYTES).toString('hex')}\n`, { mode: 0o600, flag: 'wx' });
    try {
      linkSync(temporary, file);
    } catch (error) {
      // Another process made it first: use theirs.
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    } finally {
      unlinkSync(temporary);
    }
  } catch (error) {
    throw new EmbargoError(
      'STORE_UNAVAILABLE',
      `Cannot create the audit key file ${file}: ${(error as Error).message}`,
      { file },
      { cause: error },
    );
  }
  try {
    return readAuditKeyFile(file);
  } catch (error) {
    if (error instanceof EmbargoError) throw error;
    throw new EmbargoError(
      'STORE_UNAVAILABLE',
      `Cannot read the audit key file ${file}: ${(error as Error).message}`,
      { file },
      { cause: error },
    );
  }
}

function readAuditKeyFile(file: string): AuditKey {
  const mode = statSync(file).mode;
  // Like ssh with its private keys: a key others can read is no secret, so say so instead of using it.
  if (process.platform !== 'win32' && (mode & 0o077) !== 0)
    throw new EmbargoError(
      'INVALID_INPUT',
      `The audit key file ${file} can be read or written by other users (mode ${(mode & 0o777).toString(8)}); run chmod 600 on it.`,
      { file },
    );
  const text = readFileSync(file, 'utf8').trim();
  if (!/^[0-9a-f]{64}$/.test(text))
    throw new EmbargoError('INVALID_INPUT', `The audit key file ${file} does not hold a key (64 hexadecimal digits on one line).`, {
      file,
    });
  return auditKeyOf(Buffer.from(text, 'hex'));
}
