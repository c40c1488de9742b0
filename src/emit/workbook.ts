import ExcelJS from 'exceljs'
import type { PlanRecord } from '../model/record.js'
import type { Finding } from '../model/finding.js'
import { DEFAULT_SCHEME, type WeightingScheme } from '../settings/scheme.js'
import { CellIndex, CORRECTED_FILL, DOUBT_FILL, ERROR_FILL, sheetName } from './workbook/cells.js'
import { fitRowHeights } from './workbook/row-heights.js'
import { finishPrint } from './workbook/print.js'
import { writeCardSheet } from './workbook/card-sheet.js'
import { writeSummarySheet } from './workbook/summary-sheet.js'
import { writeListSheet, writePairsCardSheet, writeWeightListSheet } from './workbook/layout-sheets.js'
import { writeAreasSheet, writeFindingsSheet, writeIndicatorsSheet } from './workbook/report-sheets.js'
import { show } from '../values/show.js'
import { deflateZip } from './zip-deflate.js'
import { setProperties } from './workbook/properties.js'
import { shareStyles } from './workbook/share-styles.js'

/**
 * The corrected workbook of a plan: «Riepilogo», one card sheet per objective laid out like
 * the comune's own, «Aree», «Indicatori» and «Rilievi». Every corrected cell is green with a
 * comment giving the original value and the rule; cells in doubt are yellow (red for errors).
 * perfplan reads it back like any plan.
 */
export async function emitWorkbook(record: PlanRecord, options: { scheme?: WeightingScheme } = {}): Promise<Uint8Array> {
  const scheme = options.scheme ?? DEFAULT_SCHEME
  const workbook = new ExcelJS.Workbook()
  setProperties(workbook, record.plan.title ?? record.source.file)

  const cells = new CellIndex()
  const taken = new Set<string>(['riepilogo', 'obiettivi', 'aree', 'indicatori', 'rilievi'])
  const layouts = record.source.layouts
  if (layouts.includes('seed-card') || record.objectives.length === 0) {
    // The seed's template: its summary, and its card for every objective.
    const summary = workbook.addWorksheet('Riepilogo')
    const cards = new Map<string, { name: string; score: string }>()
    record.objectives.forEach((objective, i) => {
      const name = sheetName(`Obiettivo ${objective.id}`, taken)
      const { score } = writeCardSheet(workbook.addWorksheet(name), record, i, scheme, cells)
      if (!cards.has(objective.id)) cards.set(objective.id, { name, score })
    })
    writeSummarySheet(summary, record, cards, cells)
  } else if (layouts.some((layout) => layout === 'kv-card' || layout === 'indicator-card')) {
    // Cards of label|value pairs, after the list that summarises them if the plan has one.
    if (record.summary.length > 0) writeWeightListSheet(workbook.addWorksheet('Riepilogo'), record, cells)
    record.objectives.forEach((objective, i) => {
      writePairsCardSheet(workbook.addWorksheet(sheetName(`Obiettivo ${objective.id}`, taken)), record, i, cells, i === 0 && record.summary.length === 0)
    })
  } else {
    // A list (or matrix) of objectives: laid out as the comune printed it.
    writeListSheet(workbook.addWorksheet('Obiettivi'), record, cells)
  }
  writeAreasSheet(workbook.addWorksheet('Aree'), record, cells)
  writeIndicatorsSheet(workbook.addWorksheet('Indicatori'), record)
  writeFindingsSheet(workbook.addWorksheet('Rilievi'), record, cells)
  annotate(record.findings, cells)
  for (const sheet of workbook.worksheets) {
    fitRowHeights(sheet)
    finishPrint(sheet, record)
  }
  shareStyles(workbook)

  const stored = new Uint8Array(await workbook.xlsx.writeBuffer({ zip: { compression: 'STORE' } }))
  return deflateZip(stored)
}

/** Colours each cell a finding points at and puts the findings in its comment. */
function annotate(findings: readonly Finding[], cells: CellIndex): void {
  const notes = new Map<ExcelJS.Cell, { lines: string[]; mark: number }>()
  for (const finding of findings) {
    const cell = finding.path ? cells.find(finding.path) : null
    if (!cell) continue
    const original = finding.found === null ? '' : ` Valore originale: ${show(finding.found)}.`
    const note = notes.get(cell) ?? { lines: [], mark: 0 }
    note.lines.push(`${finding.rule} (${finding.severity}): ${finding.message}${original}`)
    // The strongest mark wins: corrected (3) over error (2) over warning (1).
    // An info is a normalisation that leaves the printed text as it was (an area's alias, a
    // code's spelling): its comment is kept, the cell is not coloured.
    const mark = finding.severity === 'info' ? 0 : finding.corrected !== null ? 3 : finding.severity === 'error' ? 2 : 1
    note.mark = Math.max(note.mark, mark)
    notes.set(cell, note)
  }
  const fills = [null, DOUBT_FILL, ERROR_FILL, CORRECTED_FILL]
  for (const [cell, { lines, mark }] of notes) {
    cell.note = lines.join('\n')
    const fill = fills[mark]
    if (fill) cell.fill = fill
  }
}
