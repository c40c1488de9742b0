import type { Cell, Table } from '../../model/document.js'
import { cleanCellText } from '../../model/document.js'
import type { GridTable } from './lattice.js'
import { cellText } from './cell-text.js'

export function toTable(grid: GridTable, index: number, page: number): { table: Table; made: Cell[] } {
  const table: Table = { type: 'table', index, page, name: null, caption: null, headerRows: 0, rows: [], columnCount: grid.xs.length - 1 }
  return { table, made: appendRows(table, grid, page) }
}

/**
 * Adds a grid's rows under a table (a new table, or the one it continues from the page
 * before). Returns the table's cells made, in the order of the grid's cells.
 */
export function appendRows(table: Table, grid: GridTable, page: number): Cell[] {
  const offset = table.rows.length
  const made: Cell[] = []
  for (let r = 0; r < grid.ys.length - 1; r++) table.rows.push([])
  for (const cell of grid.cells) {
    const row = offset + cell.row
    const anchor: Cell = {
      row,
      col: cell.col,
      rowSpan: cell.rowSpan,
      colSpan: cell.colSpan,
      text: cleanCellText(cellText(cell.runs, ...cellBounds(grid, cell))),
      location: { page, table: table.index, row: row + 1, column: cell.col + 1 },
    }
    table.rows[row]?.push(anchor)
    made.push(anchor)
  }
  // Only the rows added here get cells: the rows before are already in order.
  for (let r = offset; r < table.rows.length; r++) table.rows[r]?.sort((a, b) => a.col - b.col)
  return made
}

/**
 * Where a cell's text may run, for telling wraps from line breaks: between its column edges
 * in a ruled table. Without rules the edges only say where text is not, so the bounds are
 * those of the text in the cell's columns (cells of one column each), plus a little padding:
 * the widest line of a column shows how wide its cells are.
 */
export function cellBounds(grid: GridTable, cell: GridTable['cells'][number]): [number, number] {
  const [left, right] = [grid.xs[cell.col] ?? 0, grid.xs[cell.col + cell.colSpan] ?? Number.POSITIVE_INFINITY]
  if (!grid.stream) return [left, right]
  const ink = columnInk(grid)
  const start = Math.min(ink.get(cell.col)?.left ?? Number.POSITIVE_INFINITY, ...cell.runs.map((run) => run.x))
  const end = Math.max(ink.get(cell.col + cell.colSpan - 1)?.right ?? Number.NEGATIVE_INFINITY, ...cell.runs.map((run) => run.x + run.width))
  return [start - TEXT_PADDING, end + TEXT_PADDING]
}

/** Where the text of each column's one-column cells starts and ends, worked out once per grid. */
const inkOf = new WeakMap<GridTable, Map<number, { left: number; right: number }>>()

function columnInk(grid: GridTable): Map<number, { left: number; right: number }> {
  let ink = inkOf.get(grid)
  if (!ink) {
    ink = new Map()
    for (const c of grid.cells) {
      if (c.colSpan !== 1 || c.runs.length === 0) continue
      const seen = ink.get(c.col) ?? { left: Number.POSITIVE_INFINITY, right: Number.NEGATIVE_INFINITY }
      for (const run of c.runs) {
        seen.left = Math.min(seen.left, run.x)
        seen.right = Math.max(seen.right, run.x + run.width)
      }
      ink.set(c.col, seen)
    }
    inkOf.set(grid, ink)
  }
  return ink
}

/** The room assumed between a cell's text and its (undrawn) edges. */
const TEXT_PADDING = 1.5
