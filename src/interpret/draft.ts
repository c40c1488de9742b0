import type { Objective, SummaryRow } from '../model/record.js'
import type { Cell } from '../model/document.js'
import { emptyObjective } from '../model/empty.js'
import { ReadingContext } from './context.js'

/**
 * Where a draft's paths start: a layout reader writes "@.title", "@.indicators[0].target";
 * `build` puts the objective's place in the record there ("objectives[3].title") once
 * assembly has decided it.
 */
export const DRAFT_ROOT = '@'

/** What a layout prints for each of its objectives, so a missing one is noticed (OBJECTIVE_INCOMPLETE). */
export type Provided = 'title' | 'indicator' | 'weight' | 'ratings'

/**
 * One objective as one table (or one row of a list) printed it: the fields it gave, where
 * each came from (origins and findings under DRAFT_ROOT), and what assembly matches it by.
 */
export interface Draft {
  /** The layout reader that made it ("kv-card", "objective-list"). */
  layout: string
  objective: Objective
  context: ReadingContext
  /** Whether `objective.id` was printed (a number, a code) or is a stand-in. */
  numbered: boolean
  /** What this draft's layout gives every objective. */
  provides: Set<Provided>
  /** Weights that the plan sums to 100 together (a servizio's list): drafts with the same group. */
  weightGroup: string | null
  /** The row of a list that describes objectives carded elsewhere: becomes a summary row when cards follow. */
  listRow: { row: SummaryRow; cells: Cell[] } | null
}

export function newDraft(layout: string, id: string, numbered: boolean): Draft {
  return {
    layout,
    objective: emptyObjective(id),
    context: new ReadingContext(),
    numbered,
    provides: new Set(),
    weightGroup: null,
    listRow: null,
  }
}

/** What the plan's title block says, wherever a layout found it. */
export interface PlanHints {
  comune: string | null
  year: number | null
  title: string | null
  unit: string | null
}

/** An objective with no title printed but a description: the description is its title. */
export function descriptionAsTitle(draft: Draft): void {
  const o = draft.objective
  if (o.title !== '' || !o.description) return
  o.title = o.description
  o.description = null
  const origin = draft.context.origins.get(`${DRAFT_ROOT}.description`)
  if (origin) draft.context.origins.set(`${DRAFT_ROOT}.title`, origin)
  draft.context.origins.delete(`${DRAFT_ROOT}.description`)
}
