/**
 * The vitest configuration Stryker runs (`npm run mutate`), not the one of `npm test`.
 *
 * - Only the tests that exercise src/plan and src/run in-process: the CLI, demo and example tests
 *   run child processes, which never load the mutated code, and would only cost time.
 * - `isolate: false`: one module graph for all test files; Stryker switches mutants itself.
 * - A fixed fast-check seed (test/stryker/setup.ts): `@fast-check/vitest` writes the seed into
 *   each property's test name, and a random one would break Stryker's per-test filter.
 * - Example tests before the random-deployment properties and the execution laws: Stryker stops
 *   at the first failing test, so a mutant an example kills costs milliseconds, not the seconds
 *   of hundreds of generated runs.
 */
import { fileURLToPath } from 'node:url'
import { BaseSequencer, type TestSpecification } from 'vitest/node'
import { defineConfig } from 'vitest/config'

const src = (p: string): string => fileURLToPath(new URL(`./src/${p}`, import.meta.url))

/** Files whose tests are mostly slow properties: run last. */
const SLOW = ['properties.test.ts', 'laws.test.ts']

const rank = (spec: TestSpecification): number => SLOW.findIndex((name) => spec.moduleId.endsWith(`/${name}`))

class ExamplesFirst extends BaseSequencer {
  override sort(files: Array<TestSpecification>): Promise<Array<TestSpecification>> {
    return Promise.resolve([...files].sort((a, b) => rank(a) - rank(b) || a.moduleId.localeCompare(b.moduleId)))
  }
}

export default defineConfig({
  resolve: {
    alias: [
      { find: /^sfb-dr\/testing\/arbitraries$/, replacement: src('testing/arbitraries.ts') },
      { find: /^sfb-dr\/testing$/, replacement: src('testing/index.ts') },
      { find: /^sfb-dr$/, replacement: src('index.ts') },
    ],
  },
  test: {
    include: ['test/plan/**/*.test.ts', 'test/run/**/*.test.ts', 'test/testing/**/*.test.ts', 'test/model/totality.test.ts'],
    setupFiles: ['test/stryker/setup.ts'],
    isolate: false,
    sequence: { sequencer: ExamplesFirst },
    testTimeout: 60_000,
  },
})
