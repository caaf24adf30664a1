/** The error for a script reply of the wrong shape (a script of another version on the server). */
export function unexpectedReply(reply: unknown): TypeError {
  return new TypeError(
    `RedisRateLimitStore.consume(): unexpected reply from Redis: ${JSON.stringify(reply)}`,
  );
}
