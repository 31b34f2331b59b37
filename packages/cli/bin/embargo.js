#!/usr/bin/env node
// The `embargo` command. The TypeScript sources are compiled by `npm install` (the root `prepare`
// script); this file only starts the compiled program.
import { existsSync } from 'node:fs';
import v8 from 'node:v8';

// Parsing lists and building the index allocate millions of short-lived objects; a larger young
// generation halves the time spent in garbage collection (measured with bench/lists.mjs).
v8.setFlagsFromString('--max-semi-space-size=64');

const main = new URL('../dist/main.js', import.meta.url);
if (!existsSync(main)) {
  console.error('embargo: the CLI is not built yet. Run `npm run build` in the repository root.');
  process.exit(1);
}
// Output piped into a command that stops reading (`embargo screen … | head`) ends the program quietly, as
// other command-line tools do, instead of with a stack trace.
process.stdout.on('error', (error) => {
  if (error.code === 'EPIPE') process.exit(0);
  throw error;
});
const { run } = await import(main.href);
process.exitCode = await run(process.argv);
