import type { AreaTotal, PlanRecord } from '../model/record.js'
import type { AreaRegistry } from '../settings/areas.js'
import { round4 } from '../values/number.js'

/**
 * The plan-level load of each area: how many objectives it contributes to and the sum of
 * its absolute weights, in the order areas first appear; labelled with the canonical label.
 */
export function totalAreas(record: PlanRecord, registry: AreaRegistry): AreaTotal[] {
  const totals = new Map<string, AreaTotal>()
  for (const objective of record.objectives) {
    for (const area of objective.areas) {
      const label = registry.find((known) => known.id === area.area)?.label ?? area.label
      const total = totals.get(area.area) ?? { area: area.area, label, objectives: 0, absoluteWeight: 0 }
      total.objectives++
      total.absoluteWeight = round4(total.absoluteWeight + (area.absoluteWeight ?? 0))
      totals.set(area.area, total)
    }
  }
  return [...totals.values()]
}
