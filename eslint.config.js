// @ts-check
import js from '@eslint/js'
import { builtinModules } from 'node:module'
import tseslint from 'typescript-eslint'

/** Node built-ins, with and without the `node:` scheme: the pure core must run in a browser. */
const nodeBuiltins = [...builtinModules, ...builtinModules.map((m) => `node:${m}`)]

/** fp-ts / io-ts have no `exports` map: a subpath such as `fp-ts/Either` crashes native Node ESM. */
const subpathPatterns = [
  {
    group: ['fp-ts/*', '!fp-ts/lib', '!fp-ts/lib/*', 'io-ts/*', '!io-ts/lib', '!io-ts/lib/*'],
    message: "Import fp-ts/io-ts from 'fp-ts/lib/X.js' or the package root: bare subpaths break Node ESM.",
  },
]

/**
 * One layer's import rule: no Node built-ins (when `pure`), and none of the layers it must not see.
 * @param {ReadonlyArray<string>} forbiddenLayers
 * @param {boolean} pure
 */
const layer = (forbiddenLayers, pure) => ({
  'no-restricted-imports': [
    'error',
    {
      paths: pure
        ? nodeBuiltins.map((name) => ({ name, message: 'The core runs in browsers: no Node built-ins here.' }))
        : [],
      patterns: [
        ...subpathPatterns,
        ...(forbiddenLayers.length === 0
          ? []
          : [
              {
                group: forbiddenLayers.flatMap((l) => [`../${l}`, `../${l}/*`, `../../${l}`, `../../${l}/*`]),
                message: 'Dependency direction: see docs/architecture.md (decode → model → plan → render | run).',
              },
            ]),
      ],
    },
  ],
})

export default tseslint.config(
  { ignores: ['dist/', 'coverage/', 'docs/api/', 'node_modules/', '.smoke/', 'bench/data/', '.stryker-tmp/', 'examples/portal/dist/', 'reports/'] },
  js.configs.recommended,
  ...tseslint.configs.strictTypeChecked,
  {
    languageOptions: {
      parserOptions: {
        projectService: { allowDefaultProject: ['eslint.config.js', 'scripts/*.mjs', 'bench/*.mjs', 'examples/portal/*.mjs'] },
        tsconfigRootDir: import.meta.dirname,
      },
    },
    rules: {
      '@typescript-eslint/switch-exhaustiveness-check': [
        'error',
        { allowDefaultCaseForExhaustiveSwitch: false, requireDefaultForNonUnion: true },
      ],
      '@typescript-eslint/array-type': ['error', { default: 'generic', readonly: 'generic' }],
      '@typescript-eslint/restrict-template-expressions': ['error', { allowNumber: true }],
      '@typescript-eslint/no-unnecessary-condition': ['error', { allowConstantLoopConditions: true }],
      '@typescript-eslint/no-unused-vars': ['error', { ignoreRestSiblings: true, argsIgnorePattern: '^_' }],
    },
  },
  { files: ['src/**/*.ts'], rules: layer([], false) },
  { files: ['src/model/**/*.ts'], rules: layer(['codec', 'plan', 'render', 'run', 'cli', 'testing'], true) },
  { files: ['src/codec/**/*.ts'], rules: layer(['plan', 'render', 'run', 'cli', 'testing'], true) },
  { files: ['src/assess/**/*.ts'], rules: layer(['codec', 'plan', 'render', 'run', 'cli', 'testing'], true) },
  { files: ['src/plan/**/*.ts'], rules: layer(['codec', 'render', 'run', 'cli', 'testing'], true) },
  { files: ['src/render/**/*.ts'], rules: layer(['run', 'cli', 'testing'], true) },
  { files: ['src/run/**/*.ts'], rules: layer(['render', 'cli', 'testing'], true) },
  { files: ['src/testing/**/*.ts'], rules: layer(['render', 'cli'], true) },
  { files: ['src/index.ts'], rules: layer(['cli', 'testing'], true) },
  {
    files: ['test/**/*.ts', 'bench/**', 'scripts/**', 'examples/**'],
    rules: {
      '@typescript-eslint/no-non-null-assertion': 'off',
      '@typescript-eslint/no-unsafe-assignment': 'off',
      '@typescript-eslint/no-unsafe-member-access': 'off',
    },
  },
  {
    files: ['**/*.js', '**/*.mjs'],
    ...tseslint.configs.disableTypeChecked,
    languageOptions: {
      globals: { console: 'readonly', process: 'readonly', URL: 'readonly', setTimeout: 'readonly', performance: 'readonly' },
    },
  },
)
