import type { TextRun } from './page-content.js'

/*
 * pdf.js gives a run's width, not its glyphs' positions: where a word starts inside a run is
 * estimated from the relative advance widths of a proportional font.
 */

/** Relative advance width of a character (in em) in a proportional sans-serif or serif font. */
function charWeight(ch: string): number {
  if (' .,:;!|\'`ijl'.includes(ch)) return 0.25
  if ('ftrI/()[]-'.includes(ch)) return 0.32
  if ('mwMW%'.includes(ch)) return 0.86
  if (/[A-Z]/.test(ch)) return 0.68
  return 0.55
}

/** charWeight of the first 384 code points (Latin-1 and Latin Extended-A), worked out once. */
const WEIGHTS = Float64Array.from({ length: 384 }, (_, code) => charWeight(String.fromCharCode(code)))

export function textWeight(text: string): number {
  let total = 0
  for (let i = 0; i < text.length; i++) {
    const code = text.codePointAt(i) as number
    if (code > 0xffff) i++ // the second half of a surrogate pair
    total += code < WEIGHTS.length ? (WEIGHTS[code] as number) : charWeight(String.fromCodePoint(code))
  }
  return total
}

/** Where the character at `index` of a run starts, estimated. */
export function offsetOf(run: TextRun, index: number): number {
  return run.x + (run.width * textWeight(run.text.slice(0, index))) / Math.max(0.1, textWeight(run.text))
}

/** A part of a run (characters from `start` to `end`), placed by the estimate. */
export function slice(run: TextRun, start: number, end: number): TextRun {
  const x = offsetOf(run, start)
  return { ...run, text: run.text.slice(start, end), x, width: offsetOf(run, end) - x }
}

/** Splits a run at its spaces into words, each given a share of the width by its length. */
export function words(run: TextRun): TextRun[] {
  const perChar = run.width / Math.max(1, run.text.length)
  const parts: TextRun[] = []
  for (const match of run.text.matchAll(/\S+/g)) parts.push({ ...run, text: match[0], x: run.x + match.index * perChar, width: match[0].length * perChar })
  return parts
}
