import fc from 'fast-check';

/**
 * Random async programs built only from constructs the generator converts exactly: async functions,
 * arrows, methods (static, private, object literal), async generators with early exit, `for await`,
 * try/catch/finally with throws, conditionals, loops, `Promise.all` over literals and `.map`,
 * `Promise.resolve`, and awaited `.then`/`.catch`/`.finally` chains (in expressions, statements and
 * implicitly awaited `return`s) whose arguments may throw before the promise exists. Every call to an async function is awaited, so both twins must behave the same:
 * same result or same error, and the same log of side effects.
 *
 * Functions called inside `Promise.all` are "pure" (no log, no throw): the async twin runs them
 * interleaved, the sync twin one after the other, which only shows when they have side effects.
 */
export interface Program {
  readonly code: string;
}

interface Scope {
  readonly depth: number;
  /** Names of earlier async functions (callable without recursion). */
  readonly functions: readonly string[];
  readonly pure: readonly string[];
  readonly generators: readonly string[];
  readonly variables: readonly string[];
  /** Code that runs inside `Promise.all` (interleaved in the async twin): it must not log. */
  readonly interleaved?: boolean;
}

const int = fc.integer({ min: -3, max: 9 });

function expression(scope: Scope): fc.Arbitrary<string> {
  const leaf = fc.oneof(int.map(String), fc.constantFrom(...scope.variables));
  if (scope.depth <= 0) return leaf;
  const deeper = { ...scope, depth: scope.depth - 1 };
  const sub = () => expression(deeper);
  const options: fc.Arbitrary<string>[] = [
    leaf,
    fc.tuple(sub(), fc.constantFrom('+', '-', '*'), sub()).map(([a, op, b]) => `(${a} ${op} ${b})`),
    sub().map((e) => `await Promise.resolve(${e})`),
    fc.tuple(sub(), sub(), sub()).map(([c, a, b]) => `(${c} > 2 ? ${a} : ${b})`),
    sub().map((e) => `(await (async () => ${e})())`),
    sub().map((e) => `\`\${await Promise.resolve(${e})}\`.length`),
  ];
  if (scope.functions.length > 0) {
    const f = fc.constantFrom(...scope.functions);
    options.push(
      fc.tuple(fc.constantFrom(...scope.functions), sub()).map(([f, e]) => `(await ${f}(${e}))`),
      // Awaited chains: the handler sees the callee's rejection, never a throw of its arguments.
      fc.tuple(f, sub()).map(([f, e]) => `(await ${f}(${e}).catch((error) => error.message.length))`),
      fc.tuple(f, sub(), int).map(([f, e, k]) => `(await ${f}(${e}).then((v) => v + ${k}))`),
      fc
        .tuple(f, sub())
        .map(([f, e]) => `(await ${f}(${e}).then((v) => v * 2, (error) => -error.message.length))`),
      fc
        .tuple(f, sub(), int)
        .map(
          ([f, e, k]) =>
            `(await ${f}(${e}).then(null, () => ${k}).finally(() => ${scope.interleaved ? 'undefined' : "log.push('settled')"}))`,
        ),
      fc
        .tuple(fc.constantFrom(...scope.functions), sub(), sub())
        .map(([f, a, b]) => `((await ${f}(${a})) + ${b})`),
    );
  }
  if (scope.pure.length > 0) {
    const call = fc.tuple(fc.constantFrom(...scope.pure), sub()).map(([f, e]) => `${f}(${e})`);
    options.push(
      fc
        .array(call, { minLength: 1, maxLength: 3 })
        .map((calls) => `(await Promise.all([${calls.join(', ')}])).reduce((a, b) => a * 3 + b, 0)`),
      fc
        .tuple(fc.constantFrom(...scope.pure), fc.array(int, { minLength: 0, maxLength: 3 }))
        .map(
          ([f, items]) =>
            `(await Promise.all([${items.join(', ')}].map(async (v) => await ${f}(v)))).reduce((a, b) => a * 3 + b, 0)`,
        ),
    );
  }
  return fc.oneof(...options);
}

function statements(scope: Scope): fc.Arbitrary<string[]> {
  return fc.array(statement(scope), { minLength: 0, maxLength: 4 });
}

