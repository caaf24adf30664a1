// The behavioural cases of write-file-atomic, shared by its two runs (as published, and with the
// author's IS_ASYNC marker). Temporary file names hold a hash of the module's path and a counter, so
// they are written `<tmp>` before comparing.
import { chmodSync, statSync } from 'node:fs';
import path from 'node:path';

const tree = {
  'existing.txt': { content: 'old', mode: 0o640 },
  'dir/': null,
  'link.txt': { symlink: 'existing.txt' },
};
const scrubTmp = (text) => text.replace(/\.-?\d{6,}\b/g, '.<tmp>');
const scrubbed = async (call) => {
  try {
    return await call();
  } catch (error) {
    error.message = scrubTmp(error.message);
    if (error.path) error.path = scrubTmp(error.path);
    if (error.dest) error.dest = scrubTmp(error.dest);
    throw error;
  }
};
const mode = (file) => (statSync(file).mode & 0o777).toString(8);

export const writeFileTree = [
  {
    name: 'a new file from a string',
    tree,
    run: (api, root) => scrubbed(() => api.write(path.join(root, 'new.txt'), 'hello')),
  },
  {
    name: 'overwrite keeps the mode',
    tree,
    run: async (api, root) => {
      await scrubbed(() => api.write(path.join(root, 'existing.txt'), 'new'));
      return mode(path.join(root, 'existing.txt'));
    },
  },
  {
    name: 'a Buffer',
    tree,
    run: (api, root) => scrubbed(() => api.write(path.join(root, 'buf.bin'), Buffer.from([0, 1, 2, 255]))),
  },
  {
    name: 'encoding given as a string',
    tree,
    run: (api, root) => scrubbed(() => api.write(path.join(root, 'latin1.txt'), 'caf\u00e9', 'latin1')),
  },
  {
    name: 'mode option',
    tree,
    run: async (api, root) => {
      await scrubbed(() => api.write(path.join(root, 'moded.txt'), 'x', { mode: 0o600 }));
      return mode(path.join(root, 'moded.txt'));
    },
  },
  {
    name: 'chown option to the current owner',
    tree,
    run: (api, root) =>
      scrubbed(() =>
        api.write(path.join(root, 'owned.txt'), 'x', {
          chown: { uid: process.getuid(), gid: process.getgid() },
        }),
      ),
  },
  {
    name: 'fsync off',
    tree,
    run: (api, root) => scrubbed(() => api.write(path.join(root, 'nosync.txt'), 'x', { fsync: false })),
  },
  {
    name: 'tmpfileCreated is called with the temporary name',
    tree,
    run: async (api, root) => {
      const seen = [];
      await scrubbed(() =>
        api.write(path.join(root, 'cb.txt'), 'x', {
          tmpfileCreated: (tmp) => {
            seen.push(scrubTmp(path.relative(root, tmp)));
          },
        }),
      );
      return seen;
    },
  },
  {
    name: 'tmpfileCreated throws',
    tree,
    run: (api, root) =>
      scrubbed(() =>
        api.write(path.join(root, 'cb-throws.txt'), 'x', {
          tmpfileCreated: () => {
            throw new Error('refused by the callback');
          },
        }),
      ),
  },
  {
    name: 'through a symlink',
    tree,
    run: (api, root) => scrubbed(() => api.write(path.join(root, 'link.txt'), 'via link')),
  },
  {
    name: 'into a missing directory',
    tree,
    run: (api, root) => scrubbed(() => api.write(path.join(root, 'missing/file.txt'), 'x')),
  },
  {
    name: 'onto a directory',
    tree,
    run: (api, root) => scrubbed(() => api.write(path.join(root, 'dir'), 'x')),
  },
  {
    name: 'data null writes an empty file',
    tree,
    run: (api, root) => scrubbed(() => api.write(path.join(root, 'null.txt'), null)),
  },
  {
    name: 'a read-only directory (root may still write)',
    tree,
    run: async (api, root) => {
      chmodSync(path.join(root, 'dir'), 0o500);
      try {
        return await scrubbed(() => api.write(path.join(root, 'dir/ro.txt'), 'x'));
      } finally {
        chmodSync(path.join(root, 'dir'), 0o755);
      }
    },
  },
];
