import type { Cell, Table } from '../model/document.js'
import { matchLabel, type LabelId } from './labels.js'
import { LABELS } from './vocabulary.js'
import { isSummaryHeader } from './summary.js'
import { isCardStart } from './card.js'
import type { Line } from './lines.js'
import type { Scope } from './scope.js'
import { filledRows } from './layouts/rows.js'
import { listHeader } from './layouts/objective-list.js'
import { resolveLabel } from './layouts/field-map.js'
import { openSubTable } from './layouts/subtables.js'

/**
 * What a table is, with the evidence for it:
 * - `seed`: the seed's template family (its summary, its cards, a card's continuation);
 * - `list`: objectives a row each under a header row (lists, weight lists, matrices);
 * - `kv-card`: a card of label|value pairs, or a card's sub-table going on from the table before;
 * - `headings`: only the plan's title, unit or grouping lines (a title table of a workbook);
 * - `report`: a report sheet of perfplan's own corrected workbook («Aree», «Rilievi»);
 * - `unread`: its labels say it belongs to the plan, but no layout reads it (TABLE_UNREAD);
 * - `other`: nothing of a plan.
 */
export type TableKind = 'seed' | 'list' | 'kv-card' | 'headings' | 'report' | 'unread' | 'other'

export interface Classification {
  kind: TableKind
  evidence: string[]
  /** For a list: the index (among the table's filled rows) of its header row. */
  headerAt?: number
}

/** Labels only the seed's template prints. */
const SEED_LABELS: LabelId[] = ['cardHeader', 'planning', 'areaPct', 'areaWeight', 'programmeResources', 'objectiveResources', 'absorptionIndex', 'filledBy']
/** Labels that say a table belongs to a plan (objectives, indicators, weights, units). */
const PLAN_LABELS = (Object.keys(LABELS) as LabelId[]).filter((id) => LABELS[id].roles.some((role) => role === 'key' || role === 'column' || role === 'card' || role === 'section'))

/**
 * Classifies one table from its rows, knowing what the table before it was (a table with no
 * labels of its own right after a seed card or a key/value card goes on with it).
 */
export function classifyTable(table: Table, before: TableKind | null, scope: Scope): Classification {
  const rows = filledRows(table)
  if (rows.length === 0) return { kind: 'other', evidence: ['empty'] }
  const first = rows[0] as Cell[]
  if (first.length === 1 && matchLabel((first[0] as Cell).text, ['otherTable'])) return { kind: 'report', evidence: [`titled «${(first[0] as Cell).text}»`] }

  const seed = seedEvidence(table, rows)
  if (seed.length > 0) return { kind: 'seed', evidence: seed }

  const kvRows = rows.filter((cells) => isPairRow(cells, scope)).length
  const headerAt = rows.findIndex((cells) => listHeader(cells, scope) !== null)
  const subTables = rows.filter((cells) => openSubTable(cells, scope) !== null).length
  if (headerAt >= 0) {
    const below = rows.length - headerAt - 1
    const pairsBelow = rows.slice(headerAt + 1).filter((cells) => isPairRow(cells, scope)).length
    // A list has rows of values under its header; a card's pairs may hold a header-like row.
    if (below > 0 && (kvRows - pairsBelow < 2 || pairsBelow < below / 2) && !(kvRows >= 3 && headerAt > 0 && rows.slice(0, headerAt).filter((cells) => isPairRow(cells, scope)).length >= 2)) {
      return { kind: 'list', evidence: [`header row ${headerAt + 1}: ${first.length > 0 ? (rows[headerAt] as Cell[]).map((cell) => cell.text).join(' | ') : ''}`], headerAt }
    }
  }
  if (kvRows >= 2 || (kvRows >= 1 && rows.some((cells) => cardNumberRow(cells, scope)))) return { kind: 'kv-card', evidence: [`${kvRows} label|value rows`] }
  if (subTables > 0 && (before === 'kv-card')) return { kind: 'kv-card', evidence: ['a sub-table of the card before'] }
  if (before === 'seed' && !rows.some((cells) => cells.some((cell) => matchLabel(cell.text, PLAN_LABELS)))) return { kind: 'seed', evidence: ['continues the card before'] }
  if (rows.every((cells) => cells.length === 1) && rows.length <= 6) return { kind: 'headings', evidence: ['title or heading lines only'] }
  if (rows.some((cells) => cardNumberRow(cells, scope))) return { kind: 'kv-card', evidence: ['a card number'] }
  const labelled = rows.flat().filter((cell) => resolveLabel(cell.text, scope) !== null)
  if (labelled.length >= 2) return { kind: 'unread', evidence: labelled.slice(0, 4).map((cell) => `«${cell.text}»`) }
  if (before === 'seed') return { kind: 'seed', evidence: ['continues the card before'] }
  return { kind: 'other', evidence: [] }
}

function seedEvidence(table: Table, rows: Cell[][]): string[] {
  const evidence: string[] = []
  let previous: Line | undefined
  for (const cells of rows) {
    const line: Line = { table: table.index, row: (cells[0] as Cell).row, cells }
    // «Cod. | Descrizione» alone heads many lists; the seed's summary names the CdR involved too.
    if (isSummaryHeader(line) && cells.some((cell) => matchLabel(cell.text, ['summaryCdr']))) evidence.push('summary header «Descrizione | Cod. | CdR Coinvolti»')
    else if (isCardStart(line, previous)) evidence.push('card header')
    for (const cell of cells) {
      const label = matchLabel(cell.text, SEED_LABELS)
      if (label) evidence.push(`«${cell.text}»`)
    }
    previous = line
    if (evidence.length >= 3) break // enough to tell
  }
  return evidence
}

/** A row of label|value pairs: its first cell a key, a value after it (or in the label's cell). */
function isPairRow(cells: Cell[], scope: Scope): boolean {
  const first = cells[0]
  if (!first) return false
  const ref = resolveLabel(first.text, scope)
  if (!ref) return false
  if (ref.rest !== '') return true
  const second = cells[1]
  return second !== undefined && resolveLabel(second.text, scope) === null
}

/** «SCHEDA OBIETTIVO N. 1», «Obiettivo n. 3»: a card's number in a cell of its own. */
function cardNumberRow(cells: Cell[], scope: Scope): boolean {
  return cells.some((cell) => {
    const ref = resolveLabel(cell.text, scope)
    return ref?.id === 'objectiveNumber' && ref.rest !== ''
  })
}
