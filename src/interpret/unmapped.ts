import type { Cell } from '../model/document.js'
import type { ReadingContext } from './context.js'

/** Reports cells of a recognised table that map to no field (rule UNMAPPED_CELL): nothing is dropped silently. */
export function reportUnmapped(cells: readonly Cell[], objectiveId: string | null, context: ReadingContext): void {
  for (const cell of cells) {
    if (context.isUsed(cell)) continue
    context.use(cell)
    context.report('UNMAPPED_CELL', 'warning', {
      objectiveId,
      message: `La cella «${cell.text.replace(/\s+/g, ' ').slice(0, 80)}» non corrisponde a nessun campo del record.`,
      found: cell.text,
      location: cell.location,
    })
  }
}
