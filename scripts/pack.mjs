// `npm run pack`: writes the tarball of every publishable workspace into packs/ (or --out DIR), exactly as
// `npm publish` would upload it, and prints how to install them. `--json` prints the tarballs instead, for
// the consumer test. Expects built packages (`npm run pack` builds first).
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, rmSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { publishableWorkspaces } from './publishable-workspaces.mjs';

const root = new URL('..', import.meta.url).pathname;
const { values } = parseArgs({ options: { out: { type: 'string' }, json: { type: 'boolean' } } });
const out = resolve(values.out ?? join(root, 'packs'));

const workspaces = publishableWorkspaces(root);
for (const workspace of workspaces) {
  if (!existsSync(join(workspace.dir, 'dist'))) {
    console.error(`${workspace.location} is not built (no dist/): run \`npm run build\` first`);
    process.exit(1);
  }
}
mkdirSync(out, { recursive: true });
// Tarballs of an older version would sit next to the new ones and be installed by a glob.
for (const file of readdirSync(out)) if (file.endsWith('.tgz')) rmSync(join(out, file));

const packed = JSON.parse(
  execFileSync(
    'npm',
    ['pack', '--json', '--pack-destination', out, ...workspaces.map((w) => `--workspace=${w.location}`)],
    { cwd: root, encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'] },
  ),
);
const tarballs = packed.map((entry) => ({
  name: entry.name,
  location: workspaces.find((w) => w.name === entry.name)?.location,
  version: entry.version,
  tarball: join(out, entry.filename),
  files: entry.entryCount,
  size: entry.size,
}));

if (values.json) {
  console.log(JSON.stringify(tarballs, null, 2));
} else {
  for (const t of tarballs) {
    console.log(`${t.tarball}  (${t.name}@${t.version}, ${t.files} files, ${(t.size / 1024).toFixed(0)} kB)`);
  }
  const tarballOf = (name) => tarballs.find((t) => t.name === name)?.tarball;
  const others = tarballs.filter((t) => t.name !== 'anysync' && t.name !== '@anysync/codegen');
  console.log('\nIn your project:');
  console.log(`  npm install ${tarballOf('anysync')}`);
  console.log(`  npm install --save-dev ${tarballOf('@anysync/codegen')}`);
  for (const t of others) console.log(`  npm install ${t.tarball}    # if you use ${t.name}`);
}
