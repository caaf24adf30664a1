// synckit's worker: one function per file.
import { runAsWorker } from 'synckit';
import { format, timedFormat } from './format-worker.mjs';

runAsWorker((timed, text, options) => (timed ? timedFormat(text, options) : format(text, options)));
