import type ExcelJS from 'exceljs'
import type { PlanRecord } from '../../model/record.js'
import { weightOn } from './weights.js'
import { countFindings } from '../../model/finding.js'
import { BORDER, CellIndex, formula, label, number, text, sheetRef, DECIMALS } from './cells.js'

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
  const widths = [8, 24, 70, 8, 16, 12, ...areas.map(() => 14), 22]
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

  const header = ['N.', 'Tipo', 'Descrizione', 'Cod.', 'CdR Coinvolti', 'Esito Pesatura', ...areas.map((a) => a.label), 'Stato']
  header.forEach((title, c) => label(sheet.getRow(5).getCell(c + 1), title))
  record.summary.forEach((row, i) => {
    const r = 6 + i
    const cellsOf = sheet.getRow(r)
    const at = `summary[${i}]`
    cells.set(`${at}.rowLabel`, text(cellsOf.getCell(1), row.rowLabel))
    cells.set(at, cellsOf.getCell(1))
    cells.set(`${at}.kind`, text(cellsOf.getCell(2), row.kind))
    const description = text(cellsOf.getCell(3), row.description)
    const objective = record.objectives.findIndex((o) => o.id === row.objectiveId)
    const target = row.objectiveId !== null ? cardSheets.get(row.objectiveId) : undefined
    if (row.description && target) {
      description.value = { text: row.description, hyperlink: `#${sheetRef(target.name)}!A1` }
      description.font = { color: { argb: 'FF0563C1' }, underline: true }
    }
    cells.set(`${at}.description`, description)
    cells.set(`${at}.code`, text(cellsOf.getCell(4), row.code))
    cells.set(`${at}.cdr`, text(cellsOf.getCell(5), row.cdr.join('\n') || null))
    const card = objective >= 0 ? record.objectives[objective] : undefined
    if (card && target) {
      formula(cellsOf.getCell(6), `${sheetRef(target.name)}!${target.score}`, card.weighting.score)
      areas.forEach((area, a) => {
        number(cellsOf.getCell(7 + a), card.areas.some((x) => x.area === area.id) ? weightOn(card, area.id) : null, DECIMALS)
      })
      const counts = countFindings(record.findings.filter((f) => f.objectiveId === card.id))
      text(cellsOf.getCell(7 + areas.length), status(counts))
    } else {
      for (let c = 6; c <= 7 + areas.length; c++) cellsOf.getCell(c).border = BORDER
      text(cellsOf.getCell(7 + areas.length), row.description ? 'scheda mancante' : 'riga vuota')
    }
  })
  sheet.views = [{ state: 'frozen', ySplit: 5 }]
  sheet.pageSetup = { paperSize: 9, orientation: 'landscape', fitToPage: true, fitToWidth: 1, fitToHeight: 0, printTitlesRow: '5:5' }
}

function status(counts: { error: number; warning: number; info: number }): string {
  const parts = []
  if (counts.error) parts.push(`${counts.error} ${counts.error === 1 ? 'errore' : 'errori'}`)
  if (counts.warning) parts.push(`${counts.warning} ${counts.warning === 1 ? 'avviso' : 'avvisi'}`)
  return parts.length > 0 ? parts.join(', ') : 'in ordine'
}
