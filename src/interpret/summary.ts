import { appendTo } from '../util/multimap.js'
import type { SummaryRow } from '../model/record.js'
import type { Cell } from '../model/document.js'
import { foldWhitespace } from '../text/normalize.js'
import type { ReadingContext } from './context.js'
import { matchLabel, type LabelId } from './labels.js'
import type { Line } from './lines.js'
import { kindOf, yearIn } from './kind.js'
import { reportUnmapped } from './unmapped.js'

/** What the summary table ("Programmazione Obiettivi di Performance") gives. */
export interface SummaryReading {
  plan: { comune: string | null; year: number | null; title: string | null; unit: string | null }
  rows: SummaryRow[]
  /** The cells of each row, for findings that point at them. */
  rowCells: Cell[][]
}

const TITLE_LABELS: LabelId[] = ['planTitle', 'comune', 'unit', 'sourceNote']
const LEGEND_LABELS: LabelId[] = ['instructions']
const HEADER_LABELS: LabelId[] = ['summaryDescription', 'summaryCode', 'summaryCdr', 'summaryRowLabel', 'summaryKind']

/** True when a line is the summary's column header ("Descrizione", "Cod.", "CdR Coinvolti"). */
export function isSummaryHeader(line: Line): boolean {
  const ids = new Set(line.cells.map((cell) => matchLabel(cell.text, HEADER_LABELS)?.id))
  return ids.has('summaryCode') && (ids.has('summaryDescription') || ids.has('summaryCdr'))
}

/** True when a line carries the plan's title block ("Comune di:", "Programmazione ... 2024", "Unità Organizzativa"). */
export function isPlanTitle(line: Line): boolean {
  return line.cells.some((cell) => matchLabel(cell.text, TITLE_LABELS) !== null)
}

/**
 * Reads the title lines and the summary rows. `title` are the lines above the header,
 * `header` the column header, `body` the rows under it.
 */
export function readSummary(title: Line[], header: Line, lines: Line[], context: ReadingContext): SummaryReading {
  // A «Legenda» under the rows (what the colours mean) ends them: it is no summary row.
  const legend = lines.findIndex((line) => line.cells.some((cell) => matchLabel(cell.text, LEGEND_LABELS) !== null))
  const body = legend < 0 ? lines : lines.slice(0, legend)
  for (const line of legend < 0 ? [] : lines.slice(legend)) context.use(...line.cells)
  const plan: SummaryReading['plan'] = { comune: null, year: null, title: null, unit: null }
  for (const line of title) {
    line.cells.forEach((cell, i) => {
      const label = matchLabel(cell.text, TITLE_LABELS)
      if (!label) return
      context.use(cell)
      if (label.id === 'sourceNote') return
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

  reportUnmapped(title.flatMap((line) => line.cells), null, context)
  context.use(...header.cells)
  // Columns headed by something else than the summary's labels ("Esito Pesatura", an area,
  // "Stato" in a corrected workbook) are derived values, not part of the printed summary.
  const derived = new Set(header.cells.filter((cell) => !matchLabel(cell.text, HEADER_LABELS)).map((cell) => cell.col))
  const roles = columnRoles(body.map((line) => ({ ...line, cells: line.cells.filter((cell) => !derived.has(cell.col)) })))
  const rows: SummaryRow[] = []
  const rowCells: Cell[][] = []
  for (const line of body) {
    const row: SummaryRow = { rowLabel: '', code: null, kind: null, description: null, cdr: [], objectiveId: null }
    const path = `summary[${rows.length}]`
    for (const cell of line.cells) {
      context.use(cell)
      switch (derived.has(cell.col) ? 'derived' : roles.get(cell.col)) {
        case 'derived':
        case 'section':
          break // the vertical section title beside the rows
        case 'rowLabel':
          row.rowLabel = foldWhitespace(cell.text)
          context.origin(`${path}.rowLabel`, cell)
          break
        case 'kind':
          row.kind = foldWhitespace(cell.text)
          context.origin(`${path}.kind`, cell)
          break
        case 'code':
          row.code = codeOf(cell.text)
          context.origin(`${path}.code`, cell)
          break
        case 'cdr':
          row.cdr = listOf(cell.text)
          context.origin(`${path}.cdr`, cell)
          break
        default:
          row.description = foldWhitespace([row.description ?? '', cell.text].join(' '))
          context.origin(`${path}.description`, cell)
      }
    }
    rows.push(row)
    rowCells.push(line.cells)
  }
  return { plan, rows, rowCells }
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

type Role = 'section' | 'rowLabel' | 'kind' | 'code' | 'description' | 'cdr'

/**
 * What each grid column of the summary holds, judged by its content: templates print the
 * header row off by a column (the seed's "Cod." stands over the descriptions), so the
 * header only tells that this is the summary. Left to right: the row label (a short token),
 * the kind ("Obiettivo P. Organizzativa"), the description (long text), the code (a short
 * token after the description), the involved CdR (what follows).
 */
function columnRoles(body: Line[]): Map<number, Role> {
  const texts = new Map<number, string[]>()
  for (const line of body) for (const cell of line.cells) appendTo(texts, cell.col, cell.text)
  const roles = new Map<number, Role>()
  let seenDescription = false
  for (const col of [...texts.keys()].sort((a, b) => a - b)) {
    const values = texts.get(col) ?? []
    const all = (test: (text: string) => boolean) => values.every(test)
    let role: Role
    if (all((text) => matchLabel(text, ['summarySection']) !== null)) role = 'section'
    else if (all((text) => kindOf(text) !== null)) role = 'kind'
    else if (all(isShortToken)) role = seenDescription || [...roles.values()].includes('rowLabel') ? 'code' : 'rowLabel'
    else if (!seenDescription && averageWords(values) >= 3) role = 'description'
    else role = seenDescription ? 'cdr' : 'description'
    if (role === 'description') seenDescription = true
    if (role === 'code' && [...roles.values()].includes('code')) role = 'cdr'
    roles.set(col, role)
  }
  return roles
}

/** A row label or code as printed: "a", "12", "A.", "1.2", "OB1". */
function isShortToken(text: string): boolean {
  return /^[\p{L}\d]{1,3}([.)]\d{0,2})?[.)]?$/u.test(text.trim())
}

function averageWords(values: string[]): number {
  return values.reduce((sum, text) => sum + text.split(/\s+/).length, 0) / Math.max(1, values.length)
}
