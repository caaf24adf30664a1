// synckit serves one function per worker file; this one dispatches to the shared handlers.
import { runAsWorker } from 'synckit';
import { bufferEcho, options, stringLength, timer, transform, trivial } from './handlers.mjs';

const handlers = { trivial, options, transform, stringLength, bufferEcho, timer };
runAsWorker((name, ...args) => handlers[name](...args));
