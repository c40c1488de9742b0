import type { Cell, Table } from '../../model/document.js'
import type { GridTable } from './lattice.js'
import { columnEdges, type TextSpan } from './stream/columns.js'
import { intervalOf } from './geometry.js'
import { fitColumns } from './across-pages.js'

/*
 * A table without ruling lines that goes on over pages: its columns are only where its text
 * leaves gaps, and each page shows a few of them. When a page adds rows, the columns of the
 * whole table are worked out again from the text of all its rows, and its cells placed on them.
 */

/** Where the text of each cell of such a table stands, across the page. */
export type TextExtents = Map<Cell, { left: number; right: number }>

/** Notes where the text of the cells just made from a grid stands (`made` in the grid's cell order). */
export function noteExtents(extents: TextExtents, made: Cell[], grid: GridTable): void {
  grid.cells.forEach((cell, i) => {
    const anchor = made[i]
    if (!anchor || cell.runs.length === 0) return
    extents.set(anchor, { left: Math.min(...cell.runs.map((run) => run.x)), right: Math.max(...cell.runs.map((run) => run.x + run.width)) })
  })
}

/**
 * Puts a table and the grid that continues it on the same columns, worked out from the text
 * of both; the table's cells move to them. Returns the grid on those columns, or null when the
 * table's cells would then overlap (its columns are left as they were).
 */
export function sharedColumns(table: Table, extents: TextExtents, grid: GridTable): GridTable | null {
  const anchors = table.rows.flat().filter((anchor) => extents.has(anchor))
  const spans: TextSpan[] = anchors.map((anchor) => ({ ...(extents.get(anchor) as { left: number; right: number }), row: anchor.row, rowEnd: anchor.row + anchor.rowSpan }))
  const offset = table.rows.length
  for (const cell of grid.cells) {
    if (cell.runs.length === 0) continue
    const left = Math.min(...cell.runs.map((run) => run.x))
    const right = Math.max(...cell.runs.map((run) => run.x + run.width))
    spans.push({ left, right, row: offset + cell.row, rowEnd: offset + cell.row + cell.rowSpan })
  }
  const edges = columnEdges(spans, offset + grid.ys.length - 1)
  const last = edges.length - 2
  const column = (x: number) => Math.min(last, Math.max(0, intervalOf(edges, x)))
  const moved = table.rows.flat().map((anchor) => {
    const extent = extents.get(anchor)
    if (!extent) return { anchor, col: Math.min(anchor.col, last), colEnd: Math.min(anchor.col + anchor.colSpan, last + 1) }
    const col = column(extent.left + 0.5)
    return { anchor, col, colEnd: Math.max(col + 1, column(extent.right - 0.5) + 1) }
  })
  const clash = moved.some((a, i) =>
    moved.some((b, j) => j > i && a.anchor.row < b.anchor.row + b.anchor.rowSpan && b.anchor.row < a.anchor.row + a.anchor.rowSpan && a.col < b.colEnd && b.col < a.colEnd),
  )
  const fitted = clash ? null : fitColumns(grid, edges)
  if (!fitted) return null
  for (const { anchor, col, colEnd } of moved) {
    anchor.col = col
    anchor.colSpan = colEnd - col
    anchor.location = { ...anchor.location, column: col + 1 }
  }
  for (const row of table.rows) row.sort((a, b) => a.col - b.col)
  table.columnCount = edges.length - 1
  return fitted
}
