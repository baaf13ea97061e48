import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    root: fileURLToPath(new URL('..', import.meta.url)),
    include: ['test/**/*.test.ts'],
    exclude: ['node_modules/**', 'test/.tmp/**'],
    // Compiling generated code with tsc takes seconds on 2 cores; no test asserts a duration.
    testTimeout: 120_000,
    hookTimeout: 120_000,
  },
});
