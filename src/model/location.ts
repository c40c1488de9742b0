/**
 * Where a value was read: 1-based page, table, row and column of the document model.
 * For .xlsx inputs `page` is the sheet's position and `cell` its A1 address ("B7").
 */
export interface Location {
  page: number | null
  table: number | null
  row: number | null
  column: number | null
  cell?: string | undefined
}

/** Renders a location the one way reports use: "p2 t3 r5c4 (B7)". */
export function formatLocation(location: Location | null): string {
  if (!location) return '-'
  const parts: string[] = []
  if (location.page !== null) parts.push(`p${location.page}`)
  if (location.table !== null) parts.push(`t${location.table}`)
  if (location.row !== null) parts.push(`r${location.row}${location.column !== null ? `c${location.column}` : ''}`)
  if (location.cell) parts.push(`(${location.cell})`)
  return parts.join(' ') || '-'
}

/** Orders locations by page, table, row, column; a missing part sorts first. */
export function compareLocation(a: Location | null, b: Location | null): number {
  if (!a || !b) return a ? 1 : b ? -1 : 0
  for (const key of ['page', 'table', 'row', 'column'] as const) {
    const d = (a[key] ?? 0) - (b[key] ?? 0)
    if (d !== 0) return d
  }
  return 0
}

/**
 * A location in words, as reports show it to a clerk: «pagina 3, tabella 4, riga 23,
 * colonna 2»; a workbook's cell as «foglio 2, cella B7».
 */
export function describeLocation(location: Location | null): string {
  if (!location) return '—'
  if (location.cell) return [location.page !== null ? `foglio ${location.page}` : null, `cella ${location.cell}`].filter(Boolean).join(', ')
  const parts: string[] = []
  if (location.page !== null) parts.push(`pagina ${location.page}`)
  if (location.table !== null) parts.push(`tabella ${location.table}`)
  if (location.row !== null) parts.push(`riga ${location.row}`)
  if (location.column !== null) parts.push(`colonna ${location.column}`)
  return parts.join(', ') || '—'
}
