/**
 * `setImmediate` where the runtime has it (Node, Bun, Deno), and the same contract on a `MessageChannel`
 * elsewhere (browsers, whose `setTimeout(0)` is clamped to 4 ms once nested). The handle has `unref()`
 * and friends as a no-op, so callers need not care which one they got.
 */
interface Pending {
  callback: () => void;
  cancelled: boolean;
}

interface WebChannel {
  port1: { onmessage: (() => void) | null };
  port2: { postMessage(message: unknown): void };
}

const queue: Pending[] = [];
let channel: WebChannel | undefined;

function run(): void {
  const due = queue.splice(0);
  for (const entry of due) if (!entry.cancelled) entry.callback();
}

function webSetImmediate(callback: () => void): NodeJS.Immediate {
  const entry: Pending = { callback, cancelled: false };
  if (!channel) {
    channel = new (globalThis as unknown as { MessageChannel: new () => WebChannel }).MessageChannel();
    channel.port1.onmessage = run;
  }
  if (queue.push(entry) === 1) channel.port2.postMessage(0);
  const handle = {
    entry,
    ref: () => handle,
    unref: () => handle,
    hasRef: () => false,
    [Symbol.dispose]: () => {
      entry.cancelled = true;
    },
  };
  return handle as unknown as NodeJS.Immediate;
}

function webClearImmediate(handle: NodeJS.Immediate | undefined): void {
  const entry = (handle as unknown as { entry?: Pending } | undefined)?.entry;
  if (entry) entry.cancelled = true;
}

const g = globalThis as {
  setImmediate?: typeof globalThis.setImmediate;
  clearImmediate?: typeof globalThis.clearImmediate;
};

/** Runs `callback` on the next turn of the event loop, after I/O. */
export const setImmediate: (callback: () => void) => NodeJS.Immediate = g.setImmediate ?? webSetImmediate;

/** Cancels a callback scheduled with `setImmediate`. */
export const clearImmediate: (handle: NodeJS.Immediate | undefined) => void =
  g.clearImmediate ?? webClearImmediate;
