import { defineRule, type RuleReport } from './define.js'

/** A summary row describes an objective that has no card (seed: Cod. C, "Gestione strumenti di programmazione"). */
export default defineRule({
  code: 'CARD_MISSING',
  severity: 'error',
  check(record) {
    const reports: RuleReport[] = []
    record.summary.forEach((row, r) => {
      if (row.objectiveId !== null || row.description === null) return
      reports.push({
        path: `summary[${r}].description`,
        message: `La riga «${row.rowLabel}»${row.code ? ` (Cod. ${row.code})` : ''} del riepilogo non ha una scheda obiettivo.`,
        found: row.description,
      })
    })
    return reports
  },
})
