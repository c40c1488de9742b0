import { cluster } from './geometry.js'
import type { GridTable } from './lattice.js'
import type { TextRun } from './page-content.js'
import { textLines } from './cell-text.js'

/**
 * A table with no ruling lines ("stream"), as a Word table without borders prints: lines
 * of text close together form one row (a cell's wrapped lines), a wider gap starts the next;
 * inside a row, runs separated by a gap wider than a space start a new cell; the columns
 * are where cells start, aligned across rows.
 */
export function findStreamTable(runs: TextRun[]): GridTable | null {
  const lines = textLines(runs)
  if (lines.length === 0) return null
  const rows: TextRun[][] = []
  let previous: (typeof lines)[number] | null = null
  for (const line of lines) {
    const sameRow = previous !== null && line.y - previous.y <= Math.max(line.size, previous.size) * ROW_GAP
    if (sameRow) (rows.at(-1) as TextRun[]).push(...line.runs)
    else rows.push([...line.runs])
    previous = line
  }
  const rowCells = rows.map(splitCells)
  const starts = cluster(rowCells.flat().map((cell) => cell.left), 4)
  const right = Math.max(...runs.map((run) => run.x + run.width))
  const xs = [...starts, right + 1]
  const ys = [...rows.map((row) => Math.min(...row.map((run) => run.y - run.size))), Math.max(...runs.map((run) => run.y)) + 2]
  const cells: GridTable['cells'] = []
  rowCells.forEach((row, r) => {
    const columns = row.map((cell) => nearest(starts, cell.left))
    row.forEach((cell, k) => {
      const col = columns[k] as number
      const nextCol = columns[k + 1] ?? starts.length
      // A cell spans the columns that start under its text, up to the next cell.
      let end = col + 1
      while (end < nextCol && (starts[end] as number) < cell.right - 2) end++
      cells.push({ row: r, col, rowSpan: 1, colSpan: Math.max(1, end - col), runs: cell.runs })
    })
  })
  return { xs, ys, cells, runs: new Set(runs) }
}

/** Lines of one row are at most this many font sizes apart; a row gap is wider. */
const ROW_GAP = 1.45

function splitCells(runs: TextRun[]): { left: number; right: number; runs: TextRun[] }[] {
  const sorted = [...runs].sort((a, b) => a.x - b.x)
  const cells: { left: number; right: number; runs: TextRun[] }[] = []
  for (const run of sorted) {
    const cell = cells.at(-1)
    if (cell && run.x <= cell.right + run.size * 0.6) {
      cell.runs.push(run)
      cell.right = Math.max(cell.right, run.x + run.width)
    } else cells.push({ left: run.x, right: run.x + run.width, runs: [run] })
  }
  return cells
}

function nearest(values: number[], value: number): number {
  let best = 0
  values.forEach((v, i) => {
    if (Math.abs(v - value) < Math.abs((values[best] as number) - value)) best = i
  })
  return best
}
