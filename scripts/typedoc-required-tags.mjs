// @ts-check
/**
 * A typedoc plugin: every exported declaration of the listed kinds must carry the listed block tags.
 * typedoc itself only checks that a comment exists (`requiredToBeDocumented`); the project's rule is
 * that every export says its `@category` and `@since`, and every exported function shows an
 * `@example`. A missing tag is a typedoc warning, so `treatWarningsAsErrors` fails `npm run docs`.
 *
 * typedoc.json:
 *
 *   "plugin": ["./scripts/typedoc-required-tags.mjs"],
 *   "requiredTags": {
 *     "@since": ["Function", "Variable", "TypeAlias", "Interface", "Class", "Enum"],
 *     "@category": ["Function", "Variable", "TypeAlias", "Interface", "Class", "Enum"],
 *     "@example": ["Function"]
 *   }
 *
 * Kinds are typedoc's `ReflectionKind` names; only declarations exported by an entry point (the
 * children of each module) are checked, not their members. A function's tags may sit on its
 * declaration or on its signature; `@category` is read before typedoc's category plugin removes it.
 */
import { Application, Converter, ParameterType, ReflectionKind } from 'typedoc'

/** @param {import('typedoc').Application} app */
export const load = (app) => {
  app.options.addDeclaration({
    name: 'requiredTags',
    help: '[sfb-dr] Block tags every exported declaration of the given kinds must carry: { "@tag": ["Function", …] }.',
    type: ParameterType.Mixed,
    defaultValue: {},
    validate: (value) => {
      if (typeof value !== 'object' || value === null || Array.isArray(value)) throw new Error('requiredTags: an object { "@tag": [kind names] } expected')
      for (const [tag, kinds] of Object.entries(value)) {
        if (!tag.startsWith('@')) throw new Error(`requiredTags: "${tag}" is no tag (tags start with @)`)
        if (!Array.isArray(kinds)) throw new Error(`requiredTags["${tag}"]: an array of ReflectionKind names expected`)
        for (const k of kinds) if (typeof k !== 'string' || !(k in ReflectionKind)) throw new Error(`requiredTags["${tag}"]: unknown kind ${String(k)}`)
      }
    },
  })

  /** Tags seen on each top-level export before the category plugin strips `@category`. */
  const seen = new Map()

  /** @param {import('typedoc').Reflection} r */
  const tagsOf = (r) => {
    /** @type {Array<import('typedoc').Comment | undefined>} */
    const comments = [r.comment]
    if (r.isDeclaration()) for (const s of r.signatures ?? []) comments.push(s.comment)
    return new Set(comments.flatMap((c) => (c === undefined ? [] : c.blockTags.map((t) => t.tag))))
  }

  const topLevel = (/** @type {import('typedoc').ProjectReflection} */ project) =>
    project.getReflectionsByKind(ReflectionKind.All).filter((r) => r.parent !== undefined && (r.parent.kind === ReflectionKind.Module || r.parent.kind === ReflectionKind.Project))

  // High priority: before typedoc's CategoryPlugin removes @category at the same event.
  app.converter.on(
    Converter.EVENT_RESOLVE_BEGIN,
    (context) => {
      for (const r of topLevel(context.project)) seen.set(r, tagsOf(r))
    },
    1000,
  )

  app.on(Application.EVENT_VALIDATE_PROJECT, (project) => {
    /** @type {Record<string, Array<string>>} */
    const required = /** @type {any} */ (app.options.getValue('requiredTags'))
    for (const r of topLevel(project)) {
      const kind = ReflectionKind[r.kind]
      const tags = new Set([...(seen.get(r) ?? []), ...tagsOf(r)])
      for (const [tag, kinds] of Object.entries(required)) {
        if (kinds.includes(kind) && !tags.has(tag)) app.logger.warn(`${r.getFriendlyFullName()} (${kind}) has no ${tag} tag`)
      }
    }
  })
}
