import { defineRule, type RuleReport } from './define.js'

/**
 * The baseline columns of «RISULTATO ATTESO» are not the years just before the plan year
 * (seed: 2020 and 2019 in a 2024 plan): the template was not updated.
 */
export default defineRule({
  code: 'STALE_BASELINE_YEARS',
  severity: 'info',
  check(record, context) {
    const year = record.plan.year
    if (year === null) return []
    const reports: RuleReport[] = []
    record.objectives.forEach((objective, i) => {
      const years = [...new Set(objective.indicators.flatMap((indicator) => Object.keys(indicator.baselines)))].sort()
      const latest = Number(years.at(-1))
      if (years.length === 0 || latest === year - 1) return
      reports.push({
        objectiveId: objective.id,
        path: `objectives[${i}].indicators[0].baselines`,
        message: `Le colonne di riferimento sono ${years.join(', ')}, non gli anni che precedono il ${year}.`,
        found: years,
        location: context.origins.get(`objectives[${i}].baselineYears.${years.at(-1)}`)?.location ?? null,
      })
    })
    return reports
  },
})
