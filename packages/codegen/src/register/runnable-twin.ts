import ts from 'typescript';
import type { ServedTwin } from '../build/twin-project.js';
import { moduleFormat } from './module-format.js';

/** A twin as Node runs it: JavaScript in the module format Node expects for its path. */
export interface RunnableTwin {
  readonly format: 'module' | 'commonjs';
  readonly source: string;
}

/**
 * Strips the twin's types with the bundled TypeScript (Node 20 runs no TypeScript; later versions
 * strip only some syntax), keeping `import` and `require` as they are, with an inline source map to
 * the twin's text. Type-only imports and exports are erased as `tsc` erases them.
 */
export function runnableTwin(twin: ServedTwin, code: string): RunnableTwin {
  const format = moduleFormat(twin.target);
  const { outputText, sourceMapText } = ts.transpileModule(code, {
    fileName: twin.target,
    compilerOptions: {
      module: format === 'module' ? ts.ModuleKind.ESNext : ts.ModuleKind.CommonJS,
      target: ts.ScriptTarget.ES2022,
      sourceMap: true,
      inlineSources: true,
      esModuleInterop: true,
      verbatimModuleSyntax: false,
      jsx: ts.JsxEmit.Preserve,
    },
  });
  const body = outputText.replace(/\n\/\/# sourceMappingURL=[^\n]*\s*$/, '\n');
  if (sourceMapText === undefined) return { format, source: body };
  const map = JSON.parse(sourceMapText) as { sources: string[] };
  map.sources = [twin.target];
  const inline = Buffer.from(JSON.stringify(map)).toString('base64');
  return { format, source: `${body}//# sourceMappingURL=data:application/json;base64,${inline}\n` };
}
