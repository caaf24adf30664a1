import type { RateLimitDecision, RateLimitRequest } from 'anysync/rate-limit';
import type { Script } from '../script.js';

/**
 * How `RedisRateLimitStore` runs one algorithm: its script, the keys of a limit (under the limit's hash
 * tag), the script's arguments for a request, and how a reply becomes a decision. Each algorithm replies
 * in the cheapest form it can (Redis answers a single integer faster than a list).
 */
export interface LimitScript {
  readonly script: Script;
  /** The algorithm's part of the hash tag, so that algorithms of one name never share keys. */
  readonly kind: string;
  keys(tag: string): string[];
  /** The script's arguments but the last, which says how many such requests one run decides. */
  args(request: RateLimitRequest, reportTime: boolean): string[];
  /** One run's reply for `count` requests, as the reply of each, in the shape `decision` takes. */
  split(reply: unknown, count: number): unknown[];
  decision(reply: unknown, request: RateLimitRequest): RateLimitDecision;
}
