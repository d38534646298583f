/**
 * How many generated cases a property with a large explicit `numRuns` checks: as written under
 * `npm test`; a tenth (at least 10) under Stryker (`npm run mutate` sets `SFB_DR_MUTATION=1` in
 * vitest.stryker.config.ts), where every surviving mutant reruns every property that covers it.
 * Properties without an explicit `numRuns` get fast-check's global default (test/stryker/setup.ts).
 */
export const propertyRuns = (runs: number): number =>
  process.env['SFB_DR_MUTATION'] === '1' ? Math.max(10, Math.ceil(runs / 10)) : runs
