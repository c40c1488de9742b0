import type ExcelJS from 'exceljs'
import type { Objective, PlanRecord } from '../../model/record.js'
import { CRITERIA } from '../../model/record.js'
import { CellIndex, label, number, text, typed } from './cells.js'
import { indicatorColumns, printedFields, weightLabel, type IndicatorColumn, type ObjectiveField } from './objective-fields.js'
import { printSetup } from './print.js'

const RATINGS = [['alto', 'Alto'], ['medio', 'Medio'], ['basso', 'Basso']] as const
const CRITERION_LABEL = { importanza: 'Importanza', impattoEsterno: 'Impatto esterno', complessita: 'Complessità', realizzabilita: 'Realizzabilità' } as const
const MONTHS = ['G', 'F', 'M', 'A', 'M', 'G', 'L', 'A', 'S', 'O', 'N', 'D']
const UNIT_LABEL = 'Unità organizzativa'

/** The plan's title as a sheet's title block prints it, if the record has one. */
function planTitle(record: PlanRecord): string | null {
  return record.plan.title ?? (record.plan.year ? `Piano della performance ${record.plan.year}` : null)
}

/** The row of the list's column headers: under the title block and a blank row. */
export function listHeaderRow(record: PlanRecord): number {
  return 2 + (record.plan.comune ? 1 : 0) + (planTitle(record) ? 1 : 0)
}

/** The plan's title block on top of a sheet: «Comune di …» and the plan's title. Returns the next row. */
function writeTitle(sheet: ExcelJS.Worksheet, record: PlanRecord, width: number, cells: CellIndex): number {
  let r = 1
  if (record.plan.comune) {
    cells.set('plan.comune', label(sheet.getCell(r, 1), `Comune di ${record.plan.comune}`))
    sheet.mergeCells(r, 1, r, width)
    r++
  }
  const title = planTitle(record)
  if (title) {
    const cell = label(sheet.getCell(r, 1), title)
    cell.font = { bold: true, size: 13 }
    cells.set('plan.title', cell)
    sheet.mergeCells(r, 1, r, width)
    r++
  }
  return r + 1
}

function fieldLabel(field: ObjectiveField, objectives: readonly Objective[]): string {
  return field.path === 'weight' ? weightLabel(objectives) : field.label
}

/**
 * The plan as the list its comune printed: one sheet, a row per objective under a header of
 * the columns the plan has (and one weight column per area of a matrix), its further
 * indicators on the rows below, each unit a group row above its objectives. perfplan reads
 * it back as a list.
 */
export function writeListSheet(sheet: ExcelJS.Worksheet, record: PlanRecord, cells: CellIndex): void {
  const objectives = record.objectives
  const fields = printedFields(objectives)
  const indicators = objectives.some((o) => o.indicators.length > 0) ? indicatorColumns(objectives) : []
  const areas = columnOrder(objectives.map((o) => o.areas.map((area) => area.label)))
  const width = fields.length + indicators.length + areas.length
  fields.forEach((field, c) => (sheet.getColumn(c + 1).width = field.path === 'title' || field.path === 'description' ? 48 : field.path === 'id' ? 11 : 22))
  indicators.forEach((column, c) => (sheet.getColumn(fields.length + c + 1).width = column.path === 'name' ? 40 : 16))
  areas.forEach((_, c) => (sheet.getColumn(fields.length + indicators.length + c + 1).width = 14))
  writeTitle(sheet, record, width, cells)
  const header = listHeaderRow(record)
  let r = header
  ;[...fields.map((field) => fieldLabel(field, objectives)), ...indicators.map((column) => column.label), ...areas].forEach((title, c) => label(sheet.getCell(r, c + 1), title))
  r++
  let unit: string | null = null
  objectives.forEach((objective, i) => {
    const path = `objectives[${i}]`
    if (objective.unit !== null && objective.unit !== unit) {
      const group = label(sheet.getCell(r, 1), `${UNIT_LABEL}: ${objective.unit}`)
      cells.set(`${path}.unit`, group)
      sheet.mergeCells(r, 1, r, width)
      r++
    }
    unit = objective.unit ?? unit
    fields.forEach((field, c) => {
      const cell = text(sheet.getCell(r, c + 1), field.text(objective) ?? (field.group ? '–' : null))
      cells.set(`${path}.${field.path}`, cell)
      if (c === 0) cells.set(path, cell)
    })
    areas.forEach((area, c) => {
      const a = objective.areas.findIndex((x) => x.label === area)
      const cell = number(sheet.getCell(r, fields.length + indicators.length + c + 1), a >= 0 ? (objective.areas[a]?.absoluteWeight ?? null) : 0, '0.00')
      if (a >= 0) cells.set(`${path}.areas[${a}].declaredAbsoluteWeight`, cell)
    })
    const rows = Math.max(1, objective.indicators.length)
    for (let n = 0; n < rows; n++) {
      writeIndicator(sheet, r, fields.length + 1, indicators, objective, n, `${path}.indicators[${n}]`, cells)
      if (n < rows - 1) r++
    }
    r++
  })
  printSetup(sheet, { titleRows: `${header}:${header}` })
}

