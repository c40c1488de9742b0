import type { Objective } from '../../model/record.js'
import { round4 } from '../../values/number.js'

/** The absolute weight an objective puts on an area (its rows for that area added up). */
export function weightOn(objective: Objective, area: string): number {
  return round4(objective.areas.filter((row) => row.area === area).reduce((sum, row) => sum + (row.absoluteWeight ?? 0), 0))
}
