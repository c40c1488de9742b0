import { findArea } from '../settings/areas.js'
import { defineRule, type RuleReport } from './define.js'

/**
 * «Area/Settore» printed under another name of a canonical area ("Area Tecnica",
 * "Polizia Locale"): the record uses the canonical id, so totals add up per area.
 */
export default defineRule({
  code: 'AREA_ALIAS',
  severity: 'info',
  check(record, context) {
    const reports: RuleReport[] = []
    record.objectives.forEach((objective, i) =>
      objective.areas.forEach((area, a) => {
        const known = findArea(context.areas, area.label)
        if (!known || known.id === area.area) return
        reports.push({
          objectiveId: objective.id,
          path: `objectives[${i}].areas[${a}].area`,
          message: `L'area «${area.label}» è ricondotta all'area ${known.label}.`,
          found: area.label,
          corrected: known.id,
          fix: { value: known.id },
        })
      }),
    )
    return reports
  },
})
