import { round4 } from '../values/number.js'
import { defineRule, type RuleReport } from './define.js'

/**
 * «peso assoluto in capo all'Area» must be the objective's score × «% di contribuzione» / 100
 * (±0.01). The reconciled `absoluteWeight` is always that product; a printed value that
 * differs is reported and replaced.
 */
export default defineRule({
  code: 'ABSOLUTE_WEIGHT_MISMATCH',
  severity: 'error',
  check(record) {
    const reports: RuleReport[] = []
    record.objectives.forEach((objective, i) => {
      const { score } = objective.weighting
      objective.areas.forEach((area, a) => {
        if (score === null || area.contributionPct === null) return
        const computed = round4((score * area.contributionPct) / 100)
        const path = `objectives[${i}].areas[${a}].absoluteWeight`
        const declared = area.declaredAbsoluteWeight
        if (declared === null || Math.abs(declared - computed) <= 0.01) return
        reports.push({
          objectiveId: objective.id,
          path,
          message: `Il peso assoluto di «${area.label}» è ${declared}, ma ${score} × ${area.contributionPct}% dà ${computed}.`,
          found: declared,
          corrected: computed,
          fix: { value: computed },
        })
      })
    })
    return reports
  },
})
