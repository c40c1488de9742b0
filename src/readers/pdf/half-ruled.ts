import { cluster } from './geometry.js'
import { buildGrid, type GridTable } from './lattice.js'
import { runCenter, type Band, type Segment, type TextRun } from './page-content.js'
import { textLines } from './cell-text.js'
import { median } from './stream/blocks.js'

/*
 * Tables ruled in one direction only, which the lattice (lines both ways, crossing) does not
 * see:
 * - column rules only (a report ruled vertically): the rules are the column edges, and rows
 *   are told apart by the first column, each of its lines starting a row;
 * - rows parted by horizontal rules only (heavy above and below, light between rows, of any
 *   width and colour) or by filled bands (alternate rows shaded, no stroke at all): the rules
 *   and band edges frame the table, which is then read from its text like one without
 *   borders; text outside the frame (a title right above) is not the table's.
 */

/** Lines (or band edges) starting and ending within this of each other belong to one table. */
const SAME_EXTENT = 3
/** How many lines of text (of the page's usual size) a row between two rules may hold, for most rows. */
const ROW_LINES = 5
const EDGE = 2.5

/** Lines of one direction grouped by their extent (where they start and end). */
function byExtent<T extends { from: number; to: number }>(lines: T[]): T[][] {
  const groups: T[][] = []
  for (const line of [...lines].sort((a, b) => a.from - b.from || a.to - b.to)) {
    const group = groups.find((g) => Math.abs((g[0] as T).from - line.from) <= SAME_EXTENT && Math.abs((g[0] as T).to - line.to) <= SAME_EXTENT)
    if (group) group.push(line)
    else groups.push([line])
  }
  return groups
}

/**
 * Tables ruled by columns only: three or more vertical lines of one extent. Each line of text
 * in the first column starts a row (its entries are one line: a number, a short label), which
 * runs down to the next one; the other columns' lines fall in the row they stand in.
 */
export function findColumnRuledTables(segments: Segment[], runs: TextRun[]): GridTable[] {
  const tables: GridTable[] = []
  for (const group of byExtent(segments.filter((s) => !s.horizontal && s.to - s.from > 20))) {
    const xs = cluster(group.map((s) => s.at), EDGE)
    if (xs.length < 3) continue
    const top = Math.min(...group.map((s) => s.from))
    const bottom = Math.max(...group.map((s) => s.to))
    const [left, right] = [xs[0] as number, xs.at(-1) as number]
    const inside = runs.filter((run) => {
      const [cx, cy] = runCenter(run)
      return run.dir[0] === 1 && cx > left && cx < right && cy > top && cy < bottom
    })
    const firstColumn = textLines(inside.filter((run) => runCenter(run)[0] < (xs[1] as number)))
    if (firstColumn.length < 2) continue
    // A row's edge just above its entry's ascenders: the line above it (at a line's pitch or
    // more) has its middle higher still.
    // The first entry's row starts at the rules' top, however much room there is above it.
    const starts = firstColumn.slice(1).map((line) => line.y - line.size)
    const ys = [top, ...starts, bottom]
    const across = ys.map((at) => ({ horizontal: true, at, from: left, to: right }))
    const down = xs.map((at) => ({ horizontal: false, at, from: top, to: bottom }))
    tables.push(buildGrid(xs, ys, across, down, inside))
  }
  return tables
}

/** Where a table ruled by rows only (or banded) stands: its runs are read as a table without borders. */
export interface Frame {
  left: number
  right: number
  top: number
  bottom: number
}

/**
 * Frames of tables whose rows are parted by horizontal rules or filled bands alone: four or
 * more edges of one extent (a band gives its top and bottom), standing as close as rows do
 * (half of them at most ROW_LINES lines of text apart): rules across the page between its
 * sections (a heading's underline, <hr>) frame no table. Below the last band, the lines that
 * follow on at a line's pitch are the last row, left unshaded.
 */
export function rowRuledFrames(segments: Segment[], bands: Band[], runs: TextRun[]): Frame[] {
  const size = median(runs.map((run) => run.size))
  const edges: (Segment & { band: boolean })[] = segments.filter((s) => s.horizontal).map((s) => ({ ...s, band: false }))
  for (const band of bands) {
    for (const at of [band.top, band.bottom]) edges.push({ horizontal: true, at, from: band.left, to: band.right, band: true })
  }
  const frames: Frame[] = []
  for (const group of byExtent(edges.filter((e) => e.to - e.from > 40))) {
    const ys = cluster(group.map((e) => e.at), EDGE)
    if (ys.length < 4) continue
    const gaps = ys.slice(1).map((y, i) => y - (ys[i] as number)).sort((a, b) => a - b)
    if ((gaps[Math.floor((gaps.length - 1) / 2)] as number) > size * ROW_LINES) continue
    const left = Math.min(...group.map((e) => e.from))
    const right = Math.max(...group.map((e) => e.to))
    const top = ys[0] as number
    let bottom = ys.at(-1) as number
    const lastIsBand = group.some((e) => e.band && Math.abs(e.at - bottom) <= EDGE)
    if (lastIsBand) {
      const below = textLines(runs.filter((run) => run.dir[0] === 1 && run.y > bottom && run.x >= left - 1 && run.x < right))
      let last = bottom
      for (const line of below) {
        if (line.y - line.size - last > line.size * 0.9) break
        last = line.y + line.size * 0.25
      }
      bottom = last
    }
    frames.push({ left, right, top, bottom })
  }
  return frames
}

/** The runs standing inside a frame (their middle). */
export function runsIn(frame: Frame, runs: TextRun[]): TextRun[] {
  return runs.filter((run) => {
    const [cx, cy] = runCenter(run)
    return cx >= frame.left - 1 && cx <= frame.right + 1 && cy >= frame.top && cy <= frame.bottom
  })
}
