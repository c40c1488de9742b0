import { defineRule, type RuleReport } from './define.js'

/**
 * A summary row describes a card with another label: seed row "c" (Cod. B) describes card
 * "b". The link comes from title and code (interpret/link.ts), never from position alone.
 */
export default defineRule({
  code: 'SUMMARY_LABEL_MISMATCH',
  severity: 'warning',
  check(record) {
    const reports: RuleReport[] = []
    record.summary.forEach((row, r) => {
      if (row.objectiveId === null || row.rowLabel.toLowerCase() === row.objectiveId.toLowerCase()) return
      reports.push({
        objectiveId: row.objectiveId,
        path: `summary[${r}].rowLabel`,
        message: `La riga «${row.rowLabel}» del riepilogo descrive la scheda N. ${row.objectiveId}.`,
        found: row.rowLabel,
      })
    })
    return reports
  },
})
