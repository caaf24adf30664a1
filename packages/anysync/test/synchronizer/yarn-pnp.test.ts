// Yarn PnP: no node_modules, packages resolved by Yarn's runtime (.pnp.cjs) and its ES module loader
// (.pnp.loader.mjs). A worker without them cannot resolve a single package. Real Yarn (the
// @yarnpkg/cli-dist package) installs a real project from the npm registry npm itself uses.
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const YARN = createRequire(import.meta.url).resolve('@yarnpkg/cli-dist/bin/yarn.js');
const PACKAGE = fileURLToPath(new URL('../../', import.meta.url));
let project: string;

beforeAll(() => {
  project = mkdtempSync(join(tmpdir(), 'anysync-pnp-'));
  // From the new directory: npm refuses `config` inside a workspace, as when vitest runs from the package.
  const registry = execFileSync('npm', ['config', 'get', 'registry'], {
    encoding: 'utf8',
    cwd: project,
  })
    .trim()
    .replace(/\/$/, '');
  writeFileSync(
    join(project, 'package.json'),
    JSON.stringify({
      name: 'pnp-tool',
      private: true,
      type: 'module',
      dependencies: { anysync: `portal:${PACKAGE}`, 'is-number': '7.0.0' },
    }),
  );
  // Yarn turns immutable installs on when CI is set, and this fresh project has no lockfile yet.
  writeFileSync(
    join(project, '.yarnrc.yml'),
    `nodeLinker: pnp\nnpmRegistryServer: "${registry}"\nenableTelemetry: false\nenableGlobalCache: false\nenableImmutableInstalls: false\n`,
  );
  // The worker module needs a package only Yarn's runtime can find.
  writeFileSync(
    join(project, 'worker.mjs'),
    "import isNumber from 'is-number';\nexport async function check(value) { return isNumber(value); }\n",
  );
  writeFileSync(
    join(project, 'main.mjs'),
    `import { Synchronizer } from 'anysync/synchronizer';
     const api = new Synchronizer().load(new URL('./worker.mjs', import.meta.url));
     console.log(JSON.stringify({ pnp: Boolean(process.versions.pnp), five: api.check(5), text: api.check('x') }));`,
  );
  // A program that sets PnP up itself: no flag brings Yarn's runtime to the worker.
  writeFileSync(
    join(project, 'setup.cjs'),
    `require('./.pnp.cjs').setup();
     const { register } = require('node:module');
     const { pathToFileURL } = require('node:url');
     require('anysync/synchronizer');
     register(pathToFileURL(require.resolve('./.pnp.loader.mjs')));
     import('./main.mjs');`,
  );
  yarnInstall(project);
}, 300_000);

// The install fetches from the registry: a dropped connection is retried, and a failure shows Yarn's own
// report instead of a bare exit status.
function yarnInstall(cwd: string) {
  let report = '';
  for (let attempt = 1; attempt <= 3; attempt++) {
    const ran = spawnSync(process.execPath, [YARN, 'install'], {
      cwd,
      encoding: 'utf8',
      timeout: 90_000,
    });
    if (ran.status === 0) return;
    report = `attempt ${attempt}: status ${ran.status} ${ran.signal ?? ''}\n${ran.stdout}\n${ran.stderr}`;
  }
  throw new Error(`yarn install failed three times in ${cwd}:\n${report}`);
}

afterAll(() => rmSync(project, { recursive: true, force: true }));

function expectWorks(result: ReturnType<typeof spawnSync>) {
  const errors = String(result.stderr)
    .split('\n')
    .filter(
      (line) =>
        line.trim() && !/ExperimentalWarning|--trace-warnings|--import 'data:|register\(\)/.test(line),
    );
  expect(errors).toEqual([]);
  expect(JSON.parse(String(result.stdout))).toEqual({
    pnp: true,
    five: true,
    text: false,
  });
}

describe('Yarn PnP', () => {
  it('yarn node: the worker inherits the runtime and loader of NODE_OPTIONS', { timeout: 60_000 }, () => {
    expectWorks(
      spawnSync(process.execPath, [YARN, 'node', 'main.mjs'], {
        cwd: project,
        encoding: 'utf8',
        timeout: 50_000,
      }),
    );
  });

  it('PnP set up by the program itself: the synchronizer carries the runtime and loader over', {
    timeout: 60_000,
  }, () => {
    const env = { ...process.env };
    delete env.NODE_OPTIONS;
    expectWorks(
      spawnSync(process.execPath, ['setup.cjs'], {
        cwd: project,
        encoding: 'utf8',
        timeout: 50_000,
        env,
      }),
    );
  });
});
