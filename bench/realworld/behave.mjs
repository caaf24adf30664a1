// The behavioural suite of one library, in a process of its own (run.mjs starts it): every case runs
// three times, each on a fresh real directory: through the published async API (the reference: what the
// twin's source does), the published sync API (the hand-written twin) and the regenerated sync API (the
// package copy with the generated half). Prints one JSON report on stdout.
import { createRequire } from 'node:module';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { makeTree, removeTree, snapshotTree } from './fixture-tree.mjs';
import { describeCall, describeError, guardSync } from './outcome.mjs';

const [specFile, input] = process.argv.slice(2);
const { published, assembled, esm, twins, skipped } = JSON.parse(input);
const spec = (await import(pathToFileURL(specFile).href)).default;
const require = createRequire(import.meta.url);
const load = async (file) => (esm ? await import(pathToFileURL(file).href) : require(file));

const unhandled = [];
process.on('unhandledRejection', (reason) => unhandled.push(describeError(reason, '')));

const report = { exports: [], cases: [], loadError: undefined };
for (const { file, names } of twins) {
  try {
    const twin = await (file.endsWith('.mjs') || esm ? import(pathToFileURL(file).href) : require(file));
    for (const name of names) {
      if (name === '.' ? typeof twin !== 'function' : !(name in twin))
        report.exports.push(
          `${path.basename(file)} has no export ${name === '.' ? '(the module as a function)' : name}`,
        );
    }
  } catch (error) {
    report.exports.push(`${path.basename(file)} does not load: ${error.message}`);
  }
}

let modules;
try {
  modules = { published: await load(published), assembled: await load(assembled) };
} catch (error) {
  report.loadError = describeError(error, '');
}

if (modules) {
  const cwd = process.cwd();
  const colors = [
    ['async', () => spec.api.async(modules.published)],
    ['published', () => guardSync(spec.api.sync(modules.published))],
    ['twin', () => guardSync(spec.api.sync(modules.assembled))],
  ];
  for (const testCase of spec.cases) {
    if (skipped.includes(testCase.name)) continue;
    const outcomes = {};
    for (const [color, view] of colors) {
      const root = makeTree(testCase.tree, `anysync-rw-${spec.name.replace(/[^\w.-]+/g, '-')}-`);
      try {
        if (testCase.cwd !== undefined) process.chdir(path.join(root, testCase.cwd));
        const api = view();
        const before = unhandled.length;
        const resourcesBefore = activeResources();
        const call = await describeCall(() => testCase.run(api, root), root);
        // What the caller sees on disk when the call has returned.
        const tree = testCase.snapshot === false ? undefined : snapshotTree(root);
        // A sync API that returns while I/O it started is still running has floated a promise: record
        // it, then let that work finish here, so that its rejections are this run's and not the next's.
        // (Floated work may start its first I/O a few promise turns later.)
        await new Promise((resolve) => setImmediate(resolve));
        const pending = color === 'async' ? [] : newResources(resourcesBefore, activeResources());
        await drain(resourcesBefore);
        const rejected = unhandled
          .slice(before)
          .map((e) => JSON.parse(JSON.stringify(e).split(root).join('<root>')));
        outcomes[color] = {
          ...call,
          ...(tree === undefined ? {} : { tree }),
          ...(pending.length > 0 ? { pendingAfterReturn: pending } : {}),
          ...(rejected.length > 0 ? { unhandledRejections: rejected } : {}),
        };
      } finally {
        process.chdir(cwd);
        removeTree(root);
      }
    }
    report.cases.push({ name: testCase.name, outcomes });
  }
}
process.stdout.write(`${JSON.stringify(report)}\n`);

function activeResources() {
  const counts = new Map();
  for (const type of process.getActiveResourcesInfo()) counts.set(type, (counts.get(type) ?? 0) + 1);
  return counts;
}

function newResources(before, after) {
  return [...after]
    .filter(([type, n]) => n > (before.get(type) ?? 0) && type !== 'Immediate' && type !== 'Timeout')
    .map(([type, n]) => `${type} x${n - (before.get(type) ?? 0)}`)
    .sort();
}

// Waits (up to 5 s) until the I/O a run started has finished, then a few turns for rejections to surface.
async function drain(before) {
  const deadline = Date.now() + 5000;
  while (newResources(before, activeResources()).length > 0 && Date.now() < deadline)
    await new Promise((resolve) => setTimeout(resolve, 10));
  for (let turn = 0; turn < 3; turn += 1) await new Promise((resolve) => setImmediate(resolve));
}
// Sync APIs can leave handles (signal-exit listeners, watchers) that are not this suite's business.
process.exit(0);
