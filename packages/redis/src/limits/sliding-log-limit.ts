import { SLIDING_LOG } from '../lua/sliding-log.js';
import { Script } from '../script.js';
import type { LimitScript } from './limit-script.js';
import { listDecision, splitListReply } from './list-reply.js';

/** The exact sliding log on Redis: a log and its summary, on the server's `TIME`. */
export const slidingLogLimit: LimitScript = {
  script: new Script(SLIDING_LOG),
  kind: 'rate-log',
  keys: (tag) => [`${tag}:log`, `${tag}:sum`],
  args: ({ limit, interval, weight, peek }) => [
    String(limit),
    String(interval),
    String(weight),
    peek === true ? '1' : '0',
  ],
  split: splitListReply,
  decision: listDecision,
};
