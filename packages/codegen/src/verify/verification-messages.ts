import path from 'node:path';
import ts from 'typescript';
import type { Diagnostic, Severity } from '../diagnostics/diagnostic.js';
import type { HeldPromise } from './held-promises.js';
import type { NewTypeError } from './new-type-errors.js';
import { sourceDiagnostic } from './source-diagnostic.js';

type Source = { readonly fileName: string; readonly text: string };

const WHERE: Record<string, string> = {
  await: 'where the source awaited it: without `await` it stays a promise',
  return: 'where the async function returned its awaited value: the twin returns the promise itself',
  'arrow-body':
    "where the async arrow returned its awaited value: the twin's arrow returns the promise itself",
  yield: 'where the async generator yielded its awaited value: the twin yields the promise itself',
};

/** The `twin-holds-promise` diagnostic for a finding, at the source expression it comes from. */
export function heldPromiseDiagnostic(source: Source, finding: HeldPromise, severity: Severity): Diagnostic {
  const type = `\`${finding.typeText}\``;
  const message =
    finding.holds === 'async-iterable'
      ? finding.site.kind === 'yield-delegate'
        ? `the twin delegates with \`yield*\` to ${type}, which is only async-iterable`
        : `the twin iterates ${type} with \`for … of\`, but it is only async-iterable`
      : finding.holds === 'promise-elements'
        ? finding.site.kind === 'promise-all'
          ? `the twin gets ${type}, whose elements are promises: \`Promise.all()\` awaited each of them`
          : `the twin iterates ${type}, whose elements are promises: \`for await\` awaited each of them, \`for … of\` does not`
        : `the twin holds ${type} ${WHERE[finding.site.kind] ?? WHERE.await}`;
  const suggestion =
    finding.holds === 'promise'
      ? 'give the twin a sync counterpart of what produces this promise: map its module or export in `mappings`, ' +
        'make it a converted async function (its twin is sync), or keep this code in an `if (IS_ASYNC)` branch'
      : 'give the twin something it can iterate synchronously: map the source of these values to a sync counterpart ' +
        'in `mappings`, or keep the loop in an `if (IS_ASYNC)` branch';
  const expression = finding.site.expression;
  return sourceDiagnostic(source, {
    rule: 'twin-holds-promise',
    severity,
    start: expression.getStart(expression.getSourceFile()),
    end: expression.end,
    message,
    suggestion,
  });
}

/** The `twin-type-error` diagnostic for a compiler error of a twin, at the source text it maps back to. */
export function newTypeErrorDiagnostic(
  source: Source,
  target: string,
  cwd: string,
  error: NewTypeError,
  severity: Severity,
): Diagnostic {
  const { diagnostic } = error;
  const twinFile = diagnostic.file;
  const where =
    twinFile && diagnostic.start !== undefined
      ? (() => {
          const { line, character } = twinFile.getLineAndCharacterOfPosition(diagnostic.start);
          return `${line + 1}:${character + 1}`;
        })()
      : '1:1';
  const text = ts.flattenDiagnosticMessageText(diagnostic.messageText, ' ');
  const twin = path.relative(cwd, path.resolve(target)).split(path.sep).join('/') || target;
  return sourceDiagnostic(source, {
    rule: 'twin-type-error',
    severity,
    start: error.sourceStart,
    end: error.sourceEnd,
    message: `the twin has a type error here that its source does not have: ${twin}:${where}: TS${diagnostic.code}: ${text}`,
    suggestion:
      'the conversion changed what this code means in the twin: give the API it uses a sync counterpart in `mappings`, ' +
      'or keep this code in an `if (IS_ASYNC)` branch',
  });
}
