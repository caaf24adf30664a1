import { type FSWatcher, watch } from 'node:fs';
import path from 'node:path';
import type { CliArgs } from './parse-args.js';
import type { Output } from './print-report.js';
import { printGenerateReport } from './print-report.js';
import { ConfigError } from '../config/config-error.js';
import { loadConfig } from '../config/load-config.js';
import type { ResolvedConfig } from '../config/resolve-config.js';
import { generate } from '../generate/generate.js';

/**
 * `anysync generate --watch`: generates once, then again whenever a file under a rule's source
 * directory, a file rule's source, or the config changes, debounced so that a burst of saves runs one pass. Runs until
 * `stopWatching` resolves; returns the status of the last pass.
 */
export async function watchProject(
  initial: ResolvedConfig,
  args: CliArgs,
  io: { stdout: Output; stderr: Output; stopWatching?: Promise<void> },
): Promise<number> {
  let config = initial;
  let status = 0;
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<void> = Promise.resolve();
  const watchers: FSWatcher[] = [];
  const pass = async (reloadConfig: boolean) => {
    try {
      if (reloadConfig && args.from === undefined) config = await loadConfig(config.root, args.config);
      const report = await generate(config, { force: args.force, verify: args.verify ?? false });
      printGenerateReport(report, config.root, io.stdout, io.stderr, args.quiet);
      status = report.failed === 0 ? 0 : 1;
    } catch (error) {
      if (!(error instanceof ConfigError)) throw error;
      io.stderr.write(`anysync: ${error.message}\n`);
      status = 2;
    }
  };
  const schedule = (reloadConfig: boolean) => {
    clearTimeout(timer);
    timer = setTimeout(() => {
      running = running.then(() => pass(reloadConfig));
    }, 50);
  };
  await pass(false);
  for (const rule of config.rules) {
    if (rule.kind === 'file') {
      // The directory, not the file: editors that save by renaming a new file over it end a file watch.
      const name = path.basename(rule.from);
      watchers.push(
        watch(path.dirname(rule.from), (_event, file) => file?.toString() === name && schedule(false)),
      );
    } else watchers.push(watch(rule.from, { recursive: true }, () => schedule(false)));
  }
  watchers.push(
    watch(config.root, (_event, file) => file?.toString().startsWith('anysync.config') && schedule(true)),
  );
  io.stdout.write('anysync: watching for changes (Ctrl+C to stop)\n');
  await (io.stopWatching ?? new Promise<void>(() => {}));
  clearTimeout(timer);
  for (const watcher of watchers) watcher.close();
  await running;
  return status;
}
