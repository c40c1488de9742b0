import { schemeScore } from '../settings/scheme.js'
import { defineRule, type RuleReport } from './define.js'

/**
 * «Esito Pesatura» differs from the score the weighting scheme gives the four ratings.
 * The ratings are the clerk's judgement; the printed sum is arithmetic, so the score is
 * corrected to the scheme's.
 */
export default defineRule({
  code: 'SCORE_MISMATCH',
  severity: 'error',
  check(record, context) {
    const reports: RuleReport[] = []
    record.objectives.forEach((objective, i) => {
      const computed = schemeScore(context.scheme, objective.weighting)
      const declared = objective.weighting.declaredScore
      if (computed === null || declared === null || computed === declared) return
      reports.push({
        objectiveId: objective.id,
        path: `objectives[${i}].weighting.score`,
        message: `L'Esito Pesatura stampato è ${declared}, ma le valutazioni danno ${computed}.`,
        found: declared,
        corrected: computed,
        fix: { value: computed },
      })
    })
    return reports
  },
})
