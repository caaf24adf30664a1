// Regenerates the sync half from the async half with this repository's built CLI
// (`packages/codegen/bin/anysync.js generate`), as a library author would run it, then runs
// `anysync check` on the result. The config is written next to the package copy: the rule converts
// `pkg/` into `twin/` and excludes every source the spec does not name; the spec adds names and mappings
// (its relative mapping keys are relative to the package and are rewritten to `./pkg/…`).
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';

const SOURCE = /\.(?:[cm]?[jt]sx?)$/;

/**
 * @returns {{ config: object, exitCode: number, summary: string, diagnostics: object[], output: string,
 *   check: { exitCode: number, summary: string, output: string }, twins: string[] }}
 */
export function generateTwin(spec, prepared, repoRoot) {
  const { work, pkg } = prepared;
  const convert = new Set(spec.convert);
  const exclude = listFiles(pkg)
    .filter((file) => SOURCE.test(file) && !convert.has(file))
    .map((file) => `pkg/${file}`);
  for (const file of convert) {
    if (!existsSync(path.join(pkg, file))) throw new Error(`${spec.name}: ${file} is not in the package`);
  }
  const config = {
    rules: [{ from: 'pkg', to: 'twin' }],
    ...(exclude.length > 0 ? { exclude } : {}),
    ...structuredClone(spec.config ?? {}),
  };
  if (config.mappings) config.mappings = rebaseMappings(config.mappings);
  const configFile = path.join(work, 'anysync.config.json');
  writeFileSync(configFile, `${JSON.stringify(config, null, 2)}\n`);
  // The twins sit in `twin/`, which needs the package's module type to load as the originals do.
  mkdirSync(path.join(work, 'twin'), { recursive: true });
  const manifest = JSON.parse(readFileSync(path.join(pkg, 'package.json'), 'utf8'));
  writeFileSync(
    path.join(work, 'twin', 'package.json'),
    `${JSON.stringify({ type: manifest.type ?? 'commonjs' })}\n`,
  );

  const cli = path.join(repoRoot, 'packages', 'codegen', 'bin', 'anysync.js');
  const run = (command) =>
    spawnSync(process.execPath, [cli, command, '--config', configFile], { cwd: work, encoding: 'utf8' });
  const generated = run('generate');
  const output = `${generated.stderr}${generated.stdout}`;
  const checked = run('check');
  const checkOutput = `${checked.stderr}${checked.stdout}`;
  const linked = linkExcluded(exclude, work);
  return {
    config,
    exitCode: generated.status ?? -1,
    summary: lastLine(generated.stdout),
    diagnostics: parseDiagnostics(output, work),
    output: output.split(work).join('<work>'),
    check: {
      exitCode: checked.status ?? -1,
      summary: lastLine(checked.stdout),
      output: checkOutput.split(work).join('<work>'),
    },
    twins: spec.convert.filter((file) => existsSync(path.join(work, 'twin', file))),
    linked,
  };
}

// Finding 1 (findings.md): a twin's relative import of a file the config excludes keeps pointing into
// the output directory, where that file never appears. So that the rest of the twin can be tested, each
// excluded source the twins import gets a link in `twin/` to the original (Node follows it to the same
// module, so both halves share its state); the results list these links.
function linkExcluded(exclude, work) {
  const twinTexts = listFiles(path.join(work, 'twin'))
    .filter((file) => SOURCE.test(file))
    .map((file) => ({ file, text: readFileSync(path.join(work, 'twin', file), 'utf8') }));
  const linked = [];
  for (const excluded of exclude) {
    const relative = excluded.slice('pkg/'.length);
    const target = path.join(work, 'twin', relative);
    if (existsSync(target)) continue;
    const bare = relative.replace(/\.(?:[cm]?js|d\.[cm]?ts|[cm]?ts)$/, '');
    // `require('../fs')` names `fs/index.js` through its directory.
    const forms = path.posix.basename(bare) === 'index' ? [bare, path.posix.dirname(bare)] : [bare];
    const importers = twinTexts.filter(({ file, text }) =>
      forms.some((form) => {
        let specifier = path.posix.relative(path.posix.dirname(file), form);
        if (!specifier.startsWith('.')) specifier = `./${specifier}`;
        return new RegExp(`['"]${escapeRegExp(specifier)}(?:\\.[cm]?[jt]s|/index\\.[cm]?js)?['"]`).test(text);
      }),
    );
    if (importers.length === 0) continue;
    mkdirSync(path.dirname(target), { recursive: true });
    symlinkSync(path.join(work, excluded), target);
    linked.push(relative);
  }
  return linked;
}

function escapeRegExp(text) {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

function rebaseMappings(mappings) {
  const rebase = (specifier) =>
    typeof specifier === 'string' && specifier.startsWith('.')
      ? `./${path.posix.join('pkg', specifier)}`
      : specifier;
  const out = {};
  for (const [key, value] of Object.entries(mappings)) {
    const rebased = typeof value === 'string' ? rebase(value) : { ...value };
    if (typeof rebased === 'object' && rebased.module) rebased.module = rebase(rebased.module);
    out[rebase(key)] = rebased;
  }
  return out;
}

function listFiles(dir, prefix = '') {
  const out = [];
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const relative = prefix ? `${prefix}/${entry.name}` : entry.name;
    if (entry.isDirectory()) {
      if (entry.name !== 'node_modules') out.push(...listFiles(path.join(dir, entry.name), relative));
    } else out.push(relative);
  }
  return out.sort();
}

function lastLine(text) {
  return text.trim().split('\n').pop() ?? '';
}

// `file:line:col severity[rule]: message`, the first line of each diagnostic the CLI prints.
function parseDiagnostics(text, work) {
  const out = [];
  const pattern = /^(.+?):(\d+):(\d+) (error|warning)\[([\w-]+)\]: (.*)$/gm;
  for (const match of text.matchAll(pattern)) {
    out.push({
      file: path.relative(work, match[1]),
      line: Number(match[2]),
      column: Number(match[3]),
      severity: match[4],
      rule: match[5],
      message: match[6],
    });
  }
  return out;
}
