/**
 * Setup of the Stryker vitest run (vitest.stryker.config.ts): properties run with a fixed seed
 * (the seed is part of each `@fast-check/vitest` test name, and Stryker selects tests by name),
 * stop at the first counterexample without shrinking it (a killed mutant needs no minimal
 * counterexample), and check 20 generated cases unless they ask for more (see
 * test/support/propertyRuns.ts): each surviving mutant reruns every property that covers it.
 */
import { fc } from '@fast-check/vitest'

fc.configureGlobal({ seed: 20261130, endOnFailure: true, numRuns: 20 })
