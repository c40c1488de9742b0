import { defineRule, type RuleReport } from './define.js'
import { looksTruncated } from '../text/truncation.js'

/** Text cut mid-sentence in the summary's descriptions or the cards' titles. Reported, never completed. */
export default defineRule({
  code: 'TRUNCATED_TEXT',
  severity: 'warning',
  check(record) {
    const reports: RuleReport[] = []
    const check = (text: string | null, path: string, objectiveId: string | null) => {
      if (!text || !looksTruncated(text)) return
      reports.push({
        objectiveId,
        path,
        message: `Il testo sembra troncato: termina con «…${text.slice(-40)}».`,
        found: text,
      })
    }
    record.summary.forEach((row, r) => check(row.description, `summary[${r}].description`, row.objectiveId))
    record.objectives.forEach((objective, i) => check(objective.title, `objectives[${i}].title`, objective.id))
    return reports
  },
})
