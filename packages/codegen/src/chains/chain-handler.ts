import ts from 'typescript';
import { unwrap } from '../rules/call-root.js';

/**
 * How a `.then`/`.catch`/`.finally` callback goes into the twin:
 * - `inline`: an arrow whose parameter can be a `catch` binding and whose body can be written in place
 *   (`(err) => fallback(err)` → `catch (err) { return fallback(err); }`);
 * - `call`: anything else is called where the promise would have called it, with one argument
 *   (`catch (error) { return onError(error); }`): exact for every callback, only less pretty.
 */
export type HandlerShape =
  | {
      readonly kind: 'inline';
      readonly param: ts.ParameterDeclaration | undefined;
      readonly body: ts.ConciseBody;
    }
  | {
      readonly kind: 'call';
      readonly callee: ts.Expression;
      /** The type the callback declares for its argument (the caught value is then cast to it). */
      readonly paramType: ts.TypeNode | undefined;
    };

/** Decides how a handler is written into the twin (see {@link HandlerShape}). */
export function handlerShape(handler: ts.Expression): HandlerShape {
  const bare = unwrap(handler);
  if (ts.isArrowFunction(bare) && bare.typeParameters === undefined && bare.parameters.length <= 1) {
    const [param] = bare.parameters;
    if (param === undefined || isPlainParameter(param)) return { kind: 'inline', param, body: bare.body };
  }
  const fn = ts.isArrowFunction(bare) || ts.isFunctionExpression(bare) ? bare : undefined;
  const first = fn?.parameters[0];
  return { kind: 'call', callee: handler, paramType: first?.dotDotDotToken ? undefined : first?.type };
}

/**
 * A parameter that reads like a `catch` binding: a name or a destructuring pattern, without a default
 * value, a rest, or a type other than `unknown`/`any` (the only ones a `catch` binding may have).
 */
function isPlainParameter(param: ts.ParameterDeclaration): boolean {
  if (param.dotDotDotToken || param.initializer || param.questionToken) return false;
  if (ts.isIdentifier(param.name) && param.name.text === 'this') return false;
  const type = param.type;
  return (
    type === undefined || type.kind === ts.SyntaxKind.UnknownKeyword || type.kind === ts.SyntaxKind.AnyKeyword
  );
}

/**
 * Whether a block's own code (not nested functions) holds a `return`: inlined where the twin's result
 * is not returned, such a block would return from the enclosing function instead.
 */
export function hasOwnReturn(block: ts.Block): boolean {
  let found = false;
  const visit = (node: ts.Node): void => {
    if (found || ts.isFunctionLike(node) || ts.isClassLike(node)) return;
    if (ts.isReturnStatement(node)) found = true;
    else ts.forEachChild(node, visit);
  };
  ts.forEachChild(block, visit);
  return found;
}

/**
 * Whether a block never completes normally: its last statement returns or throws (or is a block or
 * `if`/`else` whose every branch does). Inlined where the twin returns the result, a block that can
 * complete would fall through into the code after the `try`.
 */
export function endsAbruptly(statement: ts.Statement | undefined): boolean {
  if (statement === undefined) return false;
  if (ts.isReturnStatement(statement) || ts.isThrowStatement(statement)) return true;
  if (ts.isBlock(statement)) return endsAbruptly(statement.statements[statement.statements.length - 1]);
  if (ts.isIfStatement(statement))
    return (
      statement.elseStatement !== undefined &&
      endsAbruptly(statement.thenStatement) &&
      endsAbruptly(statement.elseStatement)
    );
  return false;
}

/** Whether code holds a `yield` of its own (an arrow around it would not be a generator). */
export function hasOwnYield(node: ts.Node): boolean {
  let found = false;
  const visit = (child: ts.Node): void => {
    if (found || ts.isFunctionLike(child) || ts.isClassLike(child)) return;
    if (ts.isYieldExpression(child)) found = true;
    else ts.forEachChild(child, visit);
  };
  visit(node);
  return found;
}
