import { defineRule, type RuleReport } from './define.js'

/** A card that no summary row describes (only when the plan has a summary). */
export default defineRule({
  code: 'CARD_NOT_IN_SUMMARY',
  severity: 'warning',
  check(record, context) {
    if (record.summary.length === 0) return []
    const linked = new Set(record.summary.map((row) => row.objectiveId))
    const reports: RuleReport[] = []
    record.objectives.forEach((objective, i) => {
      if (linked.has(objective.id)) return
      reports.push({
        objectiveId: objective.id,
        path: `objectives[${i}]`,
        message: `La scheda N. ${objective.id} non è descritta da alcuna riga del riepilogo.`,
        found: objective.title,
        location: context.origins.get(`objectives[${i}].id`)?.location ?? null,
      })
    })
    return reports
  },
})
