import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

/**
 * Every publishable workspace (not `private`, found by npm itself) is ready for `npm publish`: its
 * registry page has a README with an install section, the license and changelog ship with it, the
 * manifest points back here, changesets version it with the others, and `npm publish --dry-run` is
 * clean and ships what the exports map and bin point at, and no tests.
 */
const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const read = (file: string) => readFileSync(path.join(root, file), 'utf8');
// npm's own variables (set by `npm test`) must not leak into the npm we run.
const env = Object.fromEntries(Object.entries(process.env).filter(([key]) => !/^npm_/i.test(key)));

interface Workspace {
  readonly name: string;
  readonly location: string;
  readonly private?: boolean;
}

interface Manifest {
  readonly name: string;
  readonly description?: string;
  readonly license?: string;
  readonly homepage?: string;
  readonly repository?: { readonly type: string; readonly url: string; readonly directory?: string };
  readonly bugs?: { readonly url: string };
  readonly keywords?: readonly string[];
  readonly sideEffects?: boolean | readonly string[];
  readonly engines?: { readonly node?: string };
  readonly files?: readonly string[];
  readonly bin?: Record<string, string>;
  readonly exports: Record<string, string | Record<string, string>>;
}

const workspaces = (
  JSON.parse(
    execFileSync('npm', ['query', '.workspace', '--json'], { cwd: root, env, encoding: 'utf8' }),
  ) as Workspace[]
).filter((workspace) => workspace.private !== true);
const rootManifest = JSON.parse(read('package.json')) as Manifest;
const changesets = JSON.parse(read('.changeset/config.json')) as { fixed: string[][]; access: string };

it('finds the publishable workspaces', () => {
  expect(workspaces.map((w) => w.name)).toEqual(expect.arrayContaining(['anysync', '@anysync/codegen']));
});

describe.each(workspaces.map((w) => [w.name, w.location]))('%s (%s)', (name, location) => {
  const manifest = JSON.parse(read(`${location}/package.json`)) as Manifest;

  it('ships the root LICENSE (MIT), a README with an Install section and a changesets CHANGELOG', () => {
    expect(manifest.license).toBe('MIT');
    expect(read(`${location}/LICENSE`)).toBe(read('LICENSE'));
    expect(read('LICENSE')).toMatch(/^MIT License\n/);
    const readme = read(`${location}/README.md`);
    expect(readme).toMatch(new RegExp(`^# ${name.replace('/', '\\/')}\\n`));
    const install = /\n## Install\n([\s\S]*?)\n## /.exec(readme)?.[1] ?? '';
    expect(install, 'registry install').toMatch(new RegExp(`npm install (--save-dev )?${name}\\b`));
    expect(install, 'install from a packed tarball').toMatch(/packs\/\S+\.tgz/);
    expect(readme).toMatch(/\n## Example\n[\s\S]*```(ts|js)\n/);
    expect(read(`${location}/CHANGELOG.md`)).toMatch(new RegExp(`^# ${name.replace('/', '\\/')}\\n`));
    expect(manifest.files).toContain('CHANGELOG.md');
  });

  it('points back to the repository and is findable', () => {
    expect(manifest.repository).toEqual({ ...rootManifest.repository, directory: location });
    expect(manifest.homepage).toMatch(/^https:\/\//);
    expect(manifest.bugs?.url).toMatch(/^https:\/\/.*\/issues$/);
    expect(manifest.keywords?.length).toBeGreaterThanOrEqual(3);
    expect(manifest.description?.length).toBeGreaterThan(20);
    expect(manifest.sideEffects).toBeDefined();
    expect(manifest.engines?.node).toBe(rootManifest.engines?.node);
  });

  it('is released together with the other packages by changesets', () => {
    expect(changesets.access).toBe('public');
    const group = changesets.fixed.find((names) => names.includes('anysync'));
    expect(group).toContain(name);
  });

  it('passes npm publish --dry-run cleanly and ships its entry points, and no tests', () => {
    const ran = spawnSync('npm', ['publish', '--dry-run', '--json', `--workspace=${location}`], {
      cwd: root,
      env,
      encoding: 'utf8',
    });
    expect(ran.status, ran.stderr).toBe(0);
    // Not being logged in is the one warning a dry run gives on a machine without a token.
    const warnings = ran.stderr
      .split('\n')
      .filter((line) => /^npm (warn|error)/i.test(line) && !/requires you to be logged in/.test(line));
    expect(warnings).toEqual([]);
    const report = (JSON.parse(ran.stdout) as Record<string, { files: { path: string }[] }>)[name];
    const files = new Set(report?.files.map((file) => file.path));
    for (const file of ['package.json', 'README.md', 'LICENSE', 'CHANGELOG.md'])
      expect(files).toContain(file);
    const targets = Object.values(manifest.exports).flatMap((target) =>
      typeof target === 'string' ? [target] : Object.values(target),
    );
    for (const target of [...targets, ...Object.values(manifest.bin ?? {})]) {
      const file = target.replace(/^\.\//, '');
      expect(existsSync(path.join(root, location, file)), `${file} exists (built?)`).toBe(true);
      expect(files, `${file} is in the tarball`).toContain(file);
    }
    expect([...files].filter((file) => /(^|\/)(test|test-d)\//.test(file))).toEqual([]);
  });
});
