import type { RateLimitDecision } from 'anysync/rate-limit';
import { unexpectedReply } from './unexpected-reply.js';

/**
 * A run of the scripts that read `TIME` replies admitted, remaining, resetMs and retryAfterMs for each
 * request, then now, all in thousandths; each request's own reply is its four and now.
 */
export function splitListReply(reply: unknown, count: number): unknown[] {
  if (!Array.isArray(reply) || reply.length !== 4 * count + 1) throw unexpectedReply(reply);
  const now: unknown = reply[4 * count];
  const replies: unknown[] = [];
  for (let i = 0; i < count; i++) replies.push([...reply.slice(4 * i, 4 * i + 4), now]);
  return replies;
}

/** One request's reply of the scripts that read `TIME`: admitted, remaining, resetMs, retryAfterMs, now, in thousandths. */
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
