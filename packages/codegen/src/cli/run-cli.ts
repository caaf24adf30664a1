import { readFileSync } from 'node:fs';
import path from 'node:path';
import { ConfigError } from '../config/config-error.js';
import { loadConfig } from '../config/load-config.js';
import { type ResolvedConfig, resolveConfig } from '../config/resolve-config.js';
import { check } from '../generate/check.js';
import { generate } from '../generate/generate.js';
import { watchProject } from './watch-project.js';
import { type CliArgs, parseArgs } from './parse-args.js';
import { type Output, printCheckReport, printGenerateReport } from './print-report.js';
import { USAGE } from './usage.js';

/** Where the CLI runs and writes. */
export interface CliIo {
  readonly cwd: string;
  readonly stdout: Output;
  readonly stderr: Output;
  /** Resolves when watch mode should stop (the bin wires it to SIGINT). */
  readonly stopWatching?: Promise<void>;
}

/**
 * Runs the `anysync` command line and returns its exit status: 0 success, 1 errors or check failures,
 * 2 bad usage or configuration.
 */
export async function runCli(argv: readonly string[], io: CliIo): Promise<number> {
  let args: CliArgs;
  try {
    args = parseArgs(argv);
  } catch (error) {
    io.stderr.write(`anysync: ${(error as Error).message}\n\n${USAGE}\n`);
    return 2;
  }
  if (args.command === 'help') {
    io.stdout.write(`${USAGE}\n`);
    return 0;
  }
  if (args.command === 'version') {
    io.stdout.write(`${version()}\n`);
    return 0;
  }
  try {
    const config = await configFor(args, io.cwd);
    if (args.command === 'check') {
      const report = await check(config, args.verify === undefined ? {} : { verify: args.verify });
      printCheckReport(report, config.root, io.stdout, io.stderr);
      return report.ok && report.diagnostics.every((d) => d.severity !== 'error') ? 0 : 1;
    }
    if (args.watch) return await watchProject(config, args, io);
    const report = await generate(config, { force: args.force, verify: args.verify ?? false });
    printGenerateReport(report, config.root, io.stdout, io.stderr, args.quiet);
    return report.failed === 0 ? 0 : 1;
  } catch (error) {
    if (error instanceof ConfigError) {
      io.stderr.write(`anysync: ${error.message}\n`);
      return 2;
    }
    throw error;
  }
}

async function configFor(args: CliArgs, cwd: string): Promise<ResolvedConfig> {
  if (args.from !== undefined && args.to !== undefined) {
    return resolveConfig({ rules: [{ from: args.from, to: args.to }] }, cwd, 'command line');
  }
  return loadConfig(cwd, args.config);
}

function version(): string {
  const manifest = path.join(path.dirname(new URL(import.meta.url).pathname), '..', '..', 'package.json');
  return (JSON.parse(readFileSync(manifest, 'utf8')) as { version: string }).version;
}
