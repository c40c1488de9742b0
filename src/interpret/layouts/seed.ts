import type { Table } from '../../model/document.js'
import type { Line } from '../lines.js'
import { linesOfTables } from '../lines.js'
import { ReadingContext } from '../context.js'
import { isPlanTitle, isSummaryHeader, readSummary, type SummaryReading } from '../summary.js'
import { isCardStart, readCard } from '../card.js'
import { DRAFT_ROOT, newDraft, type Draft } from '../draft.js'

/** What the seed's template gives: its summary (with the plan's title block) and its cards. */
export interface SeedReading {
  summary: SummaryReading | null
  /** Origins and findings of the title block and summary (final paths: "plan.title", "summary[0]"). */
  context: ReadingContext
  drafts: Draft[]
  /** The comune a card names («Comune di:» on the card), when the summary gives none. */
  comune: { text: string; draft: Draft } | null
}

/**
 * The seed's template family: a summary table («Descrizione | Cod. | CdR Coinvolti») under
 * the plan's title block, and cards opened by «OBIETTIVO DELL'ORGANO POLITICO -
 * AMMINISTRATIVO» (or «PERFORMANCE … N.»). A card runs on across tables and pages until the
 * next one. `tables` are the document's tables of this family, in order.
 */
export function readSeedLayout(tables: Table[]): SeedReading {
  const context = new ReadingContext()
  const titleLines: Line[] = []
  let summaryHeader: Line | null = null
  const summaryBody: Line[] = []
  const cards: Line[][] = []
  let state: 'outside' | 'title' | 'summary' | 'card' = 'outside'
  let previous: Line | undefined
  for (const line of linesOfTables(tables)) {
    if (isCardStart(line, previous)) {
      cards.push([line])
      state = 'card'
    } else if (summaryHeader === null && isSummaryHeader(line)) {
      summaryHeader = line
      state = 'summary'
    } else if (state !== 'card' && isPlanTitle(line)) {
      titleLines.push(line)
      state = 'title'
    } else if (state === 'card') cards.at(-1)?.push(line)
    else if (state === 'summary' && !isSummaryHeader(line)) summaryBody.push(line)
    else if (state === 'summary') context.use(...line.cells) // a header repeated on a new page
    else if (state === 'title') titleLines.push(line)
    previous = line
  }
  const summary = summaryHeader ? readSummary(titleLines, summaryHeader, summaryBody, context) : null
  let comune: SeedReading['comune'] = null
  const drafts = cards.map((lines, index) => {
    const draft = newDraft('seed-card', String(index + 1), true)
    const reading = readCard(lines, index, draft.context, DRAFT_ROOT)
    draft.objective = reading.objective
    draft.provides.add('title').add('weight').add('ratings')
    if (reading.comune && comune === null) comune = { text: reading.comune.text, draft }
    return draft
  })
  return { summary, context, drafts, comune }
}
