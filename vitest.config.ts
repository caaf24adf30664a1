import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['packages/*/test/**/*.test.ts', 'examples/*/test/**/*.test.ts', 'test/**/*.test.ts'],
    exclude: ['**/node_modules/**', '**/fixtures/**', '**/dist/**'],
    testTimeout: 20_000,
    hookTimeout: 20_000,
    typecheck: {
      enabled: true,
      include: ['packages/*/test-d/**/*.test-d.ts'],
      tsconfig: 'tsconfig.typetests.json',
    },
  },
});
