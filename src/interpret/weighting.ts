import type { Cell } from '../model/document.js'
import type { Criterion, Objective, Rating } from '../model/record.js'
import { parseNumber, round4 } from '../values/number.js'
import type { ReadingContext } from './context.js'
import { matchLabel, type LabelId } from './labels.js'
import { overlap, spanOf, type Line, type Span } from './lines.js'
import { reportUnmapped } from './unmapped.js'

const RATING_LABELS: Record<'ratingHigh' | 'ratingMedium' | 'ratingLow', Rating> = {
  ratingHigh: 'alto',
  ratingMedium: 'medio',
  ratingLow: 'basso',
}
const CRITERION_LABELS = ['importanza', 'impattoEsterno', 'complessita', 'realizzabilita'] as const satisfies readonly (LabelId & Criterion)[]
const NOISE: LabelId[] = ['weighting', 'variables', 'relevance']
/** The marks a clerk puts under Alto/Medio/Basso. */
const MARK = /^[x×✓✔•*]$/i

/**
 * Reads "PESO OBIETTIVO": the Alto/Medio/Basso header, one line per criterion with its
 * mark ("x") under a rating, and "Esito Pesatura" (the declared score), which may share
 * its cell with the label ("Esito Pesatura 14") or stand below it. A criterion whose row
 * carries the Alto/Medio/Basso header itself has no mark: it stays null.
 */
export function readWeighting(lines: Line[], path: string, objectiveId: string, context: ReadingContext): Objective['weighting'] {
  const weighting: Objective['weighting'] = {
    importanza: null,
    impattoEsterno: null,
    complessita: null,
    realizzabilita: null,
    declaredScore: null,
    score: null,
  }
  const ratingColumns: { rating: Rating; span: Span }[] = []
  let scoreLabel: Cell | null = null
  for (const line of lines) {
    const ratingCells: { rating: Rating; cell: Cell }[] = []
    for (const cell of line.cells) {
      const label = matchLabel(cell.text, [...(Object.keys(RATING_LABELS) as LabelId[]), ...NOISE, 'score'])
      if (!label) continue
      context.use(cell)
      if (label.id in RATING_LABELS) ratingCells.push({ rating: RATING_LABELS[label.id as keyof typeof RATING_LABELS], cell })
      if (label.id === 'score') {
        scoreLabel = cell
        const score = parseNumber(label.rest)
        if (score !== null) setScore(weighting, score, cell, label.rest, path, context)
      }
    }
    // Alto / Medio / Basso together in one line are the header of the mark columns.
    if (new Set(ratingCells.map((r) => r.rating)).size >= 2) ratingColumns.push(...ratingCells.map((r) => ({ rating: r.rating, span: spanOf(r.cell) })))
  }
  for (const line of lines) {
    const criterionCell = line.cells.find((cell) => matchLabel(cell.text, CRITERION_LABELS))
    if (!criterionCell) continue
    const criterion = matchLabel(criterionCell.text, CRITERION_LABELS)?.id as Criterion
    context.use(criterionCell)
    const marks = line.cells.filter((cell) => MARK.test(cell.text.trim()))
    const words = line.cells.flatMap((cell) => {
      const label = matchLabel(cell.text, Object.keys(RATING_LABELS) as LabelId[])
      return label ? [RATING_LABELS[label.id as keyof typeof RATING_LABELS]] : []
    })
    const ratings = new Set<Rating>()
    for (const mark of marks) {
      const column = ratingColumns.find((c) => overlap(spanOf(mark), c.span) > 0)
      if (column) ratings.add(column.rating)
      context.use(mark)
    }
    // A rating written as a word beside its criterion ("Importanza | Alto"); the three
    // words together are the header sharing the criterion's row, which leaves it unmarked.
    if (marks.length === 0 && words.length === 1) ratings.add(words[0] as Rating)
    const only = ratings.size === 1 ? [...ratings][0] : undefined
    weighting[criterion] = only ?? null
    // The origin keeps the marks as printed: "" (none), "x", "x x" (two marks).
    const printed = marks.length > 0 || words.length !== 1 ? marks.map((mark) => mark.text.trim()).join(' ') : (words[0] as string)
    context.origin(`${path}.weighting.${criterion}`, criterionCell, printed)
  }
  if (scoreLabel && weighting.declaredScore === null) {
    // The score printed beside its label, in the next cell of its line; else under it, in a
    // later line of the block; when the block was cut by a page break (a new table, other
    // columns), the first number after the label.
    const label = scoreLabel as Cell
    const cells = lines.flatMap((line) => line.cells)
    const beside = cells.find((cell) => cell.location.table === label.location.table && cell.row === label.row && cell.col === label.col + label.colSpan)
    const after = cells.filter((cell) => isAfter(cell, label) && parseNumber(cell.text) !== null)
    const below = after.find((cell) => cell.location.table === label.location.table && overlap(spanOf(cell), spanOf(label)) > 0) ?? after.find((cell) => cell.location.table !== label.location.table)
    const score = beside && parseNumber(beside.text) !== null ? beside : below
    if (score) setScore(weighting, parseNumber(score.text) as number, score, score.text, path, context)
  }
  reportUnmapped(lines.flatMap((line) => line.cells), objectiveId, context)
  return weighting
}

/** True when a cell comes after another in reading order (a later table, or a later row). */
function isAfter(cell: Cell, other: Cell): boolean {
  const [a, b] = [cell.location.table ?? 0, other.location.table ?? 0]
  return a > b || (a === b && cell.row > other.row)
}

function setScore(weighting: Objective['weighting'], score: number, cell: Cell, raw: string, path: string, context: ReadingContext): void {
  weighting.declaredScore = round4(score)
  weighting.score = round4(score)
  context.use(cell)
  context.origin(`${path}.weighting.declaredScore`, cell, raw)
  context.origin(`${path}.weighting.score`, cell, raw)
}
