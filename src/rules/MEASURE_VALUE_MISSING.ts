import { defineRule, type RuleReport } from './define.js'

/**
 * An area row has fewer «esito atteso» values than «indicatori di misurazione» (seed card
 * "d": three indicators, two values). Reported once per area, at the first indicator left
 * without a value.
 */
export default defineRule({
  code: 'MEASURE_VALUE_MISSING',
  severity: 'warning',
  check(record, context) {
    const reports: RuleReport[] = []
    record.objectives.forEach((objective, i) =>
      objective.areas.forEach((area, a) => {
        const missing = area.measures.flatMap((measure, m) => (measure.indicator !== null && measure.expected === null ? [m] : []))
        const [first] = missing
        if (first === undefined) return
        const values = area.measures.filter((measure) => measure.expected !== null).length
        const indicators = area.measures.filter((measure) => measure.indicator !== null).length
        reports.push({
          objectiveId: objective.id,
          path: `objectives[${i}].areas[${a}].measures[${first}].expected`,
          message: `L'area «${area.label}» ha ${indicators} indicatori di misurazione ma ${values} esiti attesi.`,
          found: values,
          location: context.origins.get(`objectives[${i}].areas[${a}].measures[${first}].indicator`)?.location ?? null,
        })
      }),
    )
    return reports
  },
})
