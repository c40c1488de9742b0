import type { Cell, Table } from '../../model/document.js'
import type { Location } from '../../model/location.js'
import { foldWhitespace, labelKey } from '../../text/normalize.js'
import { parseNumber, round4 } from '../../values/number.js'
import { descriptionAsTitle, newDraft, type Draft } from '../draft.js'
import type { Scope } from '../scope.js'
import { matchLabel } from '../labels.js'
import { headerOf, spanOf, type Span } from '../lines.js'
import { categoryInTitle, isCodeLike, leadingNumber, saysPrerequisite } from '../fields.js'
import { reportUnmapped } from '../unmapped.js'
import { ReadingContext } from '../context.js'
import { addIndicator, applyField, isIndicatorField, resolveLabel, type FieldRef } from './field-map.js'
import { applyScope } from './kv-card.js'
import { isMonthHeader } from './subtables.js'
import { filledRows } from './rows.js'

/** A column of a list: the header's span and what it fills; `weightColumn` for a matrix's area columns. */
interface Column {
  span: Span
  header: string
  ref: FieldRef | null
  /** A matrix column: the weight of one area, settore or dirigente. */
  weightColumn: boolean
}

/** A printed total under a column (rules.md FOOTER_TOTAL_MISMATCH), with what it totals. */
export interface PrintedTotal {
  label: string
  column: string
  printed: number
  location: Location
  /** The drafts and, for a matrix, the area of each that the total runs over. */
  members: { draft: Draft; area: number | null }[]
}

/** What a list table gives: its objectives, the totals printed under it, and findings of its own. */
export interface ListReading {
  layout: 'objective-list' | 'matrix'
  drafts: Draft[]
  totals: PrintedTotal[]
  context: ReadingContext
}

/** The fields that say which objective a row is: a row with none of them goes on the row above. */
const IDENTITY = new Set(['objectiveNumber', 'objectiveTitle', 'objectiveDescription', 'operationalObjective', 'strategicObjective'])
/** Group cells merged down over several objectives: carried to each row they cover. */
const GROUPS = new Set(['unitName', 'unitAndPerson', 'responsiblePerson', 'strategicObjective', 'objectiveCategory'])

/** The header row of a list, if `cells` are one: two or more fields, one of them naming the objective. */
export function listHeader(cells: Cell[], scope: Scope): Column[] | null {
  if (cells.length < 2 || isMonthHeader(cells)) return null
  const columns = cells.map((cell) => ({ span: spanOf(cell), header: foldWhitespace(cell.text), ref: resolveLabel(cell.text, scope), weightColumn: false }))
  const known = columns.filter((column) => column.ref && column.ref.id !== 'unkept')
  const names = columns.some((column) => column.ref && ['objectiveTitle', 'objectiveDescription', 'strategicObjective', 'operationalObjective'].includes(column.ref.id))
  if (!names || known.length < 2) return null
  // «Codice | Descrizione» alone heads any register (a budget's chapters, an inventory): a list
  // of objectives says «obiettivo» in a header, or has a column beyond the number and the text.
  const generic = new Set(['objectiveNumber', 'objectiveDescription', 'summaryCode', 'summaryDescription'])
  if (!columns.some((column) => /obiettiv|obsa|obst|progett/i.test(column.header)) && known.every((column) => generic.has(column.ref?.id ?? ''))) return null
  // A row of a card («Obiettivo n. | 3 | Peso | 30») has values between its labels; a
  // header's other cells are words (a matrix's «Settore Tecnico», «Dirigente B»).
  const values = columns.filter((column) => !column.ref && (isCodeLike(column.header) || parseNumber(column.header) !== null || column.header.length > 60))
  if (values.length > 0) return null
  return columns
}

