import { defineRule, type RuleReport } from './define.js'

/**
 * A card's header year («OBIETTIVO DELL'ORGANO POLITICO - AMMINISTRATIVO 2023») differs from
 * the plan's year: a card copied from last year's plan. Reported, not corrected.
 */
export default defineRule({
  code: 'HEADER_YEAR_MISMATCH',
  severity: 'warning',
  check(record) {
    const year = record.plan.year
    if (year === null) return []
    const reports: RuleReport[] = []
    record.objectives.forEach((objective, i) => {
      if (objective.headerYear === null || objective.headerYear === year) return
      reports.push({
        objectiveId: objective.id,
        path: `objectives[${i}].headerYear`,
        message: `L'intestazione della scheda N. ${objective.id} indica il ${objective.headerYear}, il piano è del ${year}.`,
        found: objective.headerYear,
      })
    })
    return reports
  },
})
