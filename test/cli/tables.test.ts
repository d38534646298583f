/**
 * The command tables are consistent, so that an entry another author adds cannot break parsing:
 * unique names, one meaning per flag name across commands, request fields unique per command.
 */
import { describe, expect, it } from 'vitest'
import { allFlags, globalSwitches, kindTables, simpleCommands, type CommandShape } from '../../src/cli/commands.js'

const shapes: ReadonlyArray<CommandShape> = [...kindTables.flatMap((t) => t.kinds.map((k) => k.shape)), ...simpleCommands]

describe('the command tables', () => {
  it('name every kind once per table', () => {
    for (const table of kindTables) {
      const names = table.kinds.map((k) => k.name)
      expect(new Set(names).size).toBe(names.length)
      for (const name of names) expect(name).toMatch(/^[a-z]+(-[a-z]+)*$/)
    }
  })

  it('give each command distinct flags and request fields, none named like a global switch', () => {
    for (const shape of shapes) {
      const flags = shape.flags.map((f) => f.flag)
      expect(new Set(flags).size, shape.words.join(' ')).toBe(flags.length)
      const fields = shape.flags.flatMap((f) => (f.field === undefined ? [] : [f.field]))
      expect(new Set(fields).size, shape.words.join(' ')).toBe(fields.length)
      for (const g of globalSwitches) expect(flags).not.toContain(g.flag)
    }
  })

  it('give a flag name one arity everywhere (the parser reads values before it knows the command)', () => {
    for (const shape of shapes)
      for (const f of shape.flags) expect(f.metavar === undefined, `--${f.flag} of ${shape.words.join(' ')}`).toBe(allFlags.get(f.flag)?.metavar === undefined)
  })
})
