import type { Block, Box } from './blocks.js'

/* A table without borders: which rows each cell's block stands in. */

/**
 * The rows of one table's blocks: bands where row-making blocks overlap, and for each block
 * the rows it spans. Merged blocks (over several rows) and the blocks centred on them do not
 * make rows.
 */
export function tableRows(blocks: Block[]): { bands: Box[]; rowsOf: (block: Block) => { row: number; rowEnd: number } } {
  const merged = mergedBlocks(blocks)
  const leaders = centredOnMerged(blocks, merged)
  const bands = rowBands(blocks.filter((block) => !merged.has(block) && !leaders.has(block)), blocks)
  return { bands, rowsOf: (block) => rowsOf(leaders.get(block) ?? block, bands) }
}

/** How much two boxes share vertically. */
function verticalOverlap(a: Box, b: Box): number {
  return Math.min(a.bottom, b.bottom) - Math.max(a.top, b.top)
}

/**
 * A block overlapping two blocks that lie one under the other is a cell merged over rows:
 * it does not make rows. The shortest such block is taken first, and the others judged
 * without it: a label centred across two rows ("RISULTATO ATTESO") overlaps the tall cells
 * of both, which are not merged for that.
 */
function mergedBlocks(blocks: Block[]): Set<Block> {
  const merged = new Set<Block>()
  for (;;) {
    const active = blocks.filter((block) => !merged.has(block))
    const bridging = active.filter((block) => {
      const touching = active.filter((other) => other !== block && verticalOverlap(block, other) > 1)
      return touching.some((a) => touching.some((b) => b.top >= a.bottom - 1))
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
  const centre = (box: Box) => (box.top + box.bottom) / 2
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
function rowsOf(block: Block, bands: Box[]): { row: number; rowEnd: number } {
  const hit = bands.flatMap((band, i) => (verticalOverlap(block, band) > 1 ? [i] : []))
  if (hit.length > 0) return { row: hit[0] as number, rowEnd: (hit.at(-1) as number) + 1 }
  const centre = (block.top + block.bottom) / 2
  let nearest = 0
  bands.forEach((band, i) => {
    if (Math.abs((band.top + band.bottom) / 2 - centre) < Math.abs(((bands[nearest] as Box).top + (bands[nearest] as Box).bottom) / 2 - centre)) nearest = i
  })
  return { row: nearest, rowEnd: nearest + 1 }
}
