/**
 * @module commands/serve
 * `embargo serve`: the HTTP API on 127.0.0.1:8080 over the stored lists (the bundled ones are loaded on
 * first start), until SIGINT or SIGTERM.
 */
import { Command, InvalidArgumentError } from 'commander';
import { EmbargoError } from '@embargo/core';
import { startServer } from '@embargo/server';
import {
  readAlertThreshold,
  readEnvironment,
  readListMaxAge,
  readListsPollSeconds,
  readListUpdateEvery,
  readMaxListShrink,
} from '../config.js';
import type { Io } from '../output.js';

function port(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 0 || n > 65535) throw new InvalidArgumentError('expected a port number from 0 to 65535');
  return n;
}

function positiveWhole(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1) throw new InvalidArgumentError('expected a whole number ≥ 1');
  return n;
}

/** A whole number ≥ 1 from the environment, or the default when unset; anything else is refused by name. */
function envWhole(name: string, fallback: number): number {
  const raw = process.env[name];
  if (raw === undefined || raw === '') return fallback;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < 1)
    throw new EmbargoError('INVALID_INPUT', `${name} must be a whole number ≥ 1, got ${JSON.stringify(raw)}`);
  return n;
}

export function serveCommand(io: Io): Command {
  return new Command('serve')
    .description('Start the screening API (loads the bundled lists into the database on first start)')
    .option('--host <host>', 'address to listen on (EMBARGO_HOST)', process.env.EMBARGO_HOST || '127.0.0.1')
    .option('--port <port>', 'port to listen on, 0 for any free one (EMBARGO_PORT)', port, Number(process.env.EMBARGO_PORT || 8080))
    .option('--data <dir>', 'list files loaded when the database has none, and by POST /v1/lists/update (EMBARGO_DATA_DIR)')
    .option(
      '--rate-limit <n>',
      'requests a minute per API key (EMBARGO_RATE_LIMIT, default 60000)',
      positiveWhole,
      Number(process.env.EMBARGO_RATE_LIMIT || 60_000),
    )
    .option(
      '--failed-key-limit <n>',
      'failed API-key verifications a minute per source address before it gets 429 (EMBARGO_FAILED_KEY_LIMIT, default 30)',
      positiveWhole,
    )
    .option('--nats <url>', 'hand batch jobs to embargo worker processes through NATS JetStream (EMBARGO_NATS_URL)')
    .option('--nats-namespace <ns>', 'prefix of the NATS subjects and streams, as given to the workers')
    .option('--quiet', 'no request log')
    .addHelpText('after', '\nEMBARGO_ALERT_THRESHOLD: the score from 0 to 1 at or above which screenings alert (default 0.81).')
    .addHelpText(
      'after',
      'EMBARGO_UPDATE_EVERY: how often to check every publisher for an update and load what changed (default 6h; 0: never).\n' +
        'EMBARGO_LIST_MAX_AGE: a list not successfully checked for longer is shown to admins, /healthz degraded (default 24h).',
    )
    .addHelpText(
      'after',
      `
Examples:
  $ embargo serve                                   http://127.0.0.1:8080, SQLite in ./var/embargo.db
  $ EMBARGO_DATABASE_URL=postgres://localhost/embargo embargo serve --port 9000
  $ embargo keys create --role client --name "payments"   then: curl -H "Authorization: Bearer <key>" …`,
    )
    .action(
      async (opts: {
        host: string;
        port: number;
        data?: string;
        rateLimit: number;
        failedKeyLimit?: number;
        quiet?: boolean;
        nats?: string;
        natsNamespace?: string;
      }) => {
        const env = readEnvironment();
        // Read before anything starts: a malformed value refuses to start, naming the variable.
        const listUpdateEveryMs = readListUpdateEvery();
        const listMaxAgeMs = readListMaxAge(process.env, listUpdateEveryMs);
        const natsUrl = opts.nats ?? (process.env.EMBARGO_NATS_URL || undefined);
        const failedKeyLimit = opts.failedKeyLimit ?? envWhole('EMBARGO_FAILED_KEY_LIMIT', 30);
        const server = await startServer({
          store: { databaseUrl: env.databaseUrl, sqlitePath: env.sqlitePath, auditKeyFile: env.auditKeyFile },
          config: {
            host: opts.host,
            port: opts.port,
            dataDir: opts.data ?? env.dataDir,
            rateLimitPerMinute: opts.rateLimit,
            failedKeyAttemptsPerMinute: failedKeyLimit,
            listsBaseUrl: process.env.EMBARGO_LISTS_BASE_URL || undefined,
            listsPollSeconds: readListsPollSeconds(),
            maxListShrink: readMaxListShrink(),
            listUpdateEveryMs,
            listMaxAgeMs,
            sessionTtlMinutes: env.sessionTtlMinutes,
            alertThreshold: readAlertThreshold(),
          },
          webRoot: env.webDir,
          adminPassword: process.env.EMBARGO_ADMIN_PASSWORD || undefined,
          onProgress: (step) => io.err(step),
          onWarning: (message) => io.err(`warning: ${message}`),
          logger: !opts.quiet,
          nats: natsUrl ? { url: natsUrl, namespace: opts.natsNamespace } : undefined,
        });
        io.err(`Embargo listening on ${server.url} (web app: ${server.url}/, API docs: ${server.url}/docs)`);
        io.err('Create a key with: embargo keys create --role client');
        io.err('Create analysts in the web app (Users) or with: embargo users create --username ann');
        // The ready line on stdout, for scripts and tests that start the server.
        io.out(`listening ${server.url}`);
        await new Promise<void>((resolve) => {
          const stop = () => {
            io.err('Stopping…');
            void server.close().then(resolve);
          };
          process.once('SIGINT', stop);
          process.once('SIGTERM', stop);
        });
      },
    );
}
