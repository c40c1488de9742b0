import type { Cell } from '../model/document.js'
import { foldWhitespace } from '../text/normalize.js'
import type { ReadingContext } from './context.js'
import { matchLabel, type LabelId } from './labels.js'
import type { Line } from './lines.js'

/** A label found in a line with the cells printed after it, up to the next label. */
export interface LabelledValue {
  id: LabelId
  label: Cell
  /** Text after the label inside the label's own cell ("Esito Pesatura 14" -> "14"). */
  rest: string
  cells: Cell[]
  /** All value text, folded to one line; empty when there is none. */
  text: string
}

/**
 * Reads a line of the form "LABEL value LABEL value ...", the shape of a card's
 * header rows ("CDR | ... | RESPONSABILE PRIMARIO: | TUTTI | ALTRI CDR COINVOLTI | TUTTI").
 * Labels and values are marked as used. Cells before the first label are returned apart.
 */
export function readKeyValues(line: Line, allowed: readonly LabelId[], context: ReadingContext): { pairs: LabelledValue[]; leading: Cell[] } {
  const pairs: LabelledValue[] = []
  const leading: Cell[] = []
  for (const cell of line.cells) {
    const label = matchLabel(cell.text, allowed)
    if (label) {
      context.use(cell)
      pairs.push({ id: label.id, label: cell, rest: label.rest, cells: [], text: foldWhitespace(label.rest) })
      continue
    }
    const current = pairs.at(-1)
    if (!current) {
      leading.push(cell)
      continue
    }
    context.use(cell)
    current.cells.push(cell)
    current.text = foldWhitespace([current.text, cell.text].join(' '))
  }
  return { pairs, leading }
}
