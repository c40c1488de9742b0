import { Writable } from 'node:stream'
import ExcelJS from 'exceljs'
import type { PlanRecord } from '../model/record.js'
import { DEFAULT_SCHEME, type WeightingScheme } from '../settings/scheme.js'
import { CellIndex, sheetName } from './workbook/cells.js'
import { Annotations } from './workbook/annotations.js'
import { fitRowHeights } from './workbook/row-heights.js'
import { finishPrint } from './workbook/print.js'
import { writeCardSheet } from './workbook/card-sheet.js'
import { SUMMARY_HEADER_ROW, writeSummarySheet } from './workbook/summary-sheet.js'
import { listHeaderRow, writeListSheet, writePairsCardSheet, writeWeightListSheet } from './workbook/layout-sheets.js'
import { REPORT_HEADER_ROW, writeAreasSheet, writeFindingsSheet, writeIndicatorsSheet } from './workbook/report-sheets.js'
import { fixZipDates } from './zip-dates.js'
import { setProperties } from './workbook/properties.js'
import { styleSharer } from './workbook/share-styles.js'

/**
 * The corrected workbook of a plan: «Riepilogo», one card sheet per objective laid out like
 * the comune's own, «Aree», «Indicatori» and «Rilievi». Every corrected cell is green with a
 * comment giving the original value and the rule; cells in doubt are yellow (red for errors).
 * perfplan reads it back like any plan.
 *
 * Written with exceljs's streaming writer: each sheet is written out (and deflated) as soon as
 * it is done, so a plan of hundreds of cards never holds more than a sheet's cells at once.
 */
export async function emitWorkbook(record: PlanRecord, options: { scheme?: WeightingScheme } = {}): Promise<Uint8Array> {
  const scheme = options.scheme ?? DEFAULT_SCHEME
  const chunks: Buffer[] = []
  const sink = new Writable({
    write(chunk: Buffer, _encoding, done) {
      chunks.push(chunk)
      done()
    },
  })
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: sink, useStyles: true, useSharedStrings: true, zip: { zlib: { level: 6 } } })
  setProperties(workbook, record.plan.title ?? record.source.file)

  const cells = new CellIndex()
  const annotations = new Annotations(record.findings, cells)
  const shareStyles = styleSharer()
  // The streaming writer writes a sheet's views and its «fit to page» flag when it is added.
  const add = (name: string, frozenRows = 0): ExcelJS.Worksheet =>
    workbook.addWorksheet(name, { views: frozenRows > 0 ? [{ state: 'frozen', ySplit: frozenRows }] : [], pageSetup: { fitToWidth: 1 } })
  /** The findings' marks, row heights and print set-up, then the sheet is written out. */
  const done = (sheet: ExcelJS.Worksheet): void => {
    annotations.mark(sheet)
    fitRowHeights(sheet)
    finishPrint(sheet, record)
    shareStyles(sheet)
    sheet.commit()
  }

  const taken = new Set<string>(['riepilogo', 'obiettivi', 'aree', 'indicatori', 'rilievi'])
  const layouts = record.source.layouts
  if (layouts.includes('seed-card') || record.objectives.length === 0) {
    // The seed's template: its summary, first, filled once its cards are written.
    const summary = add('Riepilogo', SUMMARY_HEADER_ROW)
    const cards = new Map<string, { name: string; score: string }>()
    record.objectives.forEach((objective, i) => {
      const name = sheetName(`Obiettivo ${objective.id}`, taken)
      const sheet = add(name)
      const { score } = writeCardSheet(sheet, record, i, scheme, cells)
      done(sheet)
      if (!cards.has(objective.id)) cards.set(objective.id, { name, score })
    })
    writeSummarySheet(summary, record, cards, cells)
    done(summary)
  } else if (layouts.some((layout) => layout === 'kv-card' || layout === 'indicator-card')) {
    // Cards of label|value pairs, after the list that summarises them if the plan has one.
    if (record.summary.length > 0) {
      const summary = add('Riepilogo')
      writeWeightListSheet(summary, record, cells)
      done(summary)
    }
    record.objectives.forEach((objective, i) => {
      const sheet = add(sheetName(`Obiettivo ${objective.id}`, taken))
      writePairsCardSheet(sheet, record, i, cells, i === 0 && record.summary.length === 0)
      done(sheet)
    })
  } else {
    // A list (or matrix) of objectives: laid out as the comune printed it.
    const sheet = add('Obiettivi', listHeaderRow(record))
    writeListSheet(sheet, record, cells)
    done(sheet)
  }
  const areas = add('Aree', REPORT_HEADER_ROW)
  writeAreasSheet(areas, record, cells)
  done(areas)
  const indicators = add('Indicatori', REPORT_HEADER_ROW)
  writeIndicatorsSheet(indicators, record)
  done(indicators)
  const findings = add('Rilievi', REPORT_HEADER_ROW)
  writeFindingsSheet(findings, record, cells)
  done(findings)

  await workbook.commit()
  annotations.verify()
  return fixZipDates(Buffer.concat(chunks))
}
