import type ExcelJS from 'exceljs'

/** A merged range of a worksheet, by row and column numbers (1-based, inclusive). */
export interface MergedRange {
  top: number
  left: number
  bottom: number
  right: number
}

/**
 * A worksheet's merged ranges, keyed by the address of each range's top-left cell ("B4"),
 * gathered from the cells merged into each one. Works on a sheet read from a file and on one
 * being written by exceljs's streaming writer, which keeps no sheet model.
 */
export function mergedRanges(sheet: ExcelJS.Worksheet): Map<string, MergedRange> {
  const merges = new Map<string, MergedRange>()
  sheet.eachRow((row) => {
    row.eachCell((cell) => {
      if (!cell.isMerged) return
      const master = cell.master
      const range = merges.get(master.address) ?? { top: +master.row, left: +master.col, bottom: +master.row, right: +master.col }
      range.bottom = Math.max(range.bottom, +cell.row)
      range.right = Math.max(range.right, +cell.col)
      merges.set(master.address, range)
    })
  })
  return merges
}