/**
 * Lists of objectives, a row each, under a header row: one table per Settore (Besnate), a
 * table per programme split into «Obiettivi di mantenimento / di sviluppo» (Castenedolo),
 * a portal table with the CdR as a separator row and more indicators on continuation rows
 * (Giustizia), an «Obiettivi | Peso» block per Servizio (Perosa), a matrix of objectives ×
 * dirigenti with total rows (ATER). Group cells merged down (SETTORE, RESPONSABILE) are
 * carried to every row they cover; a header printed again (a new page) is skipped.
 */
export function readList(table: Table, headerAt: number, scope: Scope, group: string): ListReading {
  const context = new ReadingContext()
  const rows = filledRows(table)
  const drafts: Draft[] = []
  const totals: PrintedTotal[] = []
  // Rows above the header: the plan's title, a unit or programme heading.
  for (const cells of rows.slice(0, headerAt)) readHeading(cells, scope, context)
  const header = rows[headerAt] as Cell[]
  const columns = listHeader(header, scope) as Column[]
  context.use(...header)
  let body = rows.slice(headerAt + 1)
  // A second header row: words under a header cell ("(VALORE OBIETTIVO)"), or labels under blank ones.
  while (body[0] && isHeaderContinuation(body[0], columns)) {
    for (const cell of body[0]) {
      const column = headerOf(cell, columns)
      if (column) {
        column.header = foldWhitespace(`${column.header} ${cell.text}`)
        column.ref = resolveLabel(column.header, scope) ?? column.ref
      }
      context.use(cell)
    }
    body = body.slice(1)
  }
  // «OBIETTIVO STRATEGICO» is the objective itself when no other column names it (Besnate).
  const named = columns.some((column) => column.ref && ['objectiveTitle', 'objectiveDescription'].includes(column.ref.id))
  for (const column of columns) if (!named && column.ref?.id === 'strategicObjective' && !codeColumn(column, body, columns)) column.ref = { ...column.ref, id: 'objectiveTitle' }
  // «N.» and «Codice obiettivo» both: the first numbers the rows, the other is the objective's code.
  const numbers = columns.filter((column) => column.ref?.id === 'objectiveNumber')
  for (const column of numbers.slice(1)) column.ref = { ...(column.ref as FieldRef), id: 'operationalObjective' }
  // «Tipologia» over «Indicatore di risultato», «… di efficacia»: the indicator's type, not the objective's.
  for (const column of columns) {
    if (column.ref?.id !== 'objectiveCategory') continue
    const values = body.flatMap((cells) => cells.filter((cell) => headerOf(cell, columns) === column))
    if (values.length > 0 && values.filter((cell) => /^indicatore\b|^efficacia\b|^efficienza\b|^qualit/i.test(cell.text.trim())).length * 2 > values.length) column.ref = { ...column.ref, id: 'indicatorType' }
  }
  markWeightColumns(columns, body, scope)
  const matrix = columns.some((column) => column.weightColumn)
  const headerKey = header.map((cell) => labelKey(cell.text)).join('|')
  const carried = new Map<Column, { text: string; cells: Cell[]; ref: FieldRef }>()
  let last: Draft | null = null
  let ended = false
  let afterHeader = false
  let blockResponsible: { value: string; cells: Cell[] } | null = null

  for (const cells of body) {
    if (cells.map((cell) => labelKey(cell.text)).join('|') === headerKey) {
      context.use(...cells) // the header again, on a new page or table
      afterHeader = true
      continue
    }
    if (afterHeader && isHeaderContinuation(cells, columns)) {
      context.use(...cells)
      continue
    }
    afterHeader = false
    const first = cells[0] as Cell
    const footer = matchLabel(first.text, ['footerTotal', 'footerOther'])
    if (footer) {
      context.use(...cells)
      if (footer.id === 'footerTotal') totals.push(...totalsOf(first, cells.slice(1), columns, drafts, matrix))
      ended = true
      continue
    }
    // Under the totals the list is over: a note there is no objective.
    if (ended) {
      reportUnmapped(cells, null, context)
      continue
    }
    // A separator row: one text across the table (a unit, a grouping, a programme).
    if (cells.length === 1 && (first.colSpan >= Math.max(2, columns.length / 2) || !identityOf(cells, columns).length)) {
      const what = scope.read(first.text)
      if (what) {
        context.use(first)
        carried.clear()
        continue
      }
      if (first.colSpan >= Math.max(2, columns.length / 2)) {
        const words = first.text.split(/\s+/).length
        context.use(first)
        // A few words across the table name a unit («AFFARI GENERALI»); a sentence is a note.
        if (words <= 8 && !/[.;]$/.test(first.text.trim())) {
          scope.unit = foldWhitespace(first.text)
          scope.category = null
          carried.clear()
        } else reportUnmapped([first], null, context)
        continue
      }
    }
    // A key/value row under the list («Responsabile del servizio | …», «Risorse umane | …»).
    const key = resolveLabel(first.text, scope)
    if (key && !columns.some((column) => column.span.start === first.col && column.ref?.id === key.id) && cells.length <= 3 && !identityOf(cells, columns).length) {
      context.use(first)
      const value = cells.slice(1)
      context.use(...value)
      if (key.id === 'responsiblePerson') blockResponsible = { value: value.map((cell) => cell.text).join(' '), cells: value }
      else if (key.id === 'unitName') scope.unit = foldWhitespace(value.map((cell) => cell.text).join(' '))
      else reportUnmapped(value, null, context)
      continue
    }
    const identity = identityOf(cells, columns)
    if (identity.length === 0 && last) {
      readContinuation(cells, columns, last, scope)
      continue
    }
    const draft = newDraft(matrix ? 'matrix' : 'objective-list', String(drafts.length + 1), false)
    applyScope(draft, scope)
    for (const column of columns) if (column.ref && column.ref.id !== 'unkept' && !column.weightColumn) {
      if (['objectiveTitle', 'objectiveDescription', 'strategicObjective', 'operationalObjective', 'objectiveNumber'].includes(column.ref.id)) draft.provides.add('title')
      if (isIndicatorField(column.ref.id)) draft.provides.add('indicator')
      if (column.ref.id.startsWith('weight')) draft.provides.add('weight')
    }
    let slot: ReturnType<typeof addIndicator> | null = null
    const indicator = () => (slot ??= addIndicator(draft))
    const seen = new Set<Column>()
    for (const cell of cells) {
      const column = headerOf(cell, columns)
      draft.context.use(cell)
      if (!column?.ref && !column?.weightColumn) {
        reportUnmapped([cell], null, context)
        continue
      }
      seen.add(column)
      if (column.weightColumn) {
        addAreaWeight(draft, column, cell)
        continue
      }
      const ref = column.ref as FieldRef
      applyField(draft, ref, cell.text, [cell], scope, indicator)
      // A group cell goes on over the rows it is merged over, and over blank cells below it
      // (a merged cell cut by a page break prints only on its first page), until the next.
      if (GROUPS.has(ref.id)) carried.set(column, { text: cell.text, cells: [cell], ref })
    }
    // Group cells merged over this row from above.
    for (const [column, group] of carried) if (!seen.has(column)) applyField(draft, group.ref, group.text, group.cells, scope, indicator)
    if (blockResponsible) applyField(draft, { id: 'responsiblePerson', year: null, yearRole: null, rest: '' }, blockResponsible.value, blockResponsible.cells, scope)
    finishRow(draft, columns)
    // Weights sum to 100 over the table, or over each unit its headings or separator rows name.
    draft.weightGroup = `${group}|${scope.unit ?? ''}`
    drafts.push(draft)
    last = draft
  }
  // «Responsabile del servizio» printed under the list is every objective's of the block.
  if (blockResponsible) for (const draft of drafts) if (!draft.objective.responsible) applyField(draft, { id: 'responsiblePerson', year: null, yearRole: null, rest: '' }, blockResponsible.value, blockResponsible.cells, scope)
  if (matrix) for (const draft of drafts) setMatrixCdr(draft)
  asCoefficients(drafts)
  return { layout: matrix ? 'matrix' : 'objective-list', drafts, totals, context }
}

