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
      const missionPath = `objectives[${i}].missione`
      const programmePath = `objectives[${i}].programma`
      const printedMission = context.origins.get(missionPath)?.raw
      const printedProgramme = context.origins.get(programmePath)?.raw
      const mission = printedMission ? readMissione(printedMission) : null
      const programme = printedProgramme ? readProgramma(printedProgramme, objective.missione?.code ?? null) : null
      if (mission && objective.missione && mission.printedCode !== objective.missione.code) {
        reports.push({
          objectiveId: objective.id,
          path: `${missionPath}.code`,
          message: `Il codice di missione «${mission.printedCode}» è scritto nella forma ufficiale «${objective.missione.code}».`,
          found: mission.printedCode,
          corrected: objective.missione.code,
          location: context.origins.get(missionPath)?.location ?? null,
        })
      }
      if (programme && objective.programma && programme.printedCode !== objective.programma.code) {
        reports.push({
          objectiveId: objective.id,
          path: `${programmePath}.code`,
          message: `Il codice di programma «${programme.printedCode}» è scritto nella forma ufficiale «${objective.programma.code}».`,
          found: programme.printedCode,
          corrected: objective.programma.code,
          location: context.origins.get(programmePath)?.location ?? null,
        })
      }
    })
    return reports
  },
})
