import type { TextRun } from './page-content.js'
import { AMBIGUOUS_BREAK } from '../../model/document.js'
import { textWeight } from './text-width.js'

export interface TextLine {
  runs: TextRun[]
  y: number
  left: number
  right: number
  size: number
  text: string
}

/**
 * The text of one cell (between x = left and right) from its runs: runs on one baseline
 * form a line (a space where the gap between runs is wider than a fifth of the font size);
 * lines are joined with a space where the text only wrapped (the next line's first word
 * would not have fitted on the line before), else with "\n". A word hyphenated across
 * a wrap is joined back ("socio-" + "assistenziale" -> "socio-assistenziale"), and so is a
 * line broken after a slash ("presidiate/" + "n sez.").
 */
export function cellText(runs: TextRun[], left: number, right: number, itemLead?: string): string {
  // Turned text (a vertical label) reads run by run, left to right.
  const turned = runs.filter((run) => run.dir[0] !== 1)
  const lines = textLines(runs.filter((run) => run.dir[0] === 1))
  const turnedText = turned.sort((a, b) => a.x - b.x).map((run) => run.text.trim()).join(' ')
  if (lines.length === 0) return turnedText
  // The writer wrapped a line when its next word did not fit before the cell's right edge,
  // less the padding seen on the left. Where the word would have fitted on the widest line
  // but not up to the edge, producers differ: such a break is marked AMBIGUOUS_BREAK, which
  // every text field folds like a space and the areas table may split like a line break.
  const widest = Math.max(...lines.map((line) => line.right))
  const padding = Math.max(0, Math.min(...lines.map((line) => line.left)) - left)
  const limit = right - padding
  // A list of items in one cell ("N. servizi…", "N./Tipologie…"): a line that starts like
  // the first one starts an item, even when the line before was full.
  const lead = itemLead ?? leadOf(lines[0]?.text ?? '')
  let text = ''
  lines.forEach((line, i) => {
    if (i === 0) {
      text = line.text
      return
    }
    const previous = lines[i - 1] as TextLine
    // A line may break after a space, a slash or a hyphen.
    const firstWord = /^[^\s/-]*[/-]?/.exec(line.text)?.[0] ?? ''
    const run = line.runs[0]
    const wordWidth = run ? (run.width * textWeight(firstWord)) / Math.max(0.1, textWeight(run.text)) : 0
    const reach = previous.right + previous.size * 0.25 + wordWidth
    if (previous.text.endsWith('/') || line.text.startsWith('/') || /\p{Ll}-$/u.test(previous.text)) text = joinWrapped(text, line.text)
    else if (reach <= widest || (lead !== undefined && line.text.toLowerCase().startsWith(lead))) text += `\n${line.text}`
    else if (reach <= limit) text += `${AMBIGUOUS_BREAK}${line.text}`
    else if (brokenWord(previous, line, limit)) text += line.text
    else text += ` ${line.text}`
  })
  return turnedText ? `${text}\n${turnedText}` : text
}

/**
 * A word wider than its column is broken between two letters ("Anticorruzion" / "e"): the
 * line before is that one piece, filling the line, and ends in a consonant, which long
 * Italian words do not ("-zion", "-ativ"), while the line below goes on in lower case.
 */
export function brokenWord(previous: TextLine, line: { text: string }, limit: number): boolean {
  return (
    /^[^\s]*\p{Ll}{4}[b-df-hj-np-tv-z]$/u.test(previous.text) &&
    previous.right >= limit - previous.size &&
    /^\p{Ll}/u.test(line.text)
  )
}

/** How a cell's first item starts ("N." of "N. servizi"), lower case; undefined if not like an item. */
export function leadOf(text: string): string | undefined {
  return /^\p{L}{1,3}\./u.exec(text)?.[0]?.toLowerCase()
}

/**
 * Joins a line that only wrapped to the text before it: directly after a slash that follows
 * a word ("presidiate/" + "n sez."), before a slash glued to the next word ("/n sez."), and
 * after a hyphen inside a word; with a space otherwise ("digitale /" + "totale").
 */
export function joinWrapped(before: string, after: string): string {
  const slashBefore = /\S\/$/.test(before) && !/ \/$/.test(before)
  const slashAfter = after.startsWith('/') && !after.startsWith('/ ')
  // A compound word broken at its hyphen ("Economico-" + "Finanziaria"); an acronym's dash
  // ("PIAO- Aggiornamento") keeps its space.
  const compound = /\p{Ll}-$/u.test(before) && /^\p{L}/u.test(after)
  return slashBefore || slashAfter || compound ? `${before}${after}` : `${before} ${after}`
}

/** Runs grouped by baseline, top to bottom, each line's runs left to right. */
export function textLines(runs: TextRun[]): TextLine[] {
  const sorted = [...runs].sort((a, b) => a.y - b.y || a.x - b.x)
  const lines: TextRun[][] = []
  for (const run of sorted) {
    const line = lines.at(-1)
    const first = line?.[0]
    if (line && first && Math.abs(run.y - first.y) <= Math.max(run.size, first.size) * 0.5) line.push(run)
    else lines.push([run])
  }
  return lines.map((line) => {
    const ordered = line.sort((a, b) => a.x - b.x)
    let text = ''
    let end = Number.NEGATIVE_INFINITY
    for (const run of ordered) {
      const gap = run.x - end
      if (text !== '' && gap > run.size * 0.2 && !text.endsWith(' ') && !run.text.startsWith(' ')) text += ' '
      text += run.text
      end = Math.max(end, run.x + run.width)
    }
    return {
      runs: ordered,
      y: ordered[0]?.y ?? 0,
      left: ordered[0]?.x ?? 0,
      right: end,
      size: Math.max(...ordered.map((run) => run.size)),
      text: text.replace(/\s+/g, ' ').trim(),
    }
  })
}
