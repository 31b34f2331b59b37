/**
 * End-to-end: every command prints its usage on --help and exits 0; unknown commands and options exit
 * non-zero with a message.
 */
import { describe, expect, it } from 'vitest';
import { runCaptured } from '../capture-io.js';

const LISTS_COMMANDS = ['inspect', 'load', 'status', 'diff', 'links', 'update'];

describe('embargo --help', () => {
  it.each(
    [
      { args: ['--help'], usage: 'Usage: embargo [options] [command]', mentions: ['screen', 'lists', 'Examples:'] },
      { args: ['lists', '--help'], usage: 'Usage: embargo lists [options] [command]', mentions: LISTS_COMMANDS },
      { args: ['screen', '--help'], usage: 'Usage: embargo screen [options] [name]', mentions: ['--input'] },
      {
        args: ['evaluate', '--help'],
        usage: 'Usage: embargo evaluate [options]',
        mentions: ['--queries', '--truth', '--budget', '--report', 'Example'],
      },
      { args: ['payments', '--help'], usage: 'Usage: embargo payments [options] [command]', mentions: ['screen'] },
      {
        args: ['payments', 'screen', '--help'],
        usage: 'Usage: embargo payments screen [options] <file...>',
        mentions: ['--json', '--countries', '--block-at', 'Exit codes', 'Examples:'],
      },
      ...LISTS_COMMANDS.map((c) => ({ args: ['lists', c, '--help'], usage: `Usage: embargo lists ${c} [options]`, mentions: ['--help'] })),
    ].map((c) => ({ ...c, command: `embargo ${c.args.join(' ')}` })),
  )('$command prints usage and exits 0', async ({ args, usage, mentions }) => {
    const { code, out, err } = await runCaptured(args);
    expect(code).toBe(0);
    expect(err).toBe('');
    expect(out.startsWith(usage)).toBe(true);
    for (const m of mentions) expect(out).toContain(m);
  });

  it('documents the options the end-to-end tests rely on', async () => {
    expect((await runCaptured(['lists', 'load', '--help'])).out).toContain('--sqlite <path>');
    expect((await runCaptured(['lists', 'inspect', '--help'])).out).toContain('--json');
    expect((await runCaptured(['lists', 'update', '--help'])).out).toMatch(
      /--base-url <url>[\s\S]*--data-dir <dir>|--data-dir <dir>[\s\S]*--base-url <url>/,
    );
  });
});

describe('embargo with a wrong command', () => {
  it.each(
    [
      { args: ['frobnicate'], message: "error: unknown command 'frobnicate'" },
      { args: ['lists', 'frobnicate'], message: "error: unknown command 'frobnicate'" },
      { args: ['lists', 'inspect', '--frobnicate'], message: "error: unknown option '--frobnicate'" },
      { args: ['lists', 'diff', 'only-one-folder'], message: "error: missing required argument 'new'" },
    ].map((c) => ({ ...c, command: `embargo ${c.args.join(' ')}` })),
  )('$command exits 2 with a message', async ({ args, message }) => {
    const { code, out, err } = await runCaptured(args);
    expect(code).toBe(2);
    expect(out).toBe('');
    expect(err).toContain(message);
  });
});
