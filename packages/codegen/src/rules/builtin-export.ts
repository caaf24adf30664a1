import { isBuiltin } from 'node:module';
import ts from 'typescript';
import type { TransformContext } from '../transform/transform-context.js';
import { unwrap } from './call-root.js';

/**
 * Which export of a Node built-in an expression names, through every import form the mappings follow:
 * `readFile` imported by name (or `require`d), `fsp.readFile` of a namespace or default import,
 * `promises.readFile` of `import { promises } from 'node:fs'`, and `fs.promises.readFile`. The module is
 * normalised (`node:fs/promises`); `undefined` when the expression names no such export.
 */
export function builtinExportOf(
  expression: ts.Expression,
  context: TransformContext,
): { readonly module: string; readonly name: string } | undefined {
  const target = unwrap(expression);
  if (ts.isIdentifier(target)) {
    const binding = context.importBinding(target, target.text);
    if (!binding || binding.typeOnly || binding.shape !== 'named') return undefined;
    const module = moduleKeyOf(binding.specifier);
    if (module === 'node:fs' && binding.imported === 'promises') return undefined;
    return module === undefined ? undefined : { module, name: binding.imported };
  }
  if (!ts.isPropertyAccessExpression(target)) return undefined;
  const name = target.name.text;
  const object = unwrap(target.expression);
  if (ts.isIdentifier(object)) {
    const binding = context.importBinding(object, object.text);
    if (!binding || binding.typeOnly) return undefined;
    const module = moduleKeyOf(binding.specifier);
    if (module === undefined) return undefined;
    if (binding.shape === 'named') {
      return module === 'node:fs' && binding.imported === 'promises'
        ? { module: 'node:fs/promises', name }
        : undefined;
    }
    return { module, name };
  }
  if (
    ts.isPropertyAccessExpression(object) &&
    object.name.text === 'promises' &&
    ts.isIdentifier(object.expression)
  ) {
    const binding = context.importBinding(object.expression, object.expression.text);
    if (!binding || binding.shape === 'named' || moduleKeyOf(binding.specifier) !== 'node:fs')
      return undefined;
    return { module: 'node:fs/promises', name };
  }
  return undefined;
}

/** `node:x` for a built-in specifier (with or without the prefix), else `undefined`. */
function moduleKeyOf(specifier: string): string | undefined {
  if (specifier.startsWith('node:')) return specifier;
  return isBuiltin(specifier) ? `node:${specifier}` : undefined;
}
