import type ExcelJS from 'exceljs'
import type { Objective, PlanRecord } from '../../model/record.js'
import { CRITERIA } from '../../model/record.js'
import type { WeightingScheme } from '../../settings/scheme.js'
import { pointsFor } from '../../settings/scheme.js'
import { CellIndex, CENTRED, EURO, formula, label, number, percentFormat, text, typed, DECIMALS } from './cells.js'
import { printSetup } from './print.js'

const WIDTHS = [20, 30, 60, 60, 44, 10, 10, 10]
const LAST = 'H'
/** «Esito Pesatura», the card's score: large and bold. */
const SCORE_FONT: Partial<ExcelJS.Font> = Object.freeze({ bold: true, size: 14 })
const RATING_WORD = { alto: 'Alto', medio: 'Medio', basso: 'Basso' } as const
const CRITERION_LABEL = {
  importanza: 'Importanza',
  impattoEsterno: 'Impatto Esterno',
  complessita: 'Complessità',
  realizzabilita: 'Realizzabilità',
} as const

/**
 * One objective's card, laid out like the comune's own («scheda obiettivo»), with the same
 * labels, so that it prints like the original and perfplan reads it back. Computed cells are
 * formulas with cached values: «Esito Pesatura» from the ratings, «peso assoluto» = score ×
 * %, «INDICE DI ASSORBIMENTO» = IFERROR(obiettivo / programma; ""). Returns the address
 * of the score cell, which the summary refers to.
 */
