import type ExcelJS from 'exceljs'

/** Document dates are fixed: the same record always gives the same bytes. */
const FIXED_DATE = new Date(Date.UTC(2000, 0, 1))

/**
 * The workbook's document properties: perfplan as author and as the program that wrote it, the
 * plan's title, fixed dates, and a full recalculation when the file is opened.
 *
 * exceljs names «Microsoft Excel 16» as the application in docProps/app.xml; a spreadsheet
 * program trusts the cached values of a file Excel saved and may skip recalculating them, and an
 * auditor reading the properties would be misled. The application is rewritten to perfplan.
 * exceljs's streaming writer has no setting for the calculation either: «calcPr fullCalcOnLoad»
 * is added to xl/workbook.xml as the part is written.
 */
export function setProperties(workbook: ExcelJS.stream.xlsx.WorkbookWriter, title: string): void {
  workbook.creator = 'perfplan'
  workbook.lastModifiedBy = 'perfplan'
  workbook.created = FIXED_DATE
  workbook.modified = FIXED_DATE
  workbook.title = title
}

/** The parts setProperties cannot reach through exceljs, rewritten as the zip takes them (see ZipWriter). */
export function rewriteProperties(name: string, xml: string): string {
  return name === 'docProps/app.xml' ? asPerfplan(xml) : name === 'xl/workbook.xml' ? recalculatedOnLoad(xml) : xml
}

function asPerfplan(xml: string): string {
  return xml.replace(/<Application>[^<]*<\/Application>/, '<Application>perfplan</Application>').replace(/<AppVersion>[^<]*<\/AppVersion>/, '')
}

/** «calcPr fullCalcOnLoad»: every formula is recomputed on opening, whatever was cached. */
function recalculatedOnLoad(xml: string): string {
  return xml.replace(/<calcPr\b([^>]*?)\/>/, (tag, attributes: string) => (attributes.includes('fullCalcOnLoad') ? tag : `<calcPr${attributes} fullCalcOnLoad="1"/>`))
}
