/**
 * Preloaded (`--import`) ahead of user-supplied preloads when the worker has any, so that a preload that
 * throws or exits is reported to the blocked caller instead of leaving it waiting. Node only: only Node
 * workers have preloads.
 */
import { workerData } from 'node:worker_threads';
import { nodeThreadSide } from '../backends/node-thread.js';
import type { WorkerBoot } from '../protocol.js';
import { installFatalGuard } from './fatal-guard.js';
import { ReplyPort } from './reply-port.js';

const boot = workerData as WorkerBoot;
installFatalGuard(new ReplyPort(boot.replyPort, new Int32Array(boot.control)), nodeThreadSide());
