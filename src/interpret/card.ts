import type { Objective } from '../model/record.js'
import type { Cell } from '../model/document.js'
import type { ReadingContext } from './context.js'
import { matchLabel, type LabelId } from './labels.js'
import type { Line } from './lines.js'
import { readKeyValues } from './key-values.js'
import { kindOf, yearIn } from './kind.js'
import { readMissione, readProgramma } from './missione.js'
import { listOf } from './summary.js'
import { readIndicators } from './indicators.js'
import { joinCutLabels } from './cut-labels.js'
import { readWeighting } from './weighting.js'
import { readResources } from './resources.js'
import { isAreasHeader, readAreas } from './areas.js'
import { reportUnkeptValue, reportUnmapped } from './unmapped.js'
import { foldWhitespace } from '../text/normalize.js'
import { emptyObjective } from '../model/empty.js'

const HEADER_LABELS: LabelId[] = [
  'cardHeader', 'cardKind', 'cardNumber', 'comune', 'cdr', 'primaryResponsible', 'involvedCdr',
  'strategicAddress', 'missione', 'programma', 'managementGoal', 'title',
]

/** True when a line opens a card: "OBIETTIVO DELL'ORGANO POLITICO - AMMINISTRATIVO 2023", or "PERFORMANCE ... N. x" without it. */
export function isCardStart(line: Line, previous: Line | undefined): boolean {
  const first = line.cells[0]
  if (first && matchLabel(first.text, ['cardHeader'])) return true
  const ids = new Set(line.cells.map((cell) => matchLabel(cell.text, ['cardKind', 'cardNumber'])?.id))
  const afterHeader = previous?.cells[0] !== undefined && matchLabel(previous.cells[0].text, ['cardHeader']) !== null
  return ids.has('cardKind') && ids.has('cardNumber') && !afterHeader
}

type Section = 'header' | 'indicators' | 'weighting' | 'resources' | 'areas'

/** The section a line opens, by the label in its first cell or its column headers; null when it continues the current one. */
function sectionOf(line: Line): Section | null {
  const first = line.cells[0]
  if (!first) return null
  const label = matchLabel(first.text, ['expectedResult', 'weighting', 'programmeResources', 'filledBy', 'planning'])
  if (label?.id === 'expectedResult') return 'indicators'
  if (label?.id === 'weighting') return 'weighting'
  if (label?.id === 'programmeResources') return 'resources'
  if (label?.id === 'filledBy' || label?.id === 'planning') return 'areas'
  if (isAreasHeader(line)) return 'areas'
  // A section label merged over several rows may stand level with a later row than the
  // section's header (a PDF centres it): the header itself opens the section then.
  const ids = new Set(line.cells.map((cell) => matchLabel(cell.text, ['indicatorName', 'indicatorDescription', 'indicatorFormula', 'indicatorTarget', 'variables', 'relevance'])?.id))
  if (ids.has('indicatorName') && (ids.has('indicatorDescription') || ids.has('indicatorFormula') || ids.has('indicatorTarget'))) return 'indicators'
  if (ids.has('variables') && ids.has('relevance')) return 'weighting'
  return null
}

/** What a card gives besides the Objective: the comune it names, for the plan. */
export interface CardReading {
  objective: Objective
  comune: { text: string; line: Line } | null
}

/**
 * Reads one "scheda obiettivo" from its lines (a card continued in a later table is
 * already joined: the lines run on until the next card). `index` is the card's position;
 * its fields' paths start at `root`.
 */
export function readCard(lines: Line[], index: number, context: ReadingContext, root = `objectives[${index}]`): CardReading {
  const path = root
  const sections: Record<Section, Line[]> = { header: [], indicators: [], weighting: [], resources: [], areas: [] }
  let section: Section = 'header'
  for (const line of lines) {
    section = sectionOf(line) ?? section
    sections[section].push(line)
  }

  const objective: Objective = emptyObjective(String(index + 1))
  let comune: CardReading['comune'] = null
  let cdrValue: string | null = null
  const pending: Cell[] = []
  for (const line of joinCutLabels(sections.header, HEADER_LABELS, context)) {
    const { pairs, leading } = readKeyValues(line, HEADER_LABELS, context)
    pending.push(...leading)
    for (const pair of pairs) {
      const cell = pair.cells[0] ?? pair.label
      switch (pair.id) {
        case 'cardHeader':
          objective.headerYear = yearIn(pair.rest)
          context.origin(`${path}.headerYear`, pair.label, pair.rest)
          break
        case 'cardKind':
          objective.kind = kindOf(pair.label.text)
          break
        case 'cardNumber':
          if (pair.text) objective.id = pair.text
          context.origin(`${path}.id`, cell)
          break
        case 'comune':
          if (pair.text) comune = { text: pair.text, line }
          context.origin(`${path}.comune`, cell, pair.text)
          break
        case 'cdr':
          cdrValue = pair.text || null
          context.origin(`${path}.cdr`, cell)
          break
        case 'primaryResponsible':
          objective.cdr.primary = pair.text || null
          context.origin(`${path}.cdr.primary`, cell)
          break
        case 'involvedCdr':
          objective.cdr.involved = listOf(pair.cells.map((c) => c.text).join('\n'))
          context.origin(`${path}.cdr.involved`, cell)
          break
        case 'missione':
          objective.missione = pair.text ? toClassified(readMissione(pair.text)) : null
          context.origin(`${path}.missione`, cell, pair.text)
          break
        case 'programma':
          objective.programma = pair.text ? toClassified(readProgramma(pair.text, objective.missione?.code ?? null)) : null
          context.origin(`${path}.programma`, cell, pair.text)
          break
        case 'title':
          objective.title = pair.text
          context.origin(`${path}.title`, cell)
          break
        case 'strategicAddress':
        case 'managementGoal':
          // Not part of the record: a printed value is reported rather than dropped.
          reportUnkeptValue(pair.cells, objective.id, context)
          break
      }
    }
  }
  // "CDR" names the kind in some templates ("Obiettivo P. Organizzativa"), a unit in others.
  if (cdrValue) {
    const kind = kindOf(cdrValue)
    if (kind) objective.kind ??= kind
    else if (objective.cdr.primary === null) objective.cdr.primary = cdrValue
    else if (cdrValue !== objective.cdr.primary && !objective.cdr.involved.includes(cdrValue)) objective.cdr.involved.unshift(cdrValue)
  }
  reportUnmapped(pending, objective.id, context)

  const [indicatorHeader, ...indicatorLines] = sections.indicators
  if (indicatorHeader) objective.indicators = readIndicators(indicatorHeader, indicatorLines, path, objective.id, context)
  objective.weighting = readWeighting(sections.weighting, path, objective.id, context)
  objective.resources = readResources(sections.resources, path, objective.id, context)
  objective.areas = readAreas(sections.areas.filter((line) => !isNoise(line, context)), path, objective.id, context)
  objective.title = foldWhitespace(objective.title)
  return { objective, comune }
}

function toClassified(value: { code: string; name: string } | null): { code: string; name: string } | null {
  return value ? { code: value.code, name: value.name } : null
}

/** "COMPILAZIONE SCHEDA A CURA DEL DIRIGENTE..." is an instruction, not data. */
function isNoise(line: Line, context: ReadingContext): boolean {
  const first = line.cells[0]
  if (line.cells.length === 1 && first && matchLabel(first.text, ['filledBy'])) {
    context.use(first)
    return true
  }
  return false
}
