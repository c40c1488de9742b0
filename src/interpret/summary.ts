import type { SummaryRow } from '../model/record.js'
import type { Cell } from '../model/document.js'
import { foldWhitespace } from '../text/normalize.js'
import type { ReadingContext } from './context.js'
import { matchLabel, type LabelId } from './labels.js'
import { headerOf, spanOf, type Line, type Span } from './lines.js'
import { kindOf, yearIn } from './kind.js'

/** What the summary table ("Programmazione Obiettivi di Performance") gives. */
export interface SummaryReading {
  plan: { comune: string | null; year: number | null; title: string | null; unit: string | null }
  rows: SummaryRow[]
  /** The cells of each row, for findings that point at them. */
  rowCells: Cell[][]
}

const TITLE_LABELS: LabelId[] = ['planTitle', 'comune', 'unit']
const HEADER_LABELS: LabelId[] = ['summaryDescription', 'summaryCode', 'summaryCdr']

/** True when a line is the summary's column header ("Descrizione", "Cod.", "CdR Coinvolti"). */
export function isSummaryHeader(line: Line): boolean {
  const ids = new Set(line.cells.map((cell) => matchLabel(cell.text, HEADER_LABELS)?.id))
  return ids.has('summaryCode') && (ids.has('summaryDescription') || ids.has('summaryCdr'))
}

/** True when a line carries the plan's title block ("Comune di:", "Programmazione ... 2024"). */
export function isPlanTitle(line: Line): boolean {
  return line.cells.some((cell) => matchLabel(cell.text, ['planTitle'])?.id === 'planTitle')
}

/**
 * Reads the title lines and the summary rows. `title` are the lines above the header,
 * `header` the column header, `body` the rows under it.
 */
export function readSummary(title: Line[], header: Line, body: Line[], context: ReadingContext): SummaryReading {
  const plan: SummaryReading['plan'] = { comune: null, year: null, title: null, unit: null }
  for (const line of title) {
    line.cells.forEach((cell, i) => {
      const label = matchLabel(cell.text, TITLE_LABELS)
      if (!label) return
      context.use(cell)
      if (label.id === 'planTitle') {
        plan.title = foldWhitespace(cell.text)
        plan.year = yearIn(cell.text)
        context.origin('plan.title', cell)
        return
      }
      // The value is the next cell, unless that cell is itself a label.
      const next = line.cells[i + 1]
      if (next && !matchLabel(next.text, TITLE_LABELS)) {
        context.use(next)
        const path = label.id === 'comune' ? 'plan.comune' : 'plan.unit'
        plan[label.id === 'comune' ? 'comune' : 'unit'] = foldWhitespace(next.text)
        context.origin(path, next)
      }
    })
  }

  const columns: { id: LabelId; span: Span }[] = []
  for (const cell of header.cells) {
    const label = matchLabel(cell.text, HEADER_LABELS)
    if (label) {
      columns.push({ id: label.id, span: spanOf(cell) })
      context.use(cell)
    }
  }
  const rows: SummaryRow[] = []
  const rowCells: Cell[][] = []
  for (const line of body) {
    const row: SummaryRow = { rowLabel: '', code: null, kind: null, description: null, cdr: [], objectiveId: null }
    const description: string[] = []
    for (const cell of line.cells) {
      if (matchLabel(cell.text, ['summarySection'])) {
        context.use(cell) // the vertical section title beside the rows
        continue
      }
      const column = headerOf(cell, columns)
      const path = `summary[${rows.length}]`
      if (column?.id === 'summaryCode') {
        row.code = codeOf(cell.text)
        context.origin(`${path}.code`, cell)
      } else if (column?.id === 'summaryCdr') {
        row.cdr = listOf(cell.text)
        context.origin(`${path}.cdr`, cell)
      } else if (kindOf(cell.text) && row.kind === null) {
        row.kind = foldWhitespace(cell.text)
        context.origin(`${path}.kind`, cell)
      } else if (row.rowLabel === '' && description.length === 0 && isRowLabel(cell.text)) {
        row.rowLabel = cell.text.trim()
        context.origin(`${path}.rowLabel`, cell)
      } else {
        description.push(cell.text)
        context.origin(`${path}.description`, cell)
      }
      context.use(cell)
    }
    if (description.length > 0) row.description = foldWhitespace(description.join(' '))
    rows.push(row)
    rowCells.push(line.cells)
  }
  return { plan, rows, rowCells }
}

/** A row label as printed at the left of a summary row: "a", "c", "12", "1.2". */
function isRowLabel(text: string): boolean {
  return /^[\p{L}\d]{1,3}([.)]\d{0,2})?\.?$/u.test(text.trim())
}

/** "A." -> "A"; underlines and trailing dots are how templates print codes. */
export function codeOf(text: string): string | null {
  const code = foldWhitespace(text).replace(/[.)]+$/, '')
  return code === '' ? null : code
}

/** Splits a list of units ("TUTTI", "Area Tecnica; Polizia Locale"); "/" stays inside one name. */
export function listOf(text: string): string[] {
  return text
    .split(/[\n;,]+/)
    .map((part) => foldWhitespace(part))
    .filter((part) => part !== '')
}
