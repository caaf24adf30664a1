import type { RateLimitDecision } from 'anysync/rate-limit';
import { unexpectedReply } from './unexpected-reply.js';

/** The reply of the scripts that read `TIME`: admitted, remaining, resetMs, retryAfterMs, now, in thousandths. */
export function listDecision(reply: unknown): RateLimitDecision {
  if (!Array.isArray(reply) || reply.length !== 5) throw unexpectedReply(reply);
  const [admitted, remaining, resetMs, retryAfterMs, at] = reply as unknown[];
  return {
    admitted: Number(admitted) === 1,
    remaining: Number(remaining) / 1000,
    resetMs: Number(resetMs) / 1000,
    retryAfterMs: Number(retryAfterMs) / 1000,
    at: Number(at) / 1000,
  };
}
