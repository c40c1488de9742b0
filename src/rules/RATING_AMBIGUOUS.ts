import { CRITERIA } from '../model/record.js'
import { defineRule, type RuleReport } from './define.js'
import { LABEL } from './RATING_INFERRED.js'

/**
 * «PESO OBIETTIVO»: a criterion printed with no mark or with two, that nothing else
 * determines (runs after RATING_INFERRED). The score then comes from «Esito Pesatura» alone.
 */
export default defineRule({
  code: 'RATING_AMBIGUOUS',
  severity: 'warning',
  check(record, context) {
    const reports: RuleReport[] = []
    record.objectives.forEach((objective, i) => {
      for (const criterion of CRITERIA) {
        const path = `objectives[${i}].weighting.${criterion}`
        const origin = context.origins.get(path)
        if (objective.weighting[criterion] !== null || !origin) continue
        const marks = origin.raw === '' ? 0 : origin.raw.split(' ').length
        reports.push({
          objectiveId: objective.id,
          path,
          message:
            marks === 0
              ? `«${LABEL[criterion]}» non ha alcun segno sotto Alto/Medio/Basso e nulla permette di dedurlo.`
              : `«${LABEL[criterion]}» ha ${marks} segni sotto Alto/Medio/Basso: la valutazione è incerta.`,
          found: origin.raw === '' ? null : origin.raw,
        })
      }
    })
    return reports
  },
})
