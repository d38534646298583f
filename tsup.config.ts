import { readFileSync } from 'node:fs'
import { defineConfig } from 'tsup'
import { writeBundlerBuild } from './scripts/bundlerBuild.js'

const { version } = JSON.parse(readFileSync(new URL('./package.json', import.meta.url), 'utf8')) as { version: string }

export default defineConfig([
  {
    entry: {
      index: 'src/index.ts',
      'testing/index': 'src/testing/index.ts',
      // fast-check only here: sfb-dr/testing must import without it.
      'testing/arbitraries': 'src/testing/arbitraries.ts',
    },
    format: ['esm', 'cjs'],
    // TS 6: tsup 8's DTS step sets baseUrl internally (TS5101) unless deprecations are ignored.
    dts: { compilerOptions: { ignoreDeprecations: '6.0' } },
    sourcemap: true,
    clean: true,
    target: 'es2022',
    platform: 'neutral',
    // One shared chunk for both entries in CJS too: sfb-dr and sfb-dr/testing must share one copy of
    // every class (UserDirectory) so that values built by one are equal to values built by the other.
    splitting: true,
    treeshake: true,
    external: ['fp-ts', 'io-ts', 'fast-check'],
    // dist/es/: the sources compiled module by module with fp-ts/es6 and io-ts/es6 imports, for
    // bundlers (exports "module"; scripts/bundlerBuild.ts).
    onSuccess: () => {
      writeBundlerBuild('dist')
      return Promise.resolve()
    },
  },
  {
    entry: { 'cli/main': 'src/cli/main.ts' },
    format: ['cjs'],
    platform: 'node',
    target: 'node20',
    sourcemap: true,
    external: ['fp-ts', 'io-ts'],
    banner: { js: '#!/usr/bin/env node' },
    // `sfb-dr --version` (src/cli/main.ts).
    define: { __SFB_DR_VERSION__: JSON.stringify(version) },
  },
])
