import type { Cell } from '../model/document.js'
import type { AreaContribution } from '../model/record.js'
import { parseValue } from '../values/value.js'
import { round4 } from '../values/number.js'
import { foldWhitespace } from '../text/normalize.js'
import type { ReadingContext } from './context.js'
import { matchLabel, type LabelId } from './labels.js'
import { cellLines, headerOf, spanOf, type Line, type Span } from './lines.js'
import { reportUnmapped } from './unmapped.js'
import { areaSlug } from './area-slug.js'

const COLUMN_LABELS: LabelId[] = ['area', 'areaPct', 'areaWeight', 'areaExpectedValue', 'areaIndicators', 'areaExpected']
const NOISE: LabelId[] = ['planning', 'contribution', 'measurement']

/** True when a line is the header of the areas table ("Area/Settore | % di contribuzione | ..."). */
export function isAreasHeader(line: Line): boolean {
  const ids = new Set(line.cells.map((cell) => matchLabel(cell.text, COLUMN_LABELS)?.id))
  return ids.has('area') && (ids.has('areaPct') || ids.has('areaWeight'))
}

interface Draft {
  row: AreaContribution
  indicators: { text: string; cell: Cell }[]
  expected: { text: string; cell: Cell }[]
}

/**
 * Reads "PIANIFICAZIONE ESECUTIVA": one area per line under "Area/Settore", with
 * "% di contribuzione", "peso assoluto in capo all'Area", "valore atteso", and the
 * "indicatori di misurazione" / "esito atteso" that may stack in one cell ("95%\n91%\n1")
 * or continue on the lines below (a merged area cell). A repeated header (the table
 * continued after a break) re-reads the columns.
 */
export function readAreas(lines: Line[], path: string, objectiveId: string, context: ReadingContext): AreaContribution[] {
  let columns: { id: LabelId; span: Span }[] = []
  const drafts: Draft[] = []
  for (const line of lines) {
    if (isAreasHeader(line)) {
      columns = []
      for (const cell of line.cells) {
        const label = matchLabel(cell.text, COLUMN_LABELS)
        if (label) columns.push({ id: label.id, span: spanOf(cell) })
        context.use(cell)
      }
      continue
    }
    if (line.cells.every((cell) => matchLabel(cell.text, NOISE))) {
      context.use(...line.cells)
      continue
    }
    const unmapped: Cell[] = []
    let current = drafts.at(-1)
    const areaCell = line.cells.find((cell) => headerOf(cell, columns)?.id === 'area')
    if (areaCell) {
      const label = foldWhitespace(areaCell.text)
      current = {
        row: { area: areaSlug(label), label, contributionPct: null, absoluteWeight: null, declaredAbsoluteWeight: null, expectedValue: null, measures: [] },
        indicators: [],
        expected: [],
      }
      drafts.push(current)
      context.use(areaCell)
      context.origin(`${path}.areas[${drafts.length - 1}].area`, areaCell)
    }
    for (const cell of line.cells) {
      if (cell === areaCell) continue
      const column = headerOf(cell, columns)
      if (!current || !column || column.id === 'area') {
        unmapped.push(cell)
        continue
      }
      const at = `${path}.areas[${drafts.length - 1}]`
      context.use(cell)
      switch (column.id) {
        case 'areaPct':
          current.row.contributionPct = percentPoints(cell.text)
          context.origin(`${at}.contributionPct`, cell)
          break
        case 'areaWeight': {
          const value = parseValue(cell.text)
          current.row.declaredAbsoluteWeight = typeof value?.value === 'number' ? value.value : null
          current.row.absoluteWeight = current.row.declaredAbsoluteWeight
          context.origin(`${at}.declaredAbsoluteWeight`, cell)
          context.origin(`${at}.absoluteWeight`, cell)
          break
        }
        case 'areaExpectedValue':
          current.row.expectedValue = foldWhitespace([current.row.expectedValue ?? '', cell.text].join(' '))
          context.origin(`${at}.expectedValue`, cell)
          break
        case 'areaIndicators':
          current.indicators.push(...cellLines(cell).map((text) => ({ text, cell })))
          break
        case 'areaExpected':
          current.expected.push(...cellLines(cell).map((text) => ({ text, cell })))
          break
      }
    }
    reportUnmapped(unmapped, objectiveId, context)
  }
  return drafts.map((draft, a) => toArea(draft, `${path}.areas[${a}]`, context))
}

function toArea(draft: Draft, at: string, context: ReadingContext): AreaContribution {
  const count = Math.max(draft.indicators.length, draft.expected.length)
  for (let m = 0; m < count; m++) {
    const indicator = draft.indicators[m]
    const expected = draft.expected[m]
    draft.row.measures.push({ indicator: indicator ? foldWhitespace(indicator.text) : null, expected: expected ? parseValue(expected.text) : null })
    context.origin(`${at}.measures[${m}].indicator`, indicator?.cell, indicator?.text)
    context.origin(`${at}.measures[${m}].expected`, expected?.cell, expected?.text)
  }
  return draft.row
}

/** "25%" -> 25; "0,25" (a fraction) -> 25; "25" -> 25. */
function percentPoints(text: string): number | null {
  const value = parseValue(text)
  if (!value || typeof value.value !== 'number') return null
  if (value.kind === 'percent') return round4(value.value * 100)
  return round4(value.value <= 1 ? value.value * 100 : value.value)
}
