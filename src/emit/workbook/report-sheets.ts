import type ExcelJS from 'exceljs'
import type { PlanRecord } from '../../model/record.js'
import { areaColumnWidth, areaWeightFormula } from './weights.js'
import { round4 } from '../../values/number.js'
import { show } from '../../values/show.js'
import { describeLocation } from '../../model/location.js'
import { SEVERITY_LABEL } from '../../model/finding.js'
import { BOLD, BORDER, CellIndex, LINK_FONT, TOP, WRAP_TOP, ERROR_FILL, DOUBT_FILL, CORRECTED_FILL, LABEL_FILL, label, number, text, typed, sheetRef, DECIMALS } from './cells.js'
import { printSetup } from './print.js'

/** The row of a report's column headers (under its title line), kept on screen and repeated on every printed page. */
export const REPORT_HEADER_ROW = 2

/** Writes a title line the importer recognises as "not a card" ("AREE", "INDICATORI", "RILIEVI"), then a header. */
function start(sheet: ExcelJS.Worksheet, title: string, header: string[], widths: number[]): void {
  label(sheet.getCell('A1'), title)
  sheet.mergeCells(1, 1, 1, Math.min(header.length, 3))
  header.forEach((name, c) => label(sheet.getRow(REPORT_HEADER_ROW).getCell(c + 1), name))
  widths.forEach((width, c) => (sheet.getColumn(c + 1).width = width))
  printSetup(sheet, { titleRows: `${REPORT_HEADER_ROW}:${REPORT_HEADER_ROW}` })
}

/**
 * «Aree»: objectives × areas, each cell the absolute weight the objective puts on the area
 * (a formula to the card's «peso assoluto»), with totals per area and per objective.
 */
export function writeAreasSheet(sheet: ExcelJS.Worksheet, record: PlanRecord, cells: CellIndex): void {
  const areas = record.areas.map((total) => ({ id: total.area, label: total.label }))
  start(sheet, 'AREE', ['Obiettivo', 'Titolo', ...areas.map((a) => a.label), 'Totale'], [10, 60, ...areas.map((a) => areaColumnWidth(a.label)), 12])
  const totalColumn = 3 + areas.length
  const letter = (c: number) => sheet.getColumn(c).letter
  record.objectives.forEach((objective, i) => {
    const r = 3 + i
    text(sheet.getRow(r).getCell(1), objective.id)
    text(sheet.getRow(r).getCell(2), objective.title)
    areas.forEach((area, a) => {
      const cell = sheet.getRow(r).getCell(3 + a)
      const weight = areaWeightFormula(objective, i, area.id, cells)
      if (weight === null) number(cell, null)
      else cell.value = weight
      cell.border = BORDER
      cell.numFmt = DECIMALS
    })
    const sum = objective.areas.reduce((total, x) => total + (x.absoluteWeight ?? 0), 0)
    const total = sheet.getRow(r).getCell(totalColumn)
    total.value = { formula: `SUM(C${r}:${letter(totalColumn - 1)}${r})`, result: round4(sum) }
    total.border = BORDER
    total.font = BOLD
    total.numFmt = DECIMALS
  })
  const last = 2 + record.objectives.length
  const r = last + 1
  label(sheet.getRow(r).getCell(1), 'Totale')
  sheet.mergeCells(`A${r}:B${r}`)
  for (let c = 3; c <= totalColumn; c++) {
    const cell = sheet.getRow(r).getCell(c)
    const value = c === totalColumn ? record.areas.reduce((s, a) => s + a.absoluteWeight, 0) : (record.areas[c - 3]?.absoluteWeight ?? 0)
    cell.value = { formula: `SUM(${letter(c)}3:${letter(c)}${last})`, result: round4(value) }
    cell.font = BOLD
    cell.fill = LABEL_FILL
    cell.border = BORDER
    cell.numFmt = DECIMALS
  }
}

/**
 * «Indicatori»: every indicator in one filterable table: those of «RISULTATO ATTESO» with
 * their target and baselines, and those of each area with its «esito atteso».
 */
