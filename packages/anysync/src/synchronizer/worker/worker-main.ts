/**
 * Entry point of a synchronizer or pool worker thread (Node worker thread or module Web Worker). It installs the fatal guard before anything else,
 * then serves both lanes: blocking calls through shared memory, promise-returning calls by message.
 */
import { threadSide } from '../backends/select-thread.js';
import type { CallerMessage, WorkerBoot } from '../protocol.js';
import { SharedArea } from '../wire/shared-area.js';
import { installFatalGuard, onFatal } from './fatal-guard.js';
import { OutputCapture } from './output-capture.js';
import { ReplyPort } from './reply-port.js';
import { replayHooks } from './replay-hooks.js';
import { Server } from './server.js';
import { SyncLane } from './sync-lane.js';
import { publishIdentity } from './worker-identity.js';

const side = threadSide();
// Node hands the boot data over at once (workerData); a Web Worker receives it as its first message.
const boot = (side.boot ?? (await side.receiveBoot())) as WorkerBoot;
const replies = new ReplyPort(boot.replyPort, new Int32Array(boot.control));
installFatalGuard(replies, side);

const output = boot.captureOutput ? new OutputCapture(replies) : undefined;
if (output) {
  output.install();
  onFatal(() => output.flush());
}

await replayHooks(boot.hooks);

const server = new Server(replies, output);
publishIdentity(server.registry);
const lane = new SyncLane(
  server,
  replies,
  new SharedArea(boot.requestArea),
  new SharedArea(boot.replyArea),
  boot.linger,
);

function receive(message: CallerMessage) {
  if (message === 0) return lane.wake();
  switch (message.kind) {
    case 'call':
      return server.call(message);
    case 'sync':
      return lane.receive(message);
    case 'cancel':
      return server.cancel(message);
    case 'release':
      return server.release(message);
    case 'batch':
      for (const inner of message.messages) receive(inner);
  }
}

side.onMessage((message) => receive(message as CallerMessage));
