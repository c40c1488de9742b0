import type ExcelJS from 'exceljs'
import type { PlanRecord } from '../../model/record.js'
import { weightOn } from './weights.js'
import { round4 } from '../../values/number.js'
import { show } from '../../values/show.js'
import { BORDER, CellIndex, ERROR_FILL, DOUBT_FILL, CORRECTED_FILL, LABEL_FILL, label, number, text, typed, sheetRef } from './cells.js'

/** Writes a title line the importer recognises as "not a card" ("AREE", "INDICATORI", "RILIEVI"), then a header. */
function start(sheet: ExcelJS.Worksheet, title: string, header: string[], widths: number[]): void {
  label(sheet.getCell('A1'), title)
  header.forEach((name, c) => label(sheet.getRow(2).getCell(c + 1), name))
  widths.forEach((width, c) => (sheet.getColumn(c + 1).width = width))
  sheet.views = [{ state: 'frozen', ySplit: 2 }]
  sheet.pageSetup = { paperSize: 9, orientation: 'landscape', fitToPage: true, fitToWidth: 1, fitToHeight: 0, printTitlesRow: '2:2' }
}

/**
 * «Aree»: objectives × areas, each cell the absolute weight the objective puts on the area
 * (a formula to the card's «peso assoluto»), with totals per area and per objective.
 */
export function writeAreasSheet(sheet: ExcelJS.Worksheet, record: PlanRecord, cells: CellIndex): void {
  const areas = record.areas.map((total) => ({ id: total.area, label: total.label }))
  start(sheet, 'AREE', ['Obiettivo', 'Titolo', ...areas.map((a) => a.label), 'Totale'], [10, 60, ...areas.map(() => 16), 12])
  const totalColumn = 3 + areas.length
  const letter = (c: number) => sheet.getColumn(c).letter
  record.objectives.forEach((objective, i) => {
    const r = 3 + i
    text(sheet.getRow(r).getCell(1), objective.id)
    text(sheet.getRow(r).getCell(2), objective.title)
    areas.forEach((area, a) => {
      const cell = sheet.getRow(r).getCell(3 + a)
      const refs = objective.areas.flatMap((x, a) => {
        const weight = x.area === area.id ? cells.find(`objectives[${i}].areas[${a}].absoluteWeight`) : null
        return weight ? [{ sheet: weight.worksheet.name, address: weight.address }] : []
      })
      if (refs.length === 0) number(cell, null)
      else cell.value = { formula: refs.map((ref) => `${sheetRef(ref.sheet)}!${ref.address}`).join('+'), result: weightOn(objective, area.id) }
      cell.border = BORDER
      cell.numFmt = '0.##'
    })
    const sum = objective.areas.reduce((total, x) => total + (x.absoluteWeight ?? 0), 0)
    const total = sheet.getRow(r).getCell(totalColumn)
    total.value = { formula: `SUM(C${r}:${letter(totalColumn - 1)}${r})`, result: round4(sum) }
    total.border = BORDER
    total.font = { bold: true }
    total.numFmt = '0.##'
  })
  const last = 2 + record.objectives.length
  const r = last + 1
  label(sheet.getRow(r).getCell(1), 'Totale')
  sheet.mergeCells(`A${r}:B${r}`)
  for (let c = 3; c <= totalColumn; c++) {
    const cell = sheet.getRow(r).getCell(c)
    const value = c === totalColumn ? record.areas.reduce((s, a) => s + a.absoluteWeight, 0) : (record.areas[c - 3]?.absoluteWeight ?? 0)
    cell.value = { formula: `SUM(${letter(c)}3:${letter(c)}${last})`, result: round4(value) }
    cell.font = { bold: true }
    cell.fill = LABEL_FILL
    cell.border = BORDER
    cell.numFmt = '0.##'
  }
}

/**
 * «Indicatori»: every indicator in one filterable table: those of «RISULTATO ATTESO» with
 * their target and baselines, and those of each area with its «esito atteso».
 */
export function writeIndicatorsSheet(sheet: ExcelJS.Worksheet, record: PlanRecord): void {
  start(sheet, 'INDICATORI', ['Obiettivo', 'Sezione', 'Area', 'Indicatore', 'Descrizione', 'Formula', 'Target / esito atteso', 'Valori precedenti'], [10, 18, 18, 40, 50, 36, 14, 24])
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

const SEVERITY_FILL = { error: ERROR_FILL, warning: DOUBT_FILL, info: CORRECTED_FILL } as const

/** «Rilievi»: every finding, one per row, with an autofilter and a colour per severity. */
export function writeFindingsSheet(sheet: ExcelJS.Worksheet, record: PlanRecord): void {
  start(
    sheet,
    'RILIEVI',
    ['Regola', 'Gravità', 'Obiettivo', 'Messaggio', 'Trovato', 'Corretto', 'Pagina', 'Tabella', 'Riga', 'Colonna', 'Cella', 'Percorso'],
    [28, 10, 10, 70, 30, 30, 8, 8, 8, 8, 8, 44],
  )
  record.findings.forEach((finding, i) => {
    const row = sheet.getRow(3 + i)
    const values = [
      finding.rule,
      finding.severity,
      finding.objectiveId,
      finding.message,
      show(finding.found),
      show(finding.corrected),
      finding.location?.page ?? null,
      finding.location?.table ?? null,
      finding.location?.row ?? null,
      finding.location?.column ?? null,
      finding.location?.cell ?? null,
      finding.path,
    ]
    values.forEach((value, c) => {
      const cell = row.getCell(c + 1)
      cell.value = value
      cell.border = BORDER
      cell.alignment = { vertical: 'top', wrapText: c === 3 || c === 4 || c === 5 }
    })
    row.getCell(2).fill = SEVERITY_FILL[finding.severity]
  })
  sheet.autoFilter = { from: { row: 2, column: 1 }, to: { row: Math.max(2, 2 + record.findings.length), column: 12 } }
}
