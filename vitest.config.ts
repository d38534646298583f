import { fileURLToPath } from 'node:url'
import { configDefaults, defineConfig } from 'vitest/config'

const src = (p: string): string => fileURLToPath(new URL(`./src/${p}`, import.meta.url))

export default defineConfig({
  resolve: {
    // Examples import the package by name, as users do; tests run them against the sources.
    alias: [
      { find: /^sfb-dr\/testing\/arbitraries$/, replacement: src('testing/arbitraries.ts') },
      { find: /^sfb-dr\/testing$/, replacement: src('testing/index.ts') },
      { find: /^sfb-dr$/, replacement: src('index.ts') },
    ],
  },
  test: {
    include: ['test/**/*.test.ts', 'examples/**/*.test.ts'],
    // node:test files run in a real browser by `npm run test:browser`, not by vitest.
    exclude: [...configDefaults.exclude, 'test/browser/**'],
    testTimeout: 60_000,
    coverage: { provider: 'v8', include: ['src/**'] },
  },
})
