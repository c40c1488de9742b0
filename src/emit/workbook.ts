import type ExcelJS from 'exceljs'
// exceljs's streaming writer by its own path: the package's index also loads its readers, CSV
// and document model: about 9 MB more in memory for every import that writes a workbook.
import WorkbookWriter from 'exceljs/lib/stream/xlsx/workbook-writer.js'
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
import { rewriteProperties, setProperties } from './workbook/properties.js'
import { styleSharer } from './workbook/share-styles.js'
import { ZipWriter } from './workbook/zip-writer.js'

/**
 * The corrected workbook of a plan: «Riepilogo», one card sheet per objective laid out like
 * the comune's own, «Aree», «Indicatori» and «Rilievi». Every corrected cell is green with a
 * comment giving the original value and the rule; cells in doubt are yellow (red for errors).
 * perfplan reads it back like any plan.
 *
 * Written with exceljs's streaming writer: each sheet is written out as soon as it is done, so a
 * plan of hundreds of cards never holds more than a sheet's cells at once; its parts are deflated
 * as they come, beside the writing (see zip-writer.ts).
 */
export async function emitWorkbook(record: PlanRecord, options: { scheme?: WeightingScheme } = {}): Promise<Uint8Array> {
  const scheme = options.scheme ?? DEFAULT_SCHEME
  const workbook = new WorkbookWriter({ useStyles: true, useSharedStrings: true })
  const zip = ZipWriter.takeOver(workbook, rewriteProperties)
  setProperties(workbook, record.plan.title ?? record.source.file)

  const cells = new CellIndex()
  const annotations = new Annotations(record.findings, cells)
  const shareStyles = styleSharer()
  // The streaming writer writes a sheet's views and its «fit to page» flag when it is added.
  const add = (name: string, frozenRows = 0): ExcelJS.Worksheet =>
    workbook.addWorksheet(name, { views: frozenRows > 0 ? [{ state: 'frozen', ySplit: frozenRows }] : [], pageSetup: { fitToWidth: 1 } })
  /**
   * The findings' marks, row heights and print set-up, then the sheet is written out; a turn of
   * the event loop lets the parts deflated meanwhile come back (each holds its XML till then).
   */
  const done = async (sheet: ExcelJS.Worksheet): Promise<void> => {
    annotations.mark(sheet)
    fitRowHeights(sheet)
    finishPrint(sheet, record)
    shareStyles(sheet)
    sheet.commit()
    await new Promise(setImmediate)
  }

  const taken = new Set<string>(['riepilogo', 'obiettivi', 'aree', 'indicatori', 'rilievi'])
  /** A sheet written after others but shown before them. */
  let first: ExcelJS.Worksheet | null = null
  const layouts = record.source.layouts
  if (layouts.includes('seed-card') || record.objectives.length === 0) {
    // The seed's template: its cards, then its summary, which refers to their cells, put first.
    const cards = new Map<string, { name: string; score: string }>()
    for (const [i, objective] of record.objectives.entries()) {
      const name = sheetName(`Obiettivo ${objective.id}`, taken)
      const sheet = add(name)
      const { score } = writeCardSheet(sheet, record, i, scheme, cells)
      await done(sheet)
      if (!cards.has(objective.id)) cards.set(objective.id, { name, score })
    }
    const summary = add('Riepilogo', SUMMARY_HEADER_ROW)
    writeSummarySheet(summary, record, cards, cells)
    await done(summary)
    first = summary
  } else if (layouts.some((layout) => layout === 'kv-card' || layout === 'indicator-card')) {
    // Cards of label|value pairs, after the list that summarises them if the plan has one.
    if (record.summary.length > 0) {
      const summary = add('Riepilogo')
      writeWeightListSheet(summary, record, cells)
      await done(summary)
    }
    for (const [i, objective] of record.objectives.entries()) {
      const sheet = add(sheetName(`Obiettivo ${objective.id}`, taken))
      writePairsCardSheet(sheet, record, i, cells, i === 0 && record.summary.length === 0)
      await done(sheet)
    }
  } else {
    // A list (or matrix) of objectives: laid out as the comune printed it.
    const sheet = add('Obiettivi', listHeaderRow(record))
    writeListSheet(sheet, record, cells)
    await done(sheet)
  }
  const areas = add('Aree', REPORT_HEADER_ROW)
  writeAreasSheet(areas, record, cells)
  await done(areas)
  const indicators = add('Indicatori', REPORT_HEADER_ROW)
  writeIndicatorsSheet(indicators, record)
  await done(indicators)
  const findings = add('Rilievi', REPORT_HEADER_ROW)
  writeFindingsSheet(findings, record, cells)
  await done(findings)

  if (first) moveFirst(workbook, first)
  await workbook.commit()
  annotations.verify()
  return zip.bytes()
}

/**
 * Puts a sheet first among the workbook's tabs. exceljs's streaming writer orders the tabs as the
 * sheets were added and has no setting for it; its list of sheets is reordered once every sheet
 * is added (it numbers a new sheet from the list), before the workbook's parts are written.
 * (Adding the summary first instead would hold every card's written-out XML in memory until the
 * summary is done: the zip takes its parts in turn.)
 */
function moveFirst(workbook: ExcelJS.stream.xlsx.WorkbookWriter, sheet: ExcelJS.Worksheet): void {
  const sheets = (workbook as unknown as { _worksheets: ExcelJS.Worksheet[] })._worksheets
  if (!sheets.includes(sheet)) throw new Error(`sheet ${sheet.name} is not in the workbook`)
  const rest = sheets.filter((other) => other !== sheet) // filter skips the list's unused slot 0
  sheets.splice(0, sheets.length, sheet, ...rest)
}
