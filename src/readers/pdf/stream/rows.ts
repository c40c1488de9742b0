import type { Block, Box } from './blocks.js'

/* A table without borders: which rows each cell's block stands in. */

/**
 * The rows of one table's blocks: bands where row-making blocks overlap, and for each block
 * the rows it spans. Merged blocks (over several rows) and the blocks centred on them do not
 * make rows; a block off the middle of its row spans the rows it is centred on.
 */
export function tableRows(blocks: Block[], rowGap: number): { bands: Box[]; rowsOf: (block: Block) => Rows } {
  const merged = mergedBlocks(blocks, rowGap)
  const leaders = centredOnMerged(blocks, merged)
  const bands = rowBands(blocks.filter((block) => !merged.has(block) && !leaders.has(block)), blocks)
  const rows = new Map(blocks.map((block) => [block, rowsOf(leaders.get(block) ?? block, bands)]))
  spanOffCentreCells(blocks, rows, bands)
  return { bands, rowsOf: (block) => rows.get(block) as Rows }
}

/** Rows [row, rowEnd) of the grid. */
interface Rows {
  row: number
  rowEnd: number
}

const centre = (box: Box) => (box.top + box.bottom) / 2

/**
 * A one-row cell that stands neither at the top, nor in the middle, nor at the bottom of its
 * row is centred on more rows: the run of rows around it, with nothing else in its column,
 * whose middle it stands level with ("VIGILANZA" beside its three indicators, level with a
 * taller second one).
 */
function spanOffCentreCells(blocks: Block[], rows: Map<Block, Rows>, bands: Box[]): void {
  for (const block of blocks) {
    const own = rows.get(block) as Rows
    if (own.rowEnd - own.row !== 1) continue
    const band = bands[own.row] as Box
    const offset = Math.min(Math.abs(centre(block) - centre(band)), Math.abs(block.top - band.top), Math.abs(block.bottom - band.bottom))
    if (offset <= 2) continue
    const free = (row: number) =>
      ![...rows].some(([other, r]) => other !== block && r.row <= row && row < r.rowEnd && other.left < block.right && other.right > block.left)
    let best: { rows: Rows; error: number } | null = null
    for (let start = own.row; start >= 0 && (start === own.row || free(start)); start--) {
      for (let end = own.row + 1; end <= bands.length && (end === own.row + 1 || free(end - 1)); end++) {
        if (end - start < 2) continue
        const error = Math.abs(centre(block) - ((bands[start] as Box).top + (bands[end - 1] as Box).bottom) / 2)
        if (best === null || error < best.error) best = { rows: { row: start, rowEnd: end }, error }
      }
    }
    if (best && best.error < Math.min(offset / 2, 6)) rows.set(block, best.rows)
  }
}

/** How much two boxes share vertically. */
function verticalOverlap(a: Box, b: Box): number {
  return Math.min(a.bottom, b.bottom) - Math.max(a.top, b.top)
}

/**
 * A block overlapping two blocks stacked in one column, as far apart as lines of different
 * rows (`rowGap`), is a cell merged over rows: it does not make rows. (Blocks in different
 * columns, or one line slot apart, may share a row: a label at its top, another centred.)
 * The shortest such block is taken first, and the others judged without it: a label centred
 * across two rows ("RISULTATO ATTESO") overlaps the tall cells of both, not merged for that.
 */
function mergedBlocks(blocks: Block[], rowGap: number): Set<Block> {
  const merged = new Set<Block>()
  for (;;) {
    const active = blocks.filter((block) => !merged.has(block))
    const bridging = active.filter((block) => {
      const touching = active.filter((other) => other !== block && verticalOverlap(block, other) > 1)
      return touching.some((a) => touching.some((b) => b.top - a.bottom >= rowGap - 0.5 && a.left < b.right && b.left < a.right))
    })
    if (bridging.length === 0) return merged
    merged.add(bridging.reduce((a, b) => (b.bottom - b.top < a.bottom - a.top ? b : a)))
  }
}

/**
 * Cells centred vertically on a merged cell (within 2 points), inside its height, with
 * nothing else in their column there, are merged over the same rows ("TECNICO", "25%" and
 * "4,5" level with the middle of their "valore atteso" beside three indicators): each is
 * mapped to the merged block it follows.
 */
function centredOnMerged(blocks: Block[], merged: Set<Block>): Map<Block, Block> {
  const leaders = new Map<Block, Block>()
  for (const block of blocks) {
    if (merged.has(block)) continue
    const leader = [...merged].find(
      (m) =>
        m.top <= block.top + 1 &&
        block.bottom <= m.bottom + 1 &&
        !blocks.some((other) => other !== block && other !== m && other.left < block.right && other.right > block.left && verticalOverlap(other, m) > 1),
    )
    if (leader) leaders.set(block, leader)
  }
  // Such a cell either sits level with the middle of the merged block, or floats between the
  // rows (the merged cell is taller than its text), touching only cells like itself.
  const rowMakers = blocks.filter((block) => !merged.has(block))
  for (const [block, leader] of leaders) {
    const floats = rowMakers.every((other) => other === block || verticalOverlap(block, other) <= 1 || leaders.get(other) === leader)
    if (!floats && Math.abs(centre(leader) - centre(block)) > 2) leaders.delete(block)
  }
  return leaders
}

/** Rows: the vertical extents of the row-making blocks where they overlap (all blocks if none). */
function rowBands(rowMakers: Block[], blocks: Block[]): Box[] {
  const bands: Box[] = []
  for (const block of [...(rowMakers.length > 0 ? rowMakers : blocks)].sort((a, b) => a.top - b.top)) {
    const band = bands.at(-1)
    if (band && block.top < band.bottom - 1) band.bottom = Math.max(band.bottom, block.bottom)
    else bands.push({ left: 0, right: 0, top: block.top, bottom: block.bottom })
  }
  return bands
}

/** The bands a block overlaps; the nearest one when it falls between them. */
function rowsOf(block: Block, bands: Box[]): Rows {
  const hit = bands.flatMap((band, i) => (verticalOverlap(block, band) > 1 ? [i] : []))
  if (hit.length > 0) return { row: hit[0] as number, rowEnd: (hit.at(-1) as number) + 1 }
  const distance = (i: number) => Math.abs(centre(bands[i] as Box) - centre(block))
  let nearest = 0
  bands.forEach((_, i) => {
    if (distance(i) < distance(nearest)) nearest = i
  })
  return { row: nearest, rowEnd: nearest + 1 }
}
