import { defineRule, type RuleReport } from './define.js'

/** A summary row with no description (seed: row "12", an unused template line). */
export default defineRule({
  code: 'SUMMARY_ROW_EMPTY',
  severity: 'warning',
  check(record, context) {
    const reports: RuleReport[] = []
    record.summary.forEach((row, r) => {
      if (row.description !== null) return
      reports.push({
        objectiveId: row.objectiveId,
        path: `summary[${r}].description`,
        message: `La riga «${row.rowLabel}» del riepilogo non ha descrizione.`,
        found: null,
        location: context.origins.get(`summary[${r}].rowLabel`)?.location ?? null,
      })
    })
    return reports
  },
})
