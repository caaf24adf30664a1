import { isBuiltin } from 'node:module';
import path from 'node:path';
import { isRelative } from '../mappings/mapping-table.js';
import { mapModulePath } from '../transform/path-rule.js';
import type { TransformContext } from '../transform/transform-context.js';

/**
 * The specifier the twin must use for a module the source imports as `specifier`: a mapped target
 * module, or a relative path re-aimed from the twin's location (through the rules when it points at
 * converted sources: `./x.js` becomes `./x-sync.js` when a file rule pairs `x.ts` with `x-sync.ts`). `undefined` when it stays as written.
 */
export function rewriteSpecifier(
  specifier: string,
  context: TransformContext,
  target?: string,
): string | undefined {
  if (target !== undefined) {
    const formatted = formatTarget(target, specifier, context);
    return formatted === specifier ? undefined : formatted;
  }
  if (!isRelative(specifier)) return undefined;
  // A twin written beside its source, with no directory rules: every relative path still holds.
  if (context.pathRules.length === 0 && context.outFileName === context.fileName) return undefined;
  const absolute = path.resolve(path.dirname(context.fileName), specifier);
  // A file the rules cover but that has no twin (excluded, or not code: `./data.json`) is imported
  // from where it is; re-aimed at the twins' directory, the import would name a file that never exists.
  const converted = isConverted(absolute, context);
  if (specifier.startsWith('./') && context.keepsSiblingSpecifiers && converted) return undefined;
  const mapped = (converted ? mapModulePath(absolute, context.pathRules) : undefined) ?? absolute;
  const relative = relativeSpecifier(path.dirname(context.outFileName), mapped, specifier.endsWith('/'));
  return relative === specifier ? undefined : relative;
}

/** Whether an imported path is a converted source (always, when the project's files are not known). */
function isConverted(absolute: string, context: TransformContext): boolean {
  const project = context.project;
  if (project === undefined) return true;
  const stem = absolute
    .replace(/\/$/, '')
    .replace(/\.(?:[cm]?[jt]sx?)$/, '')
    .replace(/\.d$/, '');
  return project.files.has(stem) || project.files.has(path.join(stem, 'index'));
}

function formatTarget(target: string, original: string, context: TransformContext): string {
  if (path.isAbsolute(target)) return relativeSpecifier(path.dirname(context.outFileName), target, false);
  if (target.startsWith('node:') && !original.startsWith('node:') && isBuiltin(original))
    return target.slice(5);
  return target;
}

function relativeSpecifier(fromDir: string, to: string, trailingSlash: boolean): string {
  let relative = path.relative(fromDir, to).split(path.sep).join('/');
  if (relative === '') relative = '.';
  if (!relative.startsWith('.')) relative = `./${relative}`;
  return trailingSlash && !relative.endsWith('/') ? `${relative}/` : relative;
}

/** A string literal with new content, in the quote style of the original literal's text. */
export function quoted(original: string, content: string): string {
  const quote = original.startsWith('"') ? '"' : original.startsWith('`') ? '`' : "'";
  return `${quote}${content}${quote}`;
}