/**
 * A table of label|value rows right under a list, naming no objective («Responsabile del
 * servizio | …», «Risorse umane | …»): what it says of the block goes to each of the list's
 * objectives; what has no field is reported.
 */
export function readListTrailer(table: Table, drafts: Draft[], scope: Scope, context: ReadingContext): boolean {
  const rows = filledRows(table)
  const keys = rows.map((cells) => resolveLabel((cells[0] as Cell).text, scope))
  if (drafts.length === 0 || keys.some((key) => key === null || IDENTITY.has(key.id) || key.id === 'objectiveNumber')) return false
  rows.forEach((cells, r) => {
    const key = keys[r] as FieldRef
    const value = cells.slice(1)
    context.use(...cells)
    const text = value.map((cell) => cell.text).join(' ')
    if (key.id === 'responsiblePerson' || key.id === 'unitName' || key.id === 'unitAndPerson') for (const draft of drafts) applyField(draft, key, text, value, scope)
    else reportUnmapped(value, null, context)
  })
  return true
}

/** «Peso» printed as 1,0 / 1,2 / 1,5 in every row: coefficients (Besnate's «Pesatura»), not points. */
function asCoefficients(drafts: Draft[]): void {
  const weights = drafts.flatMap((draft) => (draft.objective.weight && draft.objective.weight.value !== null ? [draft.objective.weight] : []))
  if (weights.length < 2 || !weights.every((weight) => weight.scale === 'points' && /^\d[.,]\d{1,2}$/.test(weight.raw) && (weight.value as number) <= 3)) return
  for (const weight of weights) weight.scale = 'coefficient'
}

