/**
 * @module commands/users
 * `embargo users create|list`: accounts for the analyst web app. The first admin is made here; admins
 * then create analysts in the app. The password is read from stdin (`--password-stdin`, for scripts),
 * else asked for on the terminal without echo; never from a flag, where it would land in shell history.
 */
import { createInterface } from 'node:readline';
import { Command, InvalidArgumentError } from 'commander';
import { EmbargoError } from '@embargo/core';
import { createUser, USER_ROLES } from '@embargo/server';
import { withStore } from '../config.js';
import { table, type Io } from '../output.js';

/** The first line of stdin. */
async function readFirstLine(): Promise<string> {
  const lines = createInterface({ input: process.stdin });
  for await (const line of lines) {
    lines.close();
    return line;
  }
  return '';
}

/** Asks for the password on the terminal, twice, echoing nothing. */
async function promptPassword(io: Io): Promise<string> {
  if (!process.stdin.isTTY)
    throw new EmbargoError('INVALID_INPUT', 'No terminal to ask for the password on: pipe it in with --password-stdin.');
  const ask = (question: string) =>
    new Promise<string>((resolve) => {
      io.err(question);
      const stdin = process.stdin;
      let typed = '';
      stdin.setRawMode(true);
      stdin.resume();
      const onData = (chunk: Buffer) => {
        for (const ch of String(chunk)) {
          if (ch === '\r' || ch === '\n') {
            stdin.setRawMode(false);
            stdin.pause();
            stdin.off('data', onData);
            return resolve(typed);
          }
          if (ch === '\u0003') process.exit(130); // Ctrl-C
          typed = ch === '\u007f' ? typed.slice(0, -1) : typed + ch;
        }
      };
      stdin.on('data', onData);
    });
  const first = await ask('Password: ');
  if ((await ask('Again: ')) !== first) throw new EmbargoError('INVALID_INPUT', 'The two passwords differ.');
  return first;
}

export function usersCommand(io: Io): Command {
  const users = new Command('users')
    .description('Create and list web-app users (EMBARGO_DATABASE_URL / EMBARGO_SQLITE_PATH)')
    .addHelpText('after', '\nExamples:\n  $ embargo users create --username admin --role admin\n  $ embargo users list');
  users
    .command('create')
    .description('Create a web-app user; asks for the password (at least 10 characters)')
    .requiredOption('--username <name>', 'lower-case letters, digits, ".", "_" or "-"')
    .option(
      '--role <role>',
      'analyst or admin',
      (value: string) => {
        if (!(USER_ROLES as readonly string[]).includes(value)) throw new InvalidArgumentError('expected analyst or admin');
        return value;
      },
      'analyst',
    )
    .option('--tenant <name>', 'confine the user to this tenant (sees and decides its alerts only); across tenants when absent')
    .option('--password-stdin', 'read the password from the first line of stdin instead of asking')
    .addHelpText(
      'after',
      `
Examples:
  $ embargo users create --username admin --role admin          asks for the password twice
  $ printf '%s\\n' "$PASSWORD" | embargo users create --username ann --password-stdin
  $ embargo users create --username bob --tenant 3f9c0a7b12d4e5f6   an analyst of that tenant only`,
    )
    .action(async (opts: { username: string; role: 'admin' | 'analyst'; tenant?: string; passwordStdin?: boolean }) => {
      const password = opts.passwordStdin ? await readFirstLine() : await promptPassword(io);
      const user = await withStore((store) =>
        createUser(store, { username: opts.username, password, role: opts.role, tenant: opts.tenant }, new Date(), 'cli'),
      );
      const where = user.tenant === null ? 'across tenants' : `tenant ${user.tenant}`;
      io.err(`User ${user.username} (${user.role}, ${where}) created. Sign in at the server's address, e.g. http://127.0.0.1:8080/`);
    });
  users
    .command('list')
    .description('List web-app users (names, roles, when created)')
    .addHelpText('after', '\nExample:\n  $ embargo users list')
    .action(async () => {
      const rows = await withStore((store) => store.listUsers());
      io.out(
        table(
          rows.map((u) => [u.username, u.role, u.tenant ?? '(all)', u.createdAt, u.disabledAt ?? '']),
          ['username', 'role', 'tenant', 'created', 'disabled'],
        ),
      );
    });
  return users;
}
