import { defineRule, type RuleReport } from './define.js'

/** Two cards carry the same «N.»: links and totals by id would be wrong. */
export default defineRule({
  code: 'DUPLICATE_OBJECTIVE',
  severity: 'error',
  check(record, context) {
    const first = new Map<string, number>()
    const reports: RuleReport[] = []
    record.objectives.forEach((objective, i) => {
      const earlier = first.get(objective.id)
      if (earlier === undefined) {
        first.set(objective.id, i)
        return
      }
      reports.push({
        objectiveId: objective.id,
        path: `objectives[${i}].id`,
        message: `La scheda N. ${objective.id} compare due volte (la prima è la scheda ${earlier + 1} del documento).`,
        found: objective.id,
        location: context.origins.get(`objectives[${i}].id`)?.location ?? null,
      })
    })
    return reports
  },
})
