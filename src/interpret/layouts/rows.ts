import type { Cell, Table } from '../../model/document.js'

/** A table's rows with their non-empty anchor cells, leaving out rows with none. */
export function filledRows(table: Table): Cell[][] {
  return table.rows.map((row) => row.filter((cell) => cell.text !== '')).filter((row) => row.length > 0)
}
