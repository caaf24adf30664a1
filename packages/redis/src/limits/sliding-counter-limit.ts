import { SLIDING_COUNTER } from '../lua/sliding-counter.js';
import { Script } from '../script.js';
import type { LimitScript } from './limit-script.js';
import { listDecision, splitListReply } from './list-reply.js';

/** The approximate sliding window on Redis: one hash of two fixed windows, on the server's `TIME`. */
export const slidingCounterLimit: LimitScript = {
  script: new Script(SLIDING_COUNTER),
  kind: 'rate-counter',
  keys: (tag) => [tag],
  args: ({ limit, interval, weight, peek }) => [
    String(limit),
    String(interval),
    String(weight),
    peek === true ? '1' : '0',
  ],
  split: splitListReply,
  decision: listDecision,
};
