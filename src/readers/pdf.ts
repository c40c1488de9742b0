import { createRequire } from 'node:module'
import { dirname, join } from 'node:path'
import { getDocument, type PDFDocumentProxy } from 'pdfjs-dist/legacy/build/pdf.mjs'
import type { Block, Cell, PlanDocument, Table } from '../model/document.js'
import { cleanCellText } from '../model/document.js'
import type { Finding } from '../model/finding.js'
import { PerfplanError } from '../errors.js'
import { endsDangling } from '../text/truncation.js'
import { readPageContent } from './pdf/page-content.js'
import { findRuledTables, type GridTable } from './pdf/lattice.js'
import { findStreamTable } from './pdf/stream.js'
import { cellText, joinWrapped, leadOf, textLines } from './pdf/cell-text.js'

/** The metrics of the 14 standard fonts, shipped with pdf.js, for PDFs that do not embed them. */
const STANDARD_FONTS = `${join(dirname(createRequire(import.meta.url).resolve('pdfjs-dist/package.json')), 'standard_fonts')}/`

/**
 * Reads a PDF with pdf.js, one page at a time (a long file never holds all its pages):
 * ruled tables are rebuilt from the drawn lines, pages without lines from the alignment of
 * their text; a table that goes on over the next page with the same columns is joined to
 * its start. Text above and below the tables (page headers, footers, page numbers) is kept
 * as paragraphs, not as table content.
 *
 * Limitations: no OCR (a scanned page gives NO_TEXT_LAYER); text in curves or images is not
 * read; a borderless table's rows are told apart by line spacing, so a cell with a blank line
 * inside may split its row.
 */
export async function readPdf(bytes: Uint8Array): Promise<PlanDocument> {
  if (!hasEndOfFile(bytes)) {
    throw new PerfplanError('UNREADABLE', 'Il file PDF è troncato: manca la fine del file, probabilmente il download si è interrotto.')
  }
  let pdf: PDFDocumentProxy
  try {
    pdf = await getDocument({
      data: new Uint8Array(bytes),
      verbosity: 0,
      isEvalSupported: false,
      disableFontFace: true,
      useSystemFonts: false,
      standardFontDataUrl: STANDARD_FONTS,
    }).promise
  } catch (cause) {
    throw new PerfplanError('UNREADABLE', reasonOf(cause), { cause })
  }
  try {
    return await readPages(pdf)
  } finally {
    await pdf.destroy()
  }
}

async function readPages(pdf: PDFDocumentProxy): Promise<PlanDocument> {
  const blocks: Block[] = []
  const findings: Finding[] = []
  const scans: number[] = []
  let tableIndex = 1
  let previous: { grid: GridTable; table: Table; pageHeight: number } | null = null
  for (let pageNumber = 1; pageNumber <= pdf.numPages; pageNumber++) {
    const page = await pdf.getPage(pageNumber)
    const content = await readPageContent(page)
    page.cleanup()
    if (content.runs.length === 0) {
      if (content.hasImages) scans.push(pageNumber)
      continue
    }
    const margin = content.height * 0.05
    const isPageFurniture = (line: { y: number; text: string }) =>
      line.y < margin || line.y > content.height - margin || /^(pag(ina|\.)?\s*)?\d+(\s*(di|\/|of)\s*\d+)?$/i.test(line.text)
    let grids = findRuledTables(content.segments, content.runs)
    const outside = content.runs.filter((run) => !grids.some((grid) => grid.runs.has(run)))
    const furniture = new Set(textLines(outside).filter(isPageFurniture).flatMap((line) => line.runs))
    if (grids.length === 0) {
      const stream = findStreamTable(outside.filter((run) => !furniture.has(run)))
      grids = stream ? [stream] : []
    }
    const free = outside.filter((run) => !grids.some((grid) => grid.runs.has(run)))
    for (const line of textLines(free)) {
      blocks.push({ type: 'paragraph', text: line.text, location: { page: pageNumber, table: null, row: null, column: null } })
    }
    grids.forEach((original, g) => {
      let grid = original
      // A row cut by the page break and left open on both sides goes on in the row above.
      if (g === 0 && previous && previous.grid.openBottom && grid.openTop) grid = continueOpenRow(previous, grid)
      // The first table of a page continues the last one of the page before when that one ran
      // to the foot of its page, this one starts at the top, and both have the same outer edges;
      // their column edges are merged so that columns line up across pages.
      const fillsPageBefore = previous !== null && (previous.grid.ys.at(-1) as number) >= previous.pageHeight * 0.75
      const startsPage = (grid.ys[0] as number) <= content.height * 0.25
      if (g === 0 && previous && fillsPageBefore && startsPage && sameOuterEdges(previous.grid, grid) && lastBlockIs(blocks, previous.table)) {
        const edges = mergeEdges(previous.grid.xs, grid.xs)
        remapTable(previous.table, previous.grid.xs, edges)
        const aligned = remapGrid(grid, edges)
        appendRows(previous.table, continueSplitRow(previous.table, aligned), pageNumber)
        previous.grid = aligned
        previous.pageHeight = content.height
        return
      }
      const table = toTable(grid, tableIndex++, pageNumber)
      blocks.push(table)
      previous = { grid, table, pageHeight: content.height }
    })
    if (grids.length === 0) previous = null
  }
  if (scans.length > 0 && !blocks.some((block) => block.type === 'table')) {
    throw new PerfplanError(
      'NO_TEXT_LAYER',
      `${scans.length === 1 ? 'La pagina' : 'Le pagine'} ${scans.join(', ')} ${scans.length === 1 ? 'è un\'immagine' : 'sono immagini'} senza testo (una scansione): serve un riconoscimento del testo (OCR) prima dell'importazione.`,
      { page: scans[0] as number },
    )
  }
  for (const page of scans) {
    findings.push({
      rule: 'NO_TEXT_LAYER',
      severity: 'error',
      objectiveId: null,
      path: null,
      message: `La pagina ${page} è un'immagine senza testo (una scansione): il suo contenuto non è stato letto; serve un riconoscimento del testo (OCR).`,
      found: null,
      corrected: null,
      location: { page, table: null, row: null, column: null },
    })
  }
  return { format: 'pdf', pages: pdf.numPages, blocks, findings }
}

