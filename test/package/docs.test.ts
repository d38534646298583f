/**
 * The API reference's own checks (typedoc.json): the modules are named as users import them, and the
 * project's plugin (scripts/typedoc-required-tags.mjs) warns about an export without its required
 * tags — `treatWarningsAsErrors` turns that into a failing `npm run docs`.
 */
import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { Application, LogLevel, type ProjectReflection } from 'typedoc'
import { describe, expect, it } from 'vitest'

const root = fileURLToPath(new URL('../../', import.meta.url))
const plugin = join(root, 'scripts/typedoc-required-tags.mjs')

/** Converts and validates like `typedoc` does; answers the project and the warnings. */
const document = async (options: Record<string, unknown>): Promise<{ project: ProjectReflection | undefined; warnings: ReadonlyArray<string> }> => {
  const warnings: Array<string> = []
  const app = await Application.bootstrapWithPlugins({ logLevel: LogLevel.Warn, ...options })
  app.logger.log = (message: string, level: LogLevel): void => {
    // eslint-disable-next-line no-control-regex -- the logger colours its prefix
    if (level === LogLevel.Warn) warnings.push(message.replace(/\u001b\[[0-9;]*m/g, '').replace(/^\[warning\] /, ''))
  }
  const project = await app.convert()
  if (project !== undefined) app.validate(project)
  return { project, warnings }
}

describe('typedoc', () => {
  it('names the modules as users import them: sfb-dr, sfb-dr/testing, sfb-dr/testing/arbitraries; no warning', async () => {
    const { project, warnings } = await document({ options: join(root, 'typedoc.json'), tsconfig: join(root, 'tsconfig.json'), readme: 'none', projectDocuments: [] })
    expect(warnings).toStrictEqual([])
    expect(project?.children?.map((m) => m.name)).toStrictEqual(['sfb-dr', 'sfb-dr/testing', 'sfb-dr/testing/arbitraries'])
  })

  it('requiredTags: warns about each export of a listed kind without a listed tag, and only those', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'sfb-dr-typedoc-'))
    writeFileSync(
      join(dir, 'index.ts'),
      `/** A module. @module */
/**
 * Complete.
 * @example complete()
 * @category things
 * @since 0.2.0
 */
export const complete = (): number => 1
/**
 * No example.
 * @category things
 * @since 0.2.0
 */
export function noExample(): number { return 2 }
/**
 * No category, no since.
 * @example bare()
 */
export const bare = (): number => 3
/** A type: only @since is required of it. @since 0.2.0 */
export interface Thing { /** A member: members are not checked. */ readonly x: number }
`,
    )
    writeFileSync(join(dir, 'typedoc.json'), '{}')
    writeFileSync(join(dir, 'tsconfig.json'), JSON.stringify({ compilerOptions: { strict: true, target: 'ES2022', module: 'ESNext', moduleResolution: 'Bundler', noEmit: true }, include: ['index.ts'] }))
    const { warnings } = await document({
      options: join(dir, 'typedoc.json'),
      name: 'demo',
      entryPoints: [join(dir, 'index.ts')],
      tsconfig: join(dir, 'tsconfig.json'),
      plugin: [plugin],
      requiredTags: { '@example': ['Function'], '@category': ['Function'], '@since': ['Function', 'Interface'] },
    })
    expect([...warnings].sort()).toStrictEqual([
      'bare (Function) has no @category tag',
      'bare (Function) has no @since tag',
      'noExample (Function) has no @example tag',
    ])
  })
})
