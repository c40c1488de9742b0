import { schemeScore } from '../settings/scheme.js'
import { defineRule, type RuleReport } from './define.js'

/** No «Esito Pesatura» is printed: the score comes from the ratings when all four are there. */
export default defineRule({
  code: 'SCORE_MISSING',
  severity: 'warning',
  check(record, context) {
    const reports: RuleReport[] = []
    record.objectives.forEach((objective, i) => {
      if (objective.weighting.declaredScore !== null) return
      // Only a layout that rates objectives (Alto/Medio/Basso) prints an «Esito Pesatura».
      if (context.checks && !context.checks.expects.get(i)?.includes('ratings')) return
      const computed = schemeScore(context.scheme, objective.weighting)
      const path = `objectives[${i}].weighting.score`
      reports.push({
        objectiveId: objective.id,
        path,
        message:
          computed === null
            ? "Manca l'Esito Pesatura e le valutazioni sono incomplete: il peso dell'obiettivo resta ignoto."
            : `Manca l'Esito Pesatura: dalle valutazioni risulta ${computed}.`,
        found: null,
        corrected: computed,
        location: context.origins.get(`objectives[${i}].weighting.importanza`)?.location ?? null,
        ...(computed === null ? {} : { fix: { value: computed } }),
      })
    })
    return reports
  },
})
