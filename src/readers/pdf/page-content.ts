import { tooLarge } from '../too-large.js'
import { OPS } from './pdfjs.js'
import type { PDFPageProxy } from 'pdfjs-dist/legacy/build/pdf.mjs'
import { apply, IDENTITY, multiply, readingMatrix, type Matrix } from './geometry.js'
import { withoutOverprint } from './overprint.js'
import { markUnmappedText, type FontCheck } from './unmapped-fonts.js'
import { replayText, type TextItem } from './replayed-text.js'

/**
 * A run of text in reading space: its baseline starts at (x, y) and runs `width` along
 * `dir` ([1, 0] for ordinary text; [0, -1] for text turned to read upwards); `size` is the
 * font height.
 */
export interface TextRun {
  text: string
  x: number
  y: number
  width: number
  size: number
  dir: [number, number]
  /** The font pdf.js drew it with (its internal name): a line of one cell changes font only for emphasis. */
  font?: string
}

/** The middle of a run's box, for placing it in a cell. */
export function runCenter(run: TextRun): [number, number] {
  const [dx, dy] = run.dir
  return [run.x + (dx * run.width) / 2 + dy * run.size * 0.35, run.y + (dy * run.width) / 2 - dx * run.size * 0.35]
}

/** Where a set of runs (one cell's text) starts and ends across the page. */
export function runsExtent(runs: TextRun[]): { left: number; right: number } {
  return { left: Math.min(...runs.map((run) => run.x)), right: Math.max(...runs.map((run) => run.x + run.width)) }
}

/** A ruling line in reading space: horizontal (y fixed, x0..x1) or vertical (x fixed, y0..y1). */
export interface Segment {
  horizontal: boolean
  /** The fixed coordinate. */
  at: number
  from: number
  to: number
}

/** A filled rectangle in reading space (y downwards: top < bottom). */
export interface Band {
  left: number
  right: number
  top: number
  bottom: number
}

export interface PageContent {
  runs: TextRun[]
  segments: Segment[]
  /**
   * Where text objects (BT … ET) begin right after text that did not end in a space, in
   * reading space. A writer that places each cell's text in its own object shows where pdf.js
   * glued two cells into one run with a space of its own ("25%" and "4,5" a few points apart).
   */
  textStarts: [number, number][]
  /**
   * Filled rectangles too tall to be a border (a row's shading, a header's background), in
   * reading space: where rows are told apart by colour alone, their edges are the rows'.
   */
  bands: Band[]
  hasImages: boolean
  width: number
  height: number
}

const STROKES = new Set<number>([OPS.stroke, OPS.closeStroke, OPS.fillStroke, OPS.eoFillStroke, OPS.closeFillStroke, OPS.closeEOFillStroke])
const FILLS = new Set<number>([OPS.fill, OPS.eoFill, OPS.fillStroke, OPS.eoFillStroke, OPS.closeFillStroke, OPS.closeEOFillStroke])
const SHOW_TEXT = new Set<number>([OPS.showText, OPS.showSpacedText, OPS.nextLineShowText, OPS.nextLineSetSpacingShowText])
const IMAGES = new Set<number>([OPS.paintImageXObject, OPS.paintInlineImageXObject, OPS.paintImageMaskXObject, OPS.paintImageXObjectRepeat])
/** A filled rectangle this thin is a drawn border (Chromium and others fill borders). */
const THIN = 2.5

/**
 * What one page may hold: a plan's page draws hundreds of lines and thousands of
 * operations; a page past these is a drawing or a hostile file, refused with TOO_LARGE.
 */
export const PAGE_LIMITS = { operators: 1_000_000, lines: 20_000, pages: 5_000 }

/**
 * Reads what table reconstruction needs from one page, from its operator list: the text runs
 * (replayed-text.ts), and the ruling lines and thin filled rectangles, with the
 * transformation matrix tracked through save/restore/transform.
 * `fonts`, kept for the whole document, notes the fonts whose characters cannot be told
 * (unmapped-fonts.ts); their text is then shown as U+FFFD, never as the font's glyph numbers.
 */
