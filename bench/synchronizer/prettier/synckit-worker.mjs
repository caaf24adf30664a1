// synckit's worker: one function per file, told by its first argument what to do.
import { runAsWorker } from 'synckit';
import { format, gcPauses, timedFormat } from './format-worker.mjs';

runAsWorker((mode, text, options) =>
  mode === 'timed' ? timedFormat(text, options) : mode === 'gc' ? gcPauses() : format(text, options),
);
