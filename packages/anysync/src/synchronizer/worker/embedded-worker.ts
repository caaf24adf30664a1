/**
 * The worker's code as self-contained module sources, for when anysync runs bundled into a tool and its
 * worker files are not there to start. The build (`scripts/embed-synchronizer-worker.mjs`) replaces this
 * placeholder in `dist/` with the bundled `worker-main.js` and `guard-preload.js`.
 */
export const EMBEDDED_WORKER: { readonly main: string; readonly guard: string } | undefined = undefined;
