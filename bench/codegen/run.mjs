// Transform throughput on a large real TypeScript corpus, every contender in the same run: each round
// starts one measuring process per contender (measure.mjs), in a rotating order; a process warms its
// contender up with one pass over the whole corpus and times PASSES more, with a GC before each.
import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { transform } from '@anysync/codegen';
import * as anysyncEveryFile from './adapters/anysync-every-file.mjs';
import * as anysync from './adapters/anysync.mjs';
import * as parseOnly from './adapters/parse-only.mjs';
import { median } from '../support/median.mjs';
import { commitLabel } from '../support/run-facts.mjs';
import { contenders } from './contenders.mjs';
import { loadCorpus } from './corpus.mjs';
import { mayChangeFile as mayChange, skippedByPartialParse } from './may-change-file.mjs';

const ROUNDS = 5;
const PASSES = 3;
const corpus = loadCorpus();
// Validation: the public transform and the every-file path agree on every file, and the files the text
// check lets through unparsed come out byte for byte as they went in.
let unparsedFiles = 0;
let unparsedBytes = 0;
let partialFiles = 0;
let partialChars = 0;
let skippedChars = 0;
for (const file of corpus.files) {
  const skipped = skippedByPartialParse(file);
  if (skipped > 0) {
    partialFiles += 1;
    partialChars += file.text.length;
    skippedChars += skipped;
  }
  const fast = transform(file.text, { fileName: file.name, sourceMap: false });
  const full = anysyncEveryFile.transformEveryFile(file);
  if (fast.code !== full.code || fast.diagnostics.length !== full.diagnostics.length)
    throw new Error(`${file.name}: the two transform paths disagree`);
  if (fast.code === file.text && fast.diagnostics.length === 0 && !mayChange(file)) {
    unparsedFiles += 1;
    unparsedBytes += Buffer.byteLength(file.text);
  }
}
const timings = new Map(contenders.map((c) => [c, []]));
const cpuTimings = new Map(contenders.map((c) => [c, []]));
const failures = new Map();
const here = path.dirname(fileURLToPath(import.meta.url));
const loadBefore = os.loadavg()[0];
for (let round = 0; round < ROUNDS; round += 1) {
  const order = contenders.map((_, i) => contenders[(i + round) % contenders.length]);
  for (const contender of order) {
    const output = execFileSync(
      process.execPath,
      ['--expose-gc', path.join(here, 'measure.mjs'), contender.name, String(PASSES)],
      { encoding: 'utf8', maxBuffer: 1 << 20 },
    );
    const result = JSON.parse(output.trim().split('\n').pop());
    // A round's figure for a contender is the median of its process's passes.
    timings.get(contender).push(median(result.passes.map((p) => p.wall)));
    cpuTimings.get(contender).push(median(result.passes.map((p) => p.cpu)));
    if (result.failures > 0) failures.set(contender, result.failures);
  }
  process.stderr.write(`round ${round + 1}/${ROUNDS}\n`);
}

