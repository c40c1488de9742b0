import type ExcelJS from 'exceljs'
import type { PlanRecord } from '../../model/record.js'

/**
 * How every sheet prints: A4, fitted to the page width, its header rows repeated on each
 * page, the comune, the plan and the sheet's name in the header and «Pagina n di m» in the
 * footer. A sheet a little taller than a page is shrunk onto one page, as a clerk would set
 * it, as long as its text stays readable; a longer one flows over as many pages as it needs.
 */

const A4 = { width: 595, height: 842 } // points
const MARGINS = { left: 0.5, right: 0.5, top: 0.7, bottom: 0.7, header: 0.3, footer: 0.3 } // inches
/** Points per unit of column width: the «0» of an 11-point Calibri, 7 pixels at 96 dpi. */
const POINTS_PER_CHARACTER = 5.25
/** The smallest shrink that still prints an 11-point text at about 5.5 points. */
const LEAST_SCALE = 0.5
/** Excel's limit on a header's or footer's length. */
const HEADER_LIMIT = 250
/** Characters of the 10-point header font one line holds between the margins of an A4 page. */
const HEADER_CHARACTERS = { portrait: 95, landscape: 145 }

export interface PrintOptions {
  orientation?: 'landscape' | 'portrait'
  /** The rows repeated on top of every page, "5:5". */
  titleRows?: string
}

/** A4, fitted to the page width, with the rows to repeat. Called by each sheet's writer. */
export function printSetup(sheet: ExcelJS.Worksheet, options: PrintOptions = {}): void {
  sheet.pageSetup = {
    paperSize: 9,
    orientation: options.orientation ?? 'landscape',
    fitToPage: true,
    fitToWidth: 1,
    fitToHeight: 0,
    margins: MARGINS,
    ...(options.titleRows ? { printTitlesRow: options.titleRows } : {}),
  }
}

/** `&` starts a code in a header: a literal one is doubled. */
function literal(text: string): string {
  return text.replace(/&/g, '&&')
}

/** The header and footer every sheet prints, and one page tall where the shrink stays readable. Call once the rows have their heights. */
export function finishPrint(sheet: ExcelJS.Worksheet, record: PlanRecord): void {
  const comune = record.plan.comune ? `Comune di ${record.plan.comune}` : ''
  const plan = record.plan.title ?? (record.plan.year ? `Piano della performance ${record.plan.year}` : record.source.file)
  // One line on the left, the sheet's name on the right: a long title in the middle section
  // printed over the comune's name, so the two share the left one, cut to what the page holds.
  const line = [comune, plan].filter((part) => part !== '').join(' – ')
  const room = Math.min(HEADER_LIMIT - 20, HEADER_CHARACTERS[sheet.pageSetup.orientation === 'portrait' ? 'portrait' : 'landscape'] - sheet.name.length - 4)
  const left = line.length > room ? `${line.slice(0, room - 1).trimEnd()}…` : line
  sheet.headerFooter = {
    oddHeader: `&L${literal(left)}&R&A`,
    oddFooter: `&L${literal(record.source.file.slice(0, 120))}&RPagina &P di &N`,
  }
  if (onePageScale(sheet) >= LEAST_SCALE) sheet.pageSetup.fitToHeight = 1
}

/** The shrink that puts the whole sheet on one page (1 when it already fits). */
function onePageScale(sheet: ExcelJS.Worksheet): number {
  const landscape = sheet.pageSetup.orientation === 'landscape'
  const page = landscape ? { width: A4.height, height: A4.width } : A4
  const printable = {
    width: page.width - (MARGINS.left + MARGINS.right) * 72,
    height: page.height - (MARGINS.top + MARGINS.bottom) * 72,
  }
  let height = 0
  let columns = 0
  sheet.eachRow({ includeEmpty: true }, (row) => {
    height += row.height ?? 15
    if (row.hasValues) columns = Math.max(columns, row.cellCount)
  })
  let width = 0
  for (let c = 1; c <= columns; c++) width += (sheet.getColumn(c).width ?? 9) * POINTS_PER_CHARACTER
  return Math.min(1, printable.width / Math.max(1, width), printable.height / Math.max(1, height))
}
