import { csvRows } from './csv.js'
import { AMBIGUOUS_BREAK, tablesOf, type PlanDocument, type Table } from '../model/document.js'

/** A table as a full grid of strings; a merged cell's text stands at its anchor, its shadow cells are "". */
export function tableGrid(table: Table): string[][] {
  const grid = table.rows.map(() => new Array<string>(table.columnCount).fill(''))
  for (const row of table.rows) for (const cell of row) (grid[cell.row] as string[])[cell.col] = cell.text.replaceAll(AMBIGUOUS_BREAK, '\n')
  return grid
}

/** `perfplan tables`: [{page, table, rows, merges}] as JSON. */
export function tablesAsJson(document: PlanDocument): string {
  const tables = tablesOf(document).map((table) => ({
    page: table.page,
    table: table.index,
    caption: table.caption,
    headerRows: table.headerRows,
    rows: tableGrid(table),
    merges: table.rows.flat().filter((cell) => cell.rowSpan > 1 || cell.colSpan > 1).map((cell) => ({ row: cell.row + 1, column: cell.col + 1, rowSpan: cell.rowSpan, colSpan: cell.colSpan })),
  }))
  return `${JSON.stringify(tables, null, 2)}\n`
}

/** `perfplan tables --csv`: every table as CSV, separated by a blank line. */
export function tablesAsCsv(document: PlanDocument): string {
  return tablesOf(document)
    .map((table) => csvRows(tableGrid(table)))
    .join('\n')
}
