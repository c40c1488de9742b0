import { officialMissione, officialProgramma } from '../interpret/missione.js'
import { labelKey } from '../text/normalize.js'
import { defineRule, type RuleReport } from './define.js'

/**
 * The printed name of a «MISSIONE» or «PROGRAMMA» differs from the official name of its code
 * (data/missioni-programmi.json, D.Lgs. 118/2011 Allegato 14), or the code is not in the
 * classification. Case, accents and punctuation do not count. Reported, not corrected.
 */
export default defineRule({
  code: 'MISSIONE_NAME_MISMATCH',
  severity: 'warning',
  check(record, context) {
    const reports: RuleReport[] = []
    record.objectives.forEach((objective, i) => {
      const entries = [
        { field: 'missione', value: objective.missione, official: objective.missione && officialMissione(objective.missione.code), word: 'missione' },
        { field: 'programma', value: objective.programma, official: objective.programma && officialProgramma(objective.programma.code), word: 'programma' },
      ] as const
      for (const { field, value, official, word } of entries) {
        if (!value || (official && labelKey(official) === labelKey(value.name))) continue
        reports.push({
          objectiveId: objective.id,
          path: `objectives[${i}].${field}.name`,
          message: official
            ? `Il nome «${value.name}» non è quello ufficiale della ${word} ${value.code}: «${official}».`
            : `Il codice ${value.code} non è una ${word} della classificazione ufficiale.`,
          found: value.name,
          location: context.origins.get(`objectives[${i}].${field}`)?.location ?? null,
        })
      }
    })
    return reports
  },
})
