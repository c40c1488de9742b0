import type { Objective } from '../model/record.js'
import { parseValue } from '../values/value.js'
import type { ReadingContext } from './context.js'
import type { LabelId } from './labels.js'
import type { Line } from './lines.js'
import { readKeyValues } from './key-values.js'
import { reportUnmapped } from './unmapped.js'

const FIELDS = {
  programmeResources: 'programma',
  objectiveResources: 'obiettivo',
  absorptionIndex: 'absorptionIndex',
} as const satisfies Partial<Record<LabelId, keyof Objective['resources']>>

/**
 * Reads "RISORSE ASSEGNATE AL PROGRAMMA € - | RISORSE OBIETTIVO € - | INDICE DI
 * ASSORBIMENTO #DIV/0!": amounts in euro ("€ -" is the accounting zero) and the index as
 * a fraction ("100%" -> 1). A printed spreadsheet error leaves the field null; the
 * reconciliation recomputes it.
 */
export function readResources(lines: Line[], path: string, objectiveId: string, context: ReadingContext): Objective['resources'] {
  const resources: Objective['resources'] = { programma: null, obiettivo: null, absorptionIndex: null }
  for (const line of lines) {
    const { pairs, leading } = readKeyValues(line, Object.keys(FIELDS) as LabelId[], context)
    for (const pair of pairs) {
      const field = FIELDS[pair.id as keyof typeof FIELDS]
      const value = parseValue(pair.text)
      resources[field] = typeof value?.value === 'number' ? value.value : null
      context.origin(`${path}.resources.${field}`, pair.cells[0] ?? pair.label, pair.text)
    }
    reportUnmapped(leading, objectiveId, context)
  }
  return resources
}