/** The matrix's columns in the order every objective keeps them (each lists its own areas left to right). */
function columnOrder(lists: string[][]): string[] {
  const order: string[] = []
  for (const list of lists) {
    list.forEach((name, k) => {
      if (order.includes(name)) return
      // Right after the nearest column before it in this list, else before the next one.
      const before = list.slice(0, k).reverse().find((other) => order.includes(other))
      const after = list.slice(k + 1).find((other) => order.includes(other))
      const at = before !== undefined ? order.indexOf(before) + 1 : after !== undefined ? order.indexOf(after) : order.length
      order.splice(at, 0, name)
    })
  }
  return order
}

function writeIndicator(sheet: ExcelJS.Worksheet, r: number, from: number, columns: IndicatorColumn[], objective: Objective, n: number, path: string, cells: CellIndex): void {
  const indicator = objective.indicators[n]
  columns.forEach((column, c) => {
    const value = indicator ? column.value(indicator) : null
    const cell = typeof value === 'string' || value === null ? text(sheet.getCell(r, from + c), value) : typed(sheet.getCell(r, from + c), value)
    // A comparator stays in front of its number: the target is printed as it was.
    if (value && typeof value === 'object' && indicator?.comparator && column.path.startsWith('target')) text(cell, value.raw)
    if (indicator) cells.set(`${path}.${column.path}`, cell)
  })
}

/**
 * One objective's card as label|value rows, for plans printed as cards of pairs: the
 * objective's fields, its unit, then its indicators, ratings and month grid as tables
 * under their header rows. perfplan reads it back as a key/value card.
 */
