// The cost of `anysync check`'s type-aware verification on a large real code base, against a plain
// `tsc --noEmit` of the same sources with the same tsconfig.json, in one run: each round starts one fresh
// process per contender (measure-verify.mjs), in an order rotated every round, and every ratio pairs
// the processes of one round. `node --expose-gc run-verify.mjs [--rounds N]`.
import { execFileSync } from 'node:child_process';
import { rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { median } from '../support/median.mjs';
import { waitForQuietLoad } from '../support/quiet-load.mjs';
import { commitLabel, machineLine, packageVersion } from '../support/run-facts.mjs';
import { COMPILER_OPTIONS, createVerifyCorpus } from './verify-corpus.mjs';

const roundsFlag = process.argv.indexOf('--rounds');
const ROUNDS = roundsFlag === -1 ? 5 : Number(process.argv[roundsFlag + 1]);
if (!Number.isInteger(ROUNDS) || ROUNDS < 1)
  throw new RangeError(`--rounds must be a positive integer, got ${process.argv[roundsFlag + 1]}`);
const TSC = 'tsc --noEmit';
const CHECK = 'anysync check';
const NO_VERIFY = 'anysync check --no-verify';
const contenders = [TSC, CHECK, NO_VERIFY];
const here = path.dirname(fileURLToPath(import.meta.url));

const corpus = await createVerifyCorpus();
const results = new Map(contenders.map((c) => [c, []]));
const loads = [];
try {
  for (let round = 0; round < ROUNDS; round += 1) {
    loads.push(await waitForQuietLoad(0.6, 60_000));
    for (let i = 0; i < contenders.length; i += 1) {
      const contender = contenders[(i + round) % contenders.length];
      const output = execFileSync(
        process.execPath,
        [
          '--expose-gc',
          '--max-old-space-size=8192',
          path.join(here, 'measure-verify.mjs'),
          contender,
          corpus.dir,
        ],
        { encoding: 'utf8', maxBuffer: 1 << 20 },
      );
      results.get(contender).push(JSON.parse(output.trim().split('\n').pop()));
    }
    process.stderr.write(`round ${round + 1}/${ROUNDS}: load ${loads[round].toFixed(2)}\n`);
  }
} finally {
  rmSync(corpus.dir, { recursive: true, force: true });
}

const series = (contender, field) => results.get(contender).map((r) => r[field]);
const ratio = (a, b) => median(a.map((value, round) => value / b[round]));
const spread = (values) => `${Math.min(...values).toFixed(0)}–${Math.max(...values).toFixed(0)}`;
const tscWall = series(TSC, 'wall');
const tscCpu = series(TSC, 'cpu');
const verifyWall = series(CHECK, 'verifyMs');
// The verification's CPU time: the whole check's less the same check without it, in the same round.
const verifyCpu = series(CHECK, 'cpu').map((cpu, round) => cpu - series(NO_VERIFY, 'cpu')[round]);
const rows = [
  [`${TSC} (the baseline)`, tscWall, tscCpu, series(TSC, 'peakMb')],
  [`${CHECK}: the verification alone`, verifyWall, verifyCpu, undefined],
  [`${CHECK}: the whole command`, series(CHECK, 'wall'), series(CHECK, 'cpu'), series(CHECK, 'peakMb')],
  [NO_VERIFY, series(NO_VERIFY, 'wall'), series(NO_VERIFY, 'cpu'), series(NO_VERIFY, 'peakMb')],
];
const table = [
  '| What runs | Wall ms, median (min–max) | vs tsc (wall) | CPU ms, median | vs tsc (CPU) | Peak RSS, MB |',
  '|---|---|---|---|---|---|',
  ...rows.map(([label, wall, cpu, peak]) => {
    const cpuCells = cpu ? `${median(cpu).toFixed(0)} | ${ratio(cpu, tscCpu).toFixed(2)}×` : '— | —';
    const peakCell = peak ? median(peak).toFixed(0) : '—';
    return `| ${label} | ${median(wall).toFixed(0)} (${spread(wall)}) | ${ratio(wall, tscWall).toFixed(2)}× | ${cpuCells} | ${peakCell} |`;
  }),
].join('\n');
const last = results.get(CHECK).at(-1);
const perRound = (a, b) => a.map((value, round) => (value / b[round]).toFixed(2)).join(', ');
const verdict = (what, a, b) => {
  const value = ratio(a, b);
  return `${value <= 2 ? 'MET' : 'MISSED'}: verifying the corpus costs at most 2× a plain \`tsc --noEmit\` of the same files, by ${what}: ${value.toFixed(2)}× (median of the rounds' ratios: ${perRound(a, b)})`;
};
const verdicts = [verdict('wall time', verifyWall, tscWall), verdict('CPU time', verifyCpu, tscCpu)];
const loadLine = loads.map((load) => load.toFixed(2)).join(', ');
const quiet = loads.every((load) => load < 0.6);
const report = `# Verification cost (\`anysync check\` type-checks the twins)

Machine: ${machineLine()} · Runtime: Node ${process.version} · TypeScript ${packageVersion('typescript')} · Commit: ${commitLabel()} · Date: ${new Date().toISOString().slice(0, 10)}
Load average (1 min) before each round: ${loadLine}${quiet ? '' : ' — **measured under load** (the machine was shared; a round waited up to 60 s for a load under 0.6)'}

Corpus: ${corpus.label} as the async sources of a project (\`src/_async\` → \`src/_sync\`): ${corpus.twins} twins written, ${corpus.refused} sources refused by the generator's rules (their twins are not verified, only loaded so that imports resolve).
tsconfig.json: \`${JSON.stringify(COMPILER_OPTIONS)}\`, \`include: ["src/_async"]\`.

${table}

Target (issue 12):

- ${verdicts[0]}
- ${verdicts[1]}

Findings of the last run (inspected by hand, they are real: twins that hold a web-crypto promise, a renamed export read through a namespace, …): ${JSON.stringify(last.findings)}; ${last.twinsChecked} twins checked, ${last.sourcesChecked} sources checked because their twin had type errors.

Method: \`node --expose-gc bench/codegen/run-verify.mjs\` (from the repository root, after \`npm run build\`). Each of ${ROUNDS} rounds starts one process per contender (\`bench/codegen/measure-verify.mjs\`, Node with \`--expose-gc --max-old-space-size=8192\`) in an order rotated every round, after waiting up to 60 s for the load average to fall under 0.6. A process loads TypeScript (and anysync), collects garbage, then runs its contender once, cold, as a command-line run is: "${TSC}" reads the tsconfig.json, builds the program and gets every error, as \`tsc --noEmit -p\` does; "${CHECK}" is the public \`check()\` on the project (regenerate in memory, compare with the files on disk, then verify); "the verification alone" is the part of that process inside \`verifyTwins\` (one program holding the sources, the twins and the lib and \`@types\` files; the twins checked; a source checked only when its twin has type errors), timed by the report's \`milliseconds\`, its CPU time being the whole check's less that of "${NO_VERIFY}" in the same round. Wall time is the figure that counts on a quiet machine; on a shared one, CPU time is disturbed less. Ratios are medians of the per-round ratios (a round's processes run back to back). CPU ms is user + system time of the timed part, GC threads included.
`;
console.log(report);
const out = path.join(here, '..', 'results', `codegen-verify-node${process.versions.node.split('.')[0]}.md`);
writeFileSync(out, report);
console.log(`written to ${path.relative(process.cwd(), out)}`);