export function writeCardSheet(sheet: ExcelJS.Worksheet, record: PlanRecord, index: number, scheme: WeightingScheme, cells: CellIndex): { score: string } {
  const objective = record.objectives[index] as Objective
  const path = `objectives[${index}]`
  WIDTHS.forEach((width, i) => (sheet.getColumn(i + 1).width = width))
  let r = 1
  const row = () => sheet.getRow(r)
  const merge = (from: string, to: string) => sheet.mergeCells(`${from}${r}:${to}${r}`)

  label(sheet.getCell(`A${r}`), `OBIETTIVO DELL'ORGANO POLITICO - AMMINISTRATIVO${objective.headerYear ? ` ${objective.headerYear}` : ''}`)
  merge('A', LAST)
  cells.set(`${path}.headerYear`, sheet.getCell(`A${r}`))
  r++
  label(sheet.getCell(`A${r}`), objective.kind ? `PERFORMANCE ${objective.kind.toUpperCase()}` : '')
  merge('A', 'F')
  label(sheet.getCell(`G${r}`), 'N.')
  cells.set(`${path}.id`, text(sheet.getCell(`H${r}`), objective.id))
  cells.set(path, sheet.getCell(`H${r}`))
  r++
  label(sheet.getCell(`A${r}`), 'COMUNE DI')
  text(sheet.getCell(`B${r}`), record.plan.comune)
  merge('B', LAST)
  cells.set(`${path}.comune`, sheet.getCell(`B${r}`))
  r++
  label(sheet.getCell(`A${r}`), 'CDR')
  text(sheet.getCell(`B${r}`), null)
  label(sheet.getCell(`C${r}`), 'RESPONSABILE PRIMARIO:')
  cells.set(`${path}.cdr.primary`, text(sheet.getCell(`D${r}`), objective.cdr.primary))
  label(sheet.getCell(`E${r}`), 'ALTRI CDR COINVOLTI')
  merge('E', 'F')
  cells.set(`${path}.cdr.involved`, text(sheet.getCell(`G${r}`), objective.cdr.involved.join('\n') || null))
  merge('G', LAST)
  r++
  for (const [field, title] of [['missione', 'MISSIONE'], ['programma', 'PROGRAMMA']] as const) {
    label(sheet.getCell(`A${r}`), title)
    const value = objective[field]
    cells.set(`${path}.${field}`, text(sheet.getCell(`B${r}`), value ? `${value.code} ${value.name}`.trim() : null))
    merge('B', LAST)
    r++
  }
  label(sheet.getCell(`A${r}`), 'TITOLO OBIETTIVO')
  cells.set(`${path}.title`, text(sheet.getCell(`B${r}`), objective.title))
  merge('B', LAST)
  r++

  // «RISULTATO ATTESO»: the indicator table; its label spans the header and the rows.
  const years = [...new Set(objective.indicators.flatMap((i) => Object.keys(i.baselines)))].sort().reverse().slice(0, 3)
  const first = r
  label(sheet.getCell(`A${r}`), 'RISULTATO ATTESO')
  ;['indicatore', 'descrizione', 'formula', 'target', ...years].forEach((title, c) => label(row().getCell(c + 2), title))
  years.forEach((year, y) => cells.set(`${path}.baselineYears.${year}`, row().getCell(6 + y)))
  cells.set(`${path}.indicators`, sheet.getCell(`B${r}`))
  r++
  objective.indicators.forEach((indicator, n) => {
    const at = `${path}.indicators[${n}]`
    cells.set(`${at}.name`, text(row().getCell(2), indicator.name))
    cells.set(`${at}.description`, text(row().getCell(3), indicator.description))
    cells.set(`${at}.formula`, text(row().getCell(4), indicator.formula))
    cells.set(`${at}.target`, typed(row().getCell(5), indicator.target))
    years.forEach((year, y) => cells.set(`${at}.baselines.${year}`, typed(row().getCell(6 + y), indicator.baselines[year] ?? null)))
    r++
  })
  if (r - 1 > first) sheet.mergeCells(`A${first}:A${r - 1}`)

  // «PESO OBIETTIVO»: one rating per criterion, chosen from a list; the score follows them.
  const weighting = objective.weighting
  const top = r
  label(sheet.getCell(`A${r}`), 'PESO OBIETTIVO')
  label(sheet.getCell(`B${r}`), 'Variabili')
  label(sheet.getCell(`C${r}`), 'RILEVANZA')
  label(sheet.getCell(`D${r}`), 'Esito Pesatura')
  r++
  for (const criterion of CRITERIA) {
    label(sheet.getCell(`B${r}`), CRITERION_LABEL[criterion])
    const rating = weighting[criterion]
    const cell = text(sheet.getCell(`C${r}`), rating ? RATING_WORD[rating] : null)
    cell.dataValidation = { type: 'list', allowBlank: true, formulae: ['"Alto,Medio,Basso"'], showErrorMessage: true }
    cells.set(`${path}.weighting.${criterion}`, cell)
    r++
  }
  const scoreCell = sheet.getCell(`D${top + 1}`)
  const complete = CRITERIA.every((criterion) => weighting[criterion] !== null)
  if (complete) {
    const terms = CRITERIA.map((criterion, i) => {
      const at = `C${top + 1 + i}`
      const p = (rating: 'alto' | 'medio' | 'basso') => pointsFor(scheme, criterion, rating)
      return `IF(${at}="Alto",${p('alto')},IF(${at}="Medio",${p('medio')},IF(${at}="Basso",${p('basso')},0)))`
    })
    formula(scoreCell, terms.join('+'), weighting.score)
  } else number(scoreCell, weighting.score)
  scoreCell.font = SCORE_FONT
  scoreCell.alignment = CENTRED
  sheet.mergeCells(`D${top + 1}:D${top + 4}`)
  sheet.mergeCells(`A${top}:A${top + 4}`)
  cells.set(`${path}.weighting.score`, scoreCell)
  cells.set(`${path}.weighting.declaredScore`, scoreCell)
  cells.set(`${path}.weighting`, scoreCell)

  // «RISORSE»
  const { resources } = objective
  label(sheet.getCell(`A${r}`), 'RISORSE ASSEGNATE AL PROGRAMMA')
  cells.set(`${path}.resources.programma`, number(sheet.getCell(`B${r}`), resources.programma, EURO))
  label(sheet.getCell(`C${r}`), 'RISORSE OBIETTIVO')
  cells.set(`${path}.resources.obiettivo`, number(sheet.getCell(`D${r}`), resources.obiettivo, EURO))
  label(sheet.getCell(`E${r}`), 'INDICE DI ASSORBIMENTO')
  sheet.mergeCells(`E${r}:F${r}`)
  cells.set(`${path}.resources.absorptionIndex`, formula(sheet.getCell(`G${r}`), `IFERROR(D${r}/B${r},"")`, resources.absorptionIndex, '0%'))
  sheet.mergeCells(`G${r}:${LAST}${r}`)
  cells.set(`${path}.resources`, sheet.getCell(`G${r}`))
  r++

  // «PIANIFICAZIONE ESECUTIVA»: one line per measure; the area's cells span its lines.
  label(sheet.getCell(`A${r}`), 'PIANIFICAZIONE ESECUTIVA')
  merge('A', 'D')
  label(sheet.getCell(`E${r}`), 'MISURAZIONE')
  merge('E', LAST)
  r++
  ;['Area/Settore', '% di contribuzione', "peso assoluto in capo all'Area", 'valore atteso', 'indicatori di misurazione', 'esito atteso'].forEach(
    (title, c) => label(row().getCell(c + 1), title),
  )
  sheet.mergeCells(`F${r}:${LAST}${r}`)
  r++
  const scoreRef = `$D$${top + 1}`
  objective.areas.forEach((area, a) => {
    const at = `${path}.areas[${a}]`
    const start = r
    cells.set(`${at}.area`, text(sheet.getCell(`A${r}`), area.label))
    cells.set(at, sheet.getCell(`A${r}`))
    if (a === 0) cells.set(`${path}.areas`, sheet.getCell(`B${r}`))
    const pct = number(sheet.getCell(`B${r}`), area.contributionPct === null ? null : area.contributionPct / 100, percentFormat((area.contributionPct ?? 0) / 100))
    cells.set(`${at}.contributionPct`, pct)
    const weight = sheet.getCell(`C${r}`)
    if (weighting.score !== null && area.contributionPct !== null) formula(weight, `${scoreRef}*B${r}`, area.absoluteWeight, DECIMALS)
    else number(weight, area.absoluteWeight, DECIMALS)
    cells.set(`${at}.absoluteWeight`, weight)
    cells.set(`${at}.declaredAbsoluteWeight`, weight)
    cells.set(`${at}.expectedValue`, text(sheet.getCell(`D${r}`), area.expectedValue))
    const measures = area.measures.length > 0 ? area.measures : [{ indicator: null, expected: null }]
    measures.forEach((measure, m) => {
      cells.set(`${at}.measures[${m}].indicator`, text(sheet.getCell(`E${r}`), measure.indicator))
      cells.set(`${at}.measures[${m}].expected`, typed(sheet.getCell(`F${r}`), measure.expected))
      sheet.mergeCells(`F${r}:${LAST}${r}`)
      r++
    })
    if (r - 1 > start) for (const column of ['A', 'B', 'C', 'D']) sheet.mergeCells(`${column}${start}:${column}${r - 1}`)
  })

  printSetup(sheet, { titleRows: '1:2' })
  return { score: `$D$${top + 1}` }
}
