import type ExcelJS from 'exceljs'

/** Document dates are fixed: the same record always gives the same bytes. */
const FIXED_DATE = new Date(Date.UTC(2000, 0, 1))

/** The part of exceljs's writer that writes docProps/app.xml (not in its typings). */
interface AppWriter {
  addApp(zip: { append(xml: string, options: { name: string }): void }, model: unknown): Promise<void>
}

/**
 * The workbook's document properties: perfplan as author and as the program that wrote it, the
 * plan's title, fixed dates, and a full recalculation when the file is opened.
 *
 * exceljs names «Microsoft Excel 16» as the application in docProps/app.xml; a spreadsheet
 * program trusts the cached values of a file Excel saved and may skip recalculating them, and an
 * auditor reading the properties would be misled. The application is rewritten to perfplan.
 */
export function setProperties(workbook: ExcelJS.Workbook, title: string): void {
  workbook.creator = 'perfplan'
  workbook.lastModifiedBy = 'perfplan'
  workbook.created = FIXED_DATE
  workbook.modified = FIXED_DATE
  workbook.title = title
  // «calcPr fullCalcOnLoad»: every formula is recomputed on opening, whatever was cached.
  workbook.calcProperties.fullCalcOnLoad = true
  const writer = workbook.xlsx as unknown as AppWriter
  const addApp = writer.addApp.bind(writer)
  writer.addApp = (zip, model) => addApp({ append: (xml, options) => zip.append(asPerfplan(xml), options) }, model)
}

function asPerfplan(xml: string): string {
  return xml.replace(/<Application>[^<]*<\/Application>/, '<Application>perfplan</Application>').replace(/<AppVersion>[^<]*<\/AppVersion>/, '')
}
