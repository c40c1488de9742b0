import type ExcelJS from 'exceljs'
import { mergedRanges } from '../../util/sheet-merges.js'

/**
 * Row heights and column widths from the text the cells hold. Spreadsheet programs do not
 * re-fit rows a library wrote, and LibreOffice prints a row as tall as its stored height, so
 * the heights are estimated here: each paragraph wrapped word by word into the cell's width
 * (its merged columns added up), at the line height of its font.
 *
 * Widths are in the spreadsheet's unit, the width of a «0» of the default 11-point font.
 * The factors below are those of DejaVu Sans, the widest of the sans-serif fonts a clerk's
 * machine shows for the workbook's Calibri (Carlito and Liberation Sans are narrower): a line
 * estimated a little too long only costs a line of space, one estimated too short hides text
 * on paper.
 */
const DEFAULT_SIZE = 11
/** Excel's default row, 15 pt, holds one line of the 11-point font. */
const LINE_HEIGHT = 15
/** Excel's limit on a row's height. */
const MAX_HEIGHT = 409
/** The cell's inner margins, in characters. */
const PADDING = 1.2

function charWidth(ch: string): number {
  if (ch === ' ') return 0.5
  if (/[0-9]/.test(ch)) return 1 // the unit itself
  if (/[iljI.,;:'!|]/.test(ch)) return 0.45
  if (/[tfr()[\]/-]/.test(ch)) return 0.62
  if (/[mwMW@%]/.test(ch)) return 1.4
  if (/[A-ZÀ-ÖØ-Þ]/.test(ch)) return 1.15
  return 0.95
}

/** charWidth of the first 384 code points (Latin-1 and Latin Extended-A), worked out once. */
const CHAR_WIDTHS = Float64Array.from({ length: 384 }, (_, code) => charWidth(String.fromCharCode(code)))

/** The width of one code point, in «0» widths of the default font. */
function codeWidth(code: number): number {
  return code < CHAR_WIDTHS.length ? (CHAR_WIDTHS[code] as number) : charWidth(String.fromCodePoint(code))
}

/** How much wider than the default font's a font prints. */
function fontScale(font: Partial<ExcelJS.Font>): number {
  return ((font.size ?? DEFAULT_SIZE) / DEFAULT_SIZE) * (font.bold ? 1.08 : 1)
}

/** How wide a run of text prints, in «0» widths of the default font. */
function textWidth(text: string, font: Partial<ExcelJS.Font> = {}): number {
  let width = 0
  for (let i = 0; i < text.length; i++) {
    const code = text.codePointAt(i) as number
    if (code > 0xffff) i++ // the second half of a surrogate pair
    width += codeWidth(code)
  }
  return width * fontScale(font)
}

const SPACE = 32
const NEWLINE = 10

/**
 * How many lines a text takes in a cell of `width` with wrapping on: words kept whole unless
 * one alone is wider. Paragraphs end at line breaks, words at spaces; one pass over the text.
 */
function wrappedLines(text: string, width: number, font: Partial<ExcelJS.Font> = {}): number {
  const room = Math.max(2, width - PADDING)
  const scale = fontScale(font)
  const space = codeWidth(SPACE) * scale
  let lines = 1
  let line = 0 // the width taken on the current line
  let word = 0 // the width of the word being read
  // One step past the end, as if the text ended in a space: the last word is placed too.
  // (No closure over these numbers: captured, each update would allocate.)
  for (let i = 0; i <= text.length; i++) {
    const code = i < text.length ? (text.codePointAt(i) as number) : SPACE
    if (code > 0xffff) i++ // the second half of a surrogate pair
    if (code !== SPACE && code !== NEWLINE) {
      word += codeWidth(code)
      continue
    }
    if (word > 0) {
      const w = word * scale
      word = 0
      if (line > 0 && line + space + w <= room) line += space + w
      else {
        if (line > 0) lines++
        // A word wider than the cell is broken where the cell ends.
        const broken = Math.ceil(w / room) - 1
        lines += broken
        line = w - broken * room
      }
    }
    if (code === NEWLINE) {
      lines++
      line = 0
    }
  }
  return lines
}

/** The width a column needs so that no word of these texts (headers, mostly) is broken. */
export function widthForWords(texts: readonly string[], font: Partial<ExcelJS.Font> = {}, least = 8): number {
  const words = texts.flatMap((text) => text.split(/\s+/))
  return Math.ceil(Math.max(least, ...words.map((word) => textWidth(word, font) + PADDING + 0.5)))
}

function shownText(value: ExcelJS.CellValue): string {
  if (typeof value === 'string') return value
  if (value === null || value === undefined) return ''
  if (typeof value === 'number' || typeof value === 'boolean') return String(value)
  if (value instanceof Date) return value.toISOString().slice(0, 10)
  if ('richText' in value) return value.richText.map((run) => run.text).join('')
  if ('text' in value) return String(value.text)
  if ('result' in value && value.result !== undefined && value.result !== null) return String(value.result)
  return ''
}

interface Block {
  top: number
  bottom: number
  /** Points the block's text needs. */
  needed: number
}

/**
 * Sets every row's height to the tallest text it holds. A cell merged over several rows
 * (a «valore atteso» beside the lines of its measures) first lets the rows take the heights
 * of their own cells, then spreads what it still lacks evenly over the rows it covers.
 */
export function fitRowHeights(sheet: ExcelJS.Worksheet): void {
  const merges = mergedRanges(sheet)
  const widths: number[] = []
  const columnWidth = (c: number) => (widths[c] ??= sheet.getColumn(c).width ?? 9)
  // Heights by row number, in a plain array: numbers kept in a Map would each be allocated.
  const heights: number[] = []
  const heightOf = (r: number) => heights[r] ?? LINE_HEIGHT
  const spanning: Block[] = []
  sheet.eachRow({ includeEmpty: true }, (row) => {
    heights[row.number] = heightOf(row.number)
    row.eachCell((cell) => {
      if (cell.isMerged && cell.master.address !== cell.address) return
      const shown = shownText(cell.value)
      if (shown === '') return
      const merge = merges.get(cell.address)
      const left = merge?.left ?? +cell.col
      const right = merge?.right ?? +cell.col
      let width = 0
      for (let c = left; c <= right; c++) width += columnWidth(c)
      const font = cell.font ?? {}
      const lines = cell.alignment?.wrapText ? wrappedLines(shown, width, font) : 1
      const needed = lines * LINE_HEIGHT * Math.max(1, (font.size ?? DEFAULT_SIZE) / DEFAULT_SIZE) + (lines > 1 ? 2 : 0)
      if (merge && merge.bottom > merge.top) spanning.push({ top: merge.top, bottom: merge.bottom, needed })
      else heights[row.number] = Math.max(heightOf(row.number), needed)
    })
  })
  // The narrowest merges first: a wider one then sees the rows they have already grown.
  spanning.sort((a, b) => a.bottom - a.top - (b.bottom - b.top) || a.top - b.top)
  for (const block of spanning) {
    let total = 0
    for (let r = block.top; r <= block.bottom; r++) total += heightOf(r)
    if (total >= block.needed) continue
    const extra = (block.needed - total) / (block.bottom - block.top + 1)
    for (let r = block.top; r <= block.bottom; r++) heights[r] = heightOf(r) + extra
  }
  heights.forEach((height, r) => {
    sheet.getRow(r).height = Math.min(MAX_HEIGHT, Math.ceil(height))
  })
}
