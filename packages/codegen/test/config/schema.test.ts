import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { Ajv } from 'ajv';
import { describe, expect, it } from 'vitest';
import { RESERVED_WORDS } from '../../src/config/identifier-name.js';
import { SEVERITY_RULES, validateConfig } from '../../src/config/validate-config.js';

const require = createRequire(import.meta.url);
const schemaFile = require.resolve('@anysync/codegen/schema.json');
const schema = JSON.parse(readFileSync(schemaFile, 'utf8')) as {
  properties: { severity: { properties: Record<string, unknown> } };
  definitions: { bindingName: { allOf: [unknown, { not: { enum: string[] } }] } };
};
const ajv = new Ajv({ allErrors: true });
const schemaAccepts = ajv.compile(schema);

const rules = [{ from: 'src/_async', to: 'src/_sync' }];
const module = (mapping: unknown) => ({ rules, mappings: { 'some-lib': mapping } });
const exported = (mapping: unknown) => module({ exports: { load: mapping } });

/** Configs both judges must agree on; `true` marks the valid ones (a check that each side can fail). */
const TABLE: [string, unknown, boolean][] = [
  ['the smallest config', { rules }, true],
  ['a file rule', { rules: [{ from: 'src/x.ts', to: 'src/x-sync.ts' }] }, true],
  [
    'every top-level key',
    {
      $schema: 's.json',
      rules,
      exclude: ['a'],
      isAsyncMarker: 'IS_ASYNC',
      runtimeModule: 'rt',
      severity: { marker: 'off' },
    },
    true,
  ],
  ['not an object', [], false],
  ['null', null, false],
  ['no rules', {}, false],
  ['empty rules', { rules: [] }, false],
  ['a rule without to', { rules: [{ from: 'a' }] }, false],
  ['a rule with an extra key', { rules: [{ from: 'a', to: 'b', via: 'c' }] }, false],
  ['an empty rule path', { rules: [{ from: '', to: 'b' }] }, false],
  ['an unknown key', { rules, colour: 1 }, false],
  ['an empty $schema', { rules, $schema: '' }, false],
  ['exclude as a string', { rules, exclude: 'a' }, false],
  ['an empty exclude pattern', { rules, exclude: [''] }, false],
  [
    'every name option',
    {
      rules,
      names: {
        asyncPrefix: 'keep',
        asyncSuffix: 'strip',
        renames: { aclose: 'close', deleteAsync: 'remove' },
        keep: ['Async$x', 'café'],
      },
    },
    true,
  ],
  ['a bad prefix', { rules, names: { asyncPrefix: 'remove' } }, false],
  ['asyncSuffix: sync', { rules, names: { asyncSuffix: 'sync' } }, false],
  ['an unknown names key', { rules, names: { prefix: 'keep' } }, false],
  ['a rename to a dashed name', { rules, names: { renames: { a: 'b-c' } } }, false],
  ['a rename to a reserved word', { rules, names: { renames: { deleteAsync: 'delete' } } }, false],
  ['a rename from a dashed name', { rules, names: { renames: { 'b-c': 'a' } } }, false],
  ['a rename to a name starting with a digit', { rules, names: { renames: { a: '1b' } } }, false],
  ['keep with an empty name', { rules, names: { keep: [''] } }, false],
  ['a Unicode marker', { rules, isAsyncMarker: 'ÉTAT_ASYNC' }, true],
  ['a reserved marker', { rules, isAsyncMarker: 'default' }, false],
  ['a marker with a space', { rules, isAsyncMarker: 'IS ASYNC' }, false],
  ['an unknown severity rule', { rules, severity: { nope: 'off' } }, false],
  ['a syntax-error severity', { rules, severity: { 'syntax-error': 'off' } }, false],
  ['a bad severity level', { rules, severity: { marker: 'loud' } }, false],
  ['an empty runtime module', { rules, runtimeModule: '' }, false],
  ['a module replaced', module('other-lib'), true],
  ['a module replaced by nothing', module(''), false],
  ['a blank module key', { rules, mappings: { '  ': 'x' } }, false],
  ['a module with every mapping key', module({ module: 'x', strict: false, exports: { a: 'b' } }), true],
  ['strict alone', module({ strict: true }), true],
  ['an empty module mapping', module({}), false],
  ['same', module({ same: true }), true],
  ['same: false', module({ same: false }), false],
  ['same with exports', module({ same: true, exports: { a: 'b' } }), false],
  ['same with module', module({ same: true, module: 'x' }), false],
  ['same with strict', module({ same: true, strict: true }), false],
  ['same with error', module({ same: true, error: 'x' }), false],
  ['same with a suggestion', module({ same: true, suggestion: 'x' }), false],
  ['an error', module({ error: 'no', suggestion: 'use the async twin' }), true],
  ['an empty error', module({ error: '' }), false],
  ['an error with exports', module({ error: 'no', exports: { a: 'b' } }), false],
  ['an error with strict', module({ error: 'no', strict: false }), false],
  ['a suggestion alone', module({ suggestion: 'x' }), false],
  ['strict as a string', module({ strict: 'yes' }), false],
  ['an unknown module key', module({ exports: {}, export: {} }), false],
  ['an export key with a dash', module({ exports: { 'a-b': 'c' } }), false],
  ['an export renamed', exported('loadSync'), true],
  ['an export renamed to default', exported('default'), false],
  ['the default export renamed', module({ exports: { default: 'loadSync' } }), true],
  ['an export moved to a reserved name', exported({ name: 'delete' }), false],
  ['a member renamed to a reserved word', exported({ members: { a: 'class' } }), false],
  ['an export renamed to nothing', exported(''), false],
  ['an export moved', exported({ module: 'x', name: 'y' }), true],
  ['an export moved to a module only', exported({ module: 'x' }), true],
  ['an export moved to an empty module', exported({ module: '' }), false],
  ['an export moved to a bad name', exported({ name: 'a b' }), false],
  ['an empty export mapping', exported({}), false],
  ['an export same', exported({ same: true }), true],
  ['an export same: false', exported({ same: false }), false],
  ['an export same with a name', exported({ same: true, name: 'x' }), false],
  ['an export error', exported({ error: 'no', suggestion: 'later' }), true],
  ['an export error with a name', exported({ error: 'no', name: 'x' }), false],
  ['an export suggestion alone', exported({ suggestion: 'x' }), false],
  ['an export moved with a suggestion', exported({ name: 'x', suggestion: 'y' }), false],
  ['members', exported({ members: { lstat: 'lstatSync', stat: { same: true } }, module: 'fs' }), true],
  ['nested members', exported({ members: { a: { members: { b: { error: 'no' } } } } }), true],
  ['empty members', exported({ members: {} }), false],
  ['members with a name', exported({ members: { a: 'b' }, name: 'x' }), false],
  ['members with same', exported({ members: { a: 'b' }, same: true }), false],
  ['a bad member', exported({ members: { a: 3 } }), false],
  ['a member with a dash', exported({ members: { 'a-b': 'c' } }), false],
  ['members as a string', exported({ members: 'a' }), false],
  ['an unknown export key', exported({ nme: 'x' }), false],
];

describe('the JSON Schema (@anysync/codegen/schema.json)', () => {
  it.each(TABLE)('and validateConfig() judge %s the same', (_name, config, valid) => {
    const issues = validateConfig(config);
    const accepted = schemaAccepts(config);
    expect({ validator: issues.length === 0, schema: accepted }).toEqual({ validator: valid, schema: valid });
  });

  it('lists the severity rules and the reserved words the validator knows', () => {
    expect(Object.keys(schema.properties.severity.properties).sort()).toEqual([...SEVERITY_RULES].sort());
    expect(schema.definitions.bindingName.allOf[1].not.enum.sort()).toEqual([...RESERVED_WORDS].sort());
  });
});