const megabytes = corpus.bytes / 1e6;
// Each round times every contender back to back, so a per-round ratio sees the same machine state.
const roundRatios = (c, series) => series.get(parseOnly).map((base, round) => base / series.get(c)[round]);
const rows = contenders.map((c) => {
  const ms = median(timings.get(c));
  const cpu = median(cpuTimings.get(c));
  const list = timings.get(c);
  return {
    name: c.name,
    ms: ms.toFixed(0),
    spread: `${Math.min(...list).toFixed(0)}–${Math.max(...list).toFixed(0)}`,
    mbs: (megabytes / (ms / 1000)).toFixed(1),
    ratio: median(roundRatios(c, timings)).toFixed(2),
    cpu: cpu.toFixed(0),
    cpuRatio: median(roundRatios(c, cpuTimings)).toFixed(2),
    failures: failures.get(c) ?? 0,
  };
});
const load = `${loadBefore.toFixed(2)} before, ${os.loadavg()[0].toFixed(2)} after`;
const ours = rows.find((r) => r.name === anysync.name);
const parseRow = rows.find((r) => r.name === parseOnly.name);
const verdict = (ok) => (ok ? 'MET' : 'MISSED');
const targets = [
  `- ${verdict(Number(ours.mbs) >= 15)}: at least 15 MB/s on Node 20: ${ours.mbs} MB/s (TypeScript's parser alone: ${parseRow.mbs} MB/s on this corpus and machine)`,
  `- ${verdict(Number(ours.ratio) >= 0.8)}: at least 80% of parse-only speed: ${(Number(ours.ratio) * 100).toFixed(0)}% by wall time, ${(Number(ours.cpuRatio) * 100).toFixed(0)}% by CPU time`,
].join('\n');
const commit = commitLabel();
const cpu = os.cpus()[0]?.model ?? 'unknown CPU';
const table = [
  '| Contender | Wall ms, median (min–max) | MB/s (wall) | vs parse only (wall) | CPU ms, median | vs parse only (CPU) | Files that threw |',
  '|---|---|---|---|---|---|---|',
  ...rows.map(
    (r) =>
      `| ${r.name} | ${r.ms} (${r.spread}) | ${r.mbs} | ${r.ratio}× | ${r.cpu} | ${r.cpuRatio}× | ${r.failures} |`,
  ),
  '| async-off | — | — | — | — | — | not measured: not published on npm (404), and this machine reaches no other source |',
].join('\n');
const report = `# Codegen throughput

Machine: ${os.cpus().length} cores, ${cpu}, ${Math.round(os.totalmem() / 2 ** 30)} GiB · Runtime: Node ${process.version} · Commit: ${commit} · Date: ${new Date().toISOString().slice(0, 10)} · Load average (1 min): ${load}

Corpus: ${corpus.label}, ${megabytes.toFixed(2)} MB (UTF-8).

${table}

Targets (issue 2):

${targets}

Method: \`npm run bench\` (\`bench/codegen/run.mjs\`). Each of ${ROUNDS} rounds starts one process per contender
(\`measure.mjs\`, Node with \`--expose-gc\`), in an order rotated every round; the process reads every file
into memory, warms its contender up with one pass over the whole corpus, then times ${PASSES} passes with a GC
before each, and the round keeps the median pass. A process holds one contender only, so no contender's heap
(prepared copies of the corpus, trees kept alive) changes the collector's work for another. The table gives
the median round; "vs parse only" is the median of the per-round ratios (the rounds' processes run back to
back), which holds when the machine's speed drifts during the run. MB/s is UTF-8 bytes / 10⁶ per second
of wall time. CPU ms is the process's user + system time for the pass (GC threads included), which other
processes on a shared machine disturb less than wall time; compare ratios within one run.
"anysync transform" is the public \`transform()\` per file: parse, the file's facts, every rule, edits applied,
no source map. It first checks the text: a file that contains none of the words any rule acts on
(\`async\`, \`await\`, \`Promise\`, \`then\`, \`catch\`, mapped module names, …; see
\`packages/codegen/src/transform/may-change.ts\`) cannot change, and is returned as it is without a parse:
here ${unparsedFiles} of ${corpus.files.length} files (${(unparsedBytes / 1e6).toFixed(2)} MB). Of a file that can change, it parses only the
top-level statements that hold such a word (plus the first one and the imports): a lexer finds where
statements must end (a declaration keyword starting a line after an operand), the others are blanked in
place, and the file is parsed whole again if a skipped statement holds a name the rules looked up (see
\`packages/codegen/src/transform/partial-source.ts\`): here ${partialFiles} files were transformed from a
partial tree, whose parser saw ${(100 - (skippedChars / partialChars) * 100).toFixed(0)}% of their text. "anysync transform, every file parsed whole" turns
both off (every file parsed whole) and so shows the cost of the parse-and-edit path alone; the run checks
that both paths give the same output for every file. The transform parses JSDoc only where a comment holds a word a rule edits
there, so its parse costs about as much as "parse only, JSDoc not parsed" (about half of this corpus's
bytes are JSDoc). unplugin-quansync only transforms functions passed to its macro; it is given every file with
the macro import prepended so that it parses and walks each one (the corpus has no macro calls).
The transform only walks the parts of a file that can matter: each rule names the words it acts on
(\`await\`, \`Promise\`, renamed names, …) and the walk skips subtrees holding none of them (about 5% of the
corpus's 1.48 million nodes are visited). An absolute MB/s figure depends on the parser and the machine: the
parser alone sets the ceiling, so the relative figure is the one that measures anysync's own cost.
`;
console.log(report);
const out = path.join(
  path.dirname(fileURLToPath(import.meta.url)),
  '..',
  'results',
  `codegen-node${process.versions.node.split('.')[0]}.md`,
);
writeFileSync(out, report);
console.log(`written to ${path.relative(process.cwd(), out)}`);