export async function readPageContent(page: PDFPageProxy, fonts?: FontCheck): Promise<PageContent> {
  const operators = await page.getOperatorList()
  if (operators.fnArray.length > PAGE_LIMITS.operators) {
    throw tooLarge(`la pagina ${page.pageNumber} ha ${operators.fnArray.length} operazioni di disegno (al più ${PAGE_LIMITS.operators})`)
  }
  // The text is worked out from the operator list (replayed-text.ts); a page the replay does
  // not cover is read a second time by pdf.js's own text extraction.
  const replayed = replayText(operators, page)
  const text: TextItem[] = replayed ?? (await page.getTextContent()).items.filter((item): item is Extract<typeof item, { str: string }> => 'str' in item)
  const items = text.filter((item) => item.str.trim() !== '')
  const [vx0, vy0, vx1, vy1] = page.view as [number, number, number, number]
  const rotation = readingMatrix(dominantAngle(items.map((item) => ({ transform: item.transform as Matrix, weight: item.str.length }))))
  // Translate so that the page's top-left corner is (0, 0) in reading space.
  const corners = [apply(rotation, vx0, vy0), apply(rotation, vx1, vy1)]
  const [minX, minY] = [Math.min(corners[0]![0], corners[1]![0]), Math.min(corners[0]![1], corners[1]![1])]
  const toReading = multiply(rotation, [1, 0, 0, 1, -minX, -minY])
  const runs = withoutOverprint(items.map((item) => {
    const t = item.transform as Matrix
    const [x, y] = apply(toReading, t[4], t[5])
    const [ex, ey] = apply(toReading, t[4] + t[0], t[5] + t[1])
    const length = Math.hypot(ex - x, ey - y) || 1
    const dir: [number, number] = [Math.round((ex - x) / length), Math.round((ey - y) / length)]
    return { text: item.str, x, y, width: item.width, size: Math.hypot(t[2], t[3]) || item.height, dir, font: item.fontName }
  }))

  const segments: Segment[] = []
  const bands: Band[] = []
  let hasImages = false
  const textStarts: [number, number][] = []
  let ctm: Matrix = IDENTITY
  const stack: Matrix[] = []
  // The text line matrix (PDF's Tlm) and leading, to place the first positioning operator of
  // a text object; whether the text shown last ended in a space.
  let lineMatrix: Matrix = IDENTITY
  let leading = 0
  let objectStart = false
  let afterSpace = true
  const moveTo = (m: Matrix) => {
    lineMatrix = m
    if (objectStart && !afterSpace) textStarts.push(apply(multiply(multiply(m, ctm), toReading), 0, 0))
    objectStart = false
  }
  operators.fnArray.forEach((fn, i) => {
    const args = operators.argsArray[i] as unknown[]
    if (fn === OPS.beginText) [lineMatrix, objectStart] = [IDENTITY, true]
    else if (SHOW_TEXT.has(fn)) {
      const glyphs = (args.find(Array.isArray) ?? []) as unknown[]
      const last = [...glyphs].reverse().find((glyph) => typeof glyph === 'object' && glyph !== null) as { unicode?: string } | undefined
      if (last) afterSpace = /^\s*$/.test(last.unicode ?? ' ')
      objectStart = false
    } else if (fn === OPS.setLeading) leading = args[0] as number
    else if (fn === OPS.moveText || fn === OPS.setLeadingMoveText) {
      const [tx, ty] = args as [number, number]
      if (fn === OPS.setLeadingMoveText) leading = -ty
      moveTo(multiply([1, 0, 0, 1, tx, ty], lineMatrix))
    } else if (fn === OPS.setTextMatrix) moveTo(Array.from((typeof args[0] === 'number' ? args : args[0]) as ArrayLike<number>) as Matrix)
    else if (fn === OPS.nextLine) moveTo(multiply([1, 0, 0, 1, 0, -leading], lineMatrix))
    else if (fn === OPS.save) stack.push(ctm)
    else if (fn === OPS.restore) ctm = stack.pop() ?? IDENTITY
    else if (fn === OPS.transform) ctm = multiply(args as Matrix, ctm)
    // A form XObject draws under its own /Matrix, and what its content changes ends with it.
    else if (fn === OPS.paintFormXObjectBegin) {
      stack.push(ctm)
      const matrix = args[0] as ArrayLike<number> | null
      if (matrix) ctm = multiply(Array.from(matrix) as Matrix, ctm)
    } else if (fn === OPS.paintFormXObjectEnd) ctm = stack.pop() ?? IDENTITY
    else if (IMAGES.has(fn)) hasImages = true
    else if (fn === OPS.constructPath) {
      const op = args[0] as number
      const data = (args[1] as (ArrayLike<number> | null)[] | undefined)?.[0]
      if (!data || (!STROKES.has(op) && !FILLS.has(op))) return
      for (const segment of pathSegments(data, multiply(ctm, toReading), STROKES.has(op), FILLS.has(op), bands)) segments.push(segment)
    }
  })
  if (segments.length > PAGE_LIMITS.lines) {
    throw tooLarge(`la pagina ${page.pageNumber} disegna ${segments.length} linee (al più ${PAGE_LIMITS.lines})`)
  }
  if (fonts) markUnmappedText(runs, page, fonts)
  return {
    runs,
    segments,
    textStarts,
    bands,
    hasImages,
    width: Math.abs(corners[1]![0] - corners[0]![0]),
    height: Math.abs(corners[1]![1] - corners[0]![1]),
  }
}

