// The eight workloads, each timed as a batch of operations and validated, so a fast wrong answer fails the
// run. `per` names what one operation is; `ops` is the batch size (chosen so a batch takes 10–50 ms).
const MIB = 1 << 20;

export const workloads = {
  trivial: {
    title: 'Trivial call (async x => x + 1)',
    per: 'call',
    // 20,000 calls a round (tens of ms to seconds here): a round of 2,000 lasted a few scheduler slices,
    // so with the machine busy its time said more about where the slices fell than about the call.
    ops: 20_000,
    run(impl, ops) {
      let x = 0;
      for (let i = 0; i < ops; i++) x = impl.trivial(x);
      if (x !== ops) throw new Error(`trivial: expected ${ops}, got ${x}`);
    },
  },
  'options-bag': {
    title: "Options object argument and object result (a formatter's call shape)",
    per: 'call',
    // The most common shape of a library call: a little text and a small options object in, a small
    // record out. 10,000 calls a round, for the reason given for the trivial call.
    ops: 10_000,
    setup: () => ({
      text: 'const answer = { value: 42 };\n',
      options: { filepath: 'src/answer.ts', tabWidth: 2, semi: false, singleQuote: true, plugins: [] },
    }),
    run(impl, ops, { text, options }) {
      for (let i = 0; i < ops; i++) {
        const result = impl.options(text, options);
        if (result.output !== text.trim() || result.filepath !== options.filepath || result.width !== 2)
          throw new Error(`options-bag: bad result ${JSON.stringify(result)}`);
      }
    },
  },
  'transform-40kb': {
    title: 'Transform result: 24 KB of source in, a { code, map, warnings } record of about 40 KB out',
    per: 'call',
    // A build tool's call shape: a compiler or bundler plugin's transform made sync.
    ops: 1_000,
    setup: () => {
      const line = 'export const value = compute(input, { mode: "fast", retries: 3 });\n';
      const source = line.repeat(Math.ceil(24_000 / line.length));
      const bag = { filename: 'src/feature/value.ts', sourceMaps: true, target: 'es2022' };
      const suffix = `\n//# sourceMappingURL=${bag.filename}.map\n`;
      return { source, bag, suffix, codeLength: source.length + suffix.length };
    },
    run(impl, ops, { source, bag, suffix, codeLength }) {
      for (let i = 0; i < ops; i++) {
        const { code, map, warnings } = impl.transform(source, bag);
        if (code.length !== codeLength || !code.endsWith(suffix) || !map.startsWith('{"version":3,'))
          throw new Error(`transform-40kb: bad result (code ${code.length} chars, map ${map.length})`);
        if (warnings.length !== 0) throw new Error('transform-40kb: unexpected warnings');
      }
    },
  },
  'string-1mb': {
    title: '1 MiB string argument (returns its length)',
    per: 'call',
    ops: 20,
    setup: () => 'a'.repeat(MIB),
    run(impl, ops, text) {
      for (let i = 0; i < ops; i++) {
        const length = impl.stringLength(text);
        if (length !== MIB) throw new Error(`string-1mb: expected ${MIB}, got ${length}`);
      }
    },
  },
  'buffer-1mb': {
    title: '1 MiB buffer there and back (transferred where the library can)',
    per: 'call',
    ops: 20,
    setup: () => ({ bytes: new Uint8Array(MIB).fill(7) }),
    run(impl, ops, state) {
      for (let i = 0; i < ops; i++) {
        state.bytes = impl.bufferEcho(state.bytes);
        if (state.bytes.length !== MIB || state.bytes[MIB - 1] !== 7) throw new Error('buffer-1mb: bad echo');
      }
    },
  },
  timer: {
    title: 'Async function awaiting a 0 ms timer',
    per: 'call',
    ops: 10,
    run(impl, ops) {
      for (let i = 0; i < ops; i++) if (impl.timer(i) !== i + 1) throw new Error('timer: bad result');
    },
  },
  'generator-20k': {
    title: 'Async generator of 20 000 items, iterated synchronously',
    per: 'item',
    ops: 20_000,
    run(impl, ops) {
      const sum = impl.iterate(ops);
      if (sum !== (ops * (ops - 1)) / 2) throw new Error(`generator-20k: bad sum ${sum}`);
    },
  },
  'class-10': {
    title: 'Class handle: new + 10 method calls',
    per: 'handle',
    ops: 100,
    run(impl, ops) {
      for (let i = 0; i < ops; i++) {
        const counter = impl.counter();
        let value = 0;
        for (let call = 0; call < 10; call++) value = counter.increment();
        if (value !== 10) throw new Error(`class-10: expected 10, got ${value}`);
      }
    },
  },
};

/** Which adapters can run which workload (the others lack the feature). */
export function supports(impl, workload) {
  if (workload === 'generator-20k') return typeof impl.iterate === 'function';
  if (workload === 'class-10') return typeof impl.counter === 'function';
  return true;
}