function readHeading(cells: Cell[], scope: Scope, context: ReadingContext): void {
  const text = foldWhitespace(cells.map((cell) => cell.text).join(' '))
  if (scope.read(text)) context.use(...cells)
  else if (cells.length === 1) {
    // A line of prose above the list (an introduction): not part of any objective.
    context.use(...cells)
  }
}

/** Words under header cells, with no value among them: a header's second line. */
function isHeaderContinuation(cells: Cell[], columns: Column[]): boolean {
  if (cells.length >= columns.length) return false
  return cells.every((cell) => /^\(.*\)$/.test(cell.text.trim()) || (resolveLabel(cell.text, { plan: { year: null } } as Scope) !== null && cell.text.length < 40))
}

/**
 * Columns headed by no field whose cells are numbers (or blank) are the weight columns of a
 * matrix: one per area, settore or dirigente (ATER). A header naming a unit ("Settore
 * Tecnico") over numbers is one too.
 */
function markWeightColumns(columns: Column[], body: Cell[][], scope: Scope): void {
  const numericCells = (column: Column) => {
    const values = body.filter((cells) => !matchLabel((cells[0] as Cell).text, ['footerTotal', 'footerOther'])).flatMap((cells) => cells.filter((cell) => headerOf(cell, columns) === column))
    return values.length > 0 && values.every((cell) => parseNumber(cell.text) !== null || /^[-–]$/.test(cell.text.trim()))
  }
  const candidates = columns.filter((column) => (column.ref === null || (column.ref.id === 'unitName' && column.ref.rest === '' && labelKey(column.header).includes(' '))) && numericCells(column))
  if (candidates.length >= 2) for (const column of candidates) column.weightColumn = true
  void scope
}

/** A column whose cells are codes ("0101"): a reference, not a title. */
function codeColumn(column: Column, body: Cell[][], columns: Column[]): boolean {
  const values = body.flatMap((cells) => cells.filter((cell) => headerOf(cell, columns) === column))
  return values.length > 0 && values.every((cell) => isCodeLike(cell.text))
}

