import { describe, expect, it } from 'vitest';
import { resolveConfig } from '../../src/config/resolve-config.js';
import { tempProject } from '../support/temp-project.js';

describe('resolveConfig()', () => {
  const project = () =>
    tempProject({
      'src/_async/a.ts': '',
      'other/x.ts': '',
      'lib/x.ts': '',
      'lib/y.mts': '',
      'lib/notes.md': '',
    });

  it('resolves rule paths against the root, directories and files apart', () => {
    const { root } = project();
    const config = resolveConfig(
      {
        rules: [
          { from: 'src/_async', to: 'src/_sync' },
          { from: 'lib/x.ts', to: 'lib/x-sync.ts' },
        ],
      },
      root,
      'anysync.config.json',
    );
    expect(config.rules).toEqual([
      { from: `${root}/src/_async`, to: `${root}/src/_sync`, kind: 'directory' },
      { from: `${root}/lib/x.ts`, to: `${root}/lib/x-sync.ts`, kind: 'file' },
    ]);
  });

  it.each<[string, unknown, RegExp]>([
    [
      'a missing source',
      { rules: [{ from: 'missing', to: 'out' }] },
      /^c: rules\[0\]\.from: .*\/missing does not exist$/,
    ],
    [
      'an output directory that is its source',
      { rules: [{ from: 'src/_async', to: 'src/_async' }] },
      /rules\[0\]\.to: .*src\/_async is the source directory or inside it: twins would overwrite sources/,
    ],
    [
      'an output inside its source',
      { rules: [{ from: 'src/_async', to: 'src/_async/out' }] },
      /is the source directory or inside it/,
    ],
    [
      'a file as the output directory',
      { rules: [{ from: 'src/_async', to: 'lib/x.ts' }] },
      /rules\[0\]\.to: .*lib\/x\.ts is a file: a directory of sources pairs with a directory of twins/,
    ],
    [
      "an output directory holding another rule's sources",
      {
        rules: [
          { from: 'src/_async', to: 'src/_sync' },
          { from: 'other', to: 'src' },
        ],
      },
      /rules\[1\]\.to: holds the sources of rules\[0\]/,
    ],
    [
      "an output directory that is another rule's sources",
      {
        rules: [
          { from: 'src/_async', to: 'other' },
          { from: 'other', to: 'x' },
        ],
      },
      /rules\[0\]\.to: is the source of rules\[1\]: the twin would overwrite it/,
    ],
    [
      'an output directory holding its own sources',
      { rules: [{ from: 'src/_async', to: 'src' }] },
      /rules\[0\]\.to: .*src holds the source directory/,
    ],
    [
      'a file rule onto itself',
      { rules: [{ from: 'lib/x.ts', to: 'lib/x.ts' }] },
      /rules\[0\]\.to: is the source itself: the twin would overwrite it/,
    ],
    [
      'a file rule onto another source',
      {
        rules: [
          { from: 'lib/x.ts', to: 'other/x.ts' },
          { from: 'other/x.ts', to: 'other/x-sync.ts' },
        ],
      },
      /rules\[0\]\.to: is the source of rules\[1\]: the twin would overwrite it/,
    ],
    [
      'a file twin in a source directory',
      {
        rules: [
          { from: 'lib/x.ts', to: 'src/_async/x-sync.ts' },
          { from: 'src/_async', to: 'src/_sync' },
        ],
      },
      /rules\[0\]\.to: lies in the source directory of rules\[1\] .*: the twin would be read as a source/,
    ],
    [
      'a file rule changing the extension',
      { rules: [{ from: 'lib/x.ts', to: 'lib/x-sync.mts' }] },
      /rules\[0\]\.to: must end in \.ts like its source: the twin keeps its source's language and module format/,
    ],
    [
      'a file rule dropping the extension',
      { rules: [{ from: 'lib/y.mts', to: 'lib/y-sync' }] },
      /must end in \.mts like its source/,
    ],
    [
      'a file rule onto a directory',
      { rules: [{ from: 'lib/x.ts', to: 'other' }] },
      /rules\[0\]\.to: must end in \.ts/,
    ],
    [
      'a file rule of a file anysync does not read',
      { rules: [{ from: 'lib/notes.md', to: 'lib/notes-sync.md' }] },
      /rules\[0\]\.from: .*notes\.md is not a source anysync reads/,
    ],
    [
      'two file rules for one source',
      {
        rules: [
          { from: 'lib/x.ts', to: 'lib/x1.ts' },
          { from: 'lib/x.ts', to: 'lib/x2.ts' },
        ],
      },
      /rules\[1\]\.from: pairs the same source as rules\[0\]/,
    ],
    [
      'two file rules with one twin',
      {
        rules: [
          { from: 'lib/x.ts', to: 'out/z.ts' },
          { from: 'other/x.ts', to: 'out/z.ts' },
        ],
      },
      /rules\[1\]\.to: is also the twin of rules\[0\]/,
    ],
    [
      'an excluded file rule',
      { rules: [{ from: 'lib/x.ts', to: 'lib/x-sync.ts' }], exclude: ['lib/**'] },
      /rules\[0\]\.from: lib\/x\.ts is excluded by "lib\/\*\*": drop the rule or the exclusion/,
    ],
    [
      'an invalid shape',
      { rules: [{ from: 'src/_async', to: 'out' }], colour: 1 },
      /^c: unknown key "colour"/,
    ],
  ])('rejects %s', (_name, raw, message) => {
    const { root } = project();
    expect(() => resolveConfig(raw, root, 'c')).toThrow(message);
  });

  it('lets a file rule take one file of a directory rule (the most specific rule wins)', () => {
    const { root } = project();
    const config = resolveConfig(
      {
        rules: [
          { from: 'src/_async', to: 'src/_sync' },
          { from: 'src/_async/a.ts', to: 'lib/a-sync.ts' },
        ],
      },
      root,
      'c',
    );
    expect(config.rules.map((rule) => rule.kind)).toEqual(['directory', 'file']);
  });

  it('names the config file in its messages', () => {
    const { root } = project();
    expect(() => resolveConfig({}, root, 'package.json#anysync')).toThrow(/^package\.json#anysync: /);
  });
});
