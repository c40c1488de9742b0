import { defineRule, type RuleReport } from './define.js'
import { objectiveIdOf } from './objective-of.js'
import { formatLocation } from '../model/location.js'

/** What templates print where a value was never filled in: the "0" of «COMUNE DI 0», dots, dashes, "XXX". */
const PLACEHOLDER = /^(0|x{2,}|\.{2,}|_{2,}|-{2,}|#N\/D|n\.?d\.?|\[.*\]|<.*>)$/i

/** Fields that hold names, where such a placeholder means "missing": the comune, the unit, the responsible. */
const NAME_FIELD = /^(plan\.(comune|unit)|objectives\[\d+\]\.(comune|cdr\.primary))$/

/**
 * A template placeholder stands for a missing value: «COMUNE DI» followed by the 0 that a
 * formula pointing at an empty cell prints. The field becomes null; a card's «COMUNE DI»
 * feeds the plan's comune, so its finding points there.
 */
export default defineRule({
  code: 'PLACEHOLDER_VALUE',
  severity: 'warning',
  check(record, context) {
    const reports: RuleReport[] = []
    const seen = new Set<string>()
    for (const [origin, { raw, location }] of context.origins) {
      if (!NAME_FIELD.test(origin) || !PLACEHOLDER.test(raw.trim())) continue
      if (seen.has(formatLocation(location))) continue // plan.comune may repeat a card's cell
      seen.add(formatLocation(location))
      const path = origin.endsWith('.comune') ? 'plan.comune' : origin
      const current = path === 'plan.comune' ? record.plan.comune : path === 'plan.unit' ? record.plan.unit : raw
      reports.push({
        objectiveId: objectiveIdOf(record, origin),
        path,
        message: `«${raw}» è un segnaposto del modello, non un valore: il campo resta vuoto.`,
        found: raw,
        corrected: null,
        location,
        ...(current === raw ? { fix: { value: null } } : {}),
      })
    }
    return reports
  },
})
