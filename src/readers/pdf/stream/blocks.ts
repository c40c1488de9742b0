import type { TextRun } from '../page-content.js'
import { offsetOf, slice } from '../text-width.js'

/* A table without borders, first steps: from the page's runs to blocks, one per cell's text. */

/**
 * The cells' texts of a page without ruling lines: its runs (cut where the writer placed the
 * next cell's text), grouped into phrases and stacked into blocks, one per cell. `origin`
 * maps each piece to the page's run it came from; `size` is the usual font size.
 */
export function cellBlocks(
  runs: TextRun[],
  textStarts: [number, number][],
): { blocks: Block[]; size: number; rowGap: number; origin: Map<TextRun, TextRun> } {
  const flat = runs.filter((run) => run.dir[0] === 1)
  const size = median(flat.map((run) => run.size))
  const origin = new Map<TextRun, TextRun>()
  // Pieces that begin a text object of their own right after text with no space: the start
  // of another cell's text, never glued to what stands before it on the line.
  const apart = new Set<TextRun>()
  const startsNear = indexStarts(textStarts)
  const pieces = cutAtTextStarts(flat.map((run) => trimmed(run, origin)), startsNear, apart, origin)
  for (const piece of pieces) {
    if (startsNear(piece.y, piece.size * 0.3).some(([x]) => Math.abs(x - piece.x) <= 0.75)) apart.add(piece)
  }
  const phrases = phrasesOf(pieces, size, apart, origin)
  const pitch = linePitch(phrases, size)
  const blocks = [...stackPhrases(phrases, pitch, size), ...turnedBlocks(runs.filter((run) => run.dir[0] !== 1))]
  // Lines of different rows are further apart than the pitch (the cell padding): their boxes
  // leave at least this gap between them.
  const rowGap = pitch + stackSlack(size) - (ASCENT + DESCENT) * size
  return { blocks, size, rowGap, origin }
}

export interface Box {
  left: number
  right: number
  top: number
  bottom: number
}

/** One cell's text: the runs of its lines. */
export interface Block extends Box {
  runs: TextRun[]
  /** Baseline of its lowest line. */
  lastY: number
}

/** A run's box reaches this much of its size above the baseline, and below. */
const ASCENT = 0.8
const DESCENT = 0.25
/** How much further than the line pitch the next line of one cell may stand (rounding): 0.15 em, at most 1.5 pt. */
const stackSlack = (size: number) => Math.min(1.5, size * 0.15)

/** Box of a run: ascenders above the baseline, descenders below. */
function boxOf(run: TextRun): Box {
  return { left: run.x, right: run.x + run.width, top: run.y - run.size * ASCENT, bottom: run.y + run.size * DESCENT }
}

function union(boxes: Box[]): Box {
  return {
    left: Math.min(...boxes.map((b) => b.left)),
    right: Math.max(...boxes.map((b) => b.right)),
    top: Math.min(...boxes.map((b) => b.top)),
    bottom: Math.max(...boxes.map((b) => b.bottom)),
  }
}

/** A run without the spaces at its ends, so that its box ends where its ink does. */
function trimmed(run: TextRun, origin: Map<TextRun, TextRun>): TextRun {
  const start = run.text.length - run.text.trimStart().length
  const end = run.text.trimEnd().length
  const piece = start === 0 && end === run.text.length ? { ...run } : slice(run, start, end)
  origin.set(piece, run)
  return piece
}

/**
 * Turned text (a vertical label, "DEFINIZIONE DEGLI OBIETTIVI DI" / "PERFORMANCE
 * ORGANIZZATIVA") is one block per label: its lines stand side by side, each within a line
 * and a half of the next, along the same stretch of the page.
 */
function turnedBlocks(runs: TextRun[]): Block[] {
  const blocks: Block[] = []
  for (const run of [...runs].sort((a, b) => a.x - b.x || a.y - b.y)) {
    const box = turnedBox(run)
    const block = blocks.find(
      (b) => b.runs[0]?.dir.join() === run.dir.join() && box.left - b.right <= run.size * 1.5 && box.top < b.bottom && b.top < box.bottom,
    )
    if (block) {
      block.runs.push(run)
      Object.assign(block, union([block, box]))
      block.lastY = block.bottom
    } else blocks.push({ runs: [run], ...box, lastY: box.bottom })
  }
  return blocks
}