function toTable(grid: GridTable, index: number, page: number): Table {
  const table: Table = { type: 'table', index, page, name: null, rows: [], columnCount: grid.xs.length - 1 }
  appendRows(table, grid, page)
  return table
}

/** Adds a grid's rows under a table (a new table, or the one it continues from the page before). */
function appendRows(table: Table, grid: GridTable, page: number): void {
  const offset = table.rows.length
  for (let r = 0; r < grid.ys.length - 1; r++) table.rows.push([])
  for (const cell of grid.cells) {
    const row = offset + cell.row
    const anchor: Cell = {
      row,
      col: cell.col,
      rowSpan: cell.rowSpan,
      colSpan: cell.colSpan,
      text: cleanCellText(cellText(cell.runs, grid.xs[cell.col] ?? 0, grid.xs[cell.col + cell.colSpan] ?? Number.POSITIVE_INFINITY)),
      location: { page, table: table.index, row: row + 1, column: cell.col + 1 },
    }
    table.rows[row]?.push(anchor)
  }
  for (const row of table.rows) row.sort((a, b) => a.col - b.col)
}

/**
 * The rest of a row that a page break cut and the writer left open (no line at the bottom
 * of the page, none at the top of the next): each piece of text goes to the cell above it,
 * matched by horizontal position; the row itself is dropped.
 */
function continueOpenRow(previous: { grid: GridTable; table: Table }, grid: GridTable): GridTable {
  const lastRow = previous.table.rows.length - 1
  const anchors = previous.table.rows.flat().filter((anchor) => anchor.row <= lastRow && lastRow < anchor.row + anchor.rowSpan)
  const span = (xs: number[], col: number, colSpan: number) => [xs[col] ?? 0, xs[col + colSpan] ?? 0] as const
  for (const cell of grid.cells.filter((c) => c.row === 0)) {
    const [left, right] = span(grid.xs, cell.col, cell.colSpan)
    const anchor = anchors
      .map((a) => {
        const [l, r] = span(previous.grid.xs, a.col, a.colSpan)
        return { a, shared: Math.min(r, right) - Math.max(l, left) }
      })
      .sort((x, y) => y.shared - x.shared)[0]
    const text = cleanCellText(cellText(cell.runs, left, right, leadOf(anchor?.a.text ?? '')))
    if (!anchor || anchor.shared <= 0 || text === '') continue
    const lead = leadOf(anchor.a.text)
    anchor.a.text = anchor.a.text === '' ? text : lead && text.toLowerCase().startsWith(lead) ? `${anchor.a.text}\n${text}` : joinWrapped(anchor.a.text, text)
  }
  return {
    ...grid,
    openTop: false,
    ys: grid.ys.slice(1),
    cells: grid.cells.filter((cell) => cell.row > 0 || cell.rowSpan > 1).map((cell) => (cell.row > 0 ? { ...cell, row: cell.row - 1 } : { ...cell, rowSpan: cell.rowSpan - 1, runs: [] })),
  }
}

/**
 * A row too tall for the page is split by the writer: its first part ends the page, the rest
 * opens the next one. Such a first row has text only where the last row has text too, and
 * that text goes on a sentence ("amministrazione) entro i termini…"): its text is appended to
 * the last row's cells and the row itself dropped. Returns the grid without it.
 */
