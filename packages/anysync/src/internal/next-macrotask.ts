interface HostGlobals {
  setImmediate?: (callback: () => void) => unknown;
  MessageChannel?: new () => {
    port1: { onmessage: (() => void) | null; close(): void };
    port2: { postMessage(message: unknown): void; close(): void };
  };
}

/**
 * Resolves on the next macrotask, after every queued promise job has run, so pending I/O and timers get a
 * turn. `setImmediate` where it exists (Node, Bun, Deno); elsewhere a MessageChannel round trip, which,
 * unlike `setTimeout(0)`, is not clamped to 4 ms after nesting.
 */
export function nextMacrotask(): Promise<void> {
  const host = globalThis as unknown as HostGlobals;
  return new Promise<void>((resolve) => {
    if (host.setImmediate !== undefined) {
      host.setImmediate(resolve);
    } else if (host.MessageChannel !== undefined) {
      const channel = new host.MessageChannel();
      channel.port1.onmessage = () => {
        channel.port1.close();
        resolve();
      };
      channel.port2.postMessage(undefined);
    } else {
      setTimeout(resolve, 0);
    }
  });
}
