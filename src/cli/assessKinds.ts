/**
 * The table of `sfb-dr assess <kind>` commands (contract §14: `assess backup`, `assess pool`).
 *
 * HOW TO ADD AN ASSESS KIND (one entry, nothing else in the CLI changes):
 *
 *   1. Export the assessment from `src/index.ts`.
 *   2. Add `assessKind({ name, summary, flags, assess })` below:
 *      - `name`: the word after `assess` (`backup`, `pool`);
 *      - `flags`: one per request field, declared as for plan kinds (see planKinds.ts), such as
 *        `{ flag: 'pool', field: 'pool', metavar: 'FQDN', required: true, help: '…' }` or
 *        `{ flag: 'now', field: 'now', metavar: 'TIME', required: true, help: 'ISO-8601 UTC …' }`;
 *      - `assess`: `(topology, state, request) => E.map((report) => ({ report, text: … }))(assessX(…))`:
 *        `report` is what `--format json` writes as `{ "ok": true, "report": … }`, `text` what
 *        people read (the default `--format text`). A `Left` is refused with every reason (exit 1).
 *   3. Test it through the command and list it in the README.
 *
 * `--topology`, `--state` (required: an assessment of assumed health says nothing) and
 * `--format text|json` are added to every kind.
 *
 * @module
 */
import type { AssessKind } from './spec.js'

/** Every `sfb-dr assess <kind>`, in the order `--help` lists them. */
export const assessKinds: ReadonlyArray<AssessKind> = []
