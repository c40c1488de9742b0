import type { Cell } from '../model/document.js'
import type { AreaContribution } from '../model/record.js'
import { parseValue } from '../values/value.js'
import { AMBIGUOUS_BREAK } from '../model/document.js'
import { round4 } from '../values/number.js'
import { foldWhitespace } from '../text/normalize.js'
import type { ReadingContext } from './context.js'
import { matchLabel, type LabelId } from './labels.js'
import { cellLines, headerOf, overlap, spanOf, type Line, type Span } from './lines.js'
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
      const column = columnOf(cell, columns)
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
          // Expected values never wrap: a line break the PDF left undecided is one.
          current.expected.push(...cellLines(cell).flatMap((text) => text.split(AMBIGUOUS_BREAK)).map((text) => ({ text, cell })))
          break
      }
    }
    reportUnmapped(unmapped, objectiveId, context)
  }
  splitLikeSiblings(drafts)
  return drafts.map((draft, a) => toArea(draft, `${path}.areas[${a}]`, context))
}

/**
 * The column a cell falls under. A figure printed past "indicatori di misurazione", with no
 * header above it, is an "esito atteso" when that header stands further right (a right-aligned
 * value in the first column of a wide, centred "esito atteso").
 */
function columnOf(cell: Cell, columns: { id: LabelId; span: Span }[]): { id: LabelId; span: Span } | null {
  const column = headerOf(cell, columns)
  if (column?.id !== 'areaIndicators' || overlap(spanOf(cell), column.span) > 0) return column
  const figures = cellLines(cell).every((text) => ['percent', 'number'].includes(parseValue(text)?.kind ?? ''))
  const expected = columns.find((c) => c.id === 'areaExpected' && c.span.start >= spanOf(cell).end)
  return figures && expected ? expected : column
}

function toArea(draft: Draft, at: string, context: ReadingContext): AreaContribution {
  joinContinuations(draft)
  splitAmbiguous(draft)
  for (const line of [...draft.indicators, ...draft.expected]) line.text = line.text.replaceAll(AMBIGUOUS_BREAK, ' ')
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

/**
 * The areas of one card usually share their indicators. An area whose indicator cell came
 * from a PDF with undecided line breaks (AMBIGUOUS_BREAK), or that has fewer indicators than
 * another (a line break that looked like a wrap), is cut where the area of the card read
 * with the most indicators (the fewest doubts among equals) says one indicator ends and the
 * next begins, when its words are exactly those.
 */
function splitLikeSiblings(drafts: Draft[]): void {
  const doubts = (draft: Draft) => draft.indicators.filter((line) => line.text.includes(AMBIGUOUS_BREAK)).length
  const certain = drafts
    .filter((draft) => draft.indicators.length > 1)
    .reduce<Draft | null>((best, draft) => {
      if (best === null) return draft
      const [n, m] = [draft.indicators.length, best.indicators.length]
      return n > m || (n === m && doubts(draft) < doubts(best)) ? draft : best
    }, null)
  if (!certain) return
  const reference = certain.indicators.map((line) => foldWhitespace(line.text))
  for (const draft of drafts) {
    const doubtful = doubts(draft) > 0
    if (draft === certain || (!doubtful && draft.indicators.length >= reference.length)) continue
    const pieces = draft.indicators.flatMap((line) => line.text.split(/[\s\u2028]+/).filter((text) => text !== '').map((text) => ({ text, cell: line.cell })))
    const cut: Draft['indicators'] = []
    let k = 0
    for (const name of reference) {
      let text = ''
      while (k < pieces.length && foldWhitespace(text).length < name.length) text = `${text} ${pieces[k++]?.text ?? ''}`
      if (foldWhitespace(text) !== name) break
      cut.push({ text: foldWhitespace(text), cell: (pieces[k - 1] as Draft['indicators'][number]).cell })
    }
    if (cut.length === reference.length && k === pieces.length) draft.indicators = cut
  }
}

/**
 * A PDF cell does not always tell a wrapped line from a new one. When an area has more
 * indicator lines than expected values, a line that starts in lower case continues the one
 * before ("…/n. tot" + "documenti prodotti").
 */
function joinContinuations(draft: Draft): void {
  for (let i = draft.indicators.length - 1; i > 0 && draft.indicators.length > draft.expected.length; i--) {
    const line = draft.indicators[i] as Draft['indicators'][number]
    const before = draft.indicators[i - 1] as Draft['indicators'][number]
    if (line.cell !== before.cell || !/^\p{Ll}/u.test(line.text)) continue
    before.text = `${before.text} ${line.text}`
    draft.indicators.splice(i, 1)
  }
}

/**
 * The other way round: fewer indicator lines than expected values, and a line break in a
 * PDF cell that may have been the writer's (AMBIGUOUS_BREAK): split there.
 */
function splitAmbiguous(draft: Draft): void {
  for (let i = 0; i < draft.indicators.length && draft.indicators.length < draft.expected.length; i++) {
    const line = draft.indicators[i] as Draft['indicators'][number]
    const at = line.text.indexOf(AMBIGUOUS_BREAK)
    if (at < 0) continue
    draft.indicators.splice(i, 1, { text: line.text.slice(0, at), cell: line.cell }, { text: line.text.slice(at + 1), cell: line.cell })
    i--
  }
}

/** "25%" -> 25; "0,25" (a fraction) -> 25; "25" -> 25. */
function percentPoints(text: string): number | null {
  const value = parseValue(text)
  if (!value || typeof value.value !== 'number') return null
  if (value.kind === 'percent') return round4(value.value * 100)
  return round4(value.value <= 1 ? value.value * 100 : value.value)
}
