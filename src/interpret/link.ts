import type { Objective, SummaryRow } from '../model/record.js'
import { words } from '../text/normalize.js'

/**
 * Links each summary row to the card it describes, by title similarity and code, never
 * by position alone: the seed's row "c" (Cod. B) describes card "b". Truncated or marked-up
 * text is tolerated: similarity is the share of the shorter text's words found in the longer.
 * Sets `row.objectiveId`, and on the card its `code` and `description`.
 */
export function linkSummary(rows: SummaryRow[], objectives: Objective[]): void {
  const candidates: { row: SummaryRow; objective: Objective; score: number }[] = []
  for (const row of rows) {
    for (const objective of objectives) {
      const similarity = row.description ? titleSimilarity(row.description, objective.title) : 0
      const sameCode = row.code !== null && row.code.toLowerCase() === objective.id.toLowerCase()
      const accepted = similarity >= 0.6 || (sameCode && (row.description === null || similarity >= 0.3))
      if (accepted) candidates.push({ row, objective, score: similarity + (sameCode ? 0.3 : 0) + (row.rowLabel === objective.id ? 0.1 : 0) })
    }
  }
  candidates.sort((a, b) => b.score - a.score)
  const linkedRows = new Set<SummaryRow>()
  const linkedObjectives = new Set<Objective>()
  for (const { row, objective } of candidates) {
    if (linkedRows.has(row) || linkedObjectives.has(objective)) continue
    linkedRows.add(row)
    linkedObjectives.add(objective)
    row.objectiveId = objective.id
    objective.code = row.code
    objective.description = row.description
  }
}

/** Share (0..1) of the shorter text's significant words that the other text has too. */
export function titleSimilarity(a: string, b: string): number {
  const left = significant(a)
  const right = significant(b)
  const [shorter, longer] = left.size <= right.size ? [left, right] : [right, left]
  if (shorter.size === 0) return 0
  let shared = 0
  for (const word of shorter) if (longer.has(word)) shared++
  return shared / shorter.size
}

/** Words that carry meaning: four letters or more (articles and prepositions drop out). */
function significant(text: string): Set<string> {
  return new Set(words(text.replace(/<[^>]*>/g, ' ')).filter((word) => word.length >= 4))
}
