#!/usr/bin/env node
// The CLI's entry (bundled to dist/cli.js, the package's `bin`). No logic here: see cli.ts.
import { runCli } from './cli.ts';
import { processIo } from './io.ts';

process.exitCode = await runCli(process.argv.slice(2), processIo());
