import type { Objective } from '../model/record.js'
import { defineRule, type RuleReport } from './define.js'

/** How a clerk calls what is missing. */
const NAMES = { title: 'il titolo', indicator: 'un indicatore', weight: 'un peso' } as const

/**
 * An objective that its layout gives a title, an indicator or a weight has none of one of
 * them (a card with no «PESO OBIETTIVO» block while the plan's other cards have one, a list
 * row with an empty weight cell). `found` lists what is missing.
 */
export default defineRule({
  code: 'OBJECTIVE_INCOMPLETE',
  severity: 'warning',
  check(record, context) {
    const reports: RuleReport[] = []
    record.objectives.forEach((objective, i) => {
      const expected = context.checks?.expects.get(i) ?? []
      const missing = (['title', 'indicator', 'weight'] as const).filter((what) => (what === 'weight' ? expected.includes('weight') || expected.includes('ratings') : expected.includes(what)) && !has(objective, what))
      if (missing.length === 0) return
      reports.push({
        objectiveId: objective.id,
        path: `objectives[${i}]`,
        message: `All'obiettivo ${objective.id} manca ${missing.map((what) => NAMES[what]).join(' e ')}.`,
        found: missing,
        location: context.origins.get(`objectives[${i}].id`)?.location ?? context.origins.get(`objectives[${i}].title`)?.location ?? null,
      })
    })
    return reports
  },
})

function has(objective: Objective, what: 'title' | 'indicator' | 'weight'): boolean {
  if (what === 'title') return objective.title !== ''
  if (what === 'indicator') return objective.indicators.length > 0
  const w = objective.weighting
  return objective.weight !== null || objective.prerequisite || w.declaredScore !== null || [w.importanza, w.impattoEsterno, w.complessita, w.realizzabilita].some((rating) => rating !== null)
}
