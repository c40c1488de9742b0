import type { Cell, Table } from '../../model/document.js'
import type { GridTable } from './lattice.js'
import { edgesFor, rowGaps, type Gap, type TextSpan } from './stream/columns.js'
import { columnsSpanned } from './geometry.js'
import { runsExtent } from './page-content.js'
import { fitColumns } from './across-pages.js'

/*
 * A table without ruling lines that goes on over pages: its columns are only where its text
 * leaves gaps, and each page shows a few of them. When a page adds rows, the columns of the
 * whole table are worked out again from the gaps of all its rows, and its cells placed on them.
 */

/** Where the text of each cell of such a table stands, across the page. */
export type TextExtents = Map<Cell, { left: number; right: number }>

/** What a table keeps between pages: the gaps of its rows so far, its text's outer edges and its column edges. */
interface Columns {
  gaps: Gap[]
  /** Where the table's text starts and ends, all rows together. */
  outer: { left: number; right: number }[]
  edges: number[]
}

const columnsOf = new WeakMap<Table, Columns>()

/** Notes where the text of the cells just made from a grid stands (`made` in the grid's cell order). */
export function noteExtents(extents: TextExtents, made: Cell[], grid: GridTable): void {
  grid.cells.forEach((cell, i) => {
    const anchor = made[i]
    if (!anchor || cell.runs.length === 0) return
    extents.set(anchor, runsExtent(cell.runs))
  })
}

/**
 * Puts a table and the grid that continues it on the same columns, worked out from the gaps
 * of both; the table's cells move to them when they change. Returns the grid on those
 * columns, or null when the table's cells would then overlap (its columns are left as they
 * were).
 */
export function sharedColumns(table: Table, extents: TextExtents, grid: GridTable): GridTable | null {
  const offset = table.rows.length
  const known = columnsOf.get(table) ?? firstColumns(table, extents)
  const spans: TextSpan[] = grid.cells
    .filter((cell) => cell.runs.length > 0)
    .map((cell) => ({ ...runsExtent(cell.runs), row: offset + cell.row, rowEnd: offset + cell.row + cell.rowSpan }))
  const rows = grid.ys.length - 1
  const gaps = distinct([...known.gaps, ...rowGaps(spans, rows, offset)])
  const outer = bounds([...known.outer, ...spans])
  const edges = edgesFor(gaps, outer)
  const changed = edges.length !== known.edges.length || edges.some((edge, i) => Math.abs(edge - (known.edges[i] as number)) > 0.01)
  if (changed && !moveCells(table, extents, edges)) return null
  const fitted = fitColumns(grid, edges)
  if (!fitted) return null
  columnsOf.set(table, { gaps, outer, edges })
  return fitted
}

/** The gaps of a table's rows as first made from one page (its cells' extents noted). */
function firstColumns(table: Table, extents: TextExtents): Columns {
  const spans: TextSpan[] = table.rows.flat().flatMap((anchor) => {
    const extent = extents.get(anchor)
    return extent ? [{ ...extent, row: anchor.row, rowEnd: anchor.row + anchor.rowSpan }] : []
  })
  return { gaps: distinct(rowGaps(spans, table.rows.length)), outer: bounds(spans), edges: [] }
}

/** The extent of all the given extents together (none when there are none). */
function bounds(extents: { left: number; right: number }[]): { left: number; right: number }[] {
  return extents.length > 0 ? [{ left: Math.min(...extents.map((e) => e.left)), right: Math.max(...extents.map((e) => e.right)) }] : []
}

/** Gaps without repeats (rows of one table leave the same gaps over and over). */
function distinct(gaps: Gap[]): Gap[] {
  const seen = new Map<string, Gap>()
  for (const gap of gaps) seen.set(`${gap.from.toFixed(2)} ${gap.to.toFixed(2)}`, gap)
  return [...seen.values()]
}

/** Moves a table's cells onto new column edges by where their text stands; false (nothing moved) if two cells of a row would share a column. */
function moveCells(table: Table, extents: TextExtents, edges: number[]): boolean {
  const last = edges.length - 2
  const moved = table.rows.flat().map((anchor) => {
    const extent = extents.get(anchor)
    if (!extent) return { anchor, col: Math.min(anchor.col, last), colEnd: Math.min(anchor.col + anchor.colSpan, last + 1) }
    return { anchor, ...columnsSpanned(edges, extent.left, extent.right) }
  })
  // Cells of one row (merged cells in each of theirs) must not share a column.
  const byRow = new Map<number, { col: number; colEnd: number }[]>()
  for (const m of moved) {
    for (let row = m.anchor.row; row < m.anchor.row + m.anchor.rowSpan; row++) {
      const inRow = byRow.get(row)
      if (inRow) inRow.push(m)
      else byRow.set(row, [m])
    }
  }
  if ([...byRow.values()].some((inRow) => inRow.some((a, i) => inRow.some((b, j) => j > i && a.col < b.colEnd && b.col < a.colEnd)))) return false
  for (const { anchor, col, colEnd } of moved) {
    anchor.col = col
    anchor.colSpan = colEnd - col
    anchor.location = { ...anchor.location, column: col + 1 }
  }
  for (const row of table.rows) row.sort((a, b) => a.col - b.col)
  table.columnCount = edges.length - 1
  return true
}
