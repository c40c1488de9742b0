import type { Cell } from '../../model/document.js'
import type { Criterion, Rating } from '../../model/record.js'
import { foldWhitespace, labelKey } from '../../text/normalize.js'
import { parseNumber } from '../../values/number.js'
import { matchLabel } from '../labels.js'
import { headerOf, spanOf, type Span } from '../lines.js'
import { markOf } from '../fields.js'
import { DRAFT_ROOT, type Draft } from '../draft.js'
import type { Scope } from '../scope.js'
import { addIndicator, applyField, isIndicatorField, resolveLabel, type FieldRef } from './field-map.js'
import { reportUnkeptValue } from '../unmapped.js'

/**
 * The small tables printed inside a card, each opened by its header row: indicators
 * («Indicatore | Valore atteso / Target»), ratings («Criterio | Alto | Medio | Basso», in any
 * order, or «Valore (1-5)»), and the month grid («N. | Descrizione attività | G F M A M G L A
 * S O N D»). Each reads the rows under its header into the card's draft.
 */
export interface SubTable {
  kind: 'indicators' | 'ratings' | 'activities'
  /** Whether a row whose first cell is this label still belongs to the sub-table. */
  owns(ref: FieldRef | null): boolean
  read(cells: Cell[], draft: Draft, scope: Scope): void
}

const MONTH_LETTERS = /^[gfmalsond]$/i

/** Opens a sub-table when `cells` are its header row; null otherwise. */
export function openSubTable(cells: Cell[], scope: Scope): SubTable | null {
  return activities(cells) ?? ratings(cells) ?? indicators(cells, scope)
}

/** «G F M A M G L A S O N D»: twelve single letters, mapped to months by position, never by letter. */
function activities(cells: Cell[]): SubTable | null {
  const months = cells.filter((cell) => MONTH_LETTERS.test(cell.text.trim()))
  if (months.length !== 12) return null
  const monthSpans = months.map(spanOf)
  const first = monthSpans[0] as Span
  const before = cells.filter((cell) => cell.col + cell.colSpan <= first.start)
  const nameColumn = before.find((cell) => matchLabel(cell.text, ['activity'])) ?? before.at(-1)
  const numberColumn = before.find((cell) => cell !== nameColumn)
  const columns = [
    ...monthSpans.map((span, m) => ({ span, month: m + 1 })),
    ...(nameColumn ? [{ span: spanOf(nameColumn), month: 0 }] : []),
    ...(numberColumn ? [{ span: spanOf(numberColumn), month: -1 }] : []),
  ]
  return {
    kind: 'activities',
    owns: (ref) => ref === null,
    read(row, draft) {
      let name = ''
      const marked: number[] = []
      for (const cell of row) {
        const column = headerOf(cell, columns)
        draft.context.use(cell)
        if (!column || column.month === -1) continue
        if (column.month === 0) name = foldWhitespace(`${name} ${cell.text}`)
        else if (markOf(cell.text)) marked.push(column.month)
      }
      if (name === '' && marked.length === 0) return
      draft.objective.activities.push({ name, months: [...new Set(marked)].sort((a, b) => a - b) })
      draft.context.origin(`${DRAFT_ROOT}.activities[${draft.objective.activities.length - 1}]`, row[0], name)
    },
  }
}

const RATING_COLUMNS = { ratingHigh: 'alto', ratingMedium: 'medio', ratingLow: 'basso' } as const
const CRITERIA = ['importanza', 'impattoEsterno', 'complessita', 'realizzabilita'] as const

/**
 * «Criterio | Basso | Medio | Alto» in any order, each criterion's row marked (x, ✓, ☒, «si»)
 * under one of them; or «Parametro | Valore (1-5)» with a number per criterion (1-2 basso,
 * 3 medio, 4-5 alto). A row with no mark or two leaves the rating null (RATING_AMBIGUOUS).
 */
