import type { Finding } from '../model/finding.js'
import type { AreaTotal, PlanRecord } from '../model/record.js'

/** One objective as the audit's tables show it. */
export interface ObjectiveDigest {
  id: string
  code: string | null
  title: string
  unit: string | null
  score: number | null
  /** The weight printed in another form than the ratings (points, coefficient, percent). */
  weight: string | null
  areas: { area: string; label: string; absoluteWeight: number | null }[]
}

/**
 * What the audit report keeps of one imported plan: enough for its pages and CSVs, a
 * fraction of the record, so a batch of thousands of plans stays small in memory.
 */
export interface DocumentDigest {
  plan: PlanRecord['plan']
  objectives: ObjectiveDigest[]
  areas: AreaTotal[]
  findings: Finding[]
}

export function digestOf(record: PlanRecord): DocumentDigest {
  return {
    plan: record.plan,
    objectives: record.objectives.map((objective) => ({
      id: objective.id,
      code: objective.code,
      title: objective.title,
      unit: objective.unit,
      score: objective.weighting.score,
      weight: objective.weight?.raw ?? null,
      areas: objective.areas.map((area) => ({ area: area.area, label: area.label, absoluteWeight: area.absoluteWeight })),
    })),
    areas: record.areas,
    findings: record.findings,
  }
}