function continueSplitRow(table: Table, grid: GridTable): GridTable {
  const first = grid.cells.filter((cell) => cell.row === 0)
  const lastRow = table.rows.length - 1
  const above = (col: number) =>
    table.rows.flat().find((anchor) => anchor.col <= col && col < anchor.col + anchor.colSpan && anchor.row <= lastRow && lastRow < anchor.row + anchor.rowSpan)
  const texts = first.map((cell) => {
    const right = grid.xs[cell.col + cell.colSpan] ?? Number.POSITIVE_INFINITY
    return { cell, text: cleanCellText(cellText(cell.runs, grid.xs[cell.col] ?? 0, right, leadOf(above(cell.col)?.text ?? ''))) }
  })
  const filled = texts.filter((t) => t.text !== '')
  if (filled.length === 0 || filled.length === first.length) return grid
  const aboveFilled = new Set(table.rows.flat().filter((anchor) => anchor.text !== '' && anchor.row <= lastRow && lastRow < anchor.row + anchor.rowSpan))
  const continues = filled.every(({ cell }) => (above(cell.col)?.text ?? '') !== '' && !/[.!?]$/.test(above(cell.col)?.text ?? '.'))
  // Each piece goes on what the row above says: it starts in lower case, or the text above
  // stops on a word no sentence ends with ("…in materia di" / "Anticorruzione").
  const goesOn =
    filled.every(({ cell, text }) => /^[\p{Ll}(\d/]/u.test(text) || endsDangling(above(cell.col)?.text ?? '')) &&
    filled.some(({ text }) => text.length > 2)
  if (!continues || filled.length >= aboveFilled.size || !goesOn) return grid
  for (const { cell, text } of filled) {
    const anchor = above(cell.col) as Cell
    // An item list goes on with a new item ("N. …" like the cell's first line), or a wrapped line.
    const lead = leadOf(anchor.text)
    anchor.text = lead && text.toLowerCase().startsWith(lead) ? `${anchor.text}\n${text}` : joinWrapped(anchor.text, text)
  }
  return {
    ...grid,
    ys: grid.ys.slice(1),
    cells: grid.cells.filter((cell) => cell.row > 0).map((cell) => ({ ...cell, row: cell.row - 1 })),
  }
}

function sameOuterEdges(a: GridTable, b: GridTable): boolean {
  return Math.abs((a.xs[0] as number) - (b.xs[0] as number)) <= 2 && Math.abs((a.xs.at(-1) as number) - (b.xs.at(-1) as number)) <= 2
}

/** The column edges of two grids together; edges within 2 points are one. */
function mergeEdges(a: number[], b: number[]): number[] {
  const edges: number[] = []
  for (const x of [...a, ...b].sort((p, q) => p - q)) if (edges.length === 0 || x - (edges.at(-1) as number) > 2) edges.push(x)
  return edges
}

function edgeIndex(edges: number[], x: number): number {
  let best = 0
  edges.forEach((edge, i) => {
    if (Math.abs(edge - x) < Math.abs((edges[best] as number) - x)) best = i
  })
  return best
}

/** Re-expresses a table's columns on finer column edges (a cell may then span more columns). */
function remapTable(table: Table, from: number[], to: number[]): void {
  for (const cell of table.rows.flat()) {
    const start = edgeIndex(to, from[cell.col] as number)
    const end = edgeIndex(to, from[cell.col + cell.colSpan] as number)
    cell.col = start
    cell.colSpan = Math.max(1, end - start)
    cell.location = { ...cell.location, column: start + 1 }
  }
  table.columnCount = to.length - 1
}

function remapGrid(grid: GridTable, to: number[]): GridTable {
  const cells = grid.cells.map((cell) => {
    const start = edgeIndex(to, grid.xs[cell.col] as number)
    const end = edgeIndex(to, grid.xs[cell.col + cell.colSpan] as number)
    return { ...cell, col: start, colSpan: Math.max(1, end - start) }
  })
  return { ...grid, xs: to, cells }
}

function lastBlockIs(blocks: Block[], table: Table): boolean {
  const lastTable = [...blocks].reverse().find((block) => block.type === 'table')
  return lastTable === table
}

/** A complete PDF ends with "%%EOF" (possibly followed by a little whitespace or junk). */
function hasEndOfFile(bytes: Uint8Array): boolean {
  const tail = new TextDecoder('latin1').decode(bytes.subarray(Math.max(0, bytes.length - 2048)))
  return tail.includes('%%EOF')
}

function reasonOf(error: unknown): string {
  const name = (error as { name?: string })?.name
  if (name === 'PasswordException') return 'Il file PDF è protetto da password: va aperto senza password o esportato di nuovo.'
  if (name === 'InvalidPDFException') return 'Il file non è un PDF valido: la sua struttura è danneggiata.'
  return `Il file PDF non si apre: ${(error as Error)?.message ?? String(error)}.`
}

