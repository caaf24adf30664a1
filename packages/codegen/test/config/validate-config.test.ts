import { describe, expect, it } from 'vitest';
import { formatConfigPath } from '../../src/config/config-issue.js';
import { validateConfig } from '../../src/config/validate-config.js';

const rules = [{ from: 'src/_async', to: 'src/_sync' }];

/** The issues as `path: message` lines, the way the CLI prints them. */
function problems(raw: unknown): string[] {
  return validateConfig(raw).map((issue) => `${formatConfigPath(issue.path)}: ${issue.message}`);
}

describe('validateConfig()', () => {
  it('accepts every documented shape', () => {
    expect(
      problems({
        $schema: './node_modules/@anysync/codegen/schema.json',
        rules: [...rules, { from: 'src/x.ts', to: 'src/x-sync.ts' }],
        exclude: ['**/*.test.ts'],
        names: {
          asyncPrefix: 'sync',
          asyncSuffix: 'keep',
          renames: { aclose: 'close' },
          keep: ['AsyncSearchClient'],
        },
        mappings: {
          'redis-async': 'redis',
          'pure-utils': { same: true },
          'node:dns/promises': { error: 'no blocking DNS', suggestion: 'resolve in the async twin' },
          'config-lib': {
            module: 'config-lib/sync',
            strict: true,
            exports: {
              readConfig: 'readConfigSync',
              load: { module: 'loader', name: 'loadSync' },
              format: { same: true },
              promises: {
                members: { lstat: 'lstatSync', stat: { module: 'other', name: 'statSync' } },
                module: 'fs',
              },
              watch: { error: 'async only', suggestion: 'keep it in the async twin' },
            },
          },
        },
        isAsyncMarker: 'IS_ASYNC',
        severity: { 'then-chain': 'off', marker: 'warning' },
        runtimeModule: 'anysync/runtime',
      }),
    ).toEqual([]);
  });

  it.each<[string, unknown, string[]]>([
    [
      'a config that is not an object',
      [],
      ['(the config): expected the config to be an object, got an array'],
    ],
    [
      'no rules',
      {},
      ['rules: missing "rules": a non-empty array of { "from", "to" } pairs (directories or files)'],
    ],
    [
      'empty rules',
      { rules: [] },
      [
        'rules: expected a non-empty array of { "from", "to" } pairs (directories or files), got an empty array',
      ],
    ],
    [
      'a misspelt rule key',
      { rules: [{ form: 'src/_async', to: 'out' }] },
      [
        'rules[0].form: unknown key "form" (did you mean "from"? known: from, to)',
        'rules[0].from: missing "from": a directory or file path',
      ],
    ],
    [
      'an empty path',
      { rules: [{ from: '', to: 'out' }] },
      ['rules[0].from: expected a directory or file path, got ""'],
    ],
    [
      'an unknown top-level key',
      { rules, severty: {} },
      [
        'severty: unknown key "severty" (did you mean "severity"? known: $schema, rules, exclude, names, mappings, isAsyncMarker, severity, runtimeModule)',
      ],
    ],
    [
      'an unknown key with nothing near',
      { rules, colour: 1 },
      [expect.stringMatching(/^colour: unknown key "colour" \(known: \$schema, rules/)],
    ],
    [
      'a bad prefix choice',
      { rules, names: { asyncPrefix: 'remove' } },
      ['names.asyncPrefix: expected "strip" | "sync" | "keep", got "remove"'],
    ],
    [
      'a near prefix choice',
      { rules, names: { asyncSuffix: 'stirp' } },
      ['names.asyncSuffix: expected "strip" | "keep", got "stirp" (did you mean "strip"?)'],
    ],
    [
      'a rename to a non-identifier',
      { rules, names: { renames: { aclose: 'close-it' } } },
      ['names.renames.aclose: expected an identifier that is not a reserved word, got "close-it"'],
    ],
    [
      'a rename of a non-identifier',
      { rules, names: { renames: { 'a-b': 'ab' } } },
      ['names.renames["a-b"]: "a-b" is not an identifier, so no name can match it'],
    ],
    [
      'keep not an array',
      { rules, names: { keep: 'AsyncX' } },
      ['names.keep: expected an array of identifiers, got "AsyncX"'],
    ],
    [
      'a misspelt names key',
      { rules, names: { asyncPrefx: 'keep' } },
      [
        'names.asyncPrefx: unknown key "asyncPrefx" (did you mean "asyncPrefix"? known: asyncPrefix, asyncSuffix, renames, keep)',
      ],
    ],
    [
      'a reserved marker',
      { rules, isAsyncMarker: 'default' },
      ['isAsyncMarker: expected an identifier (the name of the marker constant), got "default"'],
    ],
    ['exclude with a number', { rules, exclude: ['a', 3] }, ['exclude[1]: expected a path pattern, got 3']],
    [
      'an unknown severity rule',
      { rules, severity: { 'then-chains': 'off' } },
      [
        expect.stringMatching(
          /^severity\["then-chains"\]: unknown key "then-chains" \(did you mean "then-chain"\?/,
        ),
      ],
    ],
    [
      'syntax errors cannot be silenced',
      { rules, severity: { 'syntax-error': 'off' } },
      [expect.stringMatching(/^severity\["syntax-error"\]: unknown key/)],
    ],
    [
      'a bad severity level',
      { rules, severity: { 'then-chain': 'loud' } },
      ['severity["then-chain"]: expected "error" | "warning" | "off", got "loud"'],
    ],
    [
      'an empty runtime module',
      { rules, runtimeModule: '' },
      ['runtimeModule: expected a module specifier, got ""'],
    ],
    [
      'mappings not an object',
      { rules, mappings: ['x'] },
      ['mappings: expected an object of "module specifier": mapping, got an array'],
    ],
    [
      'an empty module mapping',
      { rules, mappings: { x: {} } },
      ['mappings.x: an empty mapping changes nothing: give "module", "exports", "strict", "same" or "error"'],
    ],
    [
      'an empty module target',
      { rules, mappings: { x: '' } },
      ['mappings.x: expected a module specifier, got ""'],
    ],
    [
      'a blank module key',
      { rules, mappings: { ' ': 'y' } },
      ['mappings[" "]: a module specifier cannot be empty'],
    ],
    [
      'same with exports',
      { rules, mappings: { 'config-lib': { same: true, exports: { readConfig: 'readConfigSync' } } } },
      [
        'mappings["config-lib"].exports: "same" cannot be combined with "exports": a module that serves both colors is used as it is, so it has no target, no export mappings and no error',
      ],
    ],
    [
      'same with strict',
      { rules, mappings: { x: { same: true, strict: true } } },
      [expect.stringMatching(/^mappings\.x\.strict: "same" cannot be combined with "strict"/)],
    ],
    [
      'same false',
      { rules, mappings: { x: { same: false } } },
      ['mappings.x.same: expected true (leave "same" out otherwise), got false'],
    ],
    [
      'error with a module',
      { rules, mappings: { x: { error: 'no', module: 'y' } } },
      [expect.stringMatching(/^mappings\.x\.module: "error" cannot be combined with "module"/)],
    ],
    [
      'a suggestion without an error',
      { rules, mappings: { x: { module: 'y', suggestion: 'z' } } },
      ['mappings.x.suggestion: "suggestion" goes with "error" (it is printed below the error)'],
    ],
    [
      'strict not a boolean',
      { rules, mappings: { x: { strict: 'yes' } } },
      ['mappings.x.strict: expected true or false, got "yes"'],
    ],
    [
      'a misspelt module key',
      { rules, mappings: { x: { export: {} } } },
      [
        expect.stringMatching(/^mappings\.x\.export: unknown key "export" \(did you mean "exports"\?/),
        expect.stringMatching(/an empty mapping/),
      ],
    ],
    [
      'an export renamed to a non-identifier',
      { rules, mappings: { 'config-lib': { exports: { readConfig: 'read-config' } } } },
      [
        'mappings["config-lib"].exports.readConfig: expected the name of an export of the module\'s target (an identifier, not a reserved word), got "read-config"',
      ],
    ],
    [
      'an export mixing error and name',
      { rules, mappings: { 'config-lib': { exports: { readConfig: { error: 'no', name: 'x' } } } } },
      [
        'mappings["config-lib"].exports.readConfig.name: "name" cannot be combined with "error": an export mapping is one of a name | { module?, name? } | { same: true } | { members, module? } | { error, suggestion? }',
      ],
    ],
    [
      'an export mixing same and members',
      { rules, mappings: { x: { exports: { p: { same: true, members: { a: 'b' } } } } } },
      [expect.stringMatching(/^mappings\.x\.exports\.p: mixes the shapes of "same" and "members"/)],
    ],
    [
      'an empty export mapping',
      { rules, mappings: { x: { exports: { p: {} } } } },
      [expect.stringMatching(/^mappings\.x\.exports\.p: an empty mapping: expected a name \|/)],
    ],
    [
      'an export same: false',
      { rules, mappings: { x: { exports: { p: { same: false } } } } },
      ['mappings.x.exports.p.same: expected true, got false'],
    ],
    [
      'an export named with a number',
      { rules, mappings: { x: { exports: { p: { name: 3 } } } } },
      ['mappings.x.exports.p.name: expected an export name (an identifier, not a reserved word), got 3'],
    ],
    [
      'empty members',
      { rules, mappings: { x: { exports: { promises: { members: {} } } } } },
      ['mappings.x.exports.promises.members: expected at least one member'],
    ],
    [
      'a bad member deep down',
      { rules, mappings: { x: { exports: { promises: { members: { lstat: { members: { a: 3 } } } } } } } },
      [
        expect.stringMatching(
          /^mappings\.x\.exports\.promises\.members\.lstat\.members\.a: expected a name \| .*, got 3$/,
        ),
      ],
    ],
    [
      'a members misspelling',
      { rules, mappings: { x: { exports: { p: { member: { a: 'b' } } } } } },
      [
        expect.stringMatching(/unknown key "member" \(did you mean "members"\?/),
        expect.stringMatching(/an empty mapping/),
      ],
    ],
  ])('reports %s', (_name, raw, expected) => {
    expect(problems(raw)).toEqual(expected);
  });

  it('reports every problem of a config at once', () => {
    const issues = validateConfig({
      rules: [{ from: 1, to: 2 }],
      names: { asyncPrefix: 'x', keep: [1] },
      nope: 1,
    });
    expect(issues.map((issue) => formatConfigPath(issue.path))).toEqual([
      'nope',
      'rules[0].from',
      'rules[0].to',
      'names.asyncPrefix',
      'names.keep[0]',
    ]);
  });
});
