import type { Cell } from '../model/document.js'
import type { ReadingContext } from './context.js'

/** Reports cells of a recognised table that map to no field (rule UNMAPPED_CELL): nothing is dropped silently. */
export function reportUnmapped(cells: readonly Cell[], objectiveId: string | null, context: ReadingContext): void {
  report(cells.filter((cell) => !context.isUsed(cell)), objectiveId, context)
}

/**
 * Reports the value of a label the record has no field for ("OBIETTIVO GESTIONALE"): the
 * label was recognised and its cells taken, but their text goes nowhere.
 */
export function reportUnkeptValue(cells: readonly Cell[], objectiveId: string | null, context: ReadingContext): void {
  report(cells, objectiveId, context)
}

function report(cells: readonly Cell[], objectiveId: string | null, context: ReadingContext): void {
  for (const cell of cells) {
    context.use(cell)
    context.report('UNMAPPED_CELL', 'warning', {
      objectiveId,
      message: `La cella «${cell.text.replace(/\s+/g, ' ').slice(0, 80)}» non corrisponde a nessun campo del record.`,
      found: cell.text,
      location: cell.location,
    })
  }
}
