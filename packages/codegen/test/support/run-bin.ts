import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const dist = path.join(path.dirname(fileURLToPath(import.meta.url)), '../../dist/cli/run-cli.js');

/**
 * Runs the built CLI in a child process, as the real command does. With `unprivileged`, a root user
 * drops to `nobody` once the CLI is loaded, so that permissions hold as for anyone else (root ignores
 * them); with `fileSizeBlocks`, the process may not write a file larger than that many 512-byte blocks
 * (a full disk, as far as a write is concerned).
 */
export function runBin(
  argv: readonly string[],
  cwd: string,
  options: { unprivileged?: boolean; fileSizeBlocks?: number } = {},
): { status: number | null; stdout: string; stderr: string } {
  const script = `
    const { runCli } = await import(${JSON.stringify(dist)});
    if (${options.unprivileged === true} && process.getuid?.() === 0) {
      process.setgid(65534);
      process.setuid(65534);
    }
    process.exitCode = await runCli(${JSON.stringify(argv)}, {
      cwd: process.cwd(), stdout: process.stdout, stderr: process.stderr,
    });`;
  const node = [process.execPath, '--input-type=module', '-e', script];
  const command =
    options.fileSizeBlocks === undefined
      ? node
      : ['/bin/sh', '-c', `ulimit -f ${options.fileSizeBlocks} && exec "$@"`, 'sh', ...node];
  const result = spawnSync(command[0] as string, command.slice(1), { cwd, encoding: 'utf8' });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}
