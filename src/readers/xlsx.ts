import { tooLarge } from './too-large.js'
import ExcelJS from 'exceljs'
import { cleanCellText, type Block, type Cell, type PlanDocument } from '../model/document.js'
import { PerfplanError } from '../errors.js'
import { formatGeneral, formatNumber } from './xlsx-format.js'
import { entryHead, zipEntries } from './zip.js'
import { mergedRanges } from '../util/sheet-merges.js'

/**
 * Reads a workbook: each visible sheet is one table (its "page" is the sheet's position),
 * merged ranges become spans, and every cell gives the text the sheet displays, so
 * "25%" stays a percentage and "#DIV/0!" stays visible. A formula gives its cached result.
 *
 * Limitations: number formats beyond General/fixed/percent/currency/accounting are shown
 * as General; hidden sheets are skipped; drawings and text boxes are not read.
 */
export async function readXlsx(bytes: Uint8Array): Promise<PlanDocument> {
  checkSheetDimensions(bytes)
  const workbook = new ExcelJS.Workbook()
  try {
    await workbook.xlsx.load(Buffer.from(bytes) as unknown as ArrayBuffer)
  } catch (cause) {
    throw new PerfplanError('UNREADABLE', 'Il file Excel è danneggiato: la cartella di lavoro non si legge.', { cause })
  }
  const blocks: Block[] = []
  let tableIndex = 1
  workbook.worksheets.forEach((sheet, position) => {
    if (sheet.state !== 'visible') return
    const table = readSheet(sheet, position + 1, tableIndex)
    if (table.rows.some((row) => row.length > 0)) {
      blocks.push(table)
      tableIndex++
    }
  })
  return { format: 'xlsx', pages: workbook.worksheets.length, blocks, findings: [] }
}

/**
 * The most rows and cells a sheet may declare («<dimension ref="A1:C250000"/>»), and the
 * largest sheet XML (a writer may leave the dimension out): a plan's sheet has hundreds of
 * rows and well under a megabyte of XML.
 */
export const SHEET_LIMITS = { rows: 100_000, cells: 2_000_000, xmlBytes: 16 * 1024 * 1024 }

/** Refuses, before the workbook is loaded, a sheet that passes SHEET_LIMITS. */
function checkSheetDimensions(bytes: Uint8Array): void {
  for (const entry of zipEntries(bytes) ?? []) {
    if (!/^xl\/worksheets\/[^/]+\.xml$/.test(entry.name)) continue
    if (entry.uncompressedSize > SHEET_LIMITS.xmlBytes) {
      throw tooLarge(`il foglio ${entry.name.slice(14)} occupa ${Math.round(entry.uncompressedSize / 1048576)} MiB (al più ${SHEET_LIMITS.xmlBytes / 1048576} MiB)`)
    }
    const ref = /<dimension\s+ref="[A-Z]+\d+:([A-Z]+)(\d+)"/.exec(entryHead(bytes, entry))
    if (!ref) continue
    const rows = Number(ref[2])
    const columns = [...(ref[1] as string)].reduce((n, c) => n * 26 + c.charCodeAt(0) - 64, 0)
    if (rows > SHEET_LIMITS.rows || rows * columns > SHEET_LIMITS.cells) {
      throw tooLarge(`il foglio ${entry.name.slice(14)} dichiara ${rows} righe e ${columns} colonne (al più ${SHEET_LIMITS.rows} righe e ${SHEET_LIMITS.cells} celle)`)
    }
  }
}

function readSheet(sheet: ExcelJS.Worksheet, page: number, index: number) {
  const merges = mergedRanges(sheet)
  const rowCount = sheet.actualRowCount === 0 ? 0 : sheet.rowCount
  const columnCount = sheet.columnCount
  const rows: Cell[][] = []
  for (let r = 1; r <= rowCount; r++) {
    const cells: Cell[] = []
    for (let c = 1; c <= columnCount; c++) {
      const cell = sheet.getCell(r, c)
      if (cell.isMerged && cell.master.address !== cell.address) continue
      const text = cleanCellText(displayText(cell))
      const merge = merges.get(cell.address)
      if (text === '' && !merge) continue
      cells.push({
        row: r - 1,
        col: c - 1,
        rowSpan: merge ? merge.bottom - merge.top + 1 : 1,
        colSpan: merge ? merge.right - merge.left + 1 : 1,
        text,
        location: { page, table: index, row: r, column: c, cell: cell.address },
      })
    }
    rows.push(cells)
  }
  return { type: 'table' as const, index, page, name: sheet.name, caption: null, headerRows: 0, rows, columnCount }
}

type RichRun = { text: string; font?: { vertAlign?: string } }

/** The text a cell shows: formatted numbers, cached formula results, errors, rich text. */
function displayText(cell: ExcelJS.Cell): string {
  // `cell.result`, not `cell.value.result`: exceljs drops a cached result of 0 from the latter.
  if (cell.type === ExcelJS.ValueType.Formula) return render(cell.result, cell.numFmt)
  return render(cell.value, cell.numFmt)
}

function render(value: unknown, numFmt: string | undefined): string {
  if (value === null || value === undefined) return ''
  if (typeof value === 'number') return formatNumber(value, numFmt)
  if (typeof value === 'string') return value
  if (typeof value === 'boolean') return value ? 'VERO' : 'FALSO'
  if (value instanceof Date) return formatDate(value)
  if (typeof value === 'object') {
    const v = value as Record<string, unknown>
    if (Array.isArray(v.richText)) {
      // A footnote mark (superscript run) is printed apart, never glued to its word.
      return (v.richText as RichRun[])
        .map((run) => (run.font?.vertAlign === 'superscript' || run.font?.vertAlign === 'subscript' ? ` ${run.text} ` : run.text))
        .join('')
    }
    if (typeof v.error === 'string') return v.error
    if ('formula' in v || 'sharedFormula' in v) return render(v.result, numFmt)
    if ('text' in v) return render(v.text, numFmt)
  }
  return formatGeneral(Number(value))
}

function formatDate(date: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0')
  return `${pad(date.getUTCDate())}/${pad(date.getUTCMonth() + 1)}/${date.getUTCFullYear()}`
}
