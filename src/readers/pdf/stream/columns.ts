import type { Block } from './blocks.js'

/* A table without borders: its column edges, and the blocks as grid cells. */

/** Where a block sits in the grid: rows [row, rowEnd), columns [col, colEnd). */
export interface Placed {
  block: Block
  row: number
  rowEnd: number
  col: number
  colEnd: number
}

/** Where a cell's text stands across, and the rows [row, rowEnd) it takes. */
export interface TextSpan {
  left: number
  right: number
  row: number
  rowEnd: number
}

/**
 * Column edges: as few as keep apart every two blocks side by side in a row. Each gap between
 * neighbours in a row must hold an edge; the gaps are taken by where they end, and an edge
 * goes just before the text that ends a gap no edge holds yet (so a column starts where its
 * text does). A column wider than its text (a header centred over values set to the left
 * or right) stays one column; a block across an edge is a cell merged across columns.
 */
export function columnEdges(placed: TextSpan[], rows: number): number[] {
  return edgesFor(rowGaps(placed, rows), placed)
}

/** A gap between two neighbours in a row: an edge must stand in [from, to]. */
export interface Gap {
  from: number
  to: number
}

/** The gaps between neighbours in each of `rows` rows (a span merged over rows counts in each). */
export function rowGaps(placed: TextSpan[], rows: number, firstRow = 0): Gap[] {
  const byRow: TextSpan[][] = Array.from({ length: rows }, () => [])
  for (const p of placed) for (let row = Math.max(firstRow, p.row); row < Math.min(firstRow + rows, p.rowEnd); row++) byRow[row - firstRow]?.push(p)
  const gaps: Gap[] = []
  for (const spans of byRow) {
    const inRow = spans.sort((a, b) => a.left - b.left)
    inRow.forEach((block, i) => {
      const next = inRow[i + 1]
      if (next && next.left >= block.right) gaps.push({ from: block.right, to: next.left })
    })
  }
  return gaps
}

/** The fewest edges that stand in every gap, inside the outer edges of `placed`. */
export function edgesFor(gaps: Gap[], placed: { left: number; right: number }[]): number[] {
  // Gaps taken by where they end: every edge placed so far lies before this gap's end, so it
  // holds one when the furthest edge is not before its start.
  const edges: number[] = []
  let furthest = Number.NEGATIVE_INFINITY
  for (const gap of [...gaps].sort((a, b) => a.to - b.to || a.from - b.from)) {
    if (furthest >= gap.from) continue
    const edge = gap.to - Math.min(1.5, (gap.to - gap.from) / 2)
    edges.push(edge)
    furthest = Math.max(furthest, edge)
  }
  const left = Math.min(...placed.map((p) => p.left))
  const right = Math.max(...placed.map((p) => p.right))
  return [left - 1, ...edges.sort((a, b) => a - b), right + 1]
}

/**
 * Two blocks that landed on the same grid cells are one cell (a cell with a blank line in
 * it, or text the columns could not tell apart): joined, and a cell merged downwards stops
 * above a block that starts lower in its column.
 */
export function mergeOverlaps(placed: Placed[]): Placed[] {
  const cells: Placed[] = []
  for (const p of [...placed].sort((a, b) => a.row - b.row || a.col - b.col)) {
    const clash = cells.find((c) => c.row < p.rowEnd && p.row < c.rowEnd && c.col < p.colEnd && p.col < c.colEnd)
    if (!clash) cells.push({ ...p })
    else if (clash.row < p.row) {
      clash.rowEnd = p.row
      cells.push({ ...p })
    } else {
      clash.block = { ...clash.block, runs: [...clash.block.runs, ...p.block.runs] }
      clash.rowEnd = Math.max(clash.rowEnd, p.rowEnd)
      clash.col = Math.min(clash.col, p.col)
      clash.colEnd = Math.max(clash.colEnd, p.colEnd)
    }
  }
  return cells
}
