import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import type { Plan } from '../../src/plan/plan.js'
import { stepCommand } from '../../src/render/commands.js'
import { renderPowerShell } from '../../src/render/powershell.js'
import { renderRunbook } from '../../src/render/runbook.js'
import { hostileAsciiString, hostilePlan, hostileString, unreadablePlans } from './hostile.js'
import { skeleton, splitMarkdown } from './lexers.js'
import { scenarioNamed, scenarios } from './scenarios.js'

/** Text outside code blocks holds no raw HTML, no unescaped backtick and no bare `&`. */
const expectInertText = (lines: ReadonlyArray<string>): void => {
  for (const line of lines) {
    expect(line).not.toMatch(/[<>]/)
    expect(line.replace(/&(amp|lt|gt);/g, '')).not.toContain('&')
    expect(line.replace(/\\[\\`]/g, '')).not.toContain('`')
  }
}

describe('renderRunbook', () => {
  for (const s of scenarios())
    it(`renders the Contoso scenario: ${s.name}`, () => {
      expect(renderRunbook(s.plan)).toMatchSnapshot()
    })

  it('has the intent, the plan id, warnings, impact and one numbered step per plan step', () => {
    const s = scenarioNamed('disaster failover of pool1 (Redmond down)')
    const md = renderRunbook(s.plan)
    // Values are Markdown-escaped (`\.`, `\:` render as `.` and `:`), so that none becomes a link.
    expect(md.startsWith('# Runbook: Fail over the users homed on pool1\\.contoso\\.com (disaster mode)\n')).toBe(true)
    expect(md).toContain(`Plan id: ${s.plan.id}`)
    expect(md).toContain('## Warnings\n\n- Warning\\: Disaster mode\\: what changed on pool1\\.contoso\\.com since its last Backup Service sync')
    expect(md).toContain('- Users whose serving pool changes: 2')
    expect(md).toContain('- Pools involved: pool1\\.contoso\\.com, pool2\\.contoso\\.com')
    const steps = md.match(/^### Step (\d+) of (\d+) \((check|action|manual)\)$/gm) ?? []
    expect(steps).toHaveLength(s.plan.steps.length)
    expect(md.match(/^\*\*Verify:\*\* /gm)).toHaveLength(s.plan.steps.length)
  })

  it('shows the same commands as the script, one code block per step', () => {
    for (const s of scenarios()) {
      const { blocks } = splitMarkdown(renderRunbook(s.plan))
      expect(blocks.map((b) => b.info)).toStrictEqual(s.plan.steps.map(() => 'powershell'))
      const script = renderPowerShell(s.plan)
      s.plan.steps.forEach((step, i) => {
        const command = stepCommand(step, i + 1)
        expect(command._tag).toBe('Command')
        if (command._tag === 'Command') {
          expect(blocks[i]?.lines).toStrictEqual([command.command])
          expect(script).toContain(command.command)
        }
      })
    }
  })

  it('is deterministic: the same plan, or the plan back from JSON, gives the same text', () => {
    for (const s of scenarios()) expect(renderRunbook(JSON.parse(JSON.stringify(s.plan)) as Plan)).toBe(renderRunbook(s.plan))
  })

  it('hostile printable values keep the structure: same lines, same code skeletons, inert text', () => {
    for (const s of scenarios()) {
      const benign = splitMarkdown(renderRunbook(s.plan))
      fc.assert(
        fc.property(hostilePlan(s.plan, hostileAsciiString), (p) => {
          const md = renderRunbook(p)
          const { text, blocks } = splitMarkdown(md)
          expect(text).toHaveLength(benign.text.length)
          expect(blocks.map((b) => skeleton(b.lines.join('\n')))).toStrictEqual(benign.blocks.map((b) => skeleton(b.lines.join('\n'))))
          expectInertText(text)
          expect(text.filter((l) => l.startsWith('#'))).toHaveLength(benign.text.filter((l) => l.startsWith('#')).length)
        }),
        { numRuns: 300 },
      )
    }
  })

  it('any hostile value: inert text, closed code blocks, and "do not run" instead of a command it cannot show safely', () => {
    for (const s of scenarios())
      fc.assert(
        fc.property(hostilePlan(s.plan, hostileString), (p) => {
          const md = renderRunbook(p)
          const { text, blocks } = splitMarkdown(md)
          expectInertText(text)
          for (const b of blocks) for (const line of b.lines) expect(line).toMatch(/^[\x20-\x7e]*$/)
          // All or nothing: every step's command, or none and the plan cannot be run.
          if (md.includes('## This plan cannot be run')) expect(blocks).toStrictEqual([])
          else expect(blocks).toHaveLength(s.plan.steps.length)
        }),
        { numRuns: 300 },
      )
  })

  it('never throws, whatever the plan value: anything but a plan cannot be run', () => {
    fc.assert(
      fc.property(fc.anything({ withNullPrototype: true }), (u) => {
        const md = renderRunbook(u as Plan)
        expect(md).toContain('## This plan cannot be run')
        expect(splitMarkdown(md).blocks).toStrictEqual([])
      }),
    )
  })

  it('a step that cannot be rendered: the runbook says the plan cannot be run, and shows no command', () => {
    const s = scenarioNamed('disaster failover of pool1 (Redmond down)')
    const [first, second, third, fourth, ...rest] = s.plan.steps
    const bad = { ...s.plan, steps: [first, second, third, { ...fourth, pool: 'pool1\u2019.contoso.com' }, ...rest] } as unknown as Plan
    const md = renderRunbook(bad)
    expect(splitMarkdown(md).blocks).toStrictEqual([])
    expect(md).not.toContain('## Steps')
    expect(md).toContain(
      '## This plan cannot be run\n\n- Step 4 is not rendered\\: a value of this step holds characters no valid name has (outside printable ASCII). Plan again.\n\n**Do not run any step of it.** Plan again.\n',
    )
  })

  it('a plan that cannot be read: the runbook says so (never a TypeError)', () => {
    for (const [name, plan] of unreadablePlans()) {
      const md = renderRunbook(plan)
      expect(md, name).toContain('## This plan cannot be run\n\n- The plan cannot be read\\: it is not a plan, or a field of it could not be read. Plan again.')
      expect(splitMarkdown(md).blocks, name).toStrictEqual([])
    }
  })
})
