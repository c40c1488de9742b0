import { tooLarge } from '../too-large.js'
import { appendTo } from '../../util/multimap.js'
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
/** The most cells one ruled grid may have: a plan's table has hundreds, a page of graph paper millions. */
export const GRID_LIMIT = 250_000

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
    if (xs.length * ys.length > GRID_LIMIT) {
      throw tooLarge(`una pagina disegna una griglia di ${ys.length} × ${xs.length} righe e colonne (al più ${GRID_LIMIT} celle)`)
    }
    const rules = [...horizontal, ...unruledRowEdges(xs, ys, runs)]
    const edges = cluster(rules.map((s) => s.at), EDGE)
    if (openTop) edges.unshift(top)
    if (openBottom) edges.push(bottom)
    tables.push({ ...buildGrid(xs, edges, rules, vertical, runs), openTop, openBottom })
  }
  return tables.sort((a, b) => (a.ys[0] as number) - (b.ys[0] as number) || (a.xs[0] as number) - (b.xs[0] as number))
}

/** The first column's entries are short: a row's number ("1", "2.1", "a)"), not a label. */
const ROW_NUMBER = /^[\p{L}\d]{1,3}([.)]\d{0,3}){0,3}[.)]?$/u

/**
 * Rows the writer drew no line between (a landscape report ruled only vertically): where
 * a tall band's first column holds several short entries, one under the other with a gap
 * wider than a line between them («N.» 1, 2, 3), each entry starts a row. Returns the lines
 * a reader would draw there, across the table, in the gap above each entry but the first.
 */
function unruledRowEdges(xs: number[], ys: number[], runs: TextRun[]): Segment[] {
  const left = xs[0] as number
  const right = xs.at(-1) as number
  const edges: Segment[] = []
  for (let r = 0; r + 1 < ys.length; r++) {
    const top = ys[r] as number
    const bottom = ys[r + 1] as number
    const band = runs.filter((run) => run.dir[0] === 1 && run.y > top && run.y <= bottom + 1 && run.x >= left - 1 && run.x < right)
    if (band.length === 0) continue
    const size = band.reduce((sum, run) => sum + run.size, 0) / band.length
    if (bottom - top < size * 5) continue
    const first = band.filter((run) => run.x + run.width / 2 < (xs[1] as number)).sort((a, b) => a.y - b.y)
    const entries: TextRun[][] = []
    for (const run of first) {
      const last = entries.at(-1)?.at(-1)
      if (last && run.y - last.y <= run.size * 1.6) (entries.at(-1) as TextRun[]).push(run)
      else entries.push([run])
    }
    if (entries.length < 2 || !entries.every((entry) => entry.length === 1 && ROW_NUMBER.test((entry[0] as TextRun).text.trim()))) continue
    for (const entry of entries.slice(1)) {
      const start = (entry[0] as TextRun).y - (entry[0] as TextRun).size
      // The lowest text above the entry, in any column: the line goes in the gap between.
      const above = band.filter((run) => run.y < start + run.size * 0.2)
      if (above.length === 0) continue
      const end = Math.max(...above.map((run) => run.y + run.size * 0.25))
      if (end >= start) continue
      edges.push({ horizontal: true, at: (end + start) / 2, from: left, to: right })
    }
  }
  return edges
}

/** Joins collinear pieces of the same line (borders are often drawn cell by cell). */
function mergeSegments(segments: Segment[]): Segment[] {
  const merged: Segment[] = []
  for (const horizontal of [true, false]) {
    const pieces = segments.filter((s) => s.horizontal === horizontal).sort((a, b) => a.at - b.at || a.from - b.from)
    const rows: Segment[][] = []
    for (const piece of pieces) {
      // Pieces come sorted by position: only the last row can take this one.
      const last = rows.at(-1)
      const row = last && Math.abs((last[0] as Segment).at - piece.at) <= SNAP ? last : undefined
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
  const find = (i: number): number => {
    while (parent[i] !== i) i = parent[i] = parent[parent[i] as number] as number
    return i
  }
  // Verticals by position: each horizontal meets only those between its ends (a sweep, not all pairs).
  const verticals = lines.map((line, i) => ({ line, i })).filter(({ line }) => !line.horizontal).sort((a, b) => a.line.at - b.line.at)
  const positions = verticals.map(({ line }) => line.at)
  lines.forEach((h, i) => {
    if (!h.horizontal) return
    for (let k = lowerBound(positions, h.from - JOIN); k < verticals.length && (positions[k] as number) <= h.to + JOIN; k++) {
      const { line: v, i: j } = verticals[k] as { line: Segment; i: number }
      if (h.at >= v.from - JOIN && h.at <= v.to + JOIN) parent[find(i)] = find(j)
    }
  })
  const groups = new Map<number, Segment[]>()
  lines.forEach((line, i) => appendTo(groups, find(i), line))
  return [...groups.values()]
}

/** The first index of a sorted list whose value is at least `value`. */
function lowerBound(sorted: readonly number[], value: number): number {
  let lo = 0
  let hi = sorted.length
  while (lo < hi) {
    const mid = (lo + hi) >> 1
    if ((sorted[mid] as number) < value) lo = mid + 1
    else hi = mid
  }
  return lo
}

/** Lines of one direction sorted by position, so a grid unit's border is found by bisection. */
interface SortedLines {
  lines: Segment[]
  positions: number[]
}

function sortLines(lines: Segment[]): SortedLines {
  const sorted = [...lines].sort((a, b) => a.at - b.at)
  return { lines: sorted, positions: sorted.map((line) => line.at) }
}

function covers(sorted: SortedLines, at: number, from: number, to: number): boolean {
  const need = (to - from) * 0.5
  for (let k = lowerBound(sorted.positions, at - SNAP * 1.5); k < sorted.lines.length && (sorted.positions[k] as number) <= at + SNAP * 1.5; k++) {
    const line = sorted.lines[k] as Segment
    if (Math.min(line.to, to) - Math.max(line.from, from) >= need) return true
  }
  return false
}

/** The grid cut at `xs` × `ys`, units joined where no line of `horizontal`/`vertical` parts them, and the runs put in its cells. */
export function buildGrid(xs: number[], ys: number[], horizontal: Segment[], vertical: Segment[], runs: TextRun[]): GridTable {
  const rows = ys.length - 1
  const cols = xs.length - 1
  const unit = (r: number, c: number) => r * cols + c
  const parent = Array.from({ length: rows * cols }, (_, i) => i)
  const find = (i: number): number => {
    while (parent[i] !== i) i = parent[i] = parent[parent[i] as number] as number
    return i
  }
  const [across, down] = [sortLines(horizontal), sortLines(vertical)]
  for (let r = 0; r < rows; r++) {
    for (let c = 0; c < cols; c++) {
      const [top, bottom, left, right] = [ys[r] as number, ys[r + 1] as number, xs[c] as number, xs[c + 1] as number]
      if (c + 1 < cols && !covers(down, right, top, bottom)) parent[find(unit(r, c))] = find(unit(r, c + 1))
      if (r + 1 < rows && !covers(across, bottom, left, right)) parent[find(unit(r, c))] = find(unit(r + 1, c))
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
