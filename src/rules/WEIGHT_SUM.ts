import { round4 } from '../values/number.js'
import { defineRule, type RuleReport } from './define.js'

/** The tolerance of a sum of weights meant to be 100 (rules.md). */
const TOLERANCE = 0.5

/**
 * Weights printed as points or percents that the plan sums to 100 per unit (Perosa's
 * «Obiettivi | Peso» per servizio, «Peso OBSA» per SPL) do not: a prerequisite's "X" counts 0.
 * Coefficients («Pesatura 1,2») are not summed.
 */
export default defineRule({
  code: 'WEIGHT_SUM',
  severity: 'error',
  check(record, context) {
    const reports: RuleReport[] = []
    for (const group of context.checks?.weightGroups ?? []) {
      const weights = group.objectives.map((i) => ({ i, weight: record.objectives[i]?.weight ?? null })).filter(({ weight }) => weight && weight.scale !== 'coefficient')
      if (weights.length < 2) continue
      const sum = round4(weights.reduce((total, { weight }) => total + (weight?.value ?? 0), 0))
      if (Math.abs(sum - 100) <= TOLERANCE) continue
      const first = weights[0]?.i ?? 0
      reports.push({
        objectiveId: null,
        path: `objectives[${first}].weight`,
        message: `I pesi degli obiettivi di «${group.label}» sommano a ${String(sum).replace('.', ',')} invece di 100.`,
        found: sum,
      })
    }
    return reports
  },
})
