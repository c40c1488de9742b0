import { round4 } from '../values/number.js'
import { defineRule, type RuleReport } from './define.js'
import { getAtPath } from './path.js'

/** The tolerance of a printed total against the sum of its column (rules.md). */
const TOLERANCE = 0.01

/**
 * A printed total row («Totale», «Peso ponderale calcolato») differs from the sum of the
 * column above it. `found` is the printed total; the message gives the sum.
 */
export default defineRule({
  code: 'FOOTER_TOTAL_MISMATCH',
  severity: 'error',
  check(record, context) {
    const reports: RuleReport[] = []
    for (const total of context.checks?.totals ?? []) {
      const sum = round4(total.paths.reduce((acc, path) => acc + (Number(getAtPath(record, path)) || 0), 0))
      if (Math.abs(sum - total.printed) <= TOLERANCE) continue
      reports.push({
        objectiveId: null,
        path: null,
        message: `Il totale «${total.label}» della colonna «${total.column}» riporta ${fmt(total.printed)}, ma la somma della colonna è ${fmt(sum)}.`,
        found: total.printed,
        location: total.location,
      })
    }
    return reports
  },
})

function fmt(n: number): string {
  return String(n).replace('.', ',')
}
