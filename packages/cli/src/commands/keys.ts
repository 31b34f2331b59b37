/**
 * @module commands/keys
 * `embargo keys create|list|revoke`: API keys for the server. A new key is printed once; the database
 * keeps only its argon2 hash.
 */
import { Command, InvalidArgumentError } from 'commander';
import { createApiKey, isRole } from '@embargo/server';
import { withStore } from '../config.js';
import { table, type Io } from '../output.js';

export function keysCommand(io: Io): Command {
  const keys = new Command('keys')
    .description('Create, list and revoke API keys (EMBARGO_DATABASE_URL / EMBARGO_SQLITE_PATH)')
    .addHelpText(
      'after',
      '\nExamples:\n  $ embargo keys create --role admin --name ops\n  $ embargo keys list\n  $ embargo keys revoke <id>',
    );
  keys
    .command('create')
    .description('Create an API key and print it (shown only this once)')
    .requiredOption('--role <role>', 'admin, analyst or client', (value: string) => {
      if (!isRole(value)) throw new InvalidArgumentError('expected admin, analyst or client');
      return value;
    })
    .option('--name <name>', 'who or what uses the key', 'unnamed')
    .option(
      '--person <person>',
      'the person the key belongs to, for four eyes (give a web-app username to tie the key to that user); default: the name',
    )
    .option(
      '--tenant <name>',
      'the tenant whose data the key reads and writes: a client key joins this existing tenant instead of being one of its own; ' +
        'an analyst or admin key is confined to it instead of working across tenants',
    )
    .option('--json', 'print JSON {"id","role","person","tenant","key"}')
    .addHelpText(
      'after',
      `
Examples:
  $ embargo keys create --role analyst --name "Ann Lee laptop" --person ann
  $ KEY=$(embargo keys create --role client --name payments)   the key alone is printed on stdout
  $ embargo keys create --role client --name cards --tenant 3f9c0a7b12d4e5f6
                                     a second system sharing the payments key's customer numbering
  $ embargo keys create --role analyst --name "Ann Lee" --tenant 3f9c0a7b12d4e5f6
                                     sees and decides that tenant's alerts only (an existing tenant)`,
    )
    .action(async (opts: { role: 'admin' | 'analyst' | 'client'; name: string; person?: string; tenant?: string; json?: boolean }) => {
      const { key, record } = await withStore((store) =>
        createApiKey(store, { role: opts.role, name: opts.name, person: opts.person, tenant: opts.tenant }, new Date(), 'cli'),
      );
      if (opts.json) return io.out(JSON.stringify({ id: record.id, role: record.role, person: record.person, tenant: record.tenant, key }));
      io.out(key);
      const where = record.tenant === null ? 'across tenants' : `tenant ${record.tenant}`;
      io.err(
        `Key ${record.id} (${record.role}, ${record.name}, person ${record.person}, ${where}) created. Store it now: it cannot be shown again.`,
      );
    });
  keys
    .command('list')
    .description('List API keys (ids, roles, names; never the keys)')
    .addHelpText('after', '\nExample:\n  $ embargo keys list')
    .action(async () => {
      const rows = await withStore((store) => store.listApiKeys());
      io.out(
        table(
          rows.map((k) => [k.id, k.role, k.name, k.person, k.tenant ?? '(all)', k.createdAt, k.revokedAt ?? '']),
          ['id', 'role', 'name', 'person', 'tenant', 'created', 'revoked'],
        ),
      );
    });
  keys
    .command('revoke')
    .description('Revoke an API key by id (servers stop accepting it within 30 seconds)')
    .argument('<id>', 'the key id (the part after emb_)')
    .addHelpText('after', '\nExample:\n  $ embargo keys revoke 3f9c0a7b12d4e5f6')
    .action(async (id: string) => {
      await withStore((store) => store.revokeApiKey(id, new Date().toISOString(), 'cli'));
      io.err(`Key ${id} revoked.`);
    });
  return keys;
}
