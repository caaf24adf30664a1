import type { ConfigChecker } from './config-checker.js';
import { isBindingName, isIdentifierName } from './identifier-name.js';
import type { JsonPath } from './json-document.js';

const MODULE_KEYS = ['module', 'exports', 'strict', 'same', 'error', 'suggestion'];
const EXPORT_KEYS = ['module', 'name', 'same', 'members', 'error', 'suggestion'];

/** The shapes of an export mapping, by the key that marks each (a move has none), and their keys. */
const EXPORT_SHAPES = {
  same: ['same'],
  members: ['members', 'module'],
  error: ['error', 'suggestion'],
  moved: ['module', 'name'],
} as const;

const EXPORT_SHAPE_LIST =
  'a name | { module?, name? } | { same: true } | { members, module? } | { error, suggestion? }';

/** Checks `mappings`: each module's mapping and each export's, whatever the depth. */
export function checkMappings(value: unknown, check: ConfigChecker): void {
  const mappings = check.record(value, ['mappings'], 'an object of "module specifier": mapping');
  for (const [specifier, mapping] of Object.entries(mappings ?? {})) {
    const path = ['mappings', specifier];
    if (specifier.trim() === '') check.report(path, 'a module specifier cannot be empty', true);
    checkModuleMapping(mapping, path, check);
  }
}

function checkModuleMapping(value: unknown, path: JsonPath, check: ConfigChecker): void {
  if (typeof value === 'string') {
    check.text(value, path, 'a module specifier');
    return;
  }
  const mapping = check.object(
    value,
    path,
    MODULE_KEYS,
    'a module specifier or an object { module?, exports?, strict?, same?, error?, suggestion? }',
  );
  if (mapping === undefined) return;
  const present = MODULE_KEYS.filter((key) => mapping[key] !== undefined);
  if (present.length === 0) {
    check.report(
      path,
      'an empty mapping changes nothing: give "module", "exports", "strict", "same" or "error"',
    );
  }
  if (mapping.module !== undefined) check.text(mapping.module, [...path, 'module'], 'a module specifier');
  if (mapping.strict !== undefined && typeof mapping.strict !== 'boolean') {
    check.expected([...path, 'strict'], 'true or false', mapping.strict);
  }
  if (mapping.same !== undefined && mapping.same !== true) {
    check.expected([...path, 'same'], 'true (leave "same" out otherwise)', mapping.same);
  }
  if (mapping.error !== undefined)
    check.text(mapping.error, [...path, 'error'], 'the reason, a non-empty string');
  if (mapping.suggestion !== undefined) check.text(mapping.suggestion, [...path, 'suggestion']);
  if (mapping.same !== undefined) {
    for (const key of present.filter((key) => key !== 'same')) {
      check.report(
        [...path, key],
        `"same" cannot be combined with "${key}": a module that serves both colors is used as it is, so it has no target, no export mappings and no error`,
        true,
      );
    }
  } else if (mapping.error !== undefined) {
    for (const key of present.filter((key) => key !== 'error' && key !== 'suggestion')) {
      check.report(
        [...path, key],
        `"error" cannot be combined with "${key}": a module with no sync counterpart has nothing to map (only "suggestion" goes with "error")`,
        true,
      );
    }
  } else if (mapping.suggestion !== undefined) {
    check.report(
      [...path, 'suggestion'],
      '"suggestion" goes with "error" (it is printed below the error)',
      true,
    );
  }
  if (mapping.exports !== undefined) {
    const exports = check.record(
      mapping.exports,
      [...path, 'exports'],
      'an object of "export name": mapping',
    );
    for (const [name, target] of Object.entries(exports ?? {})) {
      checkExportName(name, [...path, 'exports', name], check);
      checkExportMapping(target, [...path, 'exports', name], check);
    }
  }
}

function checkExportName(name: string, path: JsonPath, check: ConfigChecker): void {
  if (!isIdentifierName(name)) check.report(path, `"${name}" is not an export name (an identifier)`, true);
}

function checkExportMapping(value: unknown, path: JsonPath, check: ConfigChecker): void {
  if (typeof value === 'string') {
    // The twin imports the target under its own name: `import { delete }` would not parse.
    if (!isBindingName(value)) {
      check.expected(
        path,
        "the name of an export of the module's target (an identifier, not a reserved word)",
        value,
      );
    }
    return;
  }
  const mapping = check.object(value, path, EXPORT_KEYS, EXPORT_SHAPE_LIST);
  if (mapping === undefined) return;
  const present = EXPORT_KEYS.filter((key) => mapping[key] !== undefined);
  const markers = (['same', 'members', 'error'] as const).filter((key) => mapping[key] !== undefined);
  if (markers.length > 1) {
    check.report(
      path,
      `mixes the shapes of ${markers.map((key) => `"${key}"`).join(' and ')}: an export mapping is one of ${EXPORT_SHAPE_LIST}`,
    );
    return;
  }
  const shape = markers[0] ?? 'moved';
  const allowed: readonly string[] = EXPORT_SHAPES[shape];
  for (const key of present.filter((key) => !allowed.includes(key))) {
    const why =
      key === 'suggestion' ? '"suggestion" goes with "error"' : `"${key}" cannot be combined with "${shape}"`;
    check.report([...path, key], `${why}: an export mapping is one of ${EXPORT_SHAPE_LIST}`, true);
  }
  if (present.length === 0) check.report(path, `an empty mapping: expected ${EXPORT_SHAPE_LIST}`);
  if (mapping.module !== undefined) check.text(mapping.module, [...path, 'module'], 'a module specifier');
  if (mapping.name !== undefined && !(typeof mapping.name === 'string' && isBindingName(mapping.name))) {
    check.expected([...path, 'name'], 'an export name (an identifier, not a reserved word)', mapping.name);
  }
  if (mapping.same !== undefined && mapping.same !== true)
    check.expected([...path, 'same'], 'true', mapping.same);
  if (mapping.error !== undefined)
    check.text(mapping.error, [...path, 'error'], 'the reason, a non-empty string');
  if (mapping.suggestion !== undefined) check.text(mapping.suggestion, [...path, 'suggestion']);
  if (mapping.members !== undefined) checkMembers(mapping.members, [...path, 'members'], check);
}

function checkMembers(value: unknown, path: JsonPath, check: ConfigChecker): void {
  const members = check.record(value, path, 'an object of "member name": mapping');
  if (members === undefined) return;
  if (Object.keys(members).length === 0) check.report(path, 'expected at least one member');
  for (const [name, target] of Object.entries(members)) {
    checkExportName(name, [...path, name], check);
    checkExportMapping(target, [...path, name], check);
  }
}
