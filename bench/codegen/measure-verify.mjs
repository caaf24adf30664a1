// One measuring process of the verification benchmark: runs one contender once over the corpus project
// (a fresh process each time, as a CLI run is) and prints wall and CPU milliseconds and the peak memory
// as JSON. TypeScript and anysync are loaded, and the heap collected, before the clock starts.
import path from 'node:path';
import { check, loadConfig } from '@anysync/codegen';
import ts from 'typescript';

const [name, dir] = process.argv.slice(2);
if (typeof globalThis.gc !== 'function' || dir === undefined) {
  console.error('usage: node --expose-gc measure-verify.mjs <contender> <corpus dir>');
  process.exit(2);
}

const contenders = {
  // What `tsc --noEmit -p tsconfig.json` does: read the config, build the program, report every error.
  'tsc --noEmit': async () => {
    const parsed = ts.getParsedCommandLineOfConfigFile(path.join(dir, 'tsconfig.json'), undefined, {
      ...ts.sys,
      onUnRecoverableConfigFileDiagnostic: (diagnostic) => {
        throw new Error(ts.flattenDiagnosticMessageText(diagnostic.messageText, '\n'));
      },
    });
    const program = ts.createProgram({ rootNames: parsed.fileNames, options: parsed.options });
    const errors = ts.getPreEmitDiagnostics(program).length;
    return { errors, files: program.getSourceFiles().length };
  },
  'anysync check': async () => summary(await check(await loadConfig(dir))),
  'anysync check --no-verify': async () => summary(await check(await loadConfig(dir), { verify: false })),
};

function summary(report) {
  const verification = report.verification;
  const byRule = {};
  for (const diagnostic of verification?.diagnostics ?? [])
    byRule[diagnostic.rule] = (byRule[diagnostic.rule] ?? 0) + 1;
  return {
    checkMs: report.milliseconds,
    verifyMs: verification?.milliseconds,
    twinsChecked: verification?.twinsChecked,
    sourcesChecked: verification?.sourcesChecked,
    findings: byRule,
  };
}

const contender = contenders[name];
if (contender === undefined) {
  console.error(`unknown contender ${name} (known: ${Object.keys(contenders).join(', ')})`);
  process.exit(2);
}
globalThis.gc();
const cpuBefore = process.cpuUsage();
const started = performance.now();
const details = await contender();
const wall = performance.now() - started;
const cpu = process.cpuUsage(cpuBefore);
const peakMb = process.resourceUsage().maxRSS / 1024;
console.log(JSON.stringify({ wall, cpu: (cpu.user + cpu.system) / 1000, peakMb, ...details }));
