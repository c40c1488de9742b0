import type { PlanRecord } from '../model/record.js'
import { round4 } from '../values/number.js'

/**
 * The values that follow from others once the rules have run: each area's absolute weight
 * is the reconciled score × its % / 100; without both it stays as printed.
 */
export function deriveWeights(record: PlanRecord): void {
  for (const objective of record.objectives) {
    const { score } = objective.weighting
    for (const area of objective.areas) {
      area.absoluteWeight =
        score !== null && area.contributionPct !== null ? round4((score * area.contributionPct) / 100) : area.declaredAbsoluteWeight
    }
  }
}
