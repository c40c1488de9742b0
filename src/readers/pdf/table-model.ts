import type { Cell, Table } from '../../model/document.js'
import { cleanCellText } from '../../model/document.js'
import type { GridTable } from './lattice.js'
import { cellText } from './cell-text.js'

export function toTable(grid: GridTable, index: number, page: number): Table {
  const table: Table = { type: 'table', index, page, name: null, rows: [], columnCount: grid.xs.length - 1 }
  appendRows(table, grid, page)
  return table
}

/** Adds a grid's rows under a table (a new table, or the one it continues from the page before). */
export function appendRows(table: Table, grid: GridTable, page: number): void {
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
