import type { OutputMessage } from '../protocol.js';
import type { ReplyPort } from './reply-port.js';

type Chunk = OutputMessage['chunks'][number];

/**
 * Captures the worker's `process.stdout`/`stderr` writes (and so its `console`) and forwards them to the
 * caller in order. A caller blocked in a call runs no event loop, so Node's own forwarding would show the
 * output only after the caller finally yields; here pending output is flushed before every reply, and the
 * caller writes it out before the call returns.
 */
export class OutputCapture {
  #chunks: Chunk[] = [];
  #scheduled = false;

  constructor(private readonly replies: ReplyPort) {}

  install(): void {
    this.#intercept(process.stdout, 1);
    this.#intercept(process.stderr, 2);
  }

  /** Sends what was captured so far, ahead of whatever the worker posts next. */
  flush(): void {
    if (this.#chunks.length === 0) return;
    const chunks = this.#chunks;
    this.#chunks = [];
    this.replies.post({ kind: 'output', chunks }, undefined, false);
  }

  #intercept(stream: NodeJS.WriteStream, fd: 1 | 2): void {
    const capture = this;
    stream.write = function write(chunk: unknown, encoding?: unknown, callback?: unknown): boolean {
      const text = typeof chunk === 'string' ? chunk : Buffer.from(chunk as Uint8Array).toString();
      capture.#chunks.push([fd, text]);
      capture.#schedule();
      const done = typeof encoding === 'function' ? encoding : callback;
      if (typeof done === 'function') queueMicrotask(() => done(null));
      return true;
    } as NodeJS.WriteStream['write'];
  }

  /** Output written outside any call still reaches the caller, on the next turn of the worker's loop. */
  #schedule(): void {
    if (this.#scheduled) return;
    this.#scheduled = true;
    setImmediate(() => {
      this.#scheduled = false;
      this.flush();
    });
  }
}
