import { CRITERIA, type Rating } from '../model/record.js'
import { schemeScore } from '../settings/scheme.js'
import { defineRule, type RuleReport } from './define.js'

/**
 * «PESO OBIETTIVO»: one rating lost (no mark under Alto/Medio/Basso), and «Esito Pesatura»
 * determines it: exactly one rating makes the scheme give the declared score. Seed card "a":
 * Importanza is lost, 18 = 5 + 5 + 5 + 3 makes it Alto. Fills the rating.
 * Two or more missing ratings, or no unique solution: RATING_AMBIGUOUS.
 */
export default defineRule({
  code: 'RATING_INFERRED',
  severity: 'info',
  check(record, context) {
    const reports: RuleReport[] = []
    record.objectives.forEach((objective, i) => {
      const { weighting } = objective
      const missing = CRITERIA.filter((criterion) => weighting[criterion] === null)
      const [criterion] = missing
      if (missing.length !== 1 || criterion === undefined || weighting.declaredScore === null) return
      const fits = (['alto', 'medio', 'basso'] as Rating[]).filter(
        (rating) => schemeScore(context.scheme, { ...weighting, [criterion]: rating }) === weighting.declaredScore,
      )
      const [rating] = fits
      if (fits.length !== 1 || rating === undefined) return
      const path = `objectives[${i}].weighting.${criterion}`
      reports.push({
        objectiveId: objective.id,
        path,
        message: `Manca il segno di «${LABEL[criterion]}»: l'Esito Pesatura ${weighting.declaredScore} lo determina come ${rating[0]?.toUpperCase()}${rating.slice(1)}.`,
        found: null,
        corrected: rating,
        fix: { value: rating },
      })
    })
    return reports
  },
})

export const LABEL = {
  importanza: 'Importanza',
  impattoEsterno: 'Impatto Esterno',
  complessita: 'Complessità',
  realizzabilita: 'Realizzabilità',
} as const
