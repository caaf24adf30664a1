// One measuring process of the eslint-plugin-prettier run: the published tool (on synckit) and its
// migrated copy (on anysync/synckit) alive side by side, each linting every file once to warm up, then
// in timed passes with the order rotated every round and a GC before each. Every pass's results (each
// file's messages, with prettier's fixes) must equal the first pass of the published tool. Prints JSON.
//
//   node measure.mjs <install dir> <files.json> <rounds>
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join, relative } from 'node:path';

const [dir, list, rounds = '3'] = process.argv.slice(2);
const require = createRequire(join(dir, 'package.json'));
const { ESLint } = require('eslint');
const files = JSON.parse(readFileSync(list, 'utf8'));

/** ESLint with only the tool's rule on. */
function linter(plugin) {
  return new ESLint({
    cwd: dir,
    overrideConfigFile: true,
    overrideConfig: [
      {
        files: ['**/*.js'],
        languageOptions: { ecmaVersion: 'latest', sourceType: 'module' },
        plugins: { prettier: plugin },
        rules: { 'prettier/prettier': 'error' },
      },
    ],
  });
}

const tools = {
  'eslint-plugin-prettier (synckit)': linter(require('eslint-plugin-prettier')),
  'eslint-plugin-prettier (anysync/synckit)': linter(require('eslint-plugin-prettier-anysync')),
};
const names = Object.keys(tools);
let expected;
let messages = 0;

/** What a pass found, as text: per file, its messages (rule, place, text and fix). */
function summary(results) {
  return JSON.stringify(
    results
      .map((result) => [relative(dir, result.filePath), result.messages])
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)),
  );
}

async function pass(name) {
  const started = performance.now();
  const results = await tools[name].lintFiles(files);
  const elapsed = performance.now() - started;
  const text = summary(results);
  if (expected === undefined) {
    // Only the tool's own messages count: a file ESLint ignored or could not parse gets one of its own.
    const all = results.flatMap((result) => result.messages);
    const other = all.find((message) => message.ruleId !== 'prettier/prettier');
    if (other) throw new Error(`${name}: a message not from the tool's rule: ${other.message}`);
    if (results.length !== files.length)
      throw new Error(`${name}: ${results.length} of ${files.length} files linted`);
    messages = all.length;
    if (messages === 0) throw new Error('no file has a prettier message: the rule did not run');
    expected = text;
  } else if (text !== expected) {
    throw new Error(`${name}: results differ from the published tool's first pass`);
  }
  return elapsed;
}

const warmup = {};
for (const name of names) warmup[name] = await pass(name);
const samples = Object.fromEntries(names.map((name) => [name, []]));
for (let round = 0; round < Number(rounds); round++) {
  for (let i = 0; i < names.length; i++) {
    const name = names[(i + round) % names.length];
    globalThis.gc?.();
    samples[name].push(await pass(name));
  }
}
process.stdout.write(JSON.stringify({ samples, warmup, messages, files: files.length }));
process.exit(0);
