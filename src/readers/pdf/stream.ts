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
  const pitch = linePitch(lines)
  let previous: (typeof lines)[number] | null = null
  for (const line of lines) {
    const sameRow = previous !== null && line.y - previous.y <= pitch * ROW_GAP
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

/** Lines of one row are at most this many line pitches apart; the padding between rows makes a wider gap. */
const ROW_GAP = 1.1

/**
 * The usual distance between the lines of a paragraph on this page: the most frequent gap
 * between consecutive lines, among gaps of about one font size or more (vertically centred
 * cells put lines at half steps, which are left out).
 */
function linePitch(lines: { y: number; size: number }[]): number {
  const counts = new Map<number, number>()
  for (let i = 1; i < lines.length; i++) {
    const [a, b] = [lines[i - 1] as { y: number; size: number }, lines[i] as { y: number; size: number }]
    const gap = Math.round((b.y - a.y) * 2) / 2
    if (gap >= 0.9 * b.size && gap <= 2 * b.size) counts.set(gap, (counts.get(gap) ?? 0) + 1)
  }
  let best = (lines[0]?.size ?? 10) * 1.2
  let bestCount = 0
  for (const [gap, count] of counts) if (count > bestCount || (count === bestCount && gap < best)) [best, bestCount] = [gap, count]
  return best
}

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