function ratings(cells: Cell[]): SubTable | null {
  const levels = cells.flatMap((cell) => {
    const label = matchLabel(cell.text, ['ratingHigh', 'ratingMedium', 'ratingLow', 'ratingValue'])
    if (!label) return []
    const rating = label.id === 'ratingValue' ? null : RATING_COLUMNS[label.id as keyof typeof RATING_COLUMNS]
    return [{ span: spanOf(cell), rating }]
  })
  const marks = levels.filter((level) => level.rating !== null)
  const numeric = levels.length === 1 && levels[0]?.rating === null && cells.some((cell) => matchLabel(cell.text, ['variables']))
  if (marks.length < 2 && !numeric) return null
  return {
    kind: 'ratings',
    owns: (ref) => ref === null || ref.id === 'score',
    read(row, draft, scope) {
      const head = row[0]
      if (!head) return
      const criterion = matchLabel(head.text, [...CRITERIA]) ?.id as Criterion | undefined
      if (!criterion) {
        const ref = resolveLabel(head.text, scope)
        if (ref?.id === 'score') {
          draft.context.use(head)
          const value = row.slice(1).map((cell) => cell.text).join(' ')
          applyField(draft, ref, value, row.slice(1), scope)
          row.slice(1).forEach((cell) => draft.context.use(cell))
        }
        return
      }
      draft.context.use(head)
      const path = `${DRAFT_ROOT}.weighting.${criterion}`
      const chosen: Rating[] = []
      for (const cell of row.slice(1)) {
        draft.context.use(cell)
        const level = headerOf(cell, levels)
        if (!level) continue
        if (level.rating === null) {
          const n = parseNumber(cell.text)
          if (n !== null) chosen.push(n >= 4 ? 'alto' : n >= 3 ? 'medio' : 'basso')
        } else if (markOf(cell.text)) chosen.push(level.rating)
      }
      draft.objective.weighting[criterion] = chosen.length === 1 ? (chosen[0] as Rating) : null
      draft.context.origin(path, chosen.length === 1 ? row.find((cell) => markOf(cell.text) || parseNumber(cell.text) !== null) ?? head : head, chosen.join(' '))
    },
  }
}

/**
 * «Indicatore | Formula | Target | Target 2025 …»: a header of indicator fields (two or more,
 * or one beside year columns). Each row under it is one indicator.
 */
function indicators(cells: Cell[], scope: Scope): SubTable | null {
  const columns = cells.map((cell) => ({ span: spanOf(cell), ref: resolveLabel(cell.text, scope), cell }))
  const fields = columns.filter((column) => column.ref && isIndicatorField(column.ref.id))
  if (fields.length < 2 || !fields.some((column) => column.ref?.id === 'indicatorName' || column.ref?.id === 'indicatorTarget' || column.ref?.id === 'indicatorTargetYear')) return null
  // A header of objective fields as well is a list, not a card's indicator table.
  if (columns.some((column) => column.ref && ['objectiveTitle', 'objectiveNumber', 'unitName'].includes(column.ref.id))) return null
  const own = new Set(fields.map((column) => column.ref?.id))
  const spans = new Map<(typeof columns)[number], Cell>()
  return {
    kind: 'indicators',
    owns: (ref) => ref === null || (own.has(ref.id) && ref.id !== 'indicatorName'),
    read(row, draft) {
      const slot = addIndicator(draft)
      let filled = false
      // A cell merged down over several indicators («Efficacia quantitativa» beside two) is each one's.
      const at = (row[0] as Cell).row
      for (const [column, merged] of spans) {
        if (merged.row + merged.rowSpan <= at) spans.delete(column)
        else if (merged.row < at && column.ref && !row.some((cell) => headerOf(cell, columns) === column)) applyField(draft, column.ref, merged.text, [merged], scope, () => slot)
      }
      for (const cell of row) if (cell.rowSpan > 1) {
        const column = headerOf(cell, columns)
        if (column) spans.set(column, cell)
      }
      for (const cell of row) {
        draft.context.use(cell)
        const column = headerOf(cell, columns)
        if (!column?.ref || !isIndicatorField(column.ref.id)) {
          if (column?.ref) applyField(draft, column.ref, cell.text, [cell], scope, () => slot)
          else reportUnkeptValue([cell], draft.objective.id, draft.context)
          continue
        }
        applyField(draft, column.ref, cell.text, [cell], scope, () => slot)
        filled = true
      }
      if (!filled) draft.objective.indicators.pop()
    },
  }
}

/** Whether a row is the header of a month grid (used to keep it out of list headers). */
export function isMonthHeader(cells: Cell[]): boolean {
  return cells.filter((cell) => MONTH_LETTERS.test(cell.text.trim())).length === 12
}

/** Whether a text is a rating level («Alto», «Medio», «Basso»). */
export function isRatingWord(text: string): boolean {
  return ['alto', 'alta', 'medio', 'media', 'basso', 'bassa'].includes(labelKey(text))
}
