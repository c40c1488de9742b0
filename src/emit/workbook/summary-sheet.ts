import type ExcelJS from 'exceljs'
import type { PlanRecord } from '../../model/record.js'
import { areaColumnWidth, areaWeightFormula } from './weights.js'
import { round4 } from '../../values/number.js'
import { countFindings } from '../../model/finding.js'
import { BOLD, BORDER, CellIndex, LINK_FONT, WRAP_TOP, CORRECTED_FILL, DOUBT_FILL, ERROR_FILL, formula, label, number, text, textLiteral, sheetRef, DECIMALS } from './cells.js'
import { printSetup } from './print.js'

/** The row of the summary's column headers, kept on screen and repeated on every printed page. */
export const SUMMARY_HEADER_ROW = 5

/**
 * «Riepilogo»: the plan's summary, one row per summary row as printed (N., Tipo,
 * Descrizione, Cod., CdR Coinvolti), each description a link to its card sheet, then the
 * reconciled score, the absolute weight per area and the objective's status.
 */
export function writeSummarySheet(
  sheet: ExcelJS.Worksheet,
  record: PlanRecord,
  cardSheets: Map<string, { name: string; score: string }>,
  cells: CellIndex,
): void {
  const areas = record.areas.map((total) => ({ id: total.area, label: total.label }))
  const header = ['N.', 'Tipo', 'Descrizione', 'Cod.', 'CdR Coinvolti', 'Esito Pesatura', ...areas.map((a) => a.label), 'Stato']
  // Each area's column as wide as the longest word of its name: «AMMINISTRATIVO» stays whole.
  const widths = [8, 24, 70, 8, 16, 12, ...areas.map((a) => areaColumnWidth(a.label)), 30]
  widths.forEach((width, i) => (sheet.getColumn(i + 1).width = width))

  label(sheet.getCell('A1'), 'Comune di:')
  sheet.mergeCells('A1:B1')
  cells.set('plan.comune', text(sheet.getCell('C1'), record.plan.comune))
  label(sheet.getCell('D1'), 'Unità Organizzativa')
  sheet.mergeCells('D1:E1')
  cells.set('plan.unit', text(sheet.getCell('F1'), record.plan.unit))
  label(sheet.getCell('A2'), record.plan.title ?? `Programmazione Obiettivi di Performance${record.plan.year ? ` ${record.plan.year}` : ''}`)
  sheet.mergeCells('A2:F2')
  cells.set('plan.title', sheet.getCell('A2'))
  sheet.getCell('A3').value = `File di origine: ${record.source.file} (${record.source.format}), sha256 ${record.source.sha256.slice(0, 12)}…`
  sheet.getCell('A3').font = { italic: true, color: { argb: 'FF595959' } }
  sheet.mergeCells('A3:F3')

  header.forEach((title, c) => label(sheet.getRow(SUMMARY_HEADER_ROW).getCell(c + 1), title))
  record.summary.forEach((row, i) => {
    const r = SUMMARY_HEADER_ROW + 1 + i
    const cellsOf = sheet.getRow(r)
    const at = `summary[${i}]`
    cells.set(`${at}.rowLabel`, text(cellsOf.getCell(1), row.rowLabel))
    cells.set(at, cellsOf.getCell(1))
    cells.set(`${at}.kind`, text(cellsOf.getCell(2), row.kind))
    const description = text(cellsOf.getCell(3), row.description)
    const objective = record.objectives.findIndex((o) => o.id === row.objectiveId)
    const target = row.objectiveId !== null ? cardSheets.get(row.objectiveId) : undefined
    if (row.description && target) {
      // A HYPERLINK formula rather than a cell link: LibreOffice prints a linked cell on one line.
      description.value = { formula: `HYPERLINK("#${sheetRef(target.name).replace(/"/g, '""')}!A1",${textLiteral(row.description)})`, result: row.description }
      description.font = LINK_FONT
    }
    cells.set(`${at}.description`, description)
    cells.set(`${at}.code`, text(cellsOf.getCell(4), row.code))
    cells.set(`${at}.cdr`, text(cellsOf.getCell(5), row.cdr.join('\n') || null))
    const card = objective >= 0 ? record.objectives[objective] : undefined
    if (card && target) {
      formula(cellsOf.getCell(6), `${sheetRef(target.name)}!${target.score}`, card.weighting.score)
      let sum = 0
      areas.forEach((area, a) => {
        const weight = areaWeightFormula(card, objective, area.id, cells)
        if (weight === null) number(cellsOf.getCell(7 + a), null)
        else formula(cellsOf.getCell(7 + a), weight.formula, weight.result, DECIMALS)
        sum += weight?.result ?? 0
      })
      const found = status(countFindings(record.findings.filter((f) => f.objectiveId === card.id)))
      const stato = cellsOf.getCell(7 + areas.length)
      if (areas.length === 0) text(stato, found)
      else {
        // «Stato» follows the card: the weights per area must add up to its «Esito Pesatura».
        const first = sheet.getColumn(7).letter
        const last = sheet.getColumn(6 + areas.length).letter
        const differ = round4(sum).toFixed(2) !== round4(card.weighting.score ?? 0).toFixed(2) // as ROUND(…;2) compares them
        const expression = `IF(ROUND(SUM(${first}${r}:${last}${r}),2)<>ROUND(F${r},2),${textLiteral(`${WEIGHTS_DIFFER}; ${found}`)},${textLiteral(found)})`
        formula(stato, expression, differ ? `${WEIGHTS_DIFFER}; ${found}` : found)
        stato.alignment = WRAP_TOP
      }
    } else {
      for (let c = 6; c <= 7 + areas.length; c++) cellsOf.getCell(c).border = BORDER
      text(cellsOf.getCell(7 + areas.length), row.description ? 'scheda mancante' : 'riga vuota')
    }
  })
  writeLegend(sheet, 7 + record.summary.length)
  printSetup(sheet, { titleRows: `${SUMMARY_HEADER_ROW}:${SUMMARY_HEADER_ROW}` })
}

/** What «Stato» says when the weights per area no longer add up to the score. */
const WEIGHTS_DIFFER = "pesi per area diversi dall'esito pesatura"

const LEGEND = [
  [CORRECTED_FILL, 'valore corretto da perfplan (il commento dà il valore originale e la regola)'],
  [DOUBT_FILL, 'valore da verificare'],
  [ERROR_FILL, 'errore che nessuna regola ha potuto correggere'],
] as const

/** What each colour means, below the summary. */
function writeLegend(sheet: ExcelJS.Worksheet, r: number): void {
  sheet.getCell(r, 2).value = 'Legenda'
  sheet.getCell(r, 2).font = BOLD
  LEGEND.forEach(([fill, meaning], i) => {
    const swatch = sheet.getCell(r + 1 + i, 2)
    swatch.fill = fill
    swatch.border = BORDER
    sheet.getCell(r + 1 + i, 3).value = meaning
  })
}

function status(counts: { error: number; warning: number; info: number }): string {
  const parts = []
  if (counts.error) parts.push(`${counts.error} ${counts.error === 1 ? 'errore' : 'errori'}`)
  if (counts.warning) parts.push(`${counts.warning} ${counts.warning === 1 ? 'avviso' : 'avvisi'}`)
  return parts.length > 0 ? parts.join(', ') : 'in ordine'
}