function identityOf(cells: Cell[], columns: Column[]): Cell[] {
  return cells.filter((cell) => {
    const ref = headerOf(cell, columns)?.ref
    return ref !== null && ref !== undefined && IDENTITY.has(ref.id) && cell.rowSpan === 1
  })
}

/** A row with no objective of its own: more indicators (or text) of the objective above. */
function readContinuation(cells: Cell[], columns: Column[], draft: Draft, scope: Scope): void {
  const fields = cells.map((cell) => ({ cell, column: headerOf(cell, columns) }))
  const adds = fields.some(({ column }) => column?.ref && isIndicatorField(column.ref.id))
  const slot = adds ? addIndicator(draft) : null
  for (const { cell, column } of fields) {
    draft.context.use(cell)
    if (!column?.ref) {
      reportUnmapped([cell], draft.objective.id, draft.context)
      continue
    }
    if (isIndicatorField(column.ref.id) && slot) applyField(draft, column.ref, cell.text, [cell], scope, () => slot)
    else if (!GROUPS.has(column.ref.id)) reportUnmapped([cell], draft.objective.id, draft.context)
  }
}

/** After a row: a number printed before the title ("n. 0 …", "6 - …"), a category or gate in the title. */
function finishRow(draft: Draft, columns: Column[]): void {
  descriptionAsTitle(draft)
  const o = draft.objective
  const hasNumber = columns.some((column) => column.ref?.id === 'objectiveNumber')
  if (!draft.numbered && !hasNumber) {
    const numbered = leadingNumber(o.title)
    if (numbered) {
      o.id = numbered.id
      o.title = numbered.rest
      draft.numbered = true
    }
  }
  if (saysPrerequisite(o.title)) o.prerequisite = true
  o.category ??= categoryInTitle(o.title)
}

function addAreaWeight(draft: Draft, column: Column, cell: Cell): void {
  const n = parseNumber(cell.text)
  if (n === null || n === 0) return
  const index = draft.objective.areas.length
  draft.objective.areas.push({
    area: labelKey(column.header).replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '') || 'area',
    label: column.header,
    contributionPct: null,
    absoluteWeight: round4(n),
    declaredAbsoluteWeight: round4(n),
    expectedValue: null,
    measures: [],
  })
  draft.context.origin(`@.areas[${index}].declaredAbsoluteWeight`, cell)
  draft.context.origin(`@.areas[${index}].label`, cell, column.header)
}

/** A matrix row's CdR: the one column weighting it, and every column that does. */
function setMatrixCdr(draft: Draft): void {
  const labels = draft.objective.areas.map((area) => area.label)
  draft.objective.cdr = { primary: labels.length === 1 ? (labels[0] as string) : null, involved: labels }
}

/** The totals a «Totale» / «Peso ponderale calcolato» row prints, each with what it sums. */
function totalsOf(label: Cell, cells: Cell[], columns: Column[], drafts: Draft[], matrix: boolean): PrintedTotal[] {
  const totals: PrintedTotal[] = []
  for (const cell of cells) {
    const column = headerOf(cell, columns)
    const printed = parseNumber(cell.text)
    if (!column || printed === null) continue
    if (matrix && column.weightColumn) {
      totals.push({
        label: foldWhitespace(label.text), column: column.header, printed, location: cell.location,
        members: drafts.flatMap((draft) => draft.objective.areas.map((area, a) => ({ area, a })).filter(({ area }) => area.label === column.header).map(({ a }) => ({ draft, area: a }))),
      })
    } else if (column.ref?.id.startsWith('weight')) {
      totals.push({ label: foldWhitespace(label.text), column: column.header, printed, location: cell.location, members: drafts.map((draft) => ({ draft, area: null })) })
    }
  }
  return totals
}
