import type { PlanDocument } from '../model/document.js'
import type { Objective, PlanRecord, SummaryRow } from '../model/record.js'
import { PerfplanError } from '../errors.js'
import { ReadingContext, type Origin } from './context.js'
import { linesOf, type Line } from './lines.js'
import { isPlanTitle, isSummaryHeader, readSummary } from './summary.js'
import { isCardStart, readCard } from './card.js'
import { linkSummary } from './link.js'
import { matchLabel } from './labels.js'

/** A table titled as none of the plan's ("AREE", "RILIEVI"): it ends the card before it. */
function isOtherTable(line: Line): boolean {
  const first = line.cells[0]
  return line.cells.length === 1 && first !== undefined && matchLabel(first.text, ['otherTable']) !== null
}

/** What interpretation gives: the record's content, where each field was read, and findings. */
export interface Interpretation {
  plan: PlanRecord['plan']
  summary: SummaryRow[]
  objectives: Objective[]
  findings: PlanRecord['findings']
  /** JSON path -> where it was read and the text as printed. */
  origins: Map<string, Origin>
}

/**
 * Turns the document model into summary rows and objectives, by labels only: the lines of
 * all tables are read in order; a summary header ("Descrizione | Cod. | CdR Coinvolti")
 * opens the summary, a card header opens a card, and a card runs on (across tables and
 * pages) until the next one. Throws NOT_A_PLAN when neither is found.
 */
export function interpretDocument(document: PlanDocument): Interpretation {
  const context = new ReadingContext()
  const titleLines: Line[] = []
  let summaryHeader: Line | null = null
  const summaryBody: Line[] = []
  const cards: Line[][] = []
  let state: 'outside' | 'title' | 'summary' | 'card' = 'outside'
  let previous: Line | undefined
  let skippedTable: number | null = null
  for (const line of linesOf(document)) {
    if (previous?.table !== line.table && isOtherTable(line)) {
      skippedTable = line.table // a table that is not part of the plan, and ends the card before it
      state = 'outside'
    }
    if (line.table === skippedTable) {
      previous = line
      continue
    }
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
  if (summaryHeader === null && cards.length === 0) {
    throw new PerfplanError('NOT_A_PLAN', 'Il documento non contiene né una tabella riepilogativa degli obiettivi né schede obiettivo riconoscibili.')
  }

  const summary = summaryHeader ? readSummary(titleLines, summaryHeader, summaryBody, context) : null
  const readings = cards.map((lines, index) => readCard(lines, index, context))
  const objectives = readings.map((reading) => reading.objective)
  const plan = summary?.plan ?? { comune: null, year: null, title: null, unit: null }
  if (plan.comune === null) {
    const named = readings.find((reading) => reading.comune !== null)
    if (named?.comune) {
      plan.comune = named.comune.text
      const origin = context.origins.get(`objectives[${readings.indexOf(named)}].comune`)
      if (origin) context.origins.set('plan.comune', origin)
    }
  }
  const rows = summary?.rows ?? []
  linkSummary(rows, objectives)
  return { plan, summary: rows, objectives, findings: context.findings, origins: context.origins }
}
