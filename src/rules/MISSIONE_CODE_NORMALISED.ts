import { readMissione, readProgramma } from '../interpret/missione.js'
import { defineRule, type RuleReport } from './define.js'

/**
 * «MISSIONE» / «PROGRAMMA» printed in another form than the official code of D.Lgs.
 * 118/2011: "0.1" -> "01"; programme "0.2" under mission 01 -> "0102".
 */
export default defineRule({
  code: 'MISSIONE_CODE_NORMALISED',
  severity: 'info',
  check(record, context) {
    const reports: RuleReport[] = []
    record.objectives.forEach((objective, i) => {
      const fields = [
        { field: 'missione', word: 'missione', read: (text: string) => readMissione(text) },
        { field: 'programma', word: 'programma', read: (text: string) => readProgramma(text, objective.missione?.code ?? null) },
      ] as const
      for (const { field, word, read } of fields) {
        const path = `objectives[${i}].${field}`
        const origin = context.origins.get(path)
        const printed = origin ? read(origin.raw) : null
        const code = objective[field]?.code
        if (!printed || !code || printed.printedCode === code) continue
        reports.push({
          objectiveId: objective.id,
          path: `${path}.code`,
          message: `Il codice di ${word} «${printed.printedCode}» è scritto nella forma ufficiale «${code}».`,
          found: printed.printedCode,
          corrected: code,
          location: origin?.location ?? null,
        })
      }
    })
    return reports
  },
})