/** The box of a turned run, along its direction. */
function turnedBox(run: TextRun): Box {
  const [dx, dy] = run.dir
  const ends = [run.x, run.x + dx * run.width + dy * run.size * ASCENT]
  const heights = [run.y, run.y + dy * run.width - dx * run.size * ASCENT]
  return { left: Math.min(...ends), right: Math.max(...ends), top: Math.min(...heights), bottom: Math.max(...heights) }
}

/**
 * Cuts each run at the spaces where the writer positioned the text that follows on its own
 * (the text of the next cell, which pdf.js glued on with a space); such a piece starts a
 * phrase of its own.
 */
function cutAtTextStarts(runs: TextRun[], startsNear: StartsNear, apart: Set<TextRun>, origin: Map<TextRun, TextRun>): TextRun[] {
  const cuts = runs.map((run) =>
    startsNear(run.y, run.size * 0.3)
      .filter(([x]) => x > run.x + 1 && x < run.x + run.width - 1)
      .map(([x]) => x),
  )
  const pieces: TextRun[] = []
  runs.forEach((run, i) => {
    let rest = run
    for (const x of (cuts[i] as number[]).sort((a, b) => a - b)) {
      const space = nearestSpace(rest, x)
      if (space === null) continue
      const before = slice(rest, 0, space)
      const source = origin.get(rest) ?? rest
      const head = { ...before, text: before.text.trimEnd(), width: Math.min(before.width, x - rest.x - 1) }
      rest = { ...rest, text: rest.text.slice(space).trimStart(), x, width: rest.x + rest.width - x }
      pieces.push(head)
      origin.set(head, source)
      origin.set(rest, source)
      apart.add(rest)
    }
    pieces.push(rest)
  })
  return pieces.filter((piece) => piece.text.trim() !== '')
}

/** The text starts within `reach` of a baseline y. */
type StartsNear = (y: number, reach: number) => [number, number][]

function indexStarts(starts: [number, number][]): StartsNear {
  const byLine = new Map<number, [number, number][]>()
  for (const start of starts) {
    const line = byLine.get(Math.round(start[1]))
    if (line) line.push(start)
    else byLine.set(Math.round(start[1]), [start])
  }
  return (y, reach) => {
    const found: [number, number][] = []
    for (let key = Math.floor(y - reach); key <= Math.ceil(y + reach); key++) found.push(...(byLine.get(key) ?? []))
    return found.filter(([, sy]) => Math.abs(sy - y) <= reach)
  }
}

/** The index of the space in a run whose following word starts nearest x (within 0.6 em). */
function nearestSpace(run: TextRun, x: number): number | null {
  let best: number | null = null
  let distance = run.size * 0.6
  for (const match of run.text.matchAll(/\s+/g)) {
    const gap = Math.abs(offsetOf(run, match.index + match[0].length) - x)
    if (gap <= distance) [best, distance] = [match.index, gap]
  }
  return best
}

/**
 * Pieces on one baseline that touch (a change of font inside a line leaves no gap wider than
 * a fifth of an em) form a phrase; a piece set `apart` begins a phrase of its own, and so does
 * one in the same font as the piece before it: pdf.js would have made them one run, had they
 * been drawn one after the other (a figure set against the next cell's text, "4.5" | "termini").
 */
function phrasesOf(pieces: TextRun[], size: number, apart: Set<TextRun>, origin: Map<TextRun, TextRun>): TextRun[][] {
  const sorted = [...pieces].sort((a, b) => a.y - b.y || a.x - b.x)
  const lines: TextRun[][] = []
  for (const piece of sorted) {
    const line = lines.at(-1)
    if (line && Math.abs((line[0] as TextRun).y - piece.y) <= Math.min(size, piece.size) * 0.3) line.push(piece)
    else lines.push([piece])
  }
  const phrases: TextRun[][] = []
  for (const line of lines) {
    let phrase: TextRun[] = []
    let right = Number.NEGATIVE_INFINITY
    for (const piece of line.sort((a, b) => a.x - b.x)) {
      const before = phrase.at(-1)
      const sameFont = before !== undefined && before.font !== undefined && before.font === piece.font && origin.get(before) !== origin.get(piece)
      if (phrase.length > 0 && (piece.x - right > piece.size * 0.2 || apart.has(piece) || sameFont)) {
        phrases.push(phrase)
        phrase = []
      }
      phrase.push(piece)
      right = Math.max(right, piece.x + piece.width)
    }
    if (phrase.length > 0) phrases.push(phrase)
  }
  return phrases
}

