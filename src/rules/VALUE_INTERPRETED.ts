import { asPercent, type Value } from '../values/value.js'
import { show } from '../values/show.js'
import { defineRule, type RuleReport } from './define.js'

/**
 * An ambiguous value read one way: a bare "1" among the percentages of «esito atteso» is a
 * percentage whose format was lost (read as 100%); a lower-case "si" (not "Sì") read as yes.
 */
export default defineRule({
  code: 'VALUE_INTERPRETED',
  severity: 'info',
  check(record) {
    const reports: RuleReport[] = []
    record.objectives.forEach((objective, i) => {
      const expected = objective.areas.flatMap((area) => area.measures.map((measure) => measure.expected))
      const amongPercents = expected.some((value) => value?.kind === 'percent')
      objective.areas.forEach((area, a) =>
        area.measures.forEach((measure, m) => {
          const reading = amongPercents && measure.expected ? asPercent(measure.expected) : null
          if (!reading || !measure.expected) return
          reports.push({
            objectiveId: objective.id,
            path: `objectives[${i}].areas[${a}].measures[${m}].expected`,
            message: `Il valore «${measure.expected.raw}» tra percentuali è letto come ${show(reading)}.`,
            found: measure.expected.raw,
            corrected: reading,
            fix: { value: reading },
          })
        }),
      )
      objective.indicators.forEach((indicator, n) => {
        if (indicator.target && isBareYes(indicator.target)) {
          reports.push({
            objectiveId: objective.id,
            path: `objectives[${i}].indicators[${n}].target`,
            message: `Il valore «${indicator.target.raw}» è letto come «sì».`,
            found: indicator.target.raw,
            corrected: indicator.target,
          })
        }
      })
    })
    return reports
  },
})

/** "si" written without accent and in lower case: the reflexive pronoun, unless the column means yes/no. */
function isBareYes(value: Value): boolean {
  return value.kind === 'boolean' && value.raw === 'si'
}
