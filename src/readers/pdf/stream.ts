import { columnsSpanned } from './geometry.js'
import type { GridTable } from './lattice.js'
import type { TextRun } from './page-content.js'
import { cellBlocks, median, type Block } from './stream/blocks.js'
import { tableRows } from './stream/rows.js'
import { columnEdges, mergeOverlaps, type Placed } from './stream/columns.js'

/*
 * Tables with no ruling lines ("stream"), as a Word or Writer table without borders prints.
 * Nothing is drawn, so the table is read from where its text sits:
 *
 * 1. pieces: the page's runs, cut where the writer placed text on its own (pdf.js glues two
 *    cells' text a few points apart into one run: "25% 4,5");
 * 2. blocks: pieces on one baseline next to each other form a phrase, and phrases stacked at
 *    the paragraph's line pitch, overlapping horizontally, form a block: one cell's text;
 * 3. tables: blocks separated by a blank line or more belong to different tables;
 * 4. rows: blocks that overlap vertically share a row, except a block that overlaps two
 *    blocks lying one under the other (a cell merged over several rows); a cell centred on
 *    such a merged cell, with nothing else in its column there, spans the same rows;
 * 5. columns: x ranges that (nearly) no block covers are the gaps between columns, and two
 *    blocks side by side in one row always get a column each.
 */

export function findStreamTables(runs: TextRun[], textStarts: [number, number][]): GridTable[] {
  if (!runs.some((run) => run.dir[0] === 1)) return []
  const { blocks, size, rowGap, origin } = cellBlocks(runs, textStarts)
  return splitTables(blocks, size).map((table) => {
    const grid = gridOf(table, rowGap)
    // Pieces are new runs: the grid keeps the page's runs they came from.
    return { ...grid, runs: new Set([...grid.runs].map((run) => origin.get(run) ?? run)) }
  })
}

/**
 * Blocks separated vertically by much more than rows usually are on this page (two and a half
 * times the usual gap, and at least a blank line's height), or by a heading, belong to
 * different tables.
 */
function splitTables(blocks: Block[], size: number): Block[][] {
  const sorted = [...blocks].sort((a, b) => a.top - b.top)
  const gaps: number[] = []
  let bottom = Number.NEGATIVE_INFINITY
  for (const block of sorted) {
    if (block.top > bottom && bottom > Number.NEGATIVE_INFINITY) gaps.push(block.top - bottom)
    bottom = Math.max(bottom, block.bottom)
  }
  const usual = median(gaps, 0)
  const apart = Math.max(size * 0.7, usual * 2.5)
  const tables: Block[][] = []
  bottom = Number.NEGATIVE_INFINITY
  for (const block of sorted) {
    // A heading (text half again as large as the page's) stands between tables, in none.
    if (Math.max(...block.runs.map((run) => run.size)) >= size * 1.5) {
      bottom = Number.POSITIVE_INFINITY
      continue
    }
    if (block.top > bottom + apart || bottom === Number.POSITIVE_INFINITY) tables.push([])
    tables.at(-1)?.push(block)
    bottom = Math.max(bottom === Number.POSITIVE_INFINITY ? Number.NEGATIVE_INFINITY : bottom, block.bottom)
  }
  return joinAligned(tables)
}

/**
 * Pieces of one table that a wide gap parted (a spreadsheet's rows are taller than their
 * text) are joined again: a piece whose first row's text starts and ends, for the most part,
 * where text of the piece above does is more of the same table.
 */
function joinAligned(tables: Block[][]): Block[][] {
  const joined: Block[][] = []
  for (const table of tables) {
    const above = joined.at(-1)
    if (above && aligned(firstRow(table), above)) for (const row of table) above.push(row)
    else joined.push(table)
  }
  return joined
}

/** The blocks level with a table's topmost block: its first row, near enough. */
function firstRow(table: Block[]): Block[] {
  const top = table.reduce((a, b) => (b.top < a.top ? b : a))
  return table.filter((block) => block.top < top.bottom)
}

/** Whether at least two, and half, of a table's blocks start or end (within a point) where a block of another does. */
function aligned(table: Block[], other: Block[]): boolean {
  const near = (xs: number[], x: number) => xs.some((edge) => Math.abs(edge - x) <= 1)
  const [lefts, rights] = [other.map((b) => b.left), other.map((b) => b.right)]
  const shared = table.filter((b) => near(lefts, b.left) || near(rights, b.right)).length
  return shared >= 2 && shared * 2 >= table.length
}

function gridOf(blocks: Block[], rowGap: number): GridTable {
  const { bands, rowsOf } = tableRows(blocks, rowGap)
  const placed: Placed[] = blocks.map((block) => ({ block, ...rowsOf(block), col: 0, colEnd: 1 }))
  const xs = columnEdges(placed.map((p) => ({ left: p.block.left, right: p.block.right, row: p.row, rowEnd: p.rowEnd })), bands.length)
  for (const p of placed) Object.assign(p, columnsSpanned(xs, p.block.left, p.block.right))
  const cells = mergeOverlaps(placed).map((p) => ({ row: p.row, col: p.col, rowSpan: p.rowEnd - p.row, colSpan: p.colEnd - p.col, runs: p.block.runs }))
  const ys = [...bands.map((band) => band.top), Math.max(...blocks.map((block) => block.bottom))]
  return { xs, ys, cells, runs: new Set(blocks.flatMap((block) => block.runs)), stream: true }
}
