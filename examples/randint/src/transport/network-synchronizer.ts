import { Synchronizer } from 'anysync/synchronizer';

/**
 * The one worker thread that runs the sync client's network I/O, whichever protocol it speaks. Creating it
 * does no I/O: the thread starts with the first request, never with an import.
 */
export const networkSynchronizer = new Synchronizer({ name: 'randint network' });
