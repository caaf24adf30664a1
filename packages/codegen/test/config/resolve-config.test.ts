import { describe, expect, it } from 'vitest';
import { resolveConfig } from '../../src/config/resolve-config.js';
import { tempProject } from '../support/temp-project.js';

describe('resolveConfig()', () => {
  const project = () => tempProject({ 'src/_async/a.ts': '', 'other/x.ts': '' });

  it('resolves rule paths against the root', () => {
    const { root } = project();
    const config = resolveConfig(
      { rules: [{ from: 'src/_async', to: 'src/_sync' }] },
      root,
      'anysync.config.json',
    );
    expect(config.rules).toEqual([{ from: `${root}/src/_async`, to: `${root}/src/_sync` }]);
  });

  it.each([
    [{}, /`rules` must be a non-empty array/],
    [{ rules: [] }, /`rules` must be a non-empty array/],
    [{ rules: [{ from: 'src/_async' }] }, /`rules\[0\]`\.to must be a directory path/],
    [{ rules: [{ from: 'missing', to: 'out' }] }, /`rules\[0\]`\.from: directory .*missing does not exist/],
    [
      { rules: [{ from: 'src/_async', to: 'src/_async' }] },
      /the output directory .* is the source directory or inside it/,
    ],
    [{ rules: [{ from: 'src/_async', to: 'src/_async/out' }] }, /is the source directory or inside it/],
    [
      {
        rules: [
          { from: 'src/_async', to: 'other' },
          { from: 'other', to: 'x' },
        ],
      },
      /overlaps the source directory/,
    ],
    [{ rules: [{ from: 'src/_async', to: 'out' }], colour: 1 }, /unknown option `colour`/],
    [
      { rules: [{ from: 'src/_async', to: 'out' }], severity: { nope: 'off' } },
      /`severity.nope` is not a rule/,
    ],
    [
      { rules: [{ from: 'src/_async', to: 'out' }], severity: { 'then-chain': 'loud' } },
      /must be 'error', 'warning' or 'off'/,
    ],
    [{ rules: [{ from: 'src/_async', to: 'out' }], exclude: 'x' }, /`exclude` must be an array/],
    [[], /the config must be an object/],
  ])('rejects %j', (raw, message) => {
    const { root } = project();
    expect(() => resolveConfig(raw, root, 'anysync.config.json')).toThrow(message);
  });

  it('names the config file in its messages', () => {
    const { root } = project();
    expect(() => resolveConfig({}, root, 'package.json#anysync')).toThrow(/^package\.json#anysync: /);
  });
});
