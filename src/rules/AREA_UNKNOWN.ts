import { findArea } from '../settings/areas.js'
import { defineRule, type RuleReport } from './define.js'

/**
 * An «Area/Settore» that matches no canonical area (nor the comune's `--areas` file): it
 * keeps the id made from its label when it was read (nothing is corrected); a reviewer
 * should map it or add it to the areas file.
 */
export default defineRule({
  code: 'AREA_UNKNOWN',
  severity: 'warning',
  check(record, context) {
    const reports: RuleReport[] = []
    record.objectives.forEach((objective, i) =>
      objective.areas.forEach((area, a) => {
        if (findArea(context.areas, area.label)) return
        reports.push({
          objectiveId: objective.id,
          path: `objectives[${i}].areas[${a}].area`,
          message: `L'area «${area.label}» non corrisponde a nessuna area nota: si usa l'identificativo «${area.area}».`,
          found: area.label,
        })
      }),
    )
    return reports
  },
})
