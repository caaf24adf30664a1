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
  args(request: RateLimitRequest, reportTime: boolean): string[];
  decision(reply: unknown, request: RateLimitRequest): RateLimitDecision;
}