/**
 * Stacks phrases into blocks: a phrase goes on the block just above it (its last baseline no
 * more than a line pitch up, or the same) that it overlaps horizontally, when there is
 * exactly one such block; cells are further apart than the lines inside one (their padding).
 */
function stackPhrases(phrases: TextRun[][], pitch: number, size: number): Block[] {
  const blocks: Block[] = []
  // Blocks whose last line is still within reach of the phrases to come (they come down the page).
  let open: Block[] = []
  const ordered = phrases.map((runs) => ({ runs, box: union(runs.map(boxOf)), y: Math.max(...runs.map((run) => run.y)) }))
  ordered.sort((a, b) => a.box.top - b.box.top || a.box.left - b.box.left)
  for (const phrase of ordered) {
    const below = (block: Block) => phrase.y - block.lastY > -1 && phrase.y - block.lastY <= pitch + stackSlack(size)
    const overlaps = (block: Block) => phrase.box.left < block.right - 0.5 && phrase.box.right > block.left + 0.5
    open = open.filter((block) => phrase.box.top - block.bottom <= pitch * 2)
    const candidates = open.filter((block) => below(block) && overlaps(block))
    const block = candidates.length === 1 ? (candidates[0] as Block) : oneLine(candidates, blocks, open)
    if (block) {
      block.runs.push(...phrase.runs)
      Object.assign(block, union([block, phrase.box]))
      block.lastY = Math.max(block.lastY, phrase.y)
    } else {
      const created = { runs: [...phrase.runs], ...phrase.box, lastY: phrase.y }
      blocks.push(created)
      open.push(created)
    }
  }
  return blocks
}

/**
 * Blocks whose last lines sit on one baseline, each a space or so after the one before, are
 * one line cut by a change of font ("Prevenzione della" + bold "Corruzione e") when the line
 * below runs under them: they are joined into the first, and it is returned.
 */
function oneLine(candidates: Block[], ...lists: Block[][]): Block | null {
  if (candidates.length < 2) return null
  const sorted = [...candidates].sort((a, b) => a.left - b.left)
  const first = sorted[0] as Block
  const adjacent = sorted.every(
    (block, i) => i === 0 || (Math.abs(block.lastY - first.lastY) <= 1 && block.left - (sorted[i - 1] as Block).right <= (block.runs[0]?.size ?? 10) * 0.35),
  )
  if (!adjacent) return null
  for (const block of sorted.slice(1)) {
    first.runs.push(...block.runs)
    Object.assign(first, union([first, block]))
    for (const list of lists) list.splice(list.indexOf(block), 1)
  }
  return first
}

/**
 * The distance between the lines of a paragraph: the smallest gap, seen at least twice,
 * between phrases that start at the same x one under the other (rows of one-line cells are
 * further apart: their padding).
 */
function linePitch(phrases: TextRun[][], size: number): number {
  const byLeft = new Map<number, number[]>()
  for (const phrase of phrases) {
    const first = phrase[0] as TextRun
    const key = Math.round(first.x)
    const ys = byLeft.get(key)
    if (ys) ys.push(first.y)
    else byLeft.set(key, [first.y])
  }
  const counts = new Map<number, number>()
  for (const ys of byLeft.values()) {
    ys.sort((a, b) => a - b)
    for (let i = 1; i < ys.length; i++) {
      const gap = Math.round(((ys[i] as number) - (ys[i - 1] as number)) * 2) / 2
      if (gap >= 0.9 * size && gap <= 2 * size) counts.set(gap, (counts.get(gap) ?? 0) + 1)
    }
  }
  const seen = [...counts].filter(([, count]) => count >= 2).map(([gap]) => gap)
  if (seen.length === 0) return size * NORMAL_LEADING
  const smallest = Math.min(...seen)
  // One spacing only, and wider than a line's: rows of one-line cells, which tell nothing of
  // the lines inside a cell; a normal leading is assumed.
  const oneSpacing = seen.every((gap) => gap - smallest <= 0.6)
  return oneSpacing && smallest > size * 1.3 ? size * NORMAL_LEADING : smallest
}

/** The distance between lines set solid with a common font's own leading, in em. */
const NORMAL_LEADING = 1.15

/** The middle value (the upper one of an even count); `none` when there are no values. */
export function median(values: number[], none = 10): number {
  const sorted = [...values].sort((a, b) => a - b)
  return sorted[Math.floor(sorted.length / 2)] ?? none
}
