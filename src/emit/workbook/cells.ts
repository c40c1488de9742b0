import type ExcelJS from 'exceljs'
import type { Value } from '../../values/value.js'

/** A cell by its sheet's name and its address ("H3"): what stays known of it once its sheet is written out. */
export interface CellRef {
  sheet: string
  address: string
}

/** A path and its parents, nearest first: "objectives[0].areas[1].weight", "objectives[0].areas[1]", "objectives[0].areas", "objectives[0]", "objectives". */
export function ancestry(path: string): string[] {
  const paths: string[] = []
  for (let at = path; at !== ''; ) {
    paths.push(at)
    const parent = at.replace(/(\.[^.[\]]+|\[\d+\])$/, '')
    if (parent === at) break
    at = parent
  }
  return paths
}

/** Where each record path was written: "objectives[0].weighting.score" -> sheet and cell. */
export class CellIndex {
  private readonly cells = new Map<string, CellRef>()
  private readonly bySheet = new Map<string, string[]>()

  /** Records the cell of a path; the first cell written for a path keeps it. */
  set(path: string, cell: ExcelJS.Cell): void {
    if (this.cells.has(path)) return
    const ref = { sheet: cell.worksheet.name, address: cell.address }
    this.cells.set(path, ref)
    const paths = this.bySheet.get(ref.sheet)
    if (paths) paths.push(path)
    else this.bySheet.set(ref.sheet, [path])
  }

  /** The cell of a path, or of its nearest parent path that was written. */
  find(path: string): CellRef | null {
    for (const at of ancestry(path)) {
      const cell = this.cells.get(at)
      if (cell) return cell
    }
    return null
  }

  /** The paths whose cells are on a sheet. */
  pathsOn(sheet: string): readonly string[] {
    return this.bySheet.get(sheet) ?? []
  }
}

export const THIN = { style: 'thin' as const, color: { argb: 'FF808080' } }
export const BORDER: Partial<ExcelJS.Borders> = { top: THIN, left: THIN, bottom: THIN, right: THIN }
export const LABEL_FILL: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFE7ECF3' } }
/**
 * Up to two decimals, whole numbers without a trailing separator: `0.##` shows 8 as «8.» in
 * Excel, `#,##0.##` too; `General` shows 8 and 4,5 alike in Excel and LibreOffice.
 */
export const DECIMALS = 'General'

/** Cells perfplan corrected. */
export const CORRECTED_FILL: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFC6EFCE' } }
/** Cells in doubt: a warning or an error that could not be corrected. */
export const DOUBT_FILL: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFFFEB9C' } }
export const ERROR_FILL: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFFFC7CE' } }

export const EURO = '"€" #,##0.00'

// One frozen object per font and alignment: cells that look alike share their style parts, so
// the workbook's styles are told apart without rendering them (see share-styles.ts).
export const BOLD: Partial<ExcelJS.Font> = Object.freeze({ bold: true })
/** A link's look: blue, underlined. */
export const LINK_FONT: Partial<ExcelJS.Font> = Object.freeze({ color: Object.freeze({ argb: 'FF0563C1' }), underline: true })
export const WRAP_MIDDLE: Partial<ExcelJS.Alignment> = Object.freeze({ vertical: 'middle', wrapText: true })
export const WRAP_TOP: Partial<ExcelJS.Alignment> = Object.freeze({ vertical: 'top', wrapText: true })
export const TOP: Partial<ExcelJS.Alignment> = Object.freeze({ vertical: 'top', wrapText: false })
export const TOP_RIGHT: Partial<ExcelJS.Alignment> = Object.freeze({ vertical: 'top', horizontal: 'right' })
export const CENTRED: Partial<ExcelJS.Alignment> = Object.freeze({ vertical: 'middle', horizontal: 'center' })

/** A label cell: bold, shaded, bordered, wrapped. */
export function label(cell: ExcelJS.Cell, text: string): ExcelJS.Cell {
  cell.value = text
  cell.font = BOLD
  cell.fill = LABEL_FILL
  cell.border = BORDER
  cell.alignment = WRAP_MIDDLE
  return cell
}

/** A value cell: bordered, wrapped text. */
export function text(cell: ExcelJS.Cell, value: string | null): ExcelJS.Cell {
  cell.value = value ?? null
  cell.border = BORDER
  cell.alignment = WRAP_TOP
  return cell
}

/** A number, with a format. */
export function number(cell: ExcelJS.Cell, value: number | null, numFmt?: string): ExcelJS.Cell {
  cell.value = value
  cell.border = BORDER
  cell.alignment = TOP_RIGHT
  if (numFmt) cell.numFmt = numFmt
  return cell
}

/** A formula with its cached result, so the file shows values before Excel recalculates. */
export function formula(cell: ExcelJS.Cell, expression: string, result: number | string | null, numFmt?: string): ExcelJS.Cell {
  cell.value = { formula: expression, result: result ?? '' } as ExcelJS.CellFormulaValue
  cell.border = BORDER
  cell.alignment = TOP_RIGHT
  if (numFmt) cell.numFmt = numFmt
  return cell
}

/** A percentage format showing as many decimals as the fraction needs (0%, 0.5% ...). */
export function percentFormat(fraction: number): string {
  const decimals = Math.min(2, (String(Math.round(fraction * 1e6) / 1e4).split('.')[1] ?? '').length)
  return decimals === 0 ? '0%' : `0.${'0'.repeat(decimals)}%`
}

/** Writes a typed value so that it prints as it did: percentages and amounts as formatted numbers, the rest as its text. */
export function typed(cell: ExcelJS.Cell, value: Value | null): ExcelJS.Cell {
  if (value === null) return text(cell, null)
  if (value.kind === 'percent' && typeof value.value === 'number') return number(cell, value.value, percentFormat(value.value))
  if (value.kind === 'currency' && typeof value.value === 'number') return number(cell, value.value, EURO)
  if (value.kind === 'number' && typeof value.value === 'number' && value.raw !== '') return number(cell, value.value, numberFormat(value.raw))
  return text(cell, value.raw)
}

/** The format that prints a number as it was printed: "1.200" grouped, "4,50" with two decimals. */
export function numberFormat(raw: string): string | undefined {
  const m = /^-?(\d{1,3}(?:\.\d{3})+|\d+)(?:,(\d+))?$/.exec(raw.trim())
  if (!m) return undefined
  const grouped = (m[1] as string).includes('.')
  const decimals = m[2]?.length ?? 0
  if (!grouped && decimals === 0) return undefined
  return `${grouped ? '#,##0' : '0'}${decimals > 0 ? `.${'0'.repeat(decimals)}` : ''}`
}

/** Excel's limits on sheet names: 31 characters, none of []:*?/\ , no apostrophe first or last. */
export function sheetName(name: string, taken: Set<string>): string {
  const base = name.replace(/[[\]:*?/\\]/g, '-').slice(0, 28).replace(/^'+|'+$/g, '')
  let candidate = base
  for (let n = 2; taken.has(candidate.toLowerCase()); n++) candidate = `${base} (${n})`
  taken.add(candidate.toLowerCase())
  return candidate
}

/** A sheet's name as a formula or link refers to it: quoted, its apostrophes doubled ('Obiettivo l''a'). */
export function sheetRef(name: string): string {
  return `'${name.replace(/'/g, "''")}'`
}

/** A text as a formula's string: quotes doubled, cut into the 255-character pieces Excel's literals allow. */
export function textLiteral(value: string): string {
  const pieces = value.match(/[\s\S]{1,250}/gu) ?? ['']
  return pieces.map((piece) => `"${piece.replace(/"/g, '""')}"`).join('&')
}
