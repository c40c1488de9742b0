import { intervalOf } from '../geometry.js'
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

/**
 * Column edges: the middle of each x range that at most a fifth of the rows cover with text
 * (a cell merged across columns may cross it), then an edge between any two blocks side by
 * side in one row that would otherwise share a column.
 */
export function columnEdges(placed: Placed[], rows: number): number[] {
  const left = Math.min(...placed.map((p) => p.block.left))
  const right = Math.max(...placed.map((p) => p.block.right))
  const step = 0.5
  const cover = new Array<number>(Math.ceil((right - left) / step) + 1).fill(0)
  for (const p of placed) {
    for (let i = Math.floor((p.block.left - left) / step); i <= Math.ceil((p.block.right - left) / step) - 1; i++) cover[i] = (cover[i] ?? 0) + (p.rowEnd - p.row)
  }
  const allowed = Math.floor(rows / 5)
  const edges = [left - 1]
  let gapStart: number | null = null
  cover.forEach((count, i) => {
    if (count <= allowed && gapStart === null) gapStart = i
    else if (count > allowed && gapStart !== null) {
      if (gapStart > 0) edges.push(left + i * step - Math.min(1.5, ((i - gapStart) * step) / 2))
      gapStart = null
    }
  })
  edges.push(right + 1)
  // Blocks side by side in one row that fall in the same column get an edge between them.
  for (;;) {
    const column = (x: number) => intervalOf(edges, x)
    const clash = placed.flatMap((a) =>
      placed.filter(
        (b) =>
          b.row < a.rowEnd &&
          a.row < b.rowEnd &&
          b.block.left >= a.block.right &&
          column(b.block.left + 0.5) <= column(a.block.right - 0.5),
      ).map((b) => Math.max((a.block.right + b.block.left) / 2, b.block.left - 1.5)),
    )
    if (clash.length === 0) break
    edges.push(Math.min(...clash))
    edges.sort((a, b) => a - b)
  }
  return edges
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
