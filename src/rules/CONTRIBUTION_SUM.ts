import { round4 } from '../values/number.js'
import { defineRule, type RuleReport } from './define.js'

/**
 * «% di contribuzione» of an objective's areas must sum to 100 (±0.5). Corrected only when
 * the answer is certain: exactly one % blank (it gets the remainder) or all blank (equal split).
 */
export default defineRule({
  code: 'CONTRIBUTION_SUM',
  severity: 'error',
  check(record, context) {
    const reports: RuleReport[] = []
    record.objectives.forEach((objective, i) => {
      const { areas } = objective
      if (areas.length === 0) return
      // A matrix of objectives × dirigenti prints each area's weight, no percentages (record.md).
      if (areas.every((area) => area.contributionPct === null && area.declaredAbsoluteWeight !== null) && objective.weighting.score === null) return
      const blank = areas.flatMap((area, a) => (area.contributionPct === null ? [a] : []))
      const sum = round4(areas.reduce((total, area) => total + (area.contributionPct ?? 0), 0))
      if (blank.length === 0 && Math.abs(sum - 100) <= 0.5) return
      const at = (a: number) => `objectives[${i}].areas[${a}].contributionPct`
      const location = context.origins.get(at(0))?.location ?? context.origins.get(`objectives[${i}].areas[0].area`)?.location ?? null
      if (blank.length === 1 && sum < 100) {
        const a = blank[0] as number
        const remainder = round4(100 - sum)
        reports.push({
          objectiveId: objective.id,
          path: at(a),
          message: `La % di contribuzione di «${areas[a]?.label}» manca: le altre aree sommano a ${sum}, le si assegna il resto (${remainder}).`,
          found: null,
          corrected: remainder,
          location: context.origins.get(`objectives[${i}].areas[${a}].area`)?.location ?? location,
          fix: { value: remainder },
        })
      } else if (blank.length === areas.length) {
        const share = round4(100 / areas.length)
        areas.forEach((area, a) =>
          reports.push({
            objectiveId: objective.id,
            path: at(a),
            message: `Nessuna % di contribuzione è indicata: a «${area.label}» si assegna la quota uguale ${share}.`,
            found: null,
            corrected: share,
            location: context.origins.get(`objectives[${i}].areas[${a}].area`)?.location ?? location,
            fix: { value: share },
          }),
        )
      } else {
        reports.push({
          objectiveId: objective.id,
          path: `objectives[${i}].areas`,
          message: `Le % di contribuzione delle aree sommano a ${sum}, non a 100.`,
          found: sum,
          corrected: null,
          location,
        })
      }
    })
    return reports
  },
})
