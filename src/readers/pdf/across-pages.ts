import type { Cell, Table } from '../../model/document.js'
import { cleanCellText } from '../../model/document.js'
import { endsDangling } from '../../text/truncation.js'
import type { GridTable } from './lattice.js'
import { columnsSpanned } from './geometry.js'
import { runsExtent } from './page-content.js'
import { brokenWord, cellText, joinWrapped, leadOf, textLines } from './cell-text.js'
import { cellBounds } from './table-model.js'

/*
 * Tables that go on over the next page: a page break cuts rows in two and columns may be
 * drawn differently on each page. These functions put the pieces back together.
 */

/**
 * The rest of a row that a page break cut and the writer left open (no line at the bottom
 * of the page, none at the top of the next): each piece of text goes to the cell above it,
 * matched by horizontal position; the row itself is dropped.
 */
export function continueOpenRow(previous: { grid: GridTable; table: Table }, grid: GridTable): GridTable {
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
    anchor.a.text = continueText(anchor.a.text, text)
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
export function continueSplitRow(table: Table, grid: GridTable, before?: GridTable): GridTable {
  const first = grid.cells.filter((cell) => cell.row === 0)
  const lastRow = table.rows.length - 1
  // The cells that reach the table's last row (merged ones start higher up).
  const reaching = table.rows.flatMap((row) => row.filter((anchor) => anchor.row <= lastRow && lastRow < anchor.row + anchor.rowSpan))
  const above = (col: number) => reaching.find((anchor) => anchor.col <= col && col < anchor.col + anchor.colSpan)
  const texts = first.map((cell) => ({ cell, text: cleanCellText(cellText(cell.runs, ...cellBounds(grid, cell), leadOf(above(cell.col)?.text ?? ''))) }))
  // Read from text alignment, a cell merged over the first rows of the page beside cells of
  // their own is the rest of a merged cell the page break cut ("valore atteso" going on beside
  // the next indicators): its text goes on above, the rows stay.
  if (grid.stream && first.some((cell) => cell.rowSpan === 1)) {
    // (A figure there is more likely the first value of new rows: "25%" beside three indicators.)
    const carried = texts.filter(({ cell, text }) => cell.rowSpan > 1 && text !== '' && !/^\d/.test(text) && goesOnFrom(above(cell.col)?.text ?? '', text))
    if (carried.length > 0) {
      for (const { cell, text } of carried) {
        const anchor = above(cell.col) as Cell
        anchor.text = continueText(anchor.text, text)
      }
      const done = new Set(carried.map(({ cell }) => cell))
      return { ...grid, cells: grid.cells.filter((cell) => !done.has(cell)) }
    }
  }
  const filled = texts.filter((t) => t.text !== '')
  // A ruled grid has a cell at every column (empty or not); one read from text only where text is.
  if (filled.length === 0 || (!grid.stream && filled.length === first.length)) return grid
  const aboveFilled = new Set(reaching.filter((anchor) => anchor.text !== ''))
  // Each piece goes on what the row above says. Read from text alignment, where the rest of a
  // cell may be centred in what is left of it ("Piano Transizione" / "Digitale: …"), it is
  // enough that every piece lies under a cell that ran to the page's foot and one of them
  // plainly goes on.
  const goingOn = filled.filter(({ cell, text }) => goesOnFrom(above(cell.col)?.text ?? '', text))
  const wordy = goingOn.some(({ text }) => text.length > 2)
  const cut = goingOn.length === filled.length || (grid.stream === true && before !== undefined && filled.every(({ cell }) => ranToFoot(before, cell, grid.xs)))
  if (filled.length >= aboveFilled.size || !wordy || !cut) return grid
  for (const { cell, text } of filled) {
    const anchor = above(cell.col) as Cell
    anchor.text = before && grid.stream && wordCutAtFoot(before, cell, grid.xs, text) ? `${anchor.text}${text}` : continueText(anchor.text, text)
  }
  return {
    ...grid,
    ys: grid.ys.slice(1),
    cells: grid.cells.filter((cell) => cell.row > 0).map((cell) => ({ ...cell, row: cell.row - 1 })),
  }
}

/**
 * Whether the last row of the page before has, above a cell (by x), a cell whose text runs
 * down to that row's lowest line: only such a cell can have been cut by the page break.
 */
function ranToFoot(before: GridTable, cell: GridTable['cells'][number], xs: number[]): boolean {
  const last = lastRowCells(before)
  const foot = Math.max(...last.flatMap((c) => c.runs.map((run) => run.y)))
  return last.some((c) => Math.max(...c.runs.map((run) => run.y)) >= foot - 1 && standsOver(c, cell, xs))
}

/** The cells of a grid with text in its last row (merged ones from higher up included). */
function lastRowCells(grid: GridTable): GridTable['cells'] {
  const lastRow = Math.max(...grid.cells.map((c) => c.row + c.rowSpan - 1))
  return grid.cells.filter((c) => c.row <= lastRow && lastRow < c.row + c.rowSpan && c.runs.length > 0)
}

/** Whether a cell of the page before has text over the columns of a cell of this page. */
function standsOver(upper: GridTable['cells'][number], cell: GridTable['cells'][number], xs: number[]): boolean {
  const [left, right] = [xs[cell.col] ?? 0, xs[cell.col + cell.colSpan] ?? 0]
  return upper.runs.some((run) => run.x < right && run.x + run.width > left)
}

/**
 * Whether the page break cut a word too wide for its column ("Anticorruzion" / "e"): the cell
 * above the piece ended its page with a line that is that one piece, as wide as the column
 * (the rule cell text applies to a word broken between two lines of one page).
 */
function wordCutAtFoot(before: GridTable, cell: GridTable['cells'][number], xs: number[], text: string): boolean {
  const upper = lastRowCells(before).find((c) => standsOver(c, cell, xs))
  const lines = upper ? textLines(upper.runs) : []
  const last = lines.at(-1)
  if (!upper || !last) return false
  const [from, to] = cellBounds(before, upper)
  const padding = Math.max(0, Math.min(...lines.map((line) => line.left)) - from)
  return brokenWord(last, { text }, to - padding)
}

/**
 * Whether text at the top of a page goes on the text of the cell above: that text does not end
 * a sentence, and this one starts in lower case or the one above stops on a word no sentence
 * ends with ("…in materia di" / "Anticorruzione").
 */
function goesOnFrom(above: string, text: string): boolean {
  return above !== '' && !/[.!?]$/.test(above) && (/^[\p{Ll}(\d/]/u.test(text) || endsDangling(above))
}

/**
 * Whether a table may go on in the next one: ruled tables have the same outer borders.
 * Tables read from the alignment of text have no borders (their outer edges are only where
 * text happens to be): one at the foot of a page goes on at the top of the next.
 */
export function sameColumns(a: GridTable, b: GridTable): boolean {
  if (a.stream && b.stream) return true
  return Math.abs((a.xs[0] as number) - (b.xs[0] as number)) <= 2 && Math.abs((a.xs.at(-1) as number) - (b.xs.at(-1) as number)) <= 2
}

/** The column edges of two grids together; edges within 2 points are one. */
export function mergeEdges(a: number[], b: number[]): number[] {
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
export function remapTable(table: Table, from: number[], to: number[]): void {
  for (const cell of table.rows.flat()) {
    const start = edgeIndex(to, from[cell.col] as number)
    const end = edgeIndex(to, from[cell.col + cell.colSpan] as number)
    cell.col = start
    cell.colSpan = Math.max(1, end - start)
    cell.location = { ...cell.location, column: start + 1 }
  }
  table.columnCount = to.length - 1
}

/**
 * A table read from text alignment, put on the columns of the table it continues: each cell
 * goes to the columns its text lies in. Null when two cells of a row would then share a
 * column (the pages' columns differ; their edges are merged instead).
 */
export function fitColumns(grid: GridTable, xs: number[]): GridTable | null {
  const cells = grid.cells.map((cell) => {
    const { left, right } = runsExtent(cell.runs)
    const { col, colEnd } = columnsSpanned(xs, left, right)
    return { ...cell, col, colSpan: colEnd - col }
  })
  const clash = cells.some((a, i) =>
    cells.some((b, j) => j > i && a.row < b.row + b.rowSpan && b.row < a.row + a.rowSpan && a.col < b.col + b.colSpan && b.col < a.col + a.colSpan),
  )
  return clash ? null : { ...grid, xs, cells }
}

export function remapGrid(grid: GridTable, to: number[]): GridTable {
  const cells = grid.cells.map((cell) => {
    const start = edgeIndex(to, grid.xs[cell.col] as number)
    const end = edgeIndex(to, grid.xs[cell.col + cell.colSpan] as number)
    return { ...cell, col: start, colSpan: Math.max(1, end - start) }
  })
  return { ...grid, xs: to, cells }
}

/**
 * A cell's text with the part the next page carries: a new item of a list ("N. …" like the
 * cell's first line) on its own line, else the wrapped line joined on.
 */
function continueText(before: string, after: string): string {
  if (before === '') return after
  const lead = leadOf(before)
  return lead && after.toLowerCase().startsWith(lead) ? `${before}\n${after}` : joinWrapped(before, after)
}
