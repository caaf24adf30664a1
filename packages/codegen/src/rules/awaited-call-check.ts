import type ts from 'typescript';
import type { TransformContext } from '../transform/transform-context.js';
import { callRoot } from './call-root.js';

/**
 * Reports `await f()` where `f` comes from a module that is neither converted nor mapped: removing the
 * `await` would hand the twin a Promise where it expects a value.
 */
export function checkAwaitedCall(node: ts.AwaitExpression, context: TransformContext): void {
  const operand = node.expression;
  const found = callRoot(operand);
  if (!found) return;
  const binding = context.importBinding(node, found.root.text);
  if (!binding || binding.typeOnly || context.convertedModule(binding.specifier)) return;
  let entry = context.mappings.lookup(binding.specifier, context.fileName);
  let exportName = binding.shape === 'named' ? binding.imported : found.members[0];
  if (entry?.key === 'node:fs' && exportName === 'promises') {
    entry = context.mappings.lookup('node:fs/promises', context.fileName);
    exportName = binding.shape === 'named' ? found.members[0] : found.members[1];
  }
  if (entry && (entry.same || entry.error || entry.module !== undefined)) return;
  if (entry && exportName !== undefined && entry.exports.has(exportName)) return;
  const what = exportName === undefined ? `\`${found.root.text}\`` : `\`${exportName}\``;
  context.report(
    'unmapped-await',
    operand,
    `${what} from '${binding.specifier}' has no sync mapping, so the twin would receive a Promise where it awaited a value`,
    `map it in the config (\`mappings: { '${binding.specifier}': { exports: { ${exportName ?? 'name'}: 'nameSync' } } }\`), ` +
      `declare the module color-agnostic (\`{ same: true }\`), or keep this call in an \`if (IS_ASYNC)\` branch`,
  );
}