/** The rotation (a multiple of 90°) under which most of the page's text runs. */
function dominantAngle(items: { transform: Matrix; weight: number }[]): number {
  const votes = new Map<number, number>()
  for (const { transform, weight } of items) {
    const quarter = ((Math.round(Math.atan2(transform[1], transform[0]) / (Math.PI / 2)) % 4) + 4) % 4
    votes.set(quarter, (votes.get(quarter) ?? 0) + weight)
  }
  let best = 0
  let bestVotes = -1
  for (const [quarter, count] of votes) if (count > bestVotes) [best, bestVotes] = [quarter, count]
  return (best * Math.PI) / 2
}

/**
 * The axis-aligned lines of a path (pdf.js draw-ops: 0 moveTo x y, 1 lineTo x y,
 * 2 curveTo 6 numbers, 3 quadraticCurveTo 4 numbers, 4 closePath), in reading space.
 * A stroked path gives its straight edges; a filled one, each thin rectangle (a wider
 * filled rectangle goes to `bands`).
 */
function pathSegments(data: ArrayLike<number>, m: Matrix, stroked: boolean, filled: boolean, bands: Band[]): Segment[] {
  const segments: Segment[] = []
  const subpaths: [number, number][][] = []
  let current: [number, number][] = []
  for (let i = 0; i < data.length; ) {
    const op = data[i++]
    if (op === 0 || op === 1) {
      const point = apply(m, data[i] as number, data[i + 1] as number)
      i += 2
      if (op === 0 && current.length > 0) {
        subpaths.push(current)
        current = []
      }
      current.push(point)
    } else if (op === 2) {
      current.push(apply(m, data[i + 4] as number, data[i + 5] as number))
      current.push([Number.NaN, Number.NaN]) // a curve: no straight edge through it
      i += 6
    } else if (op === 3) {
      current.push(apply(m, data[i + 2] as number, data[i + 3] as number))
      current.push([Number.NaN, Number.NaN])
      i += 4
    } else if (op === 4) {
      if (current[0]) current.push(current[0])
    } else break
  }
  if (current.length > 0) subpaths.push(current)
  for (const points of subpaths) {
    if (stroked) {
      for (let k = 1; k < points.length; k++) {
        const segment = edge(points[k - 1] as [number, number], points[k] as [number, number])
        if (segment) segments.push(segment)
      }
    }
    if (filled && points.length >= 4) {
      const xs = points.map((p) => p[0]).filter(Number.isFinite)
      const ys = points.map((p) => p[1]).filter(Number.isFinite)
      const [minX, maxX, minY, maxY] = [Math.min(...xs), Math.max(...xs), Math.min(...ys), Math.max(...ys)]
      if (maxY - minY <= THIN && maxX - minX > THIN) segments.push({ horizontal: true, at: (minY + maxY) / 2, from: minX, to: maxX })
      else if (maxX - minX <= THIN && maxY - minY > THIN) segments.push({ horizontal: false, at: (minX + maxX) / 2, from: minY, to: maxY })
      else if (maxX - minX > THIN && maxY - minY > THIN && isRectangle(points, minX, maxX, minY, maxY)) bands.push({ left: minX, right: maxX, top: minY, bottom: maxY })
    }
  }
  return segments
}

/** A path of straight sides along the box's edges only: a rectangle, not a curve or a diamond. */
function isRectangle(points: [number, number][], minX: number, maxX: number, minY: number, maxY: number): boolean {
  const on = (v: number, a: number, b: number) => Math.abs(v - a) < 0.01 || Math.abs(v - b) < 0.01
  return points.length <= 6 && points.every(([x, y]) => on(x, minX, maxX) && on(y, minY, maxY))
}

function edge([ax, ay]: [number, number], [bx, by]: [number, number]): Segment | null {
  if (![ax, ay, bx, by].every(Number.isFinite)) return null
  if (Math.abs(ay - by) < 0.6 && Math.abs(ax - bx) > 1) return { horizontal: true, at: (ay + by) / 2, from: Math.min(ax, bx), to: Math.max(ax, bx) }
  if (Math.abs(ax - bx) < 0.6 && Math.abs(ay - by) > 1) return { horizontal: false, at: (ax + bx) / 2, from: Math.min(ay, by), to: Math.max(ay, by) }
  return null
}
