#!/usr/bin/env node
import { runCli } from '../dist/cli/run-cli.js';

let stop;
const stopWatching = new Promise((resolve) => {
  stop = resolve;
});
process.once('SIGINT', () => stop());
process.once('SIGTERM', () => stop());

process.exitCode = await runCli(process.argv.slice(2), {
  cwd: process.cwd(),
  stdout: process.stdout,
  stderr: process.stderr,
  stopWatching,
});
process.removeAllListeners('SIGINT');
process.removeAllListeners('SIGTERM');
