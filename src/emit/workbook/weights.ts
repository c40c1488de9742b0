import type { Objective } from '../../model/record.js'
import { round4 } from '../../values/number.js'
import type { CellIndex } from './cells.js'
import { sheetRef } from './cells.js'
import { widthForWords } from './row-heights.js'

/** The width of an area's weight column, in «Riepilogo» and «Aree»: its bold header's longest word whole («AMMINISTRATIVO»). */
export function areaColumnWidth(label: string): number {
  return widthForWords([label], { bold: true }, 12)
}

/** The absolute weight an objective puts on an area (its rows for that area added up). */
export function weightOn(objective: Objective, area: string): number {
  return round4(objective.areas.filter((row) => row.area === area).reduce((sum, row) => sum + (row.absoluteWeight ?? 0), 0))
}

/**
 * The weight an objective puts on an area as a formula of its card's «peso assoluto in capo
 * all'Area» cells ('Obiettivo a'!C21+'Obiettivo a'!C24), with its cached value; null when the
 * objective has no row for the area or no card cell holds it. «Riepilogo» and «Aree» both
 * use it, so a rating changed on a card reaches both.
 */
export function areaWeightFormula(objective: Objective, index: number, area: string, cells: CellIndex): { formula: string; result: number } | null {
  const refs = objective.areas.flatMap((row, a) => {
    const cell = row.area === area ? cells.find(`objectives[${index}].areas[${a}].absoluteWeight`) : null
    return cell ? [`${sheetRef(cell.sheet)}!${cell.address}`] : []
  })
  return refs.length === 0 ? null : { formula: refs.join('+'), result: weightOn(objective, area) }
}
