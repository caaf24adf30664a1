import ts from 'typescript';

/**
 * The types a sync `for … of` over a value of this type gives its loop variable, read from the
 * `[Symbol.iterator]().next()` results that are not `done`. Empty when the type is not iterable or
 * says nothing (`any`).
 */
export function iteratedTypes(checker: ts.TypeChecker, type: ts.Type, site: ts.Node): ts.Type[] {
  const members = type.isUnion() ? type.types : [type];
  return members.flatMap((member) => {
    const iterator = returnTypesOf(checker, propertyType(checker, member, site, '__@iterator@'));
    const results = iterator.flatMap((it) => returnTypesOf(checker, propertyType(checker, it, site, 'next')));
    return results.flatMap((result) =>
      (result.isUnion() ? result.types : [result]).flatMap((step) => {
        const done = propertyType(checker, step, site, 'done');
        if (done && done.flags & ts.TypeFlags.BooleanLiteral && checker.typeToString(done) === 'true')
          return [];
        const value = propertyType(checker, step, site, 'value');
        return value ? [value] : [];
      }),
    );
  });
}

/** The type of a property (for `__@…@`, the well-known symbol property whose internal name starts so). */
function propertyType(checker: ts.TypeChecker, type: ts.Type | undefined, site: ts.Node, name: string) {
  if (type === undefined) return undefined;
  const property = name.startsWith('__@')
    ? checker.getPropertiesOfType(type).find((p) => (p.escapedName as string).startsWith(name))
    : checker.getPropertyOfType(type, name);
  return property && checker.getTypeOfSymbolAtLocation(property, site);
}

function returnTypesOf(checker: ts.TypeChecker, type: ts.Type | undefined): ts.Type[] {
  if (type === undefined) return [];
  return checker
    .getNonNullableType(type)
    .getCallSignatures()
    .map((s) => checker.getReturnTypeOfSignature(s));
}
