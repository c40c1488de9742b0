import type { Indicator } from '../model/record.js'
import { emptyIndicator } from '../model/empty.js'
import { parseValue } from '../values/value.js'
import { foldWhitespace } from '../text/normalize.js'
import type { ReadingContext } from './context.js'
import { matchLabel, type LabelId } from './labels.js'
import { headerOf, spanOf, type Line, type Span } from './lines.js'
import { yearIn } from './kind.js'
import { reportUnmapped } from './unmapped.js'

type Column = { span: Span; field: 'name' | 'description' | 'formula' | 'target' | 'baseline' | null; year: string | null }

const COLUMN_LABELS: LabelId[] = ['indicatorName', 'indicatorDescription', 'indicatorFormula', 'indicatorTarget']

/**
 * Reads the "RISULTATO ATTESO" table: the header line (label "RISULTATO ATTESO" then
 * "indicatore | descrizione | formula | target | 2020 | 2019") and one indicator per
 * line below it. Year columns are baselines.
 */
export function readIndicators(header: Line, body: Line[], path: string, objectiveId: string, context: ReadingContext): Indicator[] {
  const columns: Column[] = []
  for (const cell of header.cells) {
    if (matchLabel(cell.text, ['expectedResult'])) {
      context.use(cell)
      continue
    }
    const label = matchLabel(cell.text, COLUMN_LABELS)
    const year = /^\s*(19|20)\d\d\s*$/.test(cell.text) ? String(yearIn(cell.text)) : null
    const field = year ? 'baseline' : label ? FIELD[label.id as keyof typeof FIELD] ?? null : null
    columns.push({ span: spanOf(cell), field, year })
    if (field) context.use(cell)
    if (year) context.origin(`${path}.baselineYears.${year}`, cell)
  }
  const years = columns.filter((column) => column.year).map((column) => column.year as string)
  const indicators: Indicator[] = []
  for (const line of body) {
    const at = `${path}.indicators[${indicators.length}]`
    const indicator: Indicator = emptyIndicator()
    for (const year of years) indicator.baselines[year] = null
    const unmapped = []
    for (const cell of line.cells) {
      if (matchLabel(cell.text, ['expectedResult'])) {
        context.use(cell) // the section label, merged over the rows and printed beside one of them
        continue
      }
      const column = headerOf(cell, columns)
      const text = foldWhitespace(cell.text)
      switch (column?.field) {
        case 'name':
        case 'description':
        case 'formula':
          indicator[column.field] = join(indicator[column.field], text)
          context.origin(`${at}.${column.field}`, cell)
          break
        case 'target':
          indicator.target = parseValue(cell.text)
          context.origin(`${at}.target`, cell)
          break
        case 'baseline':
          indicator.baselines[column.year as string] = parseValue(cell.text)
          context.origin(`${at}.baselines.${column.year}`, cell)
          break
        default:
          unmapped.push(cell)
          continue
      }
      context.use(cell)
    }
    reportUnmapped(unmapped, objectiveId, context)
    if (unmapped.length < line.cells.length) indicators.push(indicator)
  }
  return indicators
}

const FIELD = {
  indicatorName: 'name',
  indicatorDescription: 'description',
  indicatorFormula: 'formula',
  indicatorTarget: 'target',
} as const

function join(current: string | null, text: string): string {
  return current ? `${current} ${text}` : text
}
