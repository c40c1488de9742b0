import { cluster, intervalOf } from './geometry.js'
import { runCenter, type Segment, type TextRun } from './page-content.js'
import { words } from './text-width.js'

/** A table rebuilt from geometry: column and row edges, and cells as spans of grid units. */
export interface GridTable {
  xs: number[]
  ys: number[]
  /** The table has no drawn line at its top (bottom): a row cut by a page break that some writers leave open. */
  openTop?: boolean
  openBottom?: boolean
  /** Rebuilt from the alignment of text (no lines drawn): its edges are where text is. */
  stream?: boolean
  cells: { row: number; col: number; rowSpan: number; colSpan: number; runs: TextRun[] }[]
  /** Runs of the page that fell in this table. */
  runs: Set<TextRun>
}

const SNAP = 1.5
const JOIN = 2
/** Line positions closer than this are one edge (double borders, rounding). */
const EDGE = 2.5

/**
 * Ruled tables ("lattice"): ruling lines are snapped and merged, grouped into tables by
 * crossing, and cut into a grid at every line position; a cell spans the grid units
 * between its drawn borders (a merged cell has no border inside). Text goes to the cell
 * that holds the middle of its run.
 */
export function findRuledTables(segments: Segment[], runs: TextRun[]): GridTable[] {
  const lines = mergeSegments(segments)
  const tables: GridTable[] = []
  for (const group of crossingGroups(lines)) {
    const horizontal = group.filter((s) => s.horizontal)
    const vertical = group.filter((s) => !s.horizontal)
    const ys = cluster(horizontal.map((s) => s.at), EDGE)
    const xs = cluster(vertical.map((s) => s.at), EDGE)
    // Vertical lines running past the last horizontal one: a row the page break left open.
    const top = Math.min(...vertical.map((s) => s.from))
    const bottom = Math.max(...vertical.map((s) => s.to))
    const openTop = ys.length > 0 && top < (ys[0] as number) - EDGE * 2
    const openBottom = ys.length > 0 && bottom > (ys.at(-1) as number) + EDGE * 2
    if (openTop) ys.unshift(top)
    if (openBottom) ys.push(bottom)
    if (xs.length < 2 || ys.length < 2) continue
    tables.push({ ...buildGrid(xs, ys, horizontal, vertical, runs), openTop, openBottom })
  }
  return tables.sort((a, b) => (a.ys[0] as number) - (b.ys[0] as number) || (a.xs[0] as number) - (b.xs[0] as number))
}

/** Joins collinear pieces of the same line (borders are often drawn cell by cell). */
function mergeSegments(segments: Segment[]): Segment[] {
  const merged: Segment[] = []
  for (const horizontal of [true, false]) {
    const pieces = segments.filter((s) => s.horizontal === horizontal).sort((a, b) => a.at - b.at || a.from - b.from)
    const rows: Segment[][] = []
    for (const piece of pieces) {
      const row = rows.find((r) => Math.abs((r[0] as Segment).at - piece.at) <= SNAP)
      if (row) row.push(piece)
      else rows.push([piece])
    }
    for (const row of rows) {
      const at = row.reduce((sum, s) => sum + s.at, 0) / row.length
      const sorted = row.sort((a, b) => a.from - b.from)
      let current: Segment | null = null
      for (const piece of sorted) {
        if (current && piece.from <= current.to + JOIN) current.to = Math.max(current.to, piece.to)
        else {
          if (current) merged.push(current)
          current = { horizontal, at, from: piece.from, to: piece.to }
        }
      }
      if (current) merged.push(current)
    }
  }
  return merged
}

/** Lines grouped by crossing or touching: each group is one table. */
function crossingGroups(lines: Segment[]): Segment[][] {
  const parent = lines.map((_, i) => i)
  const find = (i: number): number => (parent[i] === i ? i : (parent[i] = find(parent[i] as number)))
  for (let i = 0; i < lines.length; i++) {
    for (let j = i + 1; j < lines.length; j++) {
      const a = lines[i] as Segment
      const b = lines[j] as Segment
      if (a.horizontal === b.horizontal) continue
      const [h, v] = a.horizontal ? [a, b] : [b, a]
      if (v.at >= h.from - JOIN && v.at <= h.to + JOIN && h.at >= v.from - JOIN && h.at <= v.to + JOIN) parent[find(i)] = find(j)
    }
  }
  const groups = new Map<number, Segment[]>()
  lines.forEach((line, i) => groups.set(find(i), [...(groups.get(find(i)) ?? []), line]))
  return [...groups.values()]
}

function covers(lines: Segment[], at: number, from: number, to: number): boolean {
  const need = (to - from) * 0.5
  return lines.some((line) => Math.abs(line.at - at) <= SNAP * 1.5 && Math.min(line.to, to) - Math.max(line.from, from) >= need)
}

function buildGrid(xs: number[], ys: number[], horizontal: Segment[], vertical: Segment[], runs: TextRun[]): GridTable {
  const rows = ys.length - 1
  const cols = xs.length - 1
  const unit = (r: number, c: number) => r * cols + c
  const parent = Array.from({ length: rows * cols }, (_, i) => i)
  const find = (i: number): number => (parent[i] === i ? i : (parent[i] = find(parent[i] as number)))
  for (let r = 0; r < rows; r++) {
    for (let c = 0; c < cols; c++) {
      const [top, bottom, left, right] = [ys[r] as number, ys[r + 1] as number, xs[c] as number, xs[c + 1] as number]
      if (c + 1 < cols && !covers(vertical, right, top, bottom)) parent[find(unit(r, c))] = find(unit(r, c + 1))
      if (r + 1 < rows && !covers(horizontal, bottom, left, right)) parent[find(unit(r, c))] = find(unit(r + 1, c))
    }
  }
  const boxes = new Map<number, { r0: number; c0: number; r1: number; c1: number }>()
  for (let r = 0; r < rows; r++) {
    for (let c = 0; c < cols; c++) {
      const root = find(unit(r, c))
      const box = boxes.get(root)
      if (!box) boxes.set(root, { r0: r, c0: c, r1: r, c1: c })
      else Object.assign(box, { r0: Math.min(box.r0, r), c0: Math.min(box.c0, c), r1: Math.max(box.r1, r), c1: Math.max(box.c1, c) })
    }
  }
  const cells = [...boxes.entries()].map(([root, box]) => ({
    root,
    row: box.r0,
    col: box.c0,
    rowSpan: box.r1 - box.r0 + 1,
    colSpan: box.c1 - box.c0 + 1,
    runs: [] as TextRun[],
  }))
  const byRoot = new Map(cells.map((cell) => [cell.root, cell]))
  const inside = new Set<TextRun>()
  for (const whole of runs) {
    // A run that crosses a column edge ("25% 4,5" printed as one) is cut into its words.
    const parts = intervalOf(xs, whole.x + 0.5) !== intervalOf(xs, whole.x + whole.width - 0.5) && whole.dir[0] === 1 ? words(whole) : [whole]
    for (const run of parts) {
    const [cx, cy] = runCenter(run)
    const c = intervalOf(xs, cx)
    const r = intervalOf(ys, cy)
    if (c < 0 || r < 0) continue
    byRoot.get(find(unit(r, c)))?.runs.push(run)
    inside.add(whole)
    }
  }
  cells.sort((a, b) => a.row - b.row || a.col - b.col)
  return { xs, ys, cells: cells.map(({ root: _root, ...cell }) => cell), runs: inside }
}
