import ExcelJS from 'exceljs'
import type { PlanRecord } from '../model/record.js'

/** The corrected workbook of a plan. */
export async function emitWorkbook(record: PlanRecord): Promise<Uint8Array> {
  const workbook = new ExcelJS.Workbook()
  workbook.addWorksheet('Riepilogo').addRow([record.plan.title ?? ''])
  return new Uint8Array(await workbook.xlsx.writeBuffer())
}
