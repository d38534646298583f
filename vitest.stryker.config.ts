/**
 * The vitest configuration Stryker runs (`npm run mutate`), not the one of `npm test`: it extends
 * vitest.config.ts (same aliases, timeouts and exclusions) and narrows what runs.
 *
 * - Only the tests that exercise src/plan and src/run in-process (plan, run, testing, assess,
 *   rendering of planned plans, schemas, the totality battery and the README's example): the CLI,
 *   demo, example and package tests run child processes, which never load the mutated code, and
 *   the renderer's own escaping batteries (quote, hostile runbook/PowerShell/Markdown values) pin
 *   src/render, which is not mutated: they would only cost time.
 * - Fewer generated cases per property (`SFB_DR_MUTATION`, test/support/propertyRuns.ts and the
 *   global default in test/stryker/setup.ts): every surviving mutant reruns every property that
 *   covers it, and example tests do most of the killing.
 * - `isolate: false`: one module graph for all test files; Stryker switches mutants itself.
 * - A fixed fast-check seed (test/stryker/setup.ts): `@fast-check/vitest` writes the seed into
 *   each property's test name, and a random one would break Stryker's per-test filter.
 * - Example tests before the random-deployment properties and the execution laws: Stryker stops
 *   at the first failing test, so a mutant an example kills costs milliseconds, not the seconds
 *   of hundreds of generated runs.
 */
import { BaseSequencer, type TestSpecification } from 'vitest/node'
import { defineConfig, mergeConfig } from 'vitest/config'
import base from './vitest.config.js'

/** Files whose tests are mostly slow properties: run last. */
const SLOW = ['properties.test.ts', 'laws.test.ts']

const rank = (spec: TestSpecification): number => SLOW.findIndex((name) => spec.moduleId.endsWith(`/${name}`))

class ExamplesFirst extends BaseSequencer {
  override sort(files: Array<TestSpecification>): Promise<Array<TestSpecification>> {
    return Promise.resolve([...files].sort((a, b) => rank(a) - rank(b) || a.moduleId.localeCompare(b.moduleId)))
  }
}

// mergeConfig concatenates arrays: drop the base's `include` (every test) and coverage settings
// (Stryker measures coverage itself) before adding this narrower list.
const { include: _everyTest, coverage: _coverage, ...shared } = base.test ?? {}

export default mergeConfig(
  { ...base, test: shared },
  defineConfig({
    test: {
      include: [
        'test/plan/**/*.test.ts',
        'test/run/**/*.test.ts',
        'test/testing/**/*.test.ts',
        'test/assess/**/*.test.ts',
        'test/render/edgeSteps.test.ts',
        'test/render/highAvailability.test.ts',
        'test/render/laws.test.ts',
        'test/schemas/**/*.test.ts',
        'test/model/totality.test.ts',
        'test/readme.test.ts',
      ],
      setupFiles: ['test/stryker/setup.ts'],
      env: { SFB_DR_MUTATION: '1' },
      isolate: false,
      sequence: { sequencer: ExamplesFirst },
    },
  }),
)
