import { createHash } from 'node:crypto';
import type { RedisClient } from './redis-client.js';

function isNoScript(error: unknown): boolean {
  return error instanceof Error && error.message.startsWith('NOSCRIPT');
}

/**
 * A Lua script run by its SHA1 (`EVALSHA`); on `NOSCRIPT` (a restarted server, a failover, a node seeing
 * it for the first time) it is sent once by source with `EVAL`, which also caches it on that node.
 */
export class Script {
  readonly sha: string;

  constructor(readonly source: string) {
    this.sha = createHash('sha1').update(source).digest('hex');
  }

  run(client: RedisClient, keys: readonly string[], args: readonly string[]): Promise<unknown> {
    return client.evalSha(this.sha, keys, args).catch((error: unknown) => {
      if (!isNoScript(error)) throw error;
      return client.eval(this.source, keys, args);
    });
  }
}
