import { isSpreadsheetError } from '../values/value.js'
import { round4 } from '../values/number.js'
import { defineRule, type RuleReport } from './define.js'
import { objectiveIdOf } from './objective-of.js'

/**
 * A printed Excel error (#DIV/0!, #REF!, #VALUE!, #N/A, #NAME?). Where the formula is known
 * it is recomputed: «INDICE DI ASSORBIMENTO» = RISORSE OBIETTIVO / RISORSE ASSEGNATE AL
 * PROGRAMMA, null when the programme has no resources. Other fields stay null.
 */
export default defineRule({
  code: 'SPREADSHEET_ERROR',
  severity: 'warning',
  check(record, context) {
    const reports: RuleReport[] = []
    for (const [path, origin] of context.origins) {
      if (!isSpreadsheetError(origin.raw)) continue
      const absorption = /^objectives\[(\d+)\]\.resources\.absorptionIndex$/.exec(path)
      let corrected: number | null = null
      if (absorption) {
        const { programma, obiettivo } = record.objectives[Number(absorption[1])]?.resources ?? { programma: null, obiettivo: null }
        corrected = programma && obiettivo !== null ? round4(obiettivo / programma) : null
      }
      reports.push({
        objectiveId: objectiveIdOf(record, path),
        path,
        message: absorption
          ? corrected === null
            ? `L'indice di assorbimento stampa ${origin.raw}: senza risorse assegnate al programma non si calcola.`
            : `L'indice di assorbimento stampa ${origin.raw}: ricalcolato come risorse obiettivo / risorse programma.`
          : `La cella stampa l'errore di foglio di calcolo ${origin.raw}: il valore manca.`,
        found: origin.raw,
        corrected,
        fix: { value: corrected },
      })
    }
    return reports
  },
})
