import type { Cell } from '../model/document.js'
import type { ReadingContext } from './context.js'
import { matchLabel, type LabelId } from './labels.js'
import type { Line } from './lines.js'

/**
 * A label cut in two by a page break ("OBIETTIVO" alone at the foot of a page, "GESTIONALE"
 * at the top of the next): a line whose only cell is no label, followed by a line whose
 * first cell, in the same column, is none either, while the two texts together are one. The
 * two lines are read as the second with that cell's text completed; the first cell is used.
 */
export function joinCutLabels(lines: Line[], allowed: readonly LabelId[], context: ReadingContext): Line[] {
  const joined: Line[] = []
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i] as Line
    const head = line.cells.length === 1 ? (line.cells[0] as Cell) : undefined
    const next = lines[i + 1]
    const rest = next?.cells[0]
    const whole = head && rest ? `${head.text}\n${rest.text}` : ''
    if (next && head && rest && rest.col === head.col && !matchLabel(head.text, allowed) && !matchLabel(rest.text, allowed) && matchLabel(whole, allowed)) {
      context.use(head, rest)
      joined.push({ ...next, cells: [{ ...rest, text: whole }, ...next.cells.slice(1)] })
      i++
    } else joined.push(line)
  }
  return joined
}
