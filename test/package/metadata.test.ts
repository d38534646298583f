/** Package metadata: where the source, the home page and the issues are — one repository everywhere. */
import { readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'

const root = fileURLToPath(new URL('../../', import.meta.url))
const read = (path: string): string => readFileSync(`${root}${path}`, 'utf8')
const pkg = JSON.parse(read('package.json')) as {
  readonly repository?: { readonly type: string; readonly url: string }
  readonly homepage?: string
  readonly bugs?: { readonly url: string }
}
const repo = 'https://github.com/sfb-dr/sfb-dr'

describe('package.json', () => {
  it('names the repository, the home page and the issue tracker', () => {
    expect(pkg.repository).toStrictEqual({ type: 'git', url: `git+${repo}.git` })
    expect(pkg.homepage).toBe(`${repo}#readme`)
    expect(pkg.bugs).toStrictEqual({ url: `${repo}/issues` })
  })

  it('every GitHub link of the README, the changelog and the portal points at that repository', () => {
    for (const file of ['README.md', 'CHANGELOG.md', 'examples/portal/index.html']) {
      const links = read(file).match(/https:\/\/github\.com\/[^\s)"'>]+/g) ?? []
      for (const link of links) expect(link.startsWith(repo), `${file}: ${link}`).toBe(true)
    }
    expect(read('README.md')).toContain(repo)
  })
})
