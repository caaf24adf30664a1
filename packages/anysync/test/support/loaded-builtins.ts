import { execFileSync } from 'node:child_process';

/**
 * The Node built-ins that importing `specifier` (from the built package) loads, in a fresh process, and
 * the names it exports. A subpath that is safe for browsers must load none at import.
 */
export function importInFreshProcess(specifier: string): { builtins: string[]; exports: string[] } {
  const output = execFileSync(
    process.execPath,
    [
      '--input-type=module',
      '-e',
      `const builtins = [];
       const original = process.getBuiltinModule;
       process.getBuiltinModule = (id) => (builtins.push(id), original(id));
       const module = await import(${JSON.stringify(specifier)});
       console.log(JSON.stringify({ builtins, exports: Object.keys(module).sort() }));`,
    ],
    { cwd: new URL('../..', import.meta.url), encoding: 'utf8' },
  );
  return JSON.parse(output) as { builtins: string[]; exports: string[] };
}
