import type { RateLimitDecision, RateLimitRequest } from 'anysync/rate-limit';
import { GCRA } from '../lua/gcra.js';
import { Script } from '../script.js';
import { unexpectedReply } from './unexpected-reply.js';
import type { LimitScript } from './limit-script.js';

/**
 * GCRA on Redis: one key, the server's clock read through its TTL. The reply is how far the bucket stands
 * ahead of now, in ns (negative when refused); the rest of the decision follows from the request, with the
 * same arithmetic as the in-memory `GcraState`.
 */
export const gcraLimit: LimitScript = {
  script: new Script(GCRA),
  kind: 'rate-gcra',
  keys: (tag) => [tag],
  args: ({ limit, interval, weight, peek }, reportTime) => [
    String(weight * (interval / limit)),
    String(interval),
    peek === true ? '1' : '0',
    reportTime ? '1' : '0',
  ],
  split(reply: unknown, count: number): unknown[] {
    // One request without the time: a bare integer, the cheapest reply Redis sends.
    if (!Array.isArray(reply)) {
      if (count === 1) return [reply];
      throw unexpectedReply(reply);
    }
    if (reply.length === count) return reply;
    if (reply.length !== count + 1) throw unexpectedReply(reply);
    const at: unknown = reply[count];
    return reply.slice(0, count).map((code: unknown) => [code, at]);
  },
  decision(reply: unknown, { limit, interval, weight }: RateLimitRequest): RateLimitDecision {
    const [code, at] = Array.isArray(reply) ? reply : [reply, undefined];
    if (typeof code !== 'number') throw unexpectedReply(reply);
    const admitted = code >= 0;
    const standing = (admitted ? code : -1 - code) / 1e6;
    const emission = interval / limit;
    return {
      admitted,
      remaining: Math.max(0, (interval - standing) / emission),
      resetMs: standing,
      retryAfterMs: admitted ? 0 : Math.max(0, standing + weight * emission - interval),
      at: at === undefined ? undefined : Number(at),
    };
  },
};
