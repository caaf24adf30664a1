// synckit serves one function per worker file; this one dispatches to the shared handlers.
import { runAsWorker } from 'synckit';
import { bufferEcho, stringLength, timer, trivial } from './handlers.mjs';

const handlers = { trivial, stringLength, bufferEcho, timer };
runAsWorker((name, argument) => handlers[name](argument));
