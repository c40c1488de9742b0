import type { Cell, Table } from '../model/document.js'

/** One row of a table with its non-empty anchor cells, in reading order across the document. */
export interface Line {
  table: number
  row: number
  cells: Cell[]
}

/** The rows of some tables, in their order; empty rows are left out. */
export function linesOfTables(tables: readonly Table[]): Line[] {
  const lines: Line[] = []
  for (const table of tables) {
    table.rows.forEach((row, r) => {
      const cells = row.filter((cell) => cell.text !== '')
      if (cells.length > 0) lines.push({ table: table.index, row: r, cells })
    })
  }
  return lines
}

/** A column range of the grid, 0-based, end exclusive. */
export interface Span {
  start: number
  end: number
}

export function spanOf(cell: Cell): Span {
  return { start: cell.col, end: cell.col + cell.colSpan }
}

/** How many grid columns two spans share. */
export function overlap(a: Span, b: Span): number {
  return Math.max(0, Math.min(a.end, b.end) - Math.max(a.start, b.start))
}

/**
 * The header (of `headers`) a cell falls under: the one sharing most columns with it, or,
 * when none overlaps, the nearest one to its left (a value printed past its header), unless
 * one to its right is nearer (a value short of a header centred over a wide column).
 */
export function headerOf<T extends { span: Span }>(cell: Cell, headers: readonly T[]): T | null {
  const span = spanOf(cell)
  let best: T | null = null
  let bestOverlap = 0
  for (const header of headers) {
    const o = overlap(span, header.span)
    if (o > bestOverlap) {
      best = header
      bestOverlap = o
    }
  }
  if (best) return best
  const left = headers.filter((header) => header.span.end <= span.start)
  const right = headers.filter((header) => header.span.start >= span.end)
  const before = left.length > 0 ? left.reduce((a, b) => (a.span.end >= b.span.end ? a : b)) : null
  const after = right.length > 0 ? right.reduce((a, b) => (a.span.start <= b.span.start ? a : b)) : null
  if (before && after && after.span.start - span.end < span.start - before.span.end) return after
  return before
}

/** The lines of a cell's text, for cells that stack several values ("95%\n91%\n1"). */
export function cellLines(cell: Cell): string[] {
  return cell.text.split('\n').map((line) => line.trim()).filter((line) => line !== '')
}