function statement(scope: Scope): fc.Arbitrary<string> {
  const e = expression({ ...scope, depth: Math.min(scope.depth, 2) });
  const simple: fc.Arbitrary<string>[] = [
    e.map((x) => `log.push(${x});`),
    ...(scope.functions.length > 0
      ? [
          fc
            .tuple(fc.constantFrom(...scope.functions), e)
            .map(
              ([f, x]) => `await ${f}(${x}).catch((error) => {\nlog.push('handled ' + error.message);\n});`,
            ),
          fc
            .tuple(fc.constantFrom(...scope.functions), e)
            .map(([f, x]) => `await ${f}(${x}).finally(() => log.push('settled'));`),
        ]
      : []),
    fc.tuple(e, int).map(([x, k]) => `if (${x} > ${k}) throw new Error('boom ${k}');`),
    e.map((x) => `acc += ${x};`),
  ];
  if (scope.depth <= 0) return fc.oneof(...simple);
  const inner = { ...scope, depth: scope.depth - 1 };
  const compound: fc.Arbitrary<string>[] = [
    fc
      .tuple(e, int, statements(inner), statements(inner))
      .map(([x, k, a, b]) => `if (${x} > ${k}) {\n${a.join('\n')}\n} else {\n${b.join('\n')}\n}`),
    fc
      .tuple(statements(inner), fc.boolean())
      .map(
        ([body, rethrow]) =>
          `try {\n${body.join('\n')}\n} catch (error) {\nlog.push('caught ' + error.message);${rethrow ? '\nthrow error;' : ''}\n} finally {\nlog.push('finally');\n}`,
      ),
    fc
      .tuple(fc.integer({ min: 0, max: 3 }), statements(inner))
      .map(
        ([n, body]) =>
          `for (let i = 0; i < ${n}; i++) {\nacc += await Promise.resolve(i);\n${body.join('\n')}\n}`,
      ),
    fc.array(int, { maxLength: 4 }).map((items) => `for await (const v of [${items.join(', ')}]) acc += v;`),
  ];
  if (scope.generators.length > 0) {
    compound.push(
      fc
        .tuple(fc.constantFrom(...scope.generators), fc.integer({ min: 0, max: 4 }), int)
        .map(
          ([g, n, k]) =>
            `for await (const v of ${g}(${n})) {\nlog.push('item ' + v);\nif (v > ${k}) break;\n}`,
        ),
    );
  }
  return fc.oneof(...simple, ...compound);
}

function asyncFunction(name: string, scope: Scope): fc.Arbitrary<string> {
  // The last earlier function, returned as a chain (awaited implicitly), when there is one.
  const previous = scope.functions[scope.functions.length - 1];
  const ending =
    previous === undefined
      ? expression(scope).map((result) => `return acc + ${result};`)
      : fc.oneof(
          expression(scope).map((result) => `return acc + ${result};`),
          fc.constant(`return ${previous}(x).catch((error) => acc + error.message.length);`),
          fc.constant(`return ${previous}(acc).then((v) => v - x, () => -acc);`),
        );
  return fc
    .tuple(statements(scope), ending)
    .map(([body, end]) => `async function ${name}(x) {\nlet acc = 0;\n${body.join('\n')}\n${end}\n}`);
}

function pureFunction(name: string, scope: Scope): fc.Arbitrary<string> {
  const pureScope = { ...scope, functions: scope.pure, generators: [], interleaved: true };
  return fc
    .tuple(expression({ ...pureScope, depth: 1 }), fc.boolean())
    .map(([result, arrow]) =>
      arrow ? `const ${name} = async (x) => ${result};` : `async function ${name}(x) {\nreturn ${result};\n}`,
    );
}

function generator(name: string, scope: Scope): fc.Arbitrary<string> {
  return fc
    .tuple(expression({ ...scope, depth: 1 }), fc.boolean())
    .map(
      ([value, delegate]) =>
        `async function* ${name}(n) {\ntry {\nfor (let x = 0; x < n; x++) {\nyield ${value};\n}\n${delegate ? 'yield* [100, 101];' : ''}\n} finally {\nlog.push('${name} closed');\n}\n}`,
    );
}

function classWithMethods(scope: Scope): fc.Arbitrary<string> {
  return fc
    .tuple(expression(scope), expression(scope))
    .map(
      ([a, b]) =>
        `class Counter {\n#total = 0;\nstatic async make() {\nreturn new Counter();\n}\nasync #bump(x) {\nthis.#total += await Promise.resolve(x);\nreturn this.#total;\n}\nasync add(x) {\nreturn await this.#bump(${a});\n}\n}\nconst helpers = {\nasync twice(x) {\nreturn 2 * (${b});\n},\n};`,
    );
}

/** A whole program: pure helpers, logging functions, generators, a class, and `main`. */
export const programArbitrary: fc.Arbitrary<Program> = fc
  .record({
    pure: fc.integer({ min: 0, max: 2 }),
    functions: fc.integer({ min: 0, max: 3 }),
    generators: fc.integer({ min: 0, max: 2 }),
  })
  .chain((counts) => {
    const base: Scope = { depth: 2, functions: [], pure: [], generators: [], variables: ['x'] };
    const pureNames = Array.from({ length: counts.pure }, (_, i) => `pure${i}`);
    const generatorNames = Array.from({ length: counts.generators }, (_, i) => `gen${i}`);
    const functionNames = Array.from({ length: counts.functions }, (_, i) => `step${i}`);
    const pures = pureNames.map((name, i) => pureFunction(name, { ...base, pure: pureNames.slice(0, i) }));
    const scope = { ...base, pure: pureNames, generators: generatorNames };
    const generators = generatorNames.map((name) => generator(name, scope));
    const functions = functionNames.map((name, i) =>
      asyncFunction(name, { ...scope, functions: functionNames.slice(0, i) }),
    );
    const full = { ...scope, functions: [...functionNames, 'helpers.twice', 'counter.add'] };
    const main = fc
      .tuple(statements(full), expression(full))
      .map(
        ([body, result]) =>
          `async function main() {\nconst counter = await Counter.make();\nconst x = 1;\nlet acc = 0;\n${body.join('\n')}\nreturn [acc, ${result}];\n}`,
      );
    return fc.tuple(
      fc.tuple(...pures),
      fc.tuple(...generators),
      fc.tuple(...functions),
      classWithMethods(base),
      main,
    );
  })
  .map(([pures, generators, functions, klass, main]) => ({
    code: [...pures, ...generators, ...functions, klass, main].join('\n\n'),
  }));
