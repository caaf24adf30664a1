import { type ChildProcess, execFile, execFileSync, spawn } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** Debian's redis-server (`.ci/run` installs it); the tests start their own on loopback ports. */
function find(binary: string): string | undefined {
  for (const dir of (process.env.PATH ?? '').split(':').concat(['/usr/bin', '/usr/sbin'])) {
    const path = join(dir, binary);
    if (dir !== '' && existsSync(path)) return path;
  }
  return undefined;
}

export const REDIS_SERVER = find('redis-server');
export const REDIS_CLI = find('redis-cli');
/** Why the Redis tests cannot run here, or `undefined` when they can. */
export const redisMissing =
  REDIS_SERVER === undefined || REDIS_CLI === undefined
    ? 'redis-server is not installed (apt-get install redis-server)'
    : undefined;
if (redisMissing !== undefined) console.log(`@anysync/redis tests skipped: ${redisMissing}`);

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => resolve(typeof address === 'object' && address !== null ? address.port : 0));
    });
  });
}

function ping(port: number): boolean {
  try {
    return (
      execFileSync(REDIS_CLI as string, ['-p', String(port), 'ping'], {
        encoding: 'utf8',
        timeout: 2000,
      }).trim() === 'PONG'
    );
  } catch {
    return false;
  }
}

async function waitFor(condition: () => boolean, what: string, ms = 15_000): Promise<void> {
  const until = Date.now() + ms;
  while (!condition()) {
    if (Date.now() > until) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/** A redis-server of the tests' own, on a free loopback port, without persistence. */
export class RedisServer {
  #process: ChildProcess | undefined;
  readonly #dir = mkdtempSync(join(tmpdir(), 'anysync-redis-'));

  private constructor(
    readonly port: number,
    readonly extraArgs: readonly string[],
  ) {}

  /** A server that answers; one that does not start is stopped (its process and directory gone) first. */
  static async start(extraArgs: readonly string[] = [], port?: number): Promise<RedisServer> {
    const server = new RedisServer(port ?? (await freePort()), extraArgs);
    try {
      await server.restart();
    } catch (error) {
      await server.stop();
      throw error;
    }
    return server;
  }

  get url(): string {
    return `redis://127.0.0.1:${this.port}`;
  }

  /** Starts the server (again, on the same port) and waits until it answers. */
  async restart(): Promise<void> {
    const args = ['--port', String(this.port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'];
    args.push(
      '--dir',
      this.#dir,
      '--protected-mode',
      'no',
      '--enable-debug-command',
      'local',
      ...this.extraArgs,
    );
    const child = spawn(REDIS_SERVER as string, args, { stdio: 'ignore' });
    this.#process = child;
    await waitFor(() => ping(this.port) || child.exitCode !== null, `redis-server on port ${this.port}`);
    if (child.exitCode !== null)
      throw new Error(`redis-server on port ${this.port} exited with ${child.exitCode}`);
  }

  /** Kills the server at once (SIGKILL: no goodbye to the clients) and waits until it is gone. */
  async kill(): Promise<void> {
    const child = this.#process;
    this.#process = undefined;
    if (child === undefined || child.exitCode !== null) return;
    const exited = new Promise((resolve) => child.once('exit', resolve));
    child.kill('SIGKILL');
    await exited;
  }

  /** `redis-cli` against this server, returning its output. */
  cli(...args: string[]): string {
    return execFileSync(REDIS_CLI as string, ['-p', String(this.port), ...args], {
      encoding: 'utf8',
      timeout: 5000,
    });
  }

  /** `redis-cli` against this server without blocking this process (for commands that take a while). */
  cliAsync(...args: string[]): Promise<string> {
    return new Promise((resolve, reject) => {
      execFile(
        REDIS_CLI as string,
        ['-p', String(this.port), ...args],
        { encoding: 'utf8', timeout: 10_000 },
        (error, stdout) => (error ? reject(error) : resolve(stdout)),
      );
    });
  }

  async stop(): Promise<void> {
    await this.kill();
    rmSync(this.#dir, { recursive: true, force: true });
  }
}

/** A 3-node Redis Cluster (masters only) of the tests' own. */
export class RedisClusterServers {
  private constructor(readonly nodes: readonly RedisServer[]) {}

  /** A cluster whose nodes agree; when that fails, the nodes started so far are stopped first. */
  static async start(): Promise<RedisClusterServers> {
    const nodes: RedisServer[] = [];
    try {
      for (let i = 0; i < 3; i++) {
        nodes.push(
          await RedisServer.start([
            '--cluster-enabled',
            'yes',
            '--cluster-config-file',
            `nodes-${i}.conf`,
            '--cluster-node-timeout',
            '2000',
          ]),
        );
      }
      execFileSync(
        REDIS_CLI as string,
        [
          '--cluster',
          'create',
          ...nodes.map((node) => `127.0.0.1:${node.port}`),
          '--cluster-replicas',
          '0',
          '--cluster-yes',
        ],
        { encoding: 'utf8', timeout: 30_000, stdio: 'pipe' },
      );
      for (const node of nodes) {
        await waitFor(
          () => /cluster_state:ok/.test(node.cli('cluster', 'info')),
          `cluster state ok on ${node.port}`,
        );
      }
    } catch (error) {
      for (const node of nodes) await node.stop();
      throw error;
    }
    return new RedisClusterServers(nodes);
  }

  async stop(): Promise<void> {
    for (const node of this.nodes) await node.stop();
  }
}
