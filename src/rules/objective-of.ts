import type { PlanRecord } from '../model/record.js'

/** The id of the objective a JSON path points into ("objectives[2].areas[0]..." -> that card's id). */
export function objectiveIdOf(record: PlanRecord, path: string): string | null {
  const m = /^objectives\[(\d+)\]/.exec(path)
  return m ? (record.objectives[Number(m[1])]?.id ?? null) : null
}
