import type { Location } from './location.js'
import type { Finding } from './finding.js'

/** The formats perfplan reads; decided from the bytes, never from the extension. */
export type Format = 'pdf' | 'docx' | 'html' | 'xlsx'

/**
 * One cell of a table grid. Only the anchor of a merged range is stored; it carries
 * its spans. `text` keeps the cell's line breaks as "\n", each line whitespace-folded.
 */
export interface Cell {
  /** 0-based grid row and column of the anchor. */
  row: number
  col: number
  rowSpan: number
  colSpan: number
  text: string
  location: Location
}

/** A table as a grid: `rows[r]` holds the anchor cells that start in grid row r, left to right. */
export interface Table {
  type: 'table'
  /** 1-based position among the document's tables. */
  index: number
  /** 1-based page (for .xlsx the sheet's position); null when the format has no pages. */
  page: number | null
  /** The sheet name, when the format gives one. */
  name: string | null
  /** The table's caption: HTML <caption>, or the heading or short bold paragraph right above it. */
  caption: string | null
  /** How many leading rows the writer marked as header rows (<thead>/<th>, Word's repeated rows). */
  headerRows: number
  rows: Cell[][]
  columnCount: number
}

/** A paragraph of text outside tables (headings, notes). */
export interface Paragraph {
  type: 'paragraph'
  text: string
  /** A heading (h1-h6, a paragraph all in bold): what a caption or a unit heading is printed as. */
  heading: boolean
  location: Location
}

export type Block = Table | Paragraph

/** What every reader returns: blocks in reading order, plus what the reader noticed. */
export interface PlanDocument {
  format: Format
  pages: number | null
  blocks: Block[]
  findings: Finding[]
}

/**
 * Stands where a PDF line may end either because the text wrapped or because the writer
 * broke it (U+2028 LINE SEPARATOR). Whitespace folding turns it into a space; readers of
 * cell lines may split on it.
 */
export const AMBIGUOUS_BREAK = '\u2028'

/** Folds runs of blanks inside each line and trims; drops empty leading/trailing lines. */
export function cleanCellText(text: string): string {
  // Most cells hold one line with single spaces: nothing to clean.
  if (!/[^\S ]|  |^ | $/.test(text)) return text
  return text
    .replace(/\r\n?/g, '\n')
    .split('\n')
    .map((line) => line.replace(/[^\S\u2028]+/g, ' ').replace(/ ?\u2028 ?/g, AMBIGUOUS_BREAK).trim())
    .join('\n')
    .replace(/^\n+|\n+$/g, '')
    .replace(/\n{2,}/g, '\n')
}

/**
 * Builds a table from anchor cells given per source row, placing each cell at the first
 * grid column not already covered by a row span from above (the HTML table model).
 */
export function layoutTable(
  sourceRows: { text: string; rowSpan: number; colSpan: number }[][],
  locate: (row: number, col: number) => Location,
  index: number,
  page: number | null,
  name: string | null,
): Table {
  const occupied: boolean[][] = []
  const rows: Cell[][] = []
  let columnCount = 0
  sourceRows.forEach((sourceRow, r) => {
    const line = (occupied[r] ??= [])
    const cells: Cell[] = []
    let c = 0
    for (const source of sourceRow) {
      while (line[c]) c++
      const rowSpan = Math.max(1, Math.min(source.rowSpan, sourceRows.length - r))
      const colSpan = Math.max(1, source.colSpan)
      for (let dr = 0; dr < rowSpan; dr++) {
        const covered = (occupied[r + dr] ??= [])
        for (let dc = 0; dc < colSpan; dc++) covered[c + dc] = true
      }
      cells.push({ row: r, col: c, rowSpan, colSpan, text: cleanCellText(source.text), location: locate(r, c) })
      c += colSpan
      columnCount = Math.max(columnCount, c)
    }
    rows.push(cells)
  })
  return { type: 'table', index, page, name, caption: null, headerRows: 0, rows, columnCount }
}

/** A caption is short: one line of a heading, not a paragraph of prose. */
const CAPTION_MAX = 160

/**
 * Gives each table without a caption the heading right above it (nothing between them):
 * the paragraph moves into the table's caption. Shared by every reader.
 */
export function attachCaptions(blocks: Block[]): Block[] {
  const out: Block[] = []
  for (const block of blocks) {
    const previous = out.at(-1)
    if (block.type === 'table' && block.caption === null && previous?.type === 'paragraph' && previous.heading && previous.text.length <= CAPTION_MAX) {
      out.pop()
      out.push({ ...block, caption: previous.text })
    } else out.push(block)
  }
  return out
}

/** The tables of a document, in reading order. */
export function tablesOf(document: PlanDocument): Table[] {
  return document.blocks.filter((block): block is Table => block.type === 'table')
}
