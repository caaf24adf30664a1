import ts from 'typescript';

/** What a twin holds where its source awaited: a promise or thenable, or an async iterable. */
export type AsyncValueKind = 'promise' | 'async-iterable';

const UNKNOWABLE = ts.TypeFlags.Any | ts.TypeFlags.Unknown | ts.TypeFlags.Never;

/**
 * Whether a value of this type may be a promise or another thenable (an object with a callable `then`):
 * true when any member of a union is one, or when a type parameter's constraint is. `any` and
 * `unknown` say nothing, so they are not reported.
 */
export function mayBeThenable(checker: ts.TypeChecker, type: ts.Type): boolean {
  return someMember(checker, type, (member) => {
    const then = checker.getPropertyOfType(member, 'then');
    if (then === undefined) return false;
    const thenType = checker.getNonNullableType(checker.getTypeOfSymbol(then));
    return someMember(checker, thenType, (t) => t.getCallSignatures().length > 0);
  });
}

/**
 * Whether a value of this type may be iterable only asynchronously: it has `[Symbol.asyncIterator]`
 * but no `[Symbol.iterator]`, so a twin's `for … of` or `yield*` over it fails.
 */
export function mayBeAsyncIterableOnly(checker: ts.TypeChecker, type: ts.Type): boolean {
  return someMember(checker, type, (member) => {
    let asyncIterable = false;
    for (const property of checker.getPropertiesOfType(member)) {
      const name = property.escapedName as string;
      if (name.startsWith('__@iterator@')) return false;
      if (name.startsWith('__@asyncIterator@')) asyncIterable = true;
    }
    return asyncIterable;
  });
}

/** Whether `test` holds for a member of a union or intersection, or the constraint of a generic type. */
function someMember(
  checker: ts.TypeChecker,
  type: ts.Type,
  test: (member: ts.Type) => boolean,
  depth = 0,
): boolean {
  if (depth > 8 || type.flags & UNKNOWABLE) return false;
  if (type.isUnion()) return type.types.some((member) => someMember(checker, member, test, depth + 1));
  if (type.flags & ts.TypeFlags.Instantiable) {
    const constraint = checker.getBaseConstraintOfType(type);
    return (
      constraint !== undefined && constraint !== type && someMember(checker, constraint, test, depth + 1)
    );
  }
  if (type.flags & (ts.TypeFlags.Object | ts.TypeFlags.Intersection)) return test(type);
  return false;
}