export function writeIndicatorsSheet(sheet: ExcelJS.Worksheet, record: PlanRecord): void {
  start(sheet, 'INDICATORI', ['Obiettivo', 'Sezione', 'Area', 'Indicatore', 'Descrizione', 'Formula', 'Target / esito atteso', 'Valori precedenti'], [8, 16, 18, 64, 80, 54, 14, 20])
  let r = 3
  for (const objective of record.objectives) {
    for (const indicator of objective.indicators) {
      const row = sheet.getRow(r++)
      text(row.getCell(1), objective.id)
      text(row.getCell(2), 'Risultato atteso')
      text(row.getCell(3), null)
      text(row.getCell(4), indicator.name)
      text(row.getCell(5), indicator.description)
      text(row.getCell(6), indicator.formula)
      typed(row.getCell(7), indicator.target)
      const baselines = Object.entries(indicator.baselines)
        .filter(([, value]) => value !== null)
        .map(([year, value]) => `${year}: ${value?.raw}`)
      text(row.getCell(8), baselines.join('; ') || null)
    }
    for (const area of objective.areas) {
      for (const measure of area.measures) {
        const row = sheet.getRow(r++)
        text(row.getCell(1), objective.id)
        text(row.getCell(2), 'Misurazione')
        text(row.getCell(3), area.label)
        text(row.getCell(4), measure.indicator)
        for (const c of [5, 6, 8]) text(row.getCell(c), null)
        typed(row.getCell(7), measure.expected)
      }
    }
  }
  sheet.autoFilter = { from: { row: 2, column: 1 }, to: { row: Math.max(2, r - 1), column: 8 } }
}

/** A value longer than this is shown by its start in «Rilievi»: the whole text is in the linked cell and in the JSON. */
const EXCERPT = 160

function excerpt(value: string | number | null): string | number | null {
  if (typeof value !== 'string' || value.length <= EXCERPT) return value
  return `${value.slice(0, EXCERPT).trimEnd()}… (${value.length} caratteri)`
}

const SEVERITY_FILL = { error: ERROR_FILL, warning: DOUBT_FILL, info: CORRECTED_FILL } as const

const SEVERITY_RANK = { error: 0, warning: 1, info: 2 } as const

/**
 * «Rilievi»: every finding, one per row, errors first and then by objective, with a colour
 * per severity and an autofilter. «Cella» links to the cell of this workbook the finding is
 * about (whose comment names the finding back); «Dove nel documento» is the place in the
 * comune's own file, in words.
 */
export function writeFindingsSheet(sheet: ExcelJS.Worksheet, record: PlanRecord, cells: CellIndex): void {
  start(sheet, 'RILIEVI', ['Gravità', 'Regola', 'Obiettivo', 'Messaggio', 'Trovato', 'Corretto', 'Cella', 'Dove nel documento', 'Percorso'], [12, 28, 10, 70, 30, 30, 22, 30, 44])
  const order = new Map(record.objectives.map((objective, i) => [objective.id, i]))
  const rank = (id: string | null) => (id === null ? -1 : order.get(id) ?? record.objectives.length)
  const findings = [...record.findings].sort((a, b) => SEVERITY_RANK[a.severity] - SEVERITY_RANK[b.severity] || rank(a.objectiveId) - rank(b.objectiveId))
  findings.forEach((finding, i) => {
    const row = sheet.getRow(3 + i)
    const target = finding.path ? cells.find(finding.path) : null
    const values = [SEVERITY_LABEL[finding.severity], finding.rule, finding.objectiveId, finding.message, excerpt(show(finding.found)), excerpt(show(finding.corrected)), null, describeLocation(finding.location), finding.path]
    values.forEach((value, c) => {
      const cell = row.getCell(c + 1)
      cell.value = value
      cell.border = BORDER
      cell.alignment = c >= 3 && c <= 7 ? WRAP_TOP : TOP
    })
    if (target) {
      row.getCell(7).value = { text: `${target.sheet}!${target.address}`, hyperlink: `#${sheetRef(target.sheet)}!${target.address}` }
      row.getCell(7).font = LINK_FONT
    }
    row.getCell(1).fill = SEVERITY_FILL[finding.severity]
  })
  sheet.autoFilter = { from: { row: 2, column: 1 }, to: { row: Math.max(2, 2 + findings.length), column: 9 } }
}