export function writePairsCardSheet(sheet: ExcelJS.Worksheet, record: PlanRecord, index: number, cells: CellIndex, withTitle: boolean): void {
  const objective = record.objectives[index] as Objective
  const path = `objectives[${index}]`
  const indicators = objective.indicators.length > 0 ? indicatorColumns([objective]) : []
  const width = Math.max(4, indicators.length, objective.activities.length > 0 ? 14 : 0)
  sheet.getColumn(1).width = 28
  for (let c = 2; c <= width; c++) sheet.getColumn(c).width = objective.activities.length > 0 && c > 2 ? 4 : 22
  if (objective.activities.length > 0) sheet.getColumn(2).width = 44
  let r = withTitle ? writeTitle(sheet, record, width, cells) : 1
  const pair = (title: string, value: string | null, at: string) => {
    label(sheet.getCell(r, 1), title)
    cells.set(at, text(sheet.getCell(r, 2), value))
    sheet.mergeCells(r, 2, r, width)
    r++
  }
  for (const field of printedFields([objective])) pair(fieldLabel(field, [objective]), field.text(objective), `${path}.${field.path}`)
  cells.set(path, sheet.getCell(1, 2))
  if (objective.unit) pair(UNIT_LABEL, objective.unit, `${path}.unit`)

  if (indicators.length > 0) {
    r++
    indicators.forEach((column, c) => label(sheet.getCell(r, c + 1), column.label))
    r++
    objective.indicators.forEach((_, n) => {
      writeIndicator(sheet, r, 1, indicators, objective, n, `${path}.indicators[${n}]`, cells)
      r++
    })
  }

  const w = objective.weighting
  if (CRITERIA.some((criterion) => w[criterion] !== null) || w.score !== null) {
    r++
    label(sheet.getCell(r, 1), 'Criterio')
    RATINGS.forEach(([, title], c) => label(sheet.getCell(r, c + 2), title))
    r++
    for (const criterion of CRITERIA) {
      label(sheet.getCell(r, 1), CRITERION_LABEL[criterion])
      RATINGS.forEach(([rating], c) => {
        const cell = text(sheet.getCell(r, c + 2), w[criterion] === rating ? 'X' : null)
        if (w[criterion] === rating || (w[criterion] === null && c === 0)) cells.set(`${path}.weighting.${criterion}`, cell)
      })
      r++
    }
    label(sheet.getCell(r, 1), 'Esito pesatura')
    const score = number(sheet.getCell(r, 2), w.score)
    cells.set(`${path}.weighting.score`, score)
    cells.set(`${path}.weighting.declaredScore`, score)
    cells.set(`${path}.weighting`, score)
    r++
  }

  if (objective.activities.length > 0) {
    r++
    ;['N.', 'Descrizione attività', ...MONTHS].forEach((title, c) => label(sheet.getCell(r, c + 1), title))
    r++
    objective.activities.forEach((activity, a) => {
      text(sheet.getCell(r, 1), String(a + 1))
      cells.set(`${path}.activities[${a}]`, text(sheet.getCell(r, 2), activity.name))
      MONTHS.forEach((_, m) => text(sheet.getCell(r, m + 3), activity.months.includes(m + 1) ? 'X' : null))
      r++
    })
  }
  printSetup(sheet, { orientation: 'portrait' })
}

/**
 * The plan's summary as the list of objectives and weights it printed («Obiettivi | Peso»
 * per unit, Perosa), for plans whose list is the summary of their cards.
 */
export function writeWeightListSheet(sheet: ExcelJS.Worksheet, record: PlanRecord, cells: CellIndex): void {
  const objectives = record.objectives
  const width = 3
  ;[8, 70, 12].forEach((w, c) => (sheet.getColumn(c + 1).width = w))
  let r = writeTitle(sheet, record, width, cells)
  let unit: string | null = null
  let header = false
  record.summary.forEach((row, s) => {
    const objective = objectives.find((o) => o.id === row.objectiveId) ?? null
    const rowUnit = objective?.unit ?? null
    if (rowUnit !== null && rowUnit !== unit) {
      label(sheet.getCell(r, 1), `${UNIT_LABEL}: ${rowUnit}`)
      sheet.mergeCells(r, 1, r, width)
      r++
      header = false
    }
    unit = rowUnit ?? unit
    if (!header) {
      ;['N.', 'Obiettivi', weightLabel(objectives)].forEach((title, c) => label(sheet.getCell(r, c + 1), title))
      r++
      header = true
    }
    cells.set(`summary[${s}].rowLabel`, text(sheet.getCell(r, 1), row.rowLabel))
    cells.set(`summary[${s}].description`, text(sheet.getCell(r, 2), row.description))
    const i = objective ? objectives.indexOf(objective) : -1
    const weight = text(sheet.getCell(r, 3), objective?.weight?.raw ?? null)
    if (i >= 0) cells.set(`objectives[${i}].weight`, weight)
    r++
  })
  printSetup(sheet, { orientation: 'portrait' })
}
