import { defineRule, type RuleReport } from './define.js'

/**
 * Words a sentence cannot end on: articles, prepositions and conjunctions. A text that ends
 * on one was cut (seed: summary row "d" ends "...comunicando i dati richiesti dal").
 */
const DANGLING = new Set(
  ('il lo la i gli le un uno una di a da in con su per tra fra del dello della dei degli delle ' +
    'al allo alla ai agli alle dal dallo dalla dai dagli dalle nel nello nella nei negli nelle ' +
    'sul sullo sulla sui sugli sulle col e ed o od ma che se non come quale cui').split(' '),
)

/** True when a text looks cut mid-sentence: it ends on a dangling word, or at Excel's 255-character limit without a full stop. */
export function looksTruncated(text: string): boolean {
  const last = /([\p{L}']+)\s*$/u.exec(text)?.[1]?.toLowerCase()
  if (last && DANGLING.has(last)) return true
  return text.length === 255 && !/[.;:)!?]$/.test(text)
}

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
