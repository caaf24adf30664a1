import { defineConfig } from 'vitest/config';

// End-to-end tests (packing and installing the packages, building and browsing the docs site) keep both
// cores busy for a minute: they run after the rest, so the CPU-bound unit tests never share the machine
// with them.
const endToEnd = ['test/consumer/**/*.test.ts', 'test/docs/**/*.test.ts'];
const common = {
  exclude: ['**/node_modules/**', '**/fixtures/**', '**/dist/**'],
  testTimeout: 20_000,
  hookTimeout: 20_000,
};

export default defineConfig({
  test: {
    projects: [
      {
        test: {
          ...common,
          name: 'unit',
          include: ['packages/*/test/**/*.test.ts', 'examples/*/test/**/*.test.ts', 'test/**/*.test.ts'],
          exclude: [...common.exclude, ...endToEnd],
          typecheck: {
            enabled: true,
            include: ['packages/*/test-d/**/*.test-d.ts'],
            tsconfig: 'tsconfig.typetests.json',
          },
          sequence: { groupOrder: 0 },
        },
      },
      {
        test: { ...common, name: 'end-to-end', include: endToEnd, sequence: { groupOrder: 1 } },
      },
    ],
  },
});
