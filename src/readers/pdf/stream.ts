import { intervalOf } from './geometry.js'
import type { GridTable } from './lattice.js'
import type { TextRun } from './page-content.js'
import { textLines } from './cell-text.js'

/**
 * A table with no ruling lines ("stream"), as a Word table without borders prints: text
 * lines whose boxes follow at a paragraph's leading form one row (a cell's wrapped lines),
 * a wider gap (the cell padding) starts the next; columns start where the text of several
 * lines starts, and a run belongs to the column it starts in.
 */
export function findStreamTable(runs: TextRun[]): GridTable | null {
  const lines = textLines(runs)
  if (lines.length === 0) return null
  // Rows are bands of text separated by a gap wider than the leading between the lines of a
  // paragraph: the cell padding. Cells centred vertically sit inside their row's band.
  const pitch = linePitch(lines)
  const size = median(lines.map((line) => line.size))
  const threshold = Math.max(1, pitch - size * 1.05 + pitch * 0.15)
  const rows: TextRun[][] = []
  let bottom = Number.NEGATIVE_INFINITY
  for (const line of [...lines].sort((a, b) => a.y - a.size * 0.8 - (b.y - b.size * 0.8))) {
    const top = line.y - line.size * 0.8
    if (rows.length > 0 && top <= bottom + threshold) (rows.at(-1) as TextRun[]).push(...line.runs)
    else rows.push([...line.runs])
    bottom = Math.max(rows.at(-1) === undefined ? bottom : bottom, line.y + line.size * 0.25)
    if (top > bottom) bottom = line.y + line.size * 0.25
  }
  // Cells: inside a row, text separated by more than a wide space, or starting where the text
  // of several other lines starts (a column edge, for cells written edge to edge).
  const frequent = columnStarts(rows.flat())
  const rowCells = rows.map((row) => splitCells(row, frequent))
  const starts = clusterStarts(rowCells.flat().map((cell) => cell.left))
  const right = Math.max(...runs.map((run) => run.x + run.width))
  const xs = [...starts, right + 1]
  const ys = [...rows.map((row) => Math.min(...row.map((run) => run.y - run.size))), Math.max(...runs.map((run) => run.y)) + 2]
  const cells: GridTable['cells'] = []
  rowCells.forEach((row, r) => {
    const columns = row.map((cell) => Math.max(0, intervalOf(xs, cell.left + 0.5)))
    row.forEach((cell, k) => {
      const col = columns[k] as number
      const next = columns[k + 1] ?? starts.length
      // A cell spans the columns that start under its text, up to the next cell.
      let end = col + 1
      while (end < next && (starts[end] as number) < cell.right - 2) end++
      cells.push({ row: r, col, rowSpan: 1, colSpan: Math.max(1, end - col), runs: cell.runs })
    })
  })
  return { xs, ys, cells, runs: new Set(runs) }
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b)
  return sorted[Math.floor(sorted.length / 2)] ?? 10
}

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

/** x positions where at least three runs start (within 3 points): the columns' left edges. */
function columnStarts(runs: TextRun[]): number[] {
  const xs = runs.map((run) => run.x).sort((a, b) => a - b)
  const groups: number[][] = []
  for (const x of xs) {
    const last = groups.at(-1)
    if (last && x - (last[0] as number) <= 3) last.push(x)
    else groups.push([x])
  }
  const starts = groups.filter((group) => group.length >= 3).map((group) => Math.min(...group))
  const left = xs[0] ?? 0
  return starts.length > 0 && (starts[0] as number) <= left + 0.5 ? starts : [left, ...starts]
}

function splitCells(runs: TextRun[], edges: number[]): { left: number; right: number; runs: TextRun[] }[] {
  const sorted = [...runs].sort((a, b) => a.x - b.x)
  const cells: { left: number; right: number; runs: TextRun[] }[] = []
  for (const run of sorted) {
    const cell = cells.at(-1)
    const atEdge = edges.some((edge) => Math.abs(edge - run.x) <= 1.5 && edge > (cell?.left ?? Number.NEGATIVE_INFINITY) + 3)
    if (cell && !atEdge && run.x <= cell.right + run.size * 0.38) {
      cell.runs.push(run)
      cell.right = Math.max(cell.right, run.x + run.width)
    } else cells.push({ left: run.x, right: run.x + run.width, runs: [run] })
  }
  return cells
}

/** Cell left edges within 4 points are one column start. */
function clusterStarts(lefts: number[]): number[] {
  const starts: number[] = []
  for (const x of [...lefts].sort((a, b) => a - b)) if (starts.length === 0 || x - (starts.at(-1) as number) > 4) starts.push(x)
  return starts
}
