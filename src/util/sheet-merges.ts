import type ExcelJS from 'exceljs'

/** A merged range of a worksheet, by row and column numbers (1-based, inclusive). */
export interface MergedRange {
  top: number
  left: number
  bottom: number
  right: number
}

/** A worksheet's merged ranges, keyed by the address of each range's top-left cell ("B4"). */
export function mergedRanges(sheet: ExcelJS.Worksheet): Map<string, MergedRange> {
  const merges = new Map<string, MergedRange>()
  for (const range of (sheet.model as { merges?: string[] }).merges ?? []) {
    const [from = '', to = from] = range.split(':')
    const a = sheet.getCell(from)
    const b = sheet.getCell(to)
    merges.set(a.address, { top: +a.row, left: +a.col, bottom: +b.row, right: +b.col })
  }
  return merges
}
